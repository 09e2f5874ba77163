package web

import (
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"
)

// limiter counts wrong tokens per client address. Tokens carry ≥ 96 random
// bits, so guessing is hopeless anyway; the limit keeps a scanner from
// loading the database and tells it so.
//
// Counts live in two generations of one window each: an address is over the
// limit when its count in the current and the previous generation together
// reaches n, i.e. n wrong tokens within the last one to two windows. Memory
// is bounded: a generation holds at most max addresses; when a new address
// finds it full, the generations turn early and the oldest is forgotten
// (an attacker with many addresses can make the limiter forget, not grow).
type limiter struct {
	mu      sync.Mutex
	n       int
	window  time.Duration
	max     int
	cur     map[string]int
	prev    map[string]int
	started time.Time // when cur began
}

func newLimiter(n int, window time.Duration, max int) *limiter {
	return &limiter{n: n, window: window, max: max, cur: map[string]int{}, prev: map[string]int{}}
}

func (l *limiter) turn(now time.Time) {
	switch age := now.Sub(l.started); {
	case l.started.IsZero() || age >= 2*l.window || age < 0:
		l.prev, l.cur, l.started = map[string]int{}, map[string]int{}, now
	case age >= l.window:
		l.prev, l.cur, l.started = l.cur, map[string]int{}, l.started.Add(l.window)
	}
}

// wait says how long the address must wait before it is served again; 0
// when it may be served now.
func (l *limiter) wait(addr string, now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.turn(now)
	if l.cur[addr]+l.prev[addr] < l.n {
		return 0
	}
	d := l.started.Add(l.window).Sub(now) // prev forgotten then
	if l.cur[addr] >= l.n {
		d += l.window // cur too
	}
	return max(d, time.Second)
}

// wrong counts a wrong token from the address.
func (l *limiter) wrong(addr string, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.turn(now)
	if _, ok := l.cur[addr]; !ok && len(l.cur) >= l.max {
		l.prev, l.cur, l.started = l.cur, map[string]int{}, now
	}
	l.cur[addr]++
}

// size is how many addresses the limiter holds.
func (l *limiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.cur) + len(l.prev)
}

// clientKey is the limiter's key for the request's client: its address, or
// for IPv6 its /64 (one subscriber's whole network). The address is the
// connection's, unless that is a trusted proxy: then the nearest address in
// X-Forwarded-For that is not a trusted proxy (the proxy appends the one it
// saw; what comes before may be forged).
func (h *Handler) clientKey(r *http.Request) string {
	addr := remoteAddr(r.RemoteAddr)
	if h.trusted(addr) {
		hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
		for i := len(hops) - 1; i >= 0; i-- {
			hop := strings.TrimSpace(hops[i])
			a, err := netip.ParseAddr(hop)
			if ap, perr := netip.ParseAddrPort(hop); err != nil && perr == nil {
				a, err = ap.Addr(), nil // "203.0.113.9:51234", as some balancers write it
			}
			if err != nil {
				break // a malformed hop: trust nothing before it
			}
			addr = a.Unmap()
			if !h.trusted(addr) {
				break
			}
		}
	}
	if addr.Is6() {
		p, _ := addr.Prefix(64)
		return p.String()
	}
	return addr.String()
}

func (h *Handler) trusted(a netip.Addr) bool {
	for _, p := range h.proxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

func remoteAddr(s string) netip.Addr {
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap()
	}
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap()
	}
	return netip.Addr{}
}
