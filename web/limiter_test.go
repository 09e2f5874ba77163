package web

import (
	"net/http/httptest"
	"net/netip"
	"strconv"
	"testing"
	"time"
)

func TestLimiterCountsWithinWindows(t *testing.T) {
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	l := newLimiter(3, 10*time.Minute, 100)
	for i := range 3 {
		if w := l.wait("a", start); w != 0 {
			t.Fatalf("after %d wrong tokens: wait %v, want none", i, w)
		}
		l.wrong("a", start.Add(time.Duration(i)*time.Minute))
	}
	w := l.wait("a", start.Add(3*time.Minute))
	if w <= 0 || w > 20*time.Minute {
		t.Fatalf("after 3 wrong tokens: wait %v, want up to 20 minutes", w)
	}
	if l.wait("b", start.Add(3*time.Minute)) != 0 {
		t.Error("another address waits too")
	}
	// The wait it announced is enough, and is not much more than needed.
	if got := l.wait("a", start.Add(3*time.Minute+w-2*time.Second)); got == 0 {
		t.Errorf("served before the announced %v", w)
	}
	if got := l.wait("a", start.Add(3*time.Minute+w)); got != 0 {
		t.Errorf("still waiting %v after the announced %v", got, w)
	}
}

func TestLimiterStraddlingWindows(t *testing.T) {
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	l := newLimiter(4, 10*time.Minute, 100)
	l.wrong("a", start)                     // starts the first window
	l.wrong("a", start.Add(8*time.Minute))  // first window
	l.wrong("a", start.Add(9*time.Minute))  // first window
	l.wrong("a", start.Add(11*time.Minute)) // second window
	if w := l.wait("a", start.Add(12*time.Minute)); w == 0 {
		t.Error("4 wrong tokens within 11 minutes, across two windows: not limited")
	}
	if w := l.wait("a", start.Add(20*time.Minute)); w != 0 {
		t.Errorf("the first window forgotten, 1 wrong token left: wait %v", w)
	}
}

func TestLimiterMemoryIsBounded(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	l := newLimiter(20, 10*time.Minute, 1000)
	for i := range 100000 {
		l.wrong("10.0."+strconv.Itoa(i/256)+"."+strconv.Itoa(i%256), now)
	}
	if n := l.size(); n > 2000 {
		t.Errorf("holds %d addresses after 100,000 different ones, want ≤ 2,000", n)
	}
	// Idle addresses go after two windows.
	l.wait("x", now.Add(21*time.Minute))
	if n := l.size(); n != 0 {
		t.Errorf("holds %d addresses after two idle windows", n)
	}
}

func TestClientKey(t *testing.T) {
	proxy := netip.MustParsePrefix("10.0.0.0/8")
	tests := []struct {
		name    string
		proxies []netip.Prefix
		remote  string
		xff     []string
		want    string
	}{
		{"no proxy configured: forwarded header ignored", nil, "203.0.113.7:5555", []string{"198.51.100.1"}, "203.0.113.7"},
		{"from the proxy: the client it saw", []netip.Prefix{proxy}, "10.1.2.3:5555", []string{"198.51.100.1"}, "198.51.100.1"},
		{"a forged hop before the real one is not believed", []netip.Prefix{proxy}, "10.1.2.3:5555", []string{"1.1.1.1, 198.51.100.1"}, "198.51.100.1"},
		{"two proxies in a row", []netip.Prefix{proxy}, "10.1.2.3:5555", []string{"198.51.100.1", "10.9.9.9"}, "198.51.100.1"},
		{"not from the proxy: header ignored", []netip.Prefix{proxy}, "203.0.113.7:5555", []string{"198.51.100.1"}, "203.0.113.7"},
		{"a malformed hop: the proxy itself", []netip.Prefix{proxy}, "10.1.2.3:5555", []string{"junk"}, "10.1.2.3"},
		{"IPv6: the /64", nil, "[2001:db8:1:2:3:4:5:6]:443", nil, "2001:db8:1:2::/64"},
		{"IPv4-mapped IPv6", nil, "[::ffff:203.0.113.7]:443", nil, "203.0.113.7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &Handler{proxies: tt.proxies}
			r := httptest.NewRequest("GET", "/f/x", nil)
			r.RemoteAddr = tt.remote
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := h.clientKey(r); got != tt.want {
				t.Errorf("clientKey = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPageLanguage(t *testing.T) {
	tests := []struct{ query, accept, want string }{
		{"", "", "vi"},
		{"", "en-US,en;q=0.9", "en"},
		{"", "fr-FR,fr;q=0.9,en;q=0.5", "en"},
		{"", "vi-VN,vi;q=0.9,en;q=0.8", "vi"},
		{"", "fr", "vi"},
		{"lang=en", "vi", "en"},
		{"lang=vi", "en", "vi"},
		{"lang=xx", "en", "en"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/f/x?"+tt.query, nil)
		r.Header.Set("Accept-Language", tt.accept)
		if got := pageLanguage(r); got != tt.want {
			t.Errorf("?%s, Accept-Language %q: %s, want %s", tt.query, tt.accept, got, tt.want)
		}
	}
}
