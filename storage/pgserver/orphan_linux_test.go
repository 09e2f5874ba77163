package pgserver

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// When the process that started the server dies without calling Stop, the
// server shuts down by itself, and the next Start sweeps its directory away.
func TestServerDiesWithItsParent(t *testing.T) {
	if os.Getenv("PGSERVER_TEST_ORPHAN_CHILD") == "1" {
		srv, err := Start(context.Background(), nil)
		if err != nil {
			fmt.Println("ERROR", err)
			os.Exit(1)
		}
		fmt.Println(srv.cmd.Process.Pid, srv.Dir())
		time.Sleep(time.Minute) // until killed
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("starts a cluster in a child process")
	}
	child := exec.Command(os.Args[0], "-test.run=^TestServerDiesWithItsParent$", "-test.count=1")
	child.Env = append(os.Environ(), "PGSERVER_TEST_ORPHAN_CHILD=1")
	child.Stderr = os.Stderr
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	var (
		pid int
		dir string
	)
	line, err := bufio.NewReader(out).ReadString('\n')
	if _, serr := fmt.Sscan(line, &pid, &dir); err != nil || serr != nil {
		child.Process.Kill()
		child.Wait()
		t.Fatalf("child said %q (%v, %v)", line, err, serr)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if !alive(pid) {
		t.Fatalf("postgres (pid %d) is not running while its parent lives", pid)
	}

	child.Process.Kill() // SIGKILL: no chance to call Stop
	child.Wait()
	deadline := time.Now().Add(30 * time.Second)
	for alive(pid) {
		if time.Now().After(deadline) {
			t.Fatalf("postgres (pid %d) still runs 30s after its parent was killed", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("the orphan's directory should still be there before a sweep: %v", err)
	}
	sweepStale(filepath.Dir(dir), 0, slog.New(slog.DiscardHandler))
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("sweepStale left %s (stat: %v)", dir, err)
	}
}
