package main

import (
	"bytes"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// A province's network often reaches api.telegram.org through a proxy
// (HTTPS_PROXY, HTTP_PROXY in the container's environment). The bot's
// own health check used Go's default client, which takes those too: with
// HTTP_ADDR=0.0.0.0:8080 (or [::]:8080) it asked the proxy for
// http://0.0.0.0:8080/healthz, which the proxy cannot reach, and the
// container was marked unhealthy, then restarted, though the bot was
// well. It asks its own address directly now (the address any interface
// listens on is asked on this machine's loopback).
func TestHealthcheckGoesAroundAProxy(t *testing.T) {
	t.Parallel() // mostly waits: beside the others
	bin := opBinary(t)
	for _, host := range []string{"0.0.0.0", "[::]"} {
		ln, err := net.Listen("tcp", host+":0")
		if err != nil {
			t.Logf("cannot listen on %s: %v", host, err)
			continue
		}
		_, port, _ := net.SplitHostPort(ln.Addr().String())
		srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/healthz" {
				http.NotFound(w, r)
				return
			}
			w.Write([]byte("ok\n"))
		})}
		go srv.Serve(ln)
		// A proxy that answers 502 to everything, as one that cannot reach
		// the address asked for.
		proxy := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "proxy: cannot reach "+r.Host, http.StatusBadGateway)
		})}
		pl, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		go proxy.Serve(pl)
		cmd := exec.Command(bin, "healthcheck")
		cmd.Env = append(os.Environ(), "HTTP_ADDR="+host+":"+port, "HTTP_PROXY=http://"+pl.Addr().String(),
			"http_proxy=http://"+pl.Addr().String(), "NO_PROXY=", "no_proxy=")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("healthcheck of a healthy bot on HTTP_ADDR=%s:%s with HTTP_PROXY set: %v: %s", host, port, err, out)
		}
		srv.Close()
		proxy.Close()
	}
}

// A database that does not answer at all (a network cut, a server
// frozen: no "connection refused") makes /healthz wait out its ping, 3 s,
// before it answers 503 "database unreachable". dvcbot healthcheck gave
// up after 3 s too, so the container's health log said only "context
// deadline exceeded", never why. It waits longer than /healthz's own
// bound now (and less than the image's 5 s health-check timeout).
func TestHealthcheckOutwaitsTheDatabasePing(t *testing.T) {
	t.Parallel() // mostly waits: beside the others
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(3100 * time.Millisecond) // storage.Ping's bound, and a little
		http.Error(w, "database unreachable", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	var out, errOut bytes.Buffer
	code := run([]string{"healthcheck"}, env(map[string]string{"HTTP_ADDR": strings.TrimPrefix(srv.URL, "http://")}), strings.NewReader(""), &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "database unreachable") {
		t.Errorf("healthcheck of a bot whose database does not answer: exit %d, stderr %q; want 1 and the reason", code, errOut.String())
	}
}
