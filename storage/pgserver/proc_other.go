//go:build !unix

package pgserver

import (
	"errors"
	"log/slog"
	"os"
	"syscall"
	"time"
)

// shutdownSignal: Windows cannot deliver signals; Stop falls back to Kill.
var shutdownSignal = os.Kill

func serverUser() (runAs, error) {
	return runAs{}, errors.New("pgserver: a private PostgreSQL server is only supported on unix systems")
}

func tempParent(runAs) string { return os.TempDir() }

func sweepStale(string, time.Duration, *slog.Logger) {}

func sysProcAttr(runAs) *syscall.SysProcAttr { return nil }
