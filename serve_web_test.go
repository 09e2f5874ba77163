package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// The running bot serves the resident's page on HTTP_ADDR, beside /healthz:
// a follow-up's link shows its dossier code, a wrong one the expired page,
// both with the page's security headers.
func TestServeMountsTheFollowupPage(t *testing.T) {
	tg := telegramtest.NewServer()
	defer tg.Close()
	dbURL := storagetest.URL(t)
	ctx := context.Background()
	store, err := storage.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var token string
	err = store.InTx(ctx, func(tx *storage.Tx) error {
		if err := tx.SetMembership(ctx, 1, "V", "26882", storage.RoleVolunteer); err != nil {
			return err
		}
		at := time.Now()
		c, err := tx.CreateCase(ctx, storage.Case{VolunteerID: 1, CommuneCode: sql.NullString{String: "26882", Valid: true},
			GuideID: "khai-sinh", GuideChecked: at, Kind: "dossier", Mode: sql.NullString{String: "toan-trinh", Valid: true},
			StepsTotal: 5, Phase: storage.PhaseSteps, ConsentVersion: "vi-test", StartedAt: at})
		if err != nil {
			return err
		}
		f, err := tx.SaveFollowup(ctx, c.ID, "000.00.12.H26-260302-0007", time.Time{}, false)
		token = f.Token
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	addr := "127.0.0.1:" + freePort(t)
	cfg, err := loadConfig(nil, func(k string) string {
		return map[string]string{"TELEGRAM_BOT_TOKEN": tg.Token, "TELEGRAM_API_URL": tg.URL, "DATABASE_URL": dbURL, "HTTP_ADDR": addr,
			"PUBLIC_URL": "https://bot.example.org/dvcbot"}[k]
	}, needs{token: true, database: true}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	stop := serveInProcess(t, cfg, &logs)
	defer func() {
		stop()
		if strings.Contains(logs.String(), token) {
			t.Errorf("the logs hold a follow-up token:\n%s", logs.String())
		}
	}()

	get := func(path string) (*http.Response, string) {
		t.Helper()
		var resp *http.Response
		waitUntil(t, "the HTTP server", func() bool {
			resp, err = http.Get("http://" + addr + path)
			return err == nil
		})
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, string(body)
	}
	resp, body := get("/f/" + token)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "000.00.12.H26-260302-0007") {
		t.Errorf("GET /f/<token>: %d\n%s", resp.StatusCode, body)
	}
	// Nobody opened it in Telegram: the page offers the reminders there.
	if deep := "https://t.me/" + tg.Bot().Username + "?start=" + token; !strings.Contains(body, deep) {
		t.Errorf("the page does not offer the bot's link %s", deep)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP %q", csp)
	}
	// An old browser behind the proxy (no Sec-Fetch-Site; Origin is the
	// public address, Host the proxy's upstream) may send the form.
	m := regexp.MustCompile(`name="form" value="([^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no form on the page:\n%s", body)
	}
	req, _ := http.NewRequest("POST", "http://"+addr+"/f/"+token+"/rate",
		strings.NewReader(url.Values{"form": {m[1]}, "rating": {"5"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://bot.example.org")
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if resp, err := noFollow.Do(req); err != nil {
		t.Fatal(err)
	} else if resp.Body.Close(); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("rating through the public origin: %d", resp.StatusCode)
	}
	if p, err := store.FollowupByToken(ctx, token); err != nil || p.Rating != 5 {
		t.Errorf("rating stored: %+v, %v", p, err)
	}
	resp, body = get("/f/AAAAAAAAAAAAAAAAAAAAAAAA")
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "Liên kết đã hết hạn") {
		t.Errorf("GET a wrong link: %d\n%s", resp.StatusCode, body)
	}
	// /healthz beside it: 503 "starting" until the bot is up (the page
	// serves before), then 200.
	waitUntil(t, "/healthz beside it to answer 200", func() bool {
		resp, _ := get("/healthz")
		return resp.StatusCode == http.StatusOK
	})
	// An operator sees what the page answered: pages, forms, wrong links.
	_, metrics := get("/metrics")
	for _, want := range []string{
		`dvcbot_web_answers_total{code="200"} 1`,
		`dvcbot_web_answers_total{code="303"} 1`,
		`dvcbot_web_answers_total{code="404"} 1`,
	} {
		if !strings.Contains(metrics, want+"\n") {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}
