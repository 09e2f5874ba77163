//go:build unix

package pgserver

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// shutdownSignal asks postgres for a fast shutdown: disconnect clients, write
// a checkpoint, exit.
const shutdownSignal = syscall.SIGINT

// serverUser picks who runs initdb and postgres: the current user, or an
// unprivileged system user when we are root (initdb refuses root).
func serverUser() (runAs, error) {
	if os.Geteuid() != 0 {
		name := strconv.Itoa(os.Geteuid())
		if u, err := user.Current(); err == nil {
			name = u.Username
		}
		return runAs{name: name, uid: uint32(os.Geteuid()), gid: uint32(os.Getegid())}, nil
	}
	var tried []string
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			tried = append(tried, name)
			continue
		}
		uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
		gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
		if err1 != nil || err2 != nil || uid == 0 {
			tried = append(tried, name)
			continue
		}
		return runAs{name: name, uid: uint32(uid), gid: uint32(gid), switched: true}, nil
	}
	return runAs{}, fmt.Errorf("pgserver: running as root, and initdb refuses root, but no unprivileged user to run PostgreSQL as was found (tried %s); create one (e.g. useradd postgres)",
		strings.Join(tried, ", "))
}

// tempParent is the directory the cluster's directory is made in: memory
// where the system offers it (CREATE DATABASE, what every test does, is ten
// times faster there than on a disk), else the usual temp dir if the
// server's user can reach it, else /tmp.
func tempParent(who runAs) string {
	if dir := memoryDir(); dir != "" && writable(dir) && (!who.switched || traversable(dir, who)) {
		return dir
	}
	dir := os.TempDir()
	if !who.switched || traversable(dir, who) {
		return dir
	}
	return "/tmp"
}

// writable reports whether we may create entries in dir.
func writable(dir string) bool {
	return syscall.Access(dir, 0x2 /* W_OK */) == nil
}

// traversable reports whether every directory from / down to dir can be
// entered by who (we only look at the "other" and owner bits: enough for the
// usual /tmp or $TMPDIR layouts).
func traversable(dir string, who runAs) bool {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	for {
		fi, err := os.Stat(dir)
		if err != nil {
			return false
		}
		perm := fi.Mode().Perm()
		st, ok := fi.Sys().(*syscall.Stat_t)
		switch {
		case perm&0o001 != 0:
		case ok && st.Uid == who.uid && perm&0o100 != 0:
		case ok && st.Gid == who.gid && perm&0o010 != 0:
		default:
			return false
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return true
		}
		dir = parent
	}
}

// sweepStale removes directories of earlier servers whose starting process
// has died (a test binary killed before it could call Stop). On Linux the
// server itself got SIGINT when its owner died; only the files are left.
func sweepStale(parent string, minAge time.Duration, log *slog.Logger) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), dirPrefix) {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		raw, err := os.ReadFile(filepath.Join(dir, ownerFile))
		if err != nil {
			continue // not ours, or still being set up
		}
		owner, err := strconv.Atoi(strings.TrimSpace(string(raw)))
		if err != nil || alive(owner) {
			continue
		}
		if pm, err := os.ReadFile(filepath.Join(dir, "data", "postmaster.pid")); err == nil {
			// The server may still be shutting down; leave it for next time.
			line, _, _ := strings.Cut(string(pm), "\n")
			if pid, err := strconv.Atoi(strings.TrimSpace(line)); err == nil && alive(pid) {
				continue
			}
		}
		if fi, err := e.Info(); err != nil || time.Since(fi.ModTime()) < minAge {
			continue
		}
		if err := os.RemoveAll(dir); err == nil {
			log.Debug("pgserver: removed a stale server directory", "dir", dir, "owner", owner)
		}
	}
}

// alive reports whether a process with this pid exists and is not a zombie
// (in a container without an init that reaps, dead orphans linger as such).
func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	if stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); err == nil {
		// pid (comm) state …; comm may hold spaces and parentheses.
		if i := strings.LastIndexByte(string(stat), ')'); i >= 0 && i+2 < len(stat) && stat[i+2] == 'Z' {
			return false
		}
	}
	return true
}
