package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A container marked unhealthy showed, in its health log (docker inspect),
// only "healthz answered 503 Service Unavailable": not why, though /healthz
// says it (the database, Telegram not answering, a webhook set elsewhere).
// dvcbot healthcheck now prints /healthz's own words after the status.
func TestHealthcheckSaysWhy(t *testing.T) {
	const why = "database unreachable"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
			return
		}
		http.Error(w, why, http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	var out, errOut bytes.Buffer
	code := run([]string{"healthcheck"}, env(map[string]string{"HTTP_ADDR": strings.TrimPrefix(srv.URL, "http://")}), strings.NewReader(""), &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "503") || !strings.Contains(errOut.String(), why) || strings.Count(strings.TrimSpace(errOut.String()), "\n") != 0 {
		t.Errorf("healthcheck of an unhealthy bot: exit %d, stderr %q; want 1 and one line with the status and %q", code, errOut.String(), why)
	}
}
