package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"math"
	"net"
	"net/netip"
	"net/url"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/lib/pq"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// config is dvcbot's configuration, from environment variables; a few can
// also be given as flags, which win.
type config struct {
	Token           string  // TELEGRAM_BOT_TOKEN
	DatabaseURL     string  // DATABASE_URL
	WebhookURL      string  // WEBHOOK_URL: webhook mode when set
	WebhookSecret   string  // WEBHOOK_SECRET
	HTTPAddr        string  // HTTP_ADDR: /healthz, and the webhook
	Admins          []int64 // ADMIN_TELEGRAM_IDS
	DefaultLanguage string  // DEFAULT_LANGUAGE
	APIURL          string  // TELEGRAM_API_URL
	LogFormat       string  // LOG_FORMAT: json or text
	GuidesDir       string  // GUIDES_DIR: the guide catalog, when not the built-in one
	SendRate        float64 // SEND_RATE: messages per second overall; 0 lifts the limit
	SendChatRate    float64 // SEND_CHAT_RATE: messages per second per chat; 0 lifts the limit
	PublicURL       string  // PUBLIC_URL: where the resident's page /f/<token> is public; empty: no web link
	FollowupDays    int     // FOLLOWUP_RETENTION_DAYS: how long a follow-up is kept after it ends or falls due
	// TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For the
	// follow-up page believes (its per-address limit on wrong links).
	TrustedProxies []netip.Prefix
	// Warnings are what is accepted but worth saying: serve logs each.
	Warnings []string
	// WebhookCheckEvery is how often webhook mode asks Telegram how its
	// deliveries go (getWebhookInfo); 0: once a minute. Not configurable:
	// tests shorten it.
	WebhookCheckEvery time.Duration
	// TAP_GUARD: how soon after a screen was drawn a press of a button
	// on it that records a choice is taken for a double tap's second and
	// asked again (handlers.WithTapGuard); 0: never. The demo and the load
	// bench set 0: their presses come as fast as they read their lines or
	// replies, each once.
	TapGuard time.Duration
}

// configError names the variable at fault; main prints it as one line and
// exits with status 2.
type configError struct {
	name, problem string
}

func (e *configError) Error() string { return e.name + " " + e.problem }

var webhookSecret = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// botToken is the shape of a token from @BotFather: the bot's id, a colon,
// and a secret of letters, digits, _ and -. Anything else (a space pasted
// inside, a comment after it) would be escaped in the API's URLs, where the
// client no longer finds it to hide it from the logs.
var botToken = regexp.MustCompile(`^[0-9]+:[A-Za-z0-9_-]+$`)

// needs says which settings a subcommand cannot do without.
type needs struct{ token, database bool }

func loadConfig(args []string, getenv func(string) string, need needs, stderr io.Writer) (config, error) {
	c := config{
		Token:           strings.TrimSpace(getenv("TELEGRAM_BOT_TOKEN")),
		DatabaseURL:     strings.TrimSpace(getenv("DATABASE_URL")),
		WebhookURL:      strings.TrimSpace(getenv("WEBHOOK_URL")),
		WebhookSecret:   strings.TrimSpace(getenv("WEBHOOK_SECRET")),
		HTTPAddr:        or(getenv("HTTP_ADDR"), ":8080"),
		DefaultLanguage: or(getenv("DEFAULT_LANGUAGE"), "vi"),
		APIURL:          or(getenv("TELEGRAM_API_URL"), "https://api.telegram.org"),
		LogFormat:       or(getenv("LOG_FORMAT"), "json"),
		GuidesDir:       strings.TrimSpace(getenv("GUIDES_DIR")),
		SendRate:        24,
		SendChatRate:    1,
		PublicURL:       strings.TrimRight(strings.TrimSpace(getenv("PUBLIC_URL")), "/"),
		FollowupDays:    90,
		TapGuard:        handlers.DefaultTapGuard,
	}
	fs := flag.NewFlagSet("dvcbot", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usageCommands)
		fs.PrintDefaults()
		fmt.Fprint(fs.Output(), usageVariables)
	}
	fs.StringVar(&c.HTTPAddr, "http-addr", c.HTTPAddr, "address for /healthz and the webhook (HTTP_ADDR)")
	fs.StringVar(&c.DefaultLanguage, "lang", c.DefaultLanguage, "language for users who have not chosen one: vi or en (DEFAULT_LANGUAGE)")
	fs.StringVar(&c.APIURL, "api-url", c.APIURL, "Telegram Bot API server (TELEGRAM_API_URL)")
	fs.StringVar(&c.LogFormat, "log-format", c.LogFormat, "json or text (LOG_FORMAT)")
	if err := fs.Parse(args); err != nil {
		return c, flagsError(err)
	}
	if fs.NArg() > 0 {
		return c, &configError{"arguments", fmt.Sprintf("not understood: %q", fs.Args())}
	}

	if need.token && c.Token == "" {
		return c, &configError{"TELEGRAM_BOT_TOKEN", "is not set: create a bot with @BotFather and put its token there"}
	}
	if c.Token != "" && !botToken.MatchString(c.Token) {
		return c, &configError{"TELEGRAM_BOT_TOKEN", "is malformed: a token looks like 123456789:AA… (digits, a colon, then only letters, digits, _ and -)"}
	}
	if need.database && c.DatabaseURL == "" {
		return c, &configError{"DATABASE_URL", "is not set: e.g. postgres://user:pass@localhost:5432/dvcbot?sslmode=disable"}
	}
	if c.DatabaseURL != "" {
		if strings.Contains(c.DatabaseURL, "://") {
			// Neither the URL nor url.Parse's error (which quotes it) is
			// shown: it holds the password.
			u, err := url.Parse(c.DatabaseURL)
			if err != nil || u.Fragment != "" {
				return c, &configError{"DATABASE_URL", "is malformed: is a character of the password (or user name) not percent-encoded? # is %23, % is %25, @ is %40, / is %2F, ? is %3F, : is %3A, a space is %20"}
			}
			if u.Scheme != "postgres" && u.Scheme != "postgresql" {
				return c, &configError{"DATABASE_URL", "is malformed: want postgres://… or key=value pairs"}
			}
			// An @ in the database's name or a parameter's name: a / or ?
			// of the password not percent-encoded, whose start became the
			// host and its port, and its rest that name
			// (postgres://u:12/34@db/x).
			if strings.Contains(u.Path, "@") || strings.Contains(strings.Join(slices.Collect(maps.Keys(u.Query())), ""), "@") {
				return c, &configError{"DATABASE_URL", "is malformed: an @ in the database's name; is a character of the password (or user name) not percent-encoded? / is %2F, ? is %3F, @ is %40"}
			}
		} else if !strings.Contains(c.DatabaseURL, "=") {
			return c, &configError{"DATABASE_URL", "is malformed: want postgres://… or key=value pairs"}
		}
		// What lib/pq refuses is said now, as a setting at fault, not once
		// the bot tries to connect; in its words only where they cannot
		// quote a piece of the password.
		if _, err := pq.NewConfig(c.DatabaseURL); err != nil {
			return c, &configError{"DATABASE_URL", databaseURLProblem(err, c.DatabaseURL)}
		}
		// A setting given twice is the rest of a password with a space
		// left unquoted (password=abc port=5433 user=x): lib/pq keeps the
		// last, a piece of the password, which the server's or the
		// dialer's answer would quote.
		if k := repeatedKey(c.DatabaseURL); k != "" {
			return c, &configError{"DATABASE_URL", "gives " + k + " twice: is it the rest of a password with a space, not quoted? quote a value as password='…' (a ' or \\ inside as \\' or \\\\)"}
		}
	}
	switch {
	case c.WebhookURL != "" && c.WebhookSecret == "":
		return c, &configError{"WEBHOOK_SECRET", "is not set: webhook mode (WEBHOOK_URL) needs a secret of 1–256 characters A-Z a-z 0-9 _ -"}
	case c.WebhookURL == "" && c.WebhookSecret != "":
		return c, &configError{"WEBHOOK_URL", "is not set, but WEBHOOK_SECRET is: set both for webhook mode, neither for long polling"}
	case c.WebhookURL != "":
		u, err := url.Parse(c.WebhookURL)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			return c, &configError{"WEBHOOK_URL", "is malformed: Telegram needs an https:// URL"}
		}
		// The same server answers /healthz, /metrics and the follow-up
		// pages under /f/: the webhook needs a path of its own.
		if p := strings.TrimSuffix(u.Path, "/"); p == "" || p == "/f" || strings.HasPrefix(p, "/f/") {
			return c, &configError{"WEBHOOK_URL", "needs a path of its own, e.g. https://bot.example.org/telegram (not / nor under /f/)"}
		}
		// Served as written (serve.go), the path must be clean: an
		// http.ServeMux pattern with "//", "/./" or "/../" panics.
		if p, clean := u.EscapedPath(), cleanPath(u.EscapedPath()); p != clean {
			return c, &configError{"WEBHOOK_URL", fmt.Sprintf("has a path with //, /./ or /../ (%s): write it as %s", p, clean)}
		}
		if !webhookSecret.MatchString(c.WebhookSecret) {
			return c, &configError{"WEBHOOK_SECRET", "is malformed: use 1–256 characters A-Z a-z 0-9 _ -"}
		}
	}
	if _, port, err := net.SplitHostPort(c.HTTPAddr); err != nil {
		return c, &configError{"HTTP_ADDR", "is malformed: want host:port or :port, e.g. :8080"}
	} else if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return c, &configError{"HTTP_ADDR", "has a bad port: want a number from 0 to 65535, e.g. :8080"}
	}
	if !slices.Contains(locales.Languages, c.DefaultLanguage) {
		return c, &configError{"DEFAULT_LANGUAGE", fmt.Sprintf("is %q: want one of %s", c.DefaultLanguage, strings.Join(locales.Languages, ", "))}
	}
	if u, err := url.Parse(c.APIURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return c, &configError{"TELEGRAM_API_URL", "is malformed: want e.g. https://api.telegram.org"}
	}
	c.APIURL = strings.TrimRight(c.APIURL, "/")
	// Telegram posts to a webhook on four ports only
	// (core.telegram.org/bots/api#setwebhook); another one would pass
	// here, migrate the database and fail at setWebhook. A Bot API server
	// of one's own (telegram-bot-api --local) posts to any port: it
	// answers setWebhook itself.
	if c.WebhookURL != "" && isTelegramAPI(c.APIURL) {
		if port := webhookPort(c.WebhookURL); !slices.Contains(telegramWebhookPorts, port) {
			return c, &configError{"WEBHOOK_URL", fmt.Sprintf("is on port %s, where Telegram does not post: want 443, 80, 88 or 8443 (no port: 443); the usual way is an HTTPS reverse proxy on 443 that forwards to HTTP_ADDR", port)}
		}
	}
	// A directory not mounted, or a typo, is said now, not after the
	// database was waited for and migrated.
	if c.GuidesDir != "" {
		if fi, err := os.Stat(c.GuidesDir); err != nil || !fi.IsDir() {
			return c, &configError{"GUIDES_DIR", fmt.Sprintf("is %q: not a directory (of guide YAML files; unset it for the guides built in)", c.GuidesDir)}
		}
	}
	if c.LogFormat != "json" && c.LogFormat != "text" {
		return c, &configError{"LOG_FORMAT", "is malformed: want json or text"}
	}
	for name, rate := range map[string]*float64{"SEND_RATE": &c.SendRate, "SEND_CHAT_RATE": &c.SendChatRate} {
		v := strings.TrimSpace(getenv(name))
		if v == "" {
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
			return c, &configError{name, fmt.Sprintf("is %q: want messages per second, a number ≥ 0 (0 lifts the limit)", v)}
		}
		*rate = f
	}
	if c.PublicURL != "" {
		u, err := url.Parse(c.PublicURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return c, &configError{"PUBLIC_URL", "is malformed: want the public address of HTTP_ADDR, e.g. https://bot.example.org"}
		}
		// The slip's link carries the follow-up's token and is opened on
		// residents' phones: over plain http every network on the way
		// reads it. Only a page on this machine (a local test) may do
		// without TLS.
		if u.Scheme == "http" {
			if !isLocalHost(u.Hostname()) {
				return c, &configError{"PUBLIC_URL", "is http://: want https:// (the resident's link carries a token that plain http would show on the way); only localhost may use http, for local testing"}
			}
			c.Warnings = append(c.Warnings, "PUBLIC_URL is http:// on this machine: fine for local testing, but residents' phones cannot open it; use the public https:// address in production")
		}
	}
	if v := strings.TrimSpace(getenv("TAP_GUARD")); v != "" {
		d, err := time.ParseDuration(v)
		if v == "0" {
			d, err = 0, nil
		}
		if err != nil || d < 0 || d > 10*time.Second {
			return c, &configError{"TAP_GUARD", fmt.Sprintf("is %q: want a duration from 0 to 10s, e.g. 1.5s (0: no guard)", v)}
		}
		c.TapGuard = d
	}
	if v := strings.TrimSpace(getenv("FOLLOWUP_RETENTION_DAYS")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 3650 {
			return c, &configError{"FOLLOWUP_RETENTION_DAYS", fmt.Sprintf("is %q: want a number of days from 1 to 3650", v)}
		}
		c.FollowupDays = n
	}
	for _, f := range strings.FieldsFunc(getenv("ADMIN_TELEGRAM_IDS"), func(r rune) bool { return r == ',' || r == ' ' }) {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil || id <= 0 {
			return c, &configError{"ADMIN_TELEGRAM_IDS", fmt.Sprintf("has %q: want Telegram user ids separated by commas", f)}
		}
		c.Admins = append(c.Admins, id)
	}
	for _, f := range strings.FieldsFunc(getenv("TRUSTED_PROXIES"), func(r rune) bool { return r == ',' || r == ' ' }) {
		p, err := netip.ParsePrefix(f)
		if a, aerr := netip.ParseAddr(f); aerr == nil {
			p, err = a.Prefix(a.BitLen())
		}
		if err != nil {
			return c, &configError{"TRUSTED_PROXIES", fmt.Sprintf("has %q: want addresses or networks (10.0.0.0/8, ::1) separated by commas", f)}
		}
		c.TrustedProxies = append(c.TrustedProxies, p.Masked())
	}
	return c, nil
}

// usageCommands and usageVariables frame the flags in `dvcbot -h`.
const (
	usageCommands = `usage: dvcbot [command] [flags]

commands:
  (none)         run the bot: long polling, or a webhook with WEBHOOK_URL
  demo           the bot in this terminal, against an in-process fake Telegram (dvcbot demo -h)
  migrate        apply the database migrations and exit
  healthcheck    ask a running bot's /healthz on HTTP_ADDR (the container's health check)
  guides check   validate a guide catalog: GUIDES_DIR, or a directory given
  seed           fill a database with synthetic cases (dvcbot seed -h)
  bench          measure the bot end to end (dvcbot bench -h)
  help           this text

flags (they win over the environment):
`
	usageVariables = `
environment (README.md, "Configuration", says what each means):
  TELEGRAM_BOT_TOKEN   the bot's token from @BotFather (required to run)
  DATABASE_URL         postgres://… or key=value pairs (required to run, migrate and seed)
  WEBHOOK_URL, WEBHOOK_SECRET   webhook mode (both, or neither for long polling);
                       Telegram posts to port 443, 80, 88 or 8443 only
  HTTP_ADDR, DEFAULT_LANGUAGE, TELEGRAM_API_URL, LOG_FORMAT   as the flags above
  ADMIN_TELEGRAM_IDS   comma-separated Telegram user ids with full rights
  PUBLIC_URL           the https:// address of HTTP_ADDR, for the residents' web page
  TRUSTED_PROXIES      the reverse proxies in front of HTTP_ADDR
  SEND_RATE, SEND_CHAT_RATE   messages per second, overall and per chat
  FOLLOWUP_RETENTION_DAYS     days a follow-up is kept after it ends (default 90)
  TAP_GUARD            a press this soon after its screen is a double tap's second (default 1.5s)
  GUIDES_DIR           a directory of guides to use instead of those built in
`
)

// flagsError is what a flag set's Parse returned, for run: -h (the usage
// printed) as flag.ErrHelp, which exits 0; anything else a setting at
// fault.
func flagsError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return &configError{"flags:", err.Error()} // "flags: flag provided but not defined: -x"
}

// telegramWebhookPorts are the ports Telegram's setWebhook takes
// ("Ports currently supported for webhooks: 443, 80, 88, 8443").
var telegramWebhookPorts = []string{"443", "80", "88", "8443"}

// webhookPort is the port of an https:// URL: 443 when it gives none. A
// port written with leading zeros (:0443) is read as its number.
func webhookPort(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Port() == "" {
		return "443"
	}
	if n, err := strconv.Atoi(u.Port()); err == nil {
		return strconv.Itoa(n)
	}
	return u.Port()
}

// isTelegramAPI tells whether apiURL is Telegram's own Bot API server, not
// one run by the operator.
func isTelegramAPI(apiURL string) bool {
	u, err := url.Parse(apiURL)
	return err == nil && strings.EqualFold(strings.TrimSuffix(u.Hostname(), "."), "api.telegram.org")
}

// isLocalHost tells whether host is this machine: localhost or a loopback
// address (127.0.0.1, ::1).
func isLocalHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.IsLoopback()
}

// databaseURLProblem says what lib/pq found wrong in DATABASE_URL. Its
// parser's own words may quote any piece of the value (`missing "=" after
// "horse"`, a word of a password with a space): those are said without it.
func databaseURLProblem(err error, dsn string) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, `missing "="`):
		return "is malformed: a word without key= in its key=value pairs; a value with a space (a password…) must be in single quotes: password='…' (a ' or \\ inside as \\' or \\\\)"
	case strings.Contains(msg, "quoted string") || strings.Contains(msg, "backslash"):
		return "is malformed: a single quote is not closed, or a backslash ends it; quote a value as password='…' (a ' or \\ inside as \\' or \\\\)"
	}
	// The rest name a setting and quote its value (wrong value for
	// "port": parsing "…"), which may be a piece of a password with a
	// space left unquoted (password=abc port=…): the setting is named, its
	// value is not.
	if m := wrongValue.FindStringSubmatch(msg); m != nil {
		return "has a wrong value for " + m[1] + " (if it is the rest of a password with a space, quote the password: password='…')"
	}
	return "is not accepted: " + quoted.ReplaceAllStringFunc(strings.TrimPrefix(msg, "pq: "), func(q string) string {
		if v, err := strconv.Unquote(q); err != nil || strings.Contains(dsn, v) {
			return "…" // a value of DATABASE_URL's
		}
		return q
	})
}

var (
	// wrongValue is lib/pq's error for a setting's value it cannot read.
	wrongValue = regexp.MustCompile(`wrong value for "?\$?([A-Za-z_]+)"?`)
	// quoted is a string quoted in an error, as Go's %q writes it.
	quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
)

// repeatedKey is the first key given twice in a DATABASE_URL of key=value
// pairs (read as lib/pq reads them); "" for a URL or when none is.
func repeatedKey(dsn string) string {
	if strings.Contains(dsn, "://") {
		return ""
	}
	seen := map[string]bool{}
	s := []rune(dsn)
	for i := 0; i < len(s); {
		for i < len(s) && unicode.IsSpace(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		start := i
		for i < len(s) && !unicode.IsSpace(s[i]) && s[i] != '=' {
			i++
		}
		key := string(s[start:i])
		if seen[key] {
			return key
		}
		seen[key] = true
		// Then " = " (pq.NewConfig found it there) and the value.
		for i < len(s) && (unicode.IsSpace(s[i]) || s[i] == '=') {
			eq := s[i] == '='
			i++
			if eq {
				break
			}
		}
		for i < len(s) && unicode.IsSpace(s[i]) {
			i++
		}
		if i < len(s) && s[i] == '\'' {
			for i++; i < len(s) && s[i] != '\''; i++ {
				if s[i] == '\\' {
					i++
				}
			}
			i++
			continue
		}
		for i < len(s) && !unicode.IsSpace(s[i]) {
			if s[i] == '\\' {
				i++
			}
			i++
		}
	}
	return ""
}

func or(v, def string) string {
	if v = strings.TrimSpace(v); v != "" {
		return v
	}
	return def
}

// cleanPath is p without "//", "/./" and "/../", its trailing slash kept
// (as http.ServeMux reads a pattern's path).
func cleanPath(p string) string {
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	return clean
}
