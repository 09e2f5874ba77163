package main

import (
	"bytes"
	"cmp"
	"context"
	"io"
	"log/slog"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A bot started before its database accepts connections (a compose stack
// coming up together) waits for it instead of exiting.
func TestStartWaitsForTheDatabase(t *testing.T) {
	target, err := url.Parse(storagetest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	// Where the server really is: a socket directory or host:port.
	network, addr := "tcp", target.Host
	if h := target.Query().Get("host"); strings.HasPrefix(h, "/") {
		network, addr = "unix", h+"/.s.PGSQL."+cmp.Or(target.Query().Get("port"), "5432")
	}
	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := free.Addr().String()
	free.Close() // nothing listens there until the "server" comes up
	q := target.Query()
	q.Del("host")
	q.Del("port")
	target.Host, target.RawQuery = port, q.Encode()

	var wg sync.WaitGroup
	t.Cleanup(wg.Wait)
	up := make(chan net.Listener, 1)
	wg.Go(func() {
		time.Sleep(1500 * time.Millisecond)
		ln, err := net.Listen("tcp", port)
		if err != nil {
			t.Error(err)
			close(up)
			return
		}
		up <- ln
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Go(func() { relay(c, network, addr) })
		}
	})
	t.Cleanup(func() {
		if ln, ok := <-up; ok {
			ln.Close()
		}
	})

	var logs bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	store, err := openStore(ctx, target.String(), slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatalf("the database came up after 1.5 s; openStore gave up: %v\n%s", err, logs.String())
	}
	store.Close()
	if !strings.Contains(logs.String(), "cannot be reached yet") {
		t.Errorf("no word of the wait in the logs: %s", logs.String())
	}
}

// A database that answers "no" (no such database) is not waited for.
func TestStartDoesNotWaitForAWrongDatabase(t *testing.T) {
	target, err := url.Parse(storagetest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	target.Path = "/no_such_database_here"
	began := time.Now()
	var logs bytes.Buffer
	_, err = openStore(context.Background(), target.String(), slog.New(slog.NewTextHandler(&logs, nil)))
	if err == nil || !strings.Contains(err.Error(), "no_such_database_here") {
		t.Fatalf("err = %v, want the server's refusal", err)
	}
	if d := time.Since(began); d > 5*time.Second || logs.Len() > 0 {
		t.Errorf("waited %v for a database that does not exist; logs: %s", d, logs.String())
	}
}

// relay copies between a client and the real server until either closes.
func relay(c net.Conn, network, addr string) {
	defer c.Close()
	s, err := net.Dial(network, addr)
	if err != nil {
		return
	}
	defer s.Close()
	done := make(chan struct{}, 2)
	go func() { io.Copy(s, c); done <- struct{}{} }()
	go func() { io.Copy(c, s); done <- struct{}{} }()
	<-done
}
