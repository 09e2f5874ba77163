package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"slices"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/render"
	"github.com/dvcbot/dvcbot/storage"
)

// benchReports measures what a coordinator waits for, on the database at
// DATABASE_URL as it is (seed it first: dvcbot seed -cases 1000000): a
// month's tally of the busiest province, of the whole country, a year of
// the whole country, the chart, and the spreadsheet of the period with at
// least 100,000 cases, with the process's peak RSS around it.
func benchReports(ctx context.Context, cfg config, f benchFlags, stdout, stderr io.Writer) error {
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	if cfg.DatabaseURL == "" {
		return &configError{"DATABASE_URL", "is required: the seeded database to measure (dvcbot seed -cases N)"}
	}
	store, err := storage.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := migrateAll(ctx, store, log); err != nil {
		return err
	}
	var cases int64
	var newest time.Time
	var busiest string
	err = store.DB().QueryRowContext(ctx, `
		SELECT count(*), coalesce(max(finished_at), now()),
			coalesce((SELECT m.province_code FROM cases c JOIN communes m ON m.code = c.commune_code
				WHERE c.status = 'closed' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1), '')
		FROM cases WHERE status = 'closed'`).Scan(&cases, &newest, &busiest)
	if err != nil {
		return err
	}
	if cases == 0 {
		return fmt.Errorf("the database has no closed cases: seed it first (dvcbot seed -cases 1000000)")
	}
	fmt.Fprintf(stdout, "closed cases in the database: %d; newest %s\n", cases, newest.In(vietnamZone).Format(time.DateOnly))
	month := monthOf(newest)
	year := storage.Period{From: time.Date(month.From.Year(), 1, 1, 0, 0, 0, 0, vietnamZone), To: month.To}
	if month.To.Sub(year.From) < 300*24*time.Hour {
		year.From = month.To.AddDate(-1, 0, 0) // the year up to the newest month
	}
	runs := max(f.runs, 1)
	fmt.Fprintf(stdout, "\n%-44s %8s %8s %8s %8s\n", "tally (storage.Tx.Tally)", "cases", "p50", "p95", "max")
	for _, c := range []struct {
		name   string
		scope  storage.Scope
		period storage.Period
	}{
		{"a month of the busiest province (" + busiest + ")", storage.Scope{Province: busiest}, month},
		{"a month of the whole country", storage.Scope{}, month},
		{"a year of the whole country", storage.Scope{}, year},
	} {
		var times []time.Duration
		var n int
		for range runs {
			start := time.Now()
			err := store.InTx(ctx, func(tx *storage.Tx) error {
				t, err := tx.Tally(ctx, c.scope, c.period)
				n = t.Cases
				return err
			})
			if err != nil {
				return err
			}
			times = append(times, time.Since(start))
		}
		slices.Sort(times)
		fmt.Fprintf(stdout, "%-44s %8d %8s %8s %8s\n", c.name, n, ms(pct(times, 50)), ms(pct(times, 95)), ms(times[len(times)-1]))
	}
	return benchExports(ctx, cfg, store, busiest, month, stdout)
}

// benchExports times what /tally sends: the busiest province's month as
// text, chart and spreadsheet; the chart alone; and the spreadsheet of the
// whole country over the latest months that hold at least 100,000 cases,
// with the process's peak RSS while it is made.
func benchExports(ctx context.Context, cfg config, store *storage.Storage, province string, month storage.Period, stdout io.Writer) error {
	texts, err := locales.Load(cfg.DefaultLanguage, nil)
	if err != nil {
		return err
	}
	catalog, err := loadGuides(cfg.GuidesDir)
	if err != nil {
		return err
	}
	h := handlers.New(store, texts, catalog)
	var recent storage.Period
	err = store.DB().QueryRowContext(ctx, `
		SELECT coalesce(min(finished_at), '-infinity') FROM (SELECT finished_at FROM cases
		WHERE status = 'closed' ORDER BY finished_at DESC LIMIT 100000) last`).Scan(&recent.From)
	if err != nil {
		return err
	}
	recent.From = monthOf(recent.From).From
	recent.To = month.To

	fmt.Fprintf(stdout, "\n%-44s %8s %10s %12s %10s\n", "the digest's replies (handlers.TallyReplies)", "cases", "time", "xlsx", "peak RSS")
	for _, c := range []struct {
		name   string
		scope  storage.Scope
		period storage.Period
	}{
		{"a month of the busiest province", storage.Scope{Province: province}, month},
		{"the country since " + recent.From.In(vietnamZone).Format("01/2006"), storage.Scope{}, recent},
	} {
		var cases int
		err := store.InTx(ctx, func(tx *storage.Tx) error {
			t, err := tx.Tally(ctx, c.scope, c.period)
			cases = t.Cases
			return err
		})
		if err != nil {
			return err
		}
		runtime.GC()
		reset := resetPeakRSS(os.Getpid())
		start := time.Now()
		var replies []bot.Reply
		err = store.InTx(ctx, func(tx *storage.Tx) error {
			replies, err = h.TallyReplies(ctx, tx, 1, "vi", c.scope, c.period)
			return err
		})
		if err != nil {
			return err
		}
		took := time.Since(start)
		size := 0
		for _, r := range replies {
			if d, ok := r.(bot.Document); ok {
				size = len(d.Data)
			}
		}
		peak := "-"
		if p := peakRSS(os.Getpid()); p > 0 {
			peak = fmt.Sprintf("%.0f MiB", float64(p)/(1<<20))
			if !reset {
				peak += " (process)"
			}
		}
		fmt.Fprintf(stdout, "%-44s %8d %10s %9.0f KB %10s\n", c.name, cases, ms(took), float64(size)/1e3, peak)
	}

	// The chart of the longest guide titles: the labels a phone must show.
	all := slices.Clone(catalog.All())
	slices.SortFunc(all, func(a, b *guides.Guide) int { return len(b.Title.Vi) - len(a.Title.Vi) })
	bars := make([]render.Bar, min(12, len(all)))
	for i := range bars {
		bars[i] = render.Bar{Label: all[i].Title.Vi, Value: 1000 - 70*i}
	}
	chart := render.Chart{Title: texts.For("vi").T("tally.top_procedures"), Subtitle: all[0].Title.Vi, Bars: bars}
	var times []time.Duration
	for range 20 {
		start := time.Now()
		if _, err := render.BarChart(chart); err != nil {
			return err
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	fmt.Fprintf(stdout, "\n%-44s p50 %s, max %s\n", "chart (12 bars, render.BarChart)", ms(pct(times, 50)), ms(times[len(times)-1]))
	return nil
}

// vietnamZone is the time zone periods are cut in.
var vietnamZone = time.FixedZone("ICT", 7*60*60)

// monthOf is the calendar month (Vietnam time) of t.
func monthOf(t time.Time) storage.Period {
	d := t.In(vietnamZone)
	from := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, vietnamZone)
	return storage.Period{From: from, To: from.AddDate(0, 1, 0)}
}
