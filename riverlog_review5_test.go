package main

import (
	"cmp"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// cuttable relays TCP connections to a PostgreSQL server until cut: then
// every connection is closed and new ones are refused, as when the
// server is down.
type cuttable struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func newCuttable(t *testing.T, network, target string) *cuttable {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c := &cuttable{ln: ln}
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			server, err := net.Dial(network, target)
			if err != nil {
				conn.Close()
				continue
			}
			c.mu.Lock()
			c.conns = append(c.conns, conn, server)
			c.mu.Unlock()
			go func() { defer conn.Close(); defer server.Close(); copyBoth(conn, server) }()
		}
	}()
	t.Cleanup(c.cut)
	return c
}

func copyBoth(a, b net.Conn) {
	done := make(chan struct{}, 2)
	go func() { _, _ = io.Copy(a, b); done <- struct{}{} }()
	go func() { _, _ = io.Copy(b, a); done <- struct{}{} }()
	<-done
}

func (c *cuttable) cut() {
	c.ln.Close()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, conn := range c.conns {
		conn.Close()
	}
	c.conns = nil
}

// While the database is down, River logged its failure to fetch jobs
// about once a second — 3,600 lines an hour, the same line — drowning
// whatever else the bot had to say. The same message from River is now
// logged at most once a minute, the first at once, with the number of
// repeats; a different message is not held back; and every one is still
// counted in dvcbot_log_messages_total.
func TestRiverDoesNotFloodWhileTheDatabaseIsDown(t *testing.T) {
	t.Parallel() // mostly waits: beside the others
	dbURL, err := url.Parse(storagetest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	// Where the server really is: a socket directory or host:port.
	network, addr := "tcp", dbURL.Host
	if h := dbURL.Query().Get("host"); strings.HasPrefix(h, "/") {
		network, addr = "unix", h+"/.s.PGSQL."+cmp.Or(dbURL.Query().Get("port"), "5432")
	}
	relay := newCuttable(t, network, addr)
	q := dbURL.Query()
	q.Del("host")
	q.Del("port")
	dbURL.Host, dbURL.RawQuery = relay.ln.Addr().String(), q.Encode()
	srv := telegramtest.NewServer()
	defer srv.Close()
	p := startOp(t, opEnv(srv, dbURL.String()))
	p.waitHealthy(t)
	time.Sleep(2 * time.Second)
	before := len(p.lines(""))
	relay.cut()
	time.Sleep(12 * time.Second)
	after := p.lines("")[before:]
	if os.Getenv("DBG") != "" {
		t.Log(strings.Join(after, "\n"))
	}
	msgs := map[string]int{}
	for _, l := range after {
		if _, m, ok := strings.Cut(l, ` msg="`); ok {
			m, _, _ = strings.Cut(m, `"`)
			msgs[m]++
		}
	}
	const fetching, settings = "producer: Error fetching jobs", "producer: Error fetching queue settings"
	if msgs[fetching] == 0 || msgs[settings] == 0 {
		t.Fatalf("River did not say it cannot fetch jobs: the test proves nothing\n%s", strings.Join(after, "\n"))
	}
	for m, n := range msgs {
		if strings.Contains(m, ": ") && n > 1 { // River's: "component: Message"
			t.Errorf("%q logged %d times in 12 s", m, n)
		}
	}
	counted := p.metric(t, `dvcbot_log_messages_total{level="ERROR",msg="`+fetching+`"}`)
	if n, err := strconv.Atoi(counted); err != nil || n < 5 {
		t.Errorf("%q counted %q times in 12 s, want every one (about one a second)", fetching, counted)
	}
}

// The limiter of River's lines: the first of a message at once, a
// different message at once, the same one again only after the interval,
// saying how many were held back.
func TestRepeatLimiter(t *testing.T) {
	var out strings.Builder
	now := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	h := newRepeatLimiter(slog.NewTextHandler(&out, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		}}), time.Minute)
	h.now = func() time.Time { return now }
	log := slog.New(h).With("component", "river")
	for i := range 30 {
		log.Error("producer: Error fetching jobs", "attempt", i)
		if i == 10 {
			log.Error("producer: Error fetching queue settings")
			log.Warn("producer: Error fetching jobs") // another level: another line
		}
		now = now.Add(time.Second)
	}
	now = now.Add(31 * time.Second) // a minute after the first
	log.Error("producer: Error fetching jobs", "attempt", 30)
	want := `level=ERROR msg="producer: Error fetching jobs" component=river attempt=0
level=ERROR msg="producer: Error fetching queue settings" component=river
level=WARN msg="producer: Error fetching jobs" component=river
level=ERROR msg="producer: Error fetching jobs" component=river attempt=30 repeats_not_logged=29 since=2026-11-30T08:00:00.000Z
`
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}
