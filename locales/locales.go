// Package locales holds every user-facing text of dvcbot, in Vietnamese (the
// default) and English, loaded with go-i18n from the embedded vi.toml and
// en.toml. Both files carry the same keys; the package's tests enforce it.
package locales

import (
	"embed"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed *.toml
var files embed.FS

// Languages are the supported language codes, the default first.
var Languages = []string{"vi", "en"}

// Data fills a message's template fields.
type Data map[string]any

// Catalog is the loaded set of texts.
type Catalog struct {
	def        string
	localizers map[string]*Localizer
}

// Load parses the embedded locale files; def is the language for users who
// have not chosen one ("vi" or "en").
func Load(def string, log *slog.Logger) (*Catalog, error) {
	if !slices.Contains(Languages, def) {
		return nil, fmt.Errorf("unsupported language %q (want one of %v)", def, Languages)
	}
	bundle := i18n.NewBundle(language.Vietnamese)
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, lang := range Languages {
		if _, err := bundle.LoadMessageFileFS(files, lang+".toml"); err != nil {
			return nil, fmt.Errorf("locales: %w", err)
		}
	}
	c := &Catalog{def: def, localizers: map[string]*Localizer{}}
	for _, lang := range Languages {
		c.localizers[lang] = &Localizer{lang: lang, l: i18n.NewLocalizer(bundle, lang), log: log}
	}
	return c, nil
}

// WithLog returns the same texts, telling log instead of the catalog's
// logger about a text asked for and missing. The parsed files are shared,
// as one catalog is by all the chats: the tests parse them once per test
// process and give each test a catalog of its own that fails it
// (localestest.Load).
func (c *Catalog) WithLog(log *slog.Logger) *Catalog {
	out := &Catalog{def: c.def, localizers: make(map[string]*Localizer, len(c.localizers))}
	for lang, l := range c.localizers {
		out.localizers[lang] = &Localizer{lang: l.lang, l: l.l, log: log}
	}
	return out
}

// Default is the language of users who have not chosen one.
func (c *Catalog) Default() string { return c.def }

// For returns the texts in lang, or in the default language when lang is
// empty or not supported.
func (c *Catalog) For(lang string) *Localizer {
	if l, ok := c.localizers[lang]; ok {
		return l
	}
	return c.localizers[c.def]
}

// Localizer gives the texts of one language.
type Localizer struct {
	lang string
	l    *i18n.Localizer
	log  *slog.Logger
}

// Lang is the localizer's language code.
func (l *Localizer) Lang() string { return l.lang }

// T returns the text with the given id, its fields filled from data.
func (l *Localizer) T(id string, data ...Data) string {
	return l.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: first(data)})
}

// Num writes a whole number as the language does: 1.017 in Vietnamese,
// 1,017 in English (format.thousands_sep).
func (l *Localizer) Num(n int) string {
	sep := l.T("format.thousands_sep")
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Date writes a day as the language does (format.date, a Go layout):
// 08/12/2026 in Vietnamese, 8 Dec 2026 in English, where 08/12 reads as
// 12 August.
func (l *Localizer) Date(t time.Time) string {
	return t.Format(l.T("format.date"))
}

// DayMonth writes a day without its year, as the language does
// (format.day_month): 23/11 in Vietnamese, 23 Nov in English; for a day
// whose year is written beside it ("tuần 23/11 – 29/11/2026").
func (l *Localizer) DayMonth(t time.Time) string {
	return t.Format(l.T("format.day_month"))
}

// MonthYear writes a month of a year as the language does
// (format.month_year): 08/2025 in Vietnamese, Aug 2025 in English.
func (l *Localizer) MonthYear(t time.Time) string {
	return t.Format(l.T("format.month_year"))
}

// DateTime writes a day and its time of day as the language does
// (format.date_time): 27/11/2026 10:00 in Vietnamese, 27 Nov 2026 10:00 in
// English.
func (l *Localizer) DateTime(t time.Time) string {
	return t.Format(l.T("format.date_time"))
}

// N returns the plural text with the given id for count; the template sees
// count as .Count.
func (l *Localizer) N(id string, count int, data ...Data) string {
	d := Data{"Count": count}
	for k, v := range first(data) {
		d[k] = v
	}
	return l.localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: d})
}

func (l *Localizer) localize(cfg *i18n.LocalizeConfig) string {
	s, err := l.l.Localize(cfg)
	if err != nil {
		// A missing text is a bug the locale tests should have caught; show
		// the id rather than nothing.
		if l.log != nil {
			l.log.Error("missing or broken text", "id", cfg.MessageID, "lang", l.lang, "err", err)
		}
		if s == "" {
			return cfg.MessageID
		}
	}
	return s
}

func first(data []Data) Data {
	if len(data) == 0 {
		return nil
	}
	return data[0]
}
