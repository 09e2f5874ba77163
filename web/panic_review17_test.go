package web

import (
	"bytes"
	"context"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// brokenStore is the real storage with one fault put in: reading a
// follow-up panics, as a bug in the page's code would.
type brokenStore struct{ Store }

func (brokenStore) FollowupByToken(context.Context, string) (FollowupPage, error) {
	panic("broken on purpose")
}

// A panic while serving the page left the resident with no answer at all
// (the browser's "empty response"), and net/http logged it with the
// resident's address ("http: panic serving 203.0.113.7:51234"), which the
// logs must not carry (docs/privacy.md). The page now answers its own
// error page, and logs the failure as its other failures are: the link's
// first characters, no address.
func TestPanicGetsTheErrorPageAndLogsNoAddress(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-1721", time.Time{}, false)
	g, l := catalogs(t)
	var pageLog, serverLog bytes.Buffer
	h := New(brokenStore{f.store}, g, l, WithClock(func() time.Time { return now }),
		WithLogger(slog.New(slog.NewTextHandler(&pageLog, nil))))
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ErrorLog = log.New(&serverLog, "", 0)
	srv.Start()
	t.Cleanup(srv.Close)

	res, err := http.Get(srv.URL + "/f/" + token)
	if err != nil {
		t.Fatalf("no answer: %v", err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if want := l.For("vi").T("web.error_title"); res.StatusCode != http.StatusInternalServerError || !strings.Contains(string(body), want) {
		t.Errorf("answer %d, want 500 with %q:\n%s", res.StatusCode, want, body)
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(h.Collector())
	m := httptest.NewRecorder()
	promhttp.HandlerFor(reg, promhttp.HandlerOpts{}).ServeHTTP(m, httptest.NewRequest("GET", "/metrics", nil))
	if want := `dvcbot_web_answers_total{code="500"} 1`; !strings.Contains(m.Body.String(), want) {
		t.Errorf("the metrics lack %s:\n%s", want, m.Body.String())
	}
	if res.Header.Get("Content-Security-Policy") == "" {
		t.Error("the error page lacks the page's security headers")
	}
	srv.Close() // its log is complete
	logs := pageLog.String() + serverLog.String()
	if strings.Contains(logs, "127.0.0.1") {
		t.Errorf("the logs carry the client's address:\n%s", logs)
	}
	if strings.Contains(logs, token) {
		t.Errorf("the logs carry the link's token:\n%s", logs)
	}
	if !strings.Contains(pageLog.String(), "broken on purpose") || !strings.Contains(pageLog.String(), token[:4]+"…") {
		t.Errorf("the page's log does not say what failed, on which link:\n%s", pageLog.String())
	}
}
