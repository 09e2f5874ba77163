package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

func TestMain(m *testing.M) {
	// dvcbot bench starts its bot as `<this binary> bench-bot`: in a test,
	// this binary is the test's.
	if len(os.Args) > 1 && os.Args[1] == "bench-bot" {
		os.Exit(run(os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr))
	}
	storagetest.Main(m)
}

// serveInProcess runs serve with cfg, its logs to w (nil: discarded), until
// the stop it returns is called or the test ends; serve returning an error
// fails the test.
func serveInProcess(t *testing.T, cfg config, w io.Writer) (stop func()) {
	if w == nil {
		w = io.Discard
	}
	running, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- serve(running, cfg, slog.New(slog.NewTextHandler(w, nil))) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-served; err != nil {
				t.Errorf("serve: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// Bad configuration stops start-up with one line naming the variable, and
// exit status 2.
func TestConfigErrors(t *testing.T) {
	ok := map[string]string{"TELEGRAM_BOT_TOKEN": "123:abc", "DATABASE_URL": "postgres://x@127.0.0.1:1/db"}
	with := func(k, v string) map[string]string {
		m := map[string]string{}
		for a, b := range ok {
			m[a] = b
		}
		m[k] = v
		return m
	}
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"missing token", nil, with("TELEGRAM_BOT_TOKEN", ""), "TELEGRAM_BOT_TOKEN is not set"},
		{"malformed token", nil, with("TELEGRAM_BOT_TOKEN", "nocolon"), "TELEGRAM_BOT_TOKEN is malformed"},
		{"missing database", nil, with("DATABASE_URL", ""), "DATABASE_URL is not set"},
		{"malformed database", nil, with("DATABASE_URL", "mysql://x"), "DATABASE_URL is malformed"},
		{"webhook without secret", nil, with("WEBHOOK_URL", "https://example.org/hook"), "WEBHOOK_SECRET is not set"},
		{"secret without webhook", nil, with("WEBHOOK_SECRET", "abc"), "WEBHOOK_URL is not set"},
		{"webhook not https", nil, func() map[string]string {
			m := with("WEBHOOK_URL", "http://example.org/hook")
			m["WEBHOOK_SECRET"] = "abc"
			return m
		}(), "WEBHOOK_URL is malformed"},
		{"webhook without a path", nil, func() map[string]string {
			m := with("WEBHOOK_URL", "https://example.org")
			m["WEBHOOK_SECRET"] = "abc"
			return m
		}(), "WEBHOOK_URL needs a path of its own"},
		{"webhook under the follow-up pages", nil, func() map[string]string {
			m := with("WEBHOOK_URL", "https://example.org/f/hook")
			m["WEBHOOK_SECRET"] = "abc"
			return m
		}(), "WEBHOOK_URL needs a path of its own"},
		{"secret with bad characters", nil, func() map[string]string {
			m := with("WEBHOOK_URL", "https://example.org/hook")
			m["WEBHOOK_SECRET"] = "a b"
			return m
		}(), "WEBHOOK_SECRET is malformed"},
		{"bad admin id", nil, with("ADMIN_TELEGRAM_IDS", "12,abc"), `ADMIN_TELEGRAM_IDS has "abc"`},
		{"bad trusted proxy", nil, with("TRUSTED_PROXIES", "10.0.0.0/8,proxy.local"), `TRUSTED_PROXIES has "proxy.local"`},
		{"negative send rate", nil, with("SEND_RATE", "-1"), `SEND_RATE is "-1"`},
		{"send chat rate not a number", nil, with("SEND_CHAT_RATE", "fast"), `SEND_CHAT_RATE is "fast"`},
		{"bad language", nil, with("DEFAULT_LANGUAGE", "fr"), "DEFAULT_LANGUAGE is \"fr\""},
		{"public url without scheme", nil, with("PUBLIC_URL", "bot.example.org"), "PUBLIC_URL is malformed"},
		{"retention days zero", nil, with("FOLLOWUP_RETENTION_DAYS", "0"), `FOLLOWUP_RETENTION_DAYS is "0"`},
		{"tap guard without a unit", nil, with("TAP_GUARD", "1500"), `TAP_GUARD is "1500"`},
		{"tap guard too long", nil, with("TAP_GUARD", "1m"), `TAP_GUARD is "1m"`},
		{"bad address", nil, with("HTTP_ADDR", "8080"), "HTTP_ADDR is malformed"},
		{"bad port", nil, with("HTTP_ADDR", "localhost:abc"), "HTTP_ADDR has a bad port"},
		{"misspelt database scheme", nil, with("DATABASE_URL", "postgress://x/db?sslmode=disable"), "DATABASE_URL is malformed"},
		{"database neither URL nor pairs", nil, with("DATABASE_URL", "localhost"), "DATABASE_URL is malformed"},
		{"bad api url", nil, with("TELEGRAM_API_URL", "ftp://x"), "TELEGRAM_API_URL is malformed"},
		{"bad flag language", []string{"-lang", "de"}, ok, "DEFAULT_LANGUAGE is \"de\""},
		{"unknown command", []string{"frobnicate"}, ok, `unknown command "frobnicate"`},
		{"migrate without database", []string{"migrate"}, with("DATABASE_URL", ""), "DATABASE_URL is not set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, env(tt.env), strings.NewReader(""), &out, &errOut)
			if code != 2 {
				t.Fatalf("exit status %d, want 2 (stderr %q)", code, errOut.String())
			}
			lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
			if len(lines) != 1 || !strings.Contains(lines[0], tt.want) {
				t.Fatalf("stderr = %q, want one line containing %q", errOut.String(), tt.want)
			}
		})
	}
}

func TestConfigDefaults(t *testing.T) {
	c, err := loadConfig(nil, env(map[string]string{"TELEGRAM_BOT_TOKEN": "1:a", "DATABASE_URL": "postgres://x/y", "ADMIN_TELEGRAM_IDS": "1, 22,333"}), needs{token: true, database: true}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if c.HTTPAddr != ":8080" || c.DefaultLanguage != "vi" || c.APIURL != "https://api.telegram.org" || len(c.Admins) != 3 || c.Admins[2] != 333 ||
		c.SendRate != 24 || c.SendChatRate != 1 || c.PublicURL != "" || c.FollowupDays != 90 {
		t.Fatalf("defaults: %+v", c)
	}
	c, err = loadConfig(nil, env(map[string]string{"TELEGRAM_BOT_TOKEN": "1:a", "DATABASE_URL": "postgres://x/y", "SEND_RATE": "0", "SEND_CHAT_RATE": "0.5"}), needs{token: true, database: true}, &bytes.Buffer{})
	if err != nil || c.SendRate != 0 || c.SendChatRate != 0.5 {
		t.Fatalf("SEND_RATE=0, SEND_CHAT_RATE=0.5: %+v, %v", c, err)
	}
	c, err = loadConfig(nil, env(map[string]string{"PUBLIC_URL": "https://bot.example.org/", "FOLLOWUP_RETENTION_DAYS": "30"}), needs{}, &bytes.Buffer{})
	if err != nil || c.PublicURL != "https://bot.example.org" || c.FollowupDays != 30 {
		t.Fatalf("PUBLIC_URL, FOLLOWUP_RETENTION_DAYS: %+v, %v", c, err)
	}
	if c.TapGuard != 1500*time.Millisecond {
		t.Fatalf("TAP_GUARD unset: %v, want the handlers' default 1.5s", c.TapGuard)
	}
	for v, want := range map[string]time.Duration{"0": 0, "800ms": 800 * time.Millisecond, "2s": 2 * time.Second} {
		c, err = loadConfig(nil, env(map[string]string{"TAP_GUARD": v}), needs{}, &bytes.Buffer{})
		if err != nil || c.TapGuard != want {
			t.Fatalf("TAP_GUARD=%s: %v, %v; want %v", v, c.TapGuard, err, want)
		}
	}
}

// The README's first command: the demo greets in Vietnamese, helps, and
// switches to English when the second language button is pressed. A second
// run on the same database works too (its updates are not taken for
// re-deliveries of the first run's).
func TestDemo(t *testing.T) {
	url := storagetest.URL(t)
	var out, errOut bytes.Buffer
	code := run([]string{"demo"}, env(map[string]string{"DATABASE_URL": url}),
		strings.NewReader("/start\n/help\n/lang\n2\n/invite\nphuong 12 go vap\n1\n1\n"), &out, &errOut)
	if code != 0 {
		t.Fatalf("demo exited %d: %s", code, errOut.String())
	}
	var again bytes.Buffer
	if code := run([]string{"demo"}, env(map[string]string{"DATABASE_URL": url}), strings.NewReader("/help\n"), &again, &errOut); code != 0 || !strings.Contains(again.String(), "Administrator commands:") { // same user: English, from the first run
		t.Fatalf("second demo on the same database (exit %d):\n%s\n%s", code, again.String(), errOut.String())
	}
	for _, want := range []string{
		"Xin chào Demo!",
		"/invite",
		"[1] Tiếng Việt   [2] English",
		"Switched to English.",
		"formerly: Phường 12, Quận Gò Vấp",
		"https://t.me/dvcbot_demo_bot?start=",
		"(end of input: demo stopped)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestDemoRunsACase runs a whole birth-registration case from the keyboard.
func TestDemoRunsACase(t *testing.T) {
	url := storagetest.URL(t)
	var out, errOut bytes.Buffer
	c, err := guides.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	g, _ := c.Guide("khai-sinh")
	n := len(g.Steps)
	// /new, the guide found by its name, the reminder yes, start the steps
	// (after the checklist's ticks), every step done, submitted, the code.
	input := "/new\nkhai sinh\n1\n1\n" + fmt.Sprintf("%d\n", len(g.Prerequisites)+1) + strings.Repeat("1\n", n) + "1\n000.00.12.H26-251127-0001\n"
	if code := run([]string{"demo"}, env(map[string]string{"DATABASE_URL": url}), strings.NewReader(input), &out, &errOut); code != 0 {
		t.Fatalf("demo exited %d: %s", code, errOut.String())
	}
	for _, want := range []string{"Bước 1/" + fmt.Sprint(n), fmt.Sprintf("Bước %d/%d", n, n), "✅ Đã lưu ca #1.", "Mã hồ sơ 000.00.12.H26-251127-0001"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestGuidesCheck(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"guides", "check"}, env(nil), nil, &out, &errOut); code != 0 || !strings.Contains(out.String(), "all valid") {
		t.Fatalf("guides check of the shipped guides: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	dir := t.TempDir()
	broken := "id: hong\ntitle:\n  vi: Hỏng\n  en: Broken\nmode: muc-do-4\n"
	if err := os.WriteFile(filepath.Join(dir, "hong.yaml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errOut.Reset()
	if code := run([]string{"guides", "check", dir}, env(nil), nil, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), `hong.yaml:5: mode "muc-do-4"`) {
		t.Fatalf("guides check of a broken file: exit %d\n%s", code, errOut.String())
	}
	if code := run([]string{"guides", "check", filepath.Join(dir, "nowhere")}, env(nil), nil, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "nowhere: not a directory") {
		t.Fatalf("guides check of a missing directory: exit %d\n%s", code, errOut.String())
	}
	// The bot refuses to start on it, naming the file and line.
	errOut.Reset()
	if code := run([]string{"demo"}, env(map[string]string{"GUIDES_DIR": dir, "DATABASE_URL": storagetest.URL(t)}), strings.NewReader(""), &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "hong.yaml:5:") {
		t.Fatalf("demo with a broken guide: exit %d\n%s", code, errOut.String())
	}
}

func TestMigrateTwice(t *testing.T) {
	url := storagetest.URL(t)
	for range 2 {
		var out, errOut bytes.Buffer
		if code := run([]string{"migrate"}, env(map[string]string{"DATABASE_URL": url}), nil, &out, &errOut); code != 0 {
			t.Fatalf("migrate exited %d: %s", code, errOut.String())
		}
	}
}

// TestBenchRuns keeps `dvcbot bench` working; its numbers go to the docs,
// not into assertions.
func TestBenchRuns(t *testing.T) {
	var out, errOut bytes.Buffer
	args := []string{"bench", "-updates", "20", "-chats", "2", "-samples", "4"}
	if code := run(args, env(map[string]string{"DATABASE_URL": storagetest.URL(t)}), nil, &out, &errOut); code != 0 {
		t.Fatalf("bench exited %d: %s", code, errOut.String())
	}
	for _, want := range []string{"latency, one update at a time (4 samples)", "wizard step press", "throughput, 20 updates over 2 chats"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("bench output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestDemoOddInput: a line over 64 KiB does not end the demo; a number with
// no such button says so; each role can be tried.
func TestDemoOddInput(t *testing.T) {
	url := storagetest.URL(t)
	var out, errOut bytes.Buffer
	input := "/help\n" + strings.Repeat("x", 70<<10) + "\n9\n/new\n"
	if code := run([]string{"demo", "-as", "volunteer"}, env(map[string]string{"DATABASE_URL": url}), strings.NewReader(input), &out, &errOut); code != 0 {
		t.Fatalf("demo exited %d: %s", code, errOut.String())
	}
	for _, want := range []string{"Các lệnh của tình nguyện viên", "(không có nút 9)", "Ca mới – chọn thủ tục", "(end of input: demo stopped)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%.3000s", want, out.String())
		}
	}
	out.Reset()
	if code := run([]string{"demo", "-as", "coordinator"}, env(map[string]string{"DATABASE_URL": url}), strings.NewReader("/help\n"), &out, &errOut); code != 0 || !strings.Contains(out.String(), "Các lệnh của điều phối viên") {
		t.Fatalf("demo -as coordinator (exit %d):\n%s", code, out.String())
	}
	if code := run([]string{"demo", "-as", "mayor"}, env(map[string]string{"DATABASE_URL": url}), strings.NewReader(""), &out, &errOut); code != 2 {
		t.Fatalf("demo -as mayor: exit %d, want 2", code)
	}
}

// TestDemoAccountTask: the account-task outcomes, from the keyboard, as the
// README shows them: /new, words, the guide, the notice read, the checklist,
// every step done, then "Đã làm được".
func TestDemoAccountTask(t *testing.T) {
	c, err := guides.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	g, _ := c.Guide("vneid-mat-khau")
	input := "/new\nmat khau vneid\n1\n1\n" + fmt.Sprintf("%d\n", len(g.Prerequisites)+1) + strings.Repeat("1\n", len(g.Steps)) + "1\n"
	var out, errOut bytes.Buffer
	if code := run([]string{"demo", "-as", "volunteer"}, env(map[string]string{"DATABASE_URL": storagetest.URL(t)}), strings.NewReader(input), &out, &errOut); code != 0 {
		t.Fatalf("demo exited %d: %s", code, errOut.String())
	}
	for _, want := range []string{"[1] ✅ Đã làm được", "[2] ✕ Chưa làm được", "Kết quả: ✅ Đã làm được"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "Đã nộp hồ sơ") {
		t.Errorf("an account task offered a dossier outcome:\n%s", out.String())
	}
}

// TestDemoResident: the README's birth-registration case as a volunteer,
// then, as a resident, the slip's link opened and the reminder agreed; a
// stale button's answer is shown.
func TestDemoResident(t *testing.T) {
	url := storagetest.URL(t)
	demo := func(as, input string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := run([]string{"demo", "-as", as}, env(map[string]string{"DATABASE_URL": url}), strings.NewReader(input), &out, &errOut); code != 0 {
			t.Fatalf("demo -as %s exited %d: %s", as, code, errOut.String())
		}
		return out.String()
	}
	out := demo("volunteer", "/new\nkhai sinh\n1\n1\n5\n1\n1\n1\n1\n1\n1\n1\n1\n000.00.12.H26-251127-0001\n")
	link := regexp.MustCompile(`\?start=([A-Za-z0-9_-]{16,})`).FindStringSubmatch(out)
	if link == nil {
		t.Fatalf("no follow-up link in the volunteer's summary:\n%s", out)
	}
	out = demo("resident", "/start "+link[1]+"\n1\n")
	for _, want := range []string{`you are "Resident", người dân`, "000.00.12.H26-251127-0001", "1★"} {
		if !strings.Contains(out, want) {
			t.Errorf("resident's demo lacks %q:\n%s", want, out)
		}
	}
	// A button that does nothing answers in a toast, which the demo
	// prints: the ℹ page's first page has no "‹ Trước" (review 23v: /cancel
	// now takes the consent's buttons off, the press this test made).
	out = demo("volunteer", "/new\nkhai sinh\n1\n3\n1\n")
	if !strings.Contains(out, "(the button answers: ") {
		t.Errorf("a stale button's answer is not shown:\n%s", out)
	}
}
