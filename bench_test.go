package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// TestBenchLoad runs `dvcbot bench` with tiny settings, the bot in a
// process of its own and in the bench's, and checks that the report has a
// row per chat count with sane numbers (its numbers go to the docs, not
// into assertions beyond "> 0").
func TestBenchLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("runs pgbench and two load runs (several seconds)")
	}
	// In-process, the chats pause after each reply (-pace); the bot in a
	// process of its own runs two rounds (-rounds).
	for _, mode := range [][]string{{"-rounds", "2", "-duration", "1s"}, {"-in-process", "-pace", "20ms"}} {
		t.Run(fmt.Sprint(mode), func(t *testing.T) { testBenchLoad(t, mode) })
	}
}

func testBenchLoad(t *testing.T, mode []string) {
	var out, errOut bytes.Buffer
	args := append([]string{"bench", "-chats", "1,3", "-duration", "2s", "-reference", "1s", "-scale", "1"}, mode...)
	url := storagetest.URL(t)
	if code := run(args, env(map[string]string{"DATABASE_URL": url}), nil, &out, &errOut); code != 0 {
		t.Fatalf("bench exited %d: %s\n%s", code, errOut.String(), out.String())
	}
	// The bot ran in a database of its own, made for the run and dropped
	// after it, as pgbench's: nothing an earlier run left slows the next.
	db, err := sql.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var left, updates int
	if err := db.QueryRow(`SELECT count(*) FROM pg_database WHERE datname LIKE $1`, fmt.Sprintf("dvcbot_bench_%%_%d", os.Getpid())).Scan(&left); err != nil || left != 0 {
		t.Errorf("scratch databases left after the run: %d (%v)", left, err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM updates`).Scan(&updates); err != nil && !strings.Contains(err.Error(), "does not exist") || updates != 0 {
		t.Errorf("the bot wrote %d updates into the database given (%v), want them in a scratch one", updates, err)
	}
	report := out.String()
	rounds := slices.Contains(mode, "-rounds")
	ref := regexp.MustCompile(`(?m)^reference: .*: ([0-9]+)(, ([0-9]+))? tps$`).FindStringSubmatch(report)
	if ref == nil || ref[1] == "0" || rounds != (ref[3] != "") || ref[3] == "0" {
		t.Fatalf("want a reference tps per round:\n%s", report)
	}
	if rounds {
		// Each round's rows carry their round, first in the markdown
		// rows; the medians come after the plain table.
		rounded := regexp.MustCompile(`(?m)^\| ([12]) (\| [0-9]+ \|.*)$`).FindAllStringSubmatch(report, -1)
		if len(rounded) != 4 || rounded[0][1] != "1" || rounded[1][1] != "1" || rounded[2][1] != "2" || rounded[3][1] != "2" {
			t.Fatalf("want markdown rows for rounds 1, 1, 2, 2:\n%s", report)
		}
		medians := regexp.MustCompile(`(?m)^ +(1|3) +[0-9]+ \([0-9]+–[0-9]+\) +[0-9.]+% \([0-9.]+%–[0-9.]+%\) +[0-9]+ms \([0-9]+ms–[0-9]+ms\)$`).FindAllStringSubmatch(report, -1)
		if !strings.Contains(report, "medians of the 2 rounds") || len(medians) != 2 {
			t.Errorf("want the medians of the 2 rounds for 1 and 3 chats:\n%s", report)
		}
		// Each round's ratio is to its own round's pgbench.
		var tps [2]float64
		for i, v := range []string{ref[1], ref[3]} {
			tps[i], _ = strconv.ParseFloat(v, 64)
		}
		var kept []string
		for _, r := range rounded {
			kept = append(kept, r[2])
			cells := strings.Split(r[2], " | ")
			rate, _ := strconv.ParseFloat(cells[1], 64)
			got, _ := strconv.ParseFloat(strings.TrimSuffix(cells[2], "%"), 64)
			round, _ := strconv.Atoi(r[1])
			if want := 100 * rate / tps[round-1]; math.Abs(got-want) > 0.06+0.01*want {
				t.Errorf("round %s, %s: %.1f%% of pgbench, want %.1f%% of its round's %.0f tps", r[1], r[2], got, want, tps[round-1])
			}
		}
		report = strings.Join(kept[2:], "\n") + "\n" + report // round 2's rows, checked below as one run's
	}
	// chats, updates/s, ratio, p50, p95, p99, commits, trips, alloc, CPU
	// (the bot's, the server's, the bench's), RSS.
	row := regexp.MustCompile(`(?m)^\| ([0-9]+) \| ([0-9]+) \| ([0-9.]+)% \| ([0-9.]+) / ([0-9.]+) / ([0-9.]+) ms \| ([0-9.]+) \| ([0-9.]+) \| ([0-9]+) KiB \| ([0-9.]+) ms, ([0-9.]+ ms|—), ([0-9.]+ ms|—) \| ([0-9]+) MiB \|$`)
	rows := row.FindAllStringSubmatch(report, -1)
	if len(rows) != 2 || rows[0][1] != "1" || rows[1][1] != "3" {
		t.Fatalf("want markdown rows for 1 and 3 chats:\n%s", report)
	}
	for _, r := range rows {
		for i, name := range []string{2: "updates/s", 3: "ratio", 4: "p50", 7: "commits/update", 8: "round trips/update", 9: "allocated/update", 10: "CPU/update", 13: "peak RSS"} {
			if name == "" {
				continue
			}
			if v, err := strconv.ParseFloat(r[i], 64); err != nil || v <= 0 {
				t.Errorf("%s chats: %s is %q\n%s", r[1], name, r[i], report)
			}
		}
		// The test server runs here: its CPU is read from /proc. The
		// bench's own process is measured when the bot has one of its own.
		if v, err := strconv.ParseFloat(strings.TrimSuffix(r[11], " ms"), 64); err != nil || v <= 0 {
			t.Errorf("%s chats: PostgreSQL's CPU per update is %q\n%s", r[1], r[11], report)
		}
		if inProcess := slices.Contains(mode, "-in-process"); inProcess != (r[12] == "—") {
			t.Errorf("%s chats (%v): the bench's CPU per update is %q", r[1], mode, r[12])
		}
		// Every update commits at least its handler's transaction, and
		// costs several round trips.
		if c, _ := strconv.ParseFloat(r[7], 64); c < 1 {
			t.Errorf("%s chats: %s commits per update", r[1], r[7])
		}
		if c, _ := strconv.ParseFloat(r[8], 64); c < 3 {
			t.Errorf("%s chats: %s round trips per update", r[1], r[8])
		}
	}
	if !strings.Contains(report, "chats  updates/s") {
		t.Errorf("no plain table:\n%s", report)
	}
	// The server's settings that change what the numbers mean are named.
	if !regexp.MustCompile(`\(fsync (on|off), synchronous_commit \w+, autovacuum (on|off)\)`).MatchString(report) {
		t.Errorf("the report does not name fsync, synchronous_commit and autovacuum:\n%s", report)
	}
	paced := strings.Contains(report, "the next tap 20ms after the reply on average")
	if paced != slices.Contains(mode, "-pace") || paced == strings.Contains(report, "the next tap at once") {
		t.Errorf("%v: the report does not say how the chats tap:\n%s", mode, report)
	}
}

func TestBenchFlags(t *testing.T) {
	f, _, err := parseBenchFlags([]string{"-chats", "50, 200,1000", "-duration", "3s"}, &bytes.Buffer{})
	if err != nil || len(f.chats) != 3 || f.chats[2] != 1000 || f.legacy {
		t.Fatalf("parsed %+v, %v", f, err)
	}
	if f, _, err := parseBenchFlags([]string{"-updates", "20", "-chats", "2"}, &bytes.Buffer{}); err != nil || !f.legacy {
		t.Fatalf("-updates should select the older measurement: %+v, %v", f, err)
	}
	for _, bad := range [][]string{{"-chats", "0"}, {"-chats", "5,x"}, {"-duration", "1ms"}, {"-reference", "-1s"}, {"-pace", "-1s"}, {"-rounds", "0"}} {
		if _, _, err := parseBenchFlags(bad, &bytes.Buffer{}); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
	if u, _ := withDatabase("postgres://u:p@h:5/db?sslmode=disable", "x"); u != "postgres://u:p@h:5/x?sslmode=disable" {
		t.Errorf("withDatabase: %s", u)
	}
	if u, _ := withDatabase("postgres://h", "x"); u != "postgres://h/x" {
		t.Errorf("withDatabase: %s", u)
	}
}

// TestBenchLoopReference: without pgbench, the reference is a loop of
// pgbench -N's transaction.
func TestBenchLoopReference(t *testing.T) {
	if testing.Short() {
		t.Skip("runs for a second")
	}
	ref, err := loopReference(t.Context(), storagetest.URL(t), time.Second, 1)
	if err != nil || ref.tps <= 0 || !strings.Contains(ref.how, "no pgbench here") {
		t.Fatalf("%+v, %v", ref, err)
	}
}

// pgbench gets the connection string in its environment, not on its
// command line, which any user of the machine can read (ps): the password
// stays out of it.
func TestPgbenchArgsHoldNoPassword(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "pgbench")
	log := filepath.Join(dir, "args")
	body := "#!/bin/sh\necho \"$@\" >> " + log + "\necho \"db=$PGDATABASE\" >> " + log + "\necho 'tps = 123.4 (without initial connection time)'\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	const url = "postgres://bench:s3cret-pw@127.0.0.1:5432/scratch?sslmode=disable"
	ref, err := runPgbench(context.Background(), script, url, time.Second, 1)
	if err != nil || ref.tps != 123.4 {
		t.Fatalf("runPgbench: %+v, %v", ref, err)
	}
	got, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	if len(lines) != 4 || lines[1] != "db="+url || lines[3] != "db="+url {
		t.Fatalf("pgbench was given:\n%s\nwant two runs, each with the connection string in PGDATABASE", got)
	}
	for _, args := range []string{lines[0], lines[2]} {
		if strings.Contains(args, "s3cret") {
			t.Errorf("pgbench's command line holds the password: %s", args)
		}
	}
}
