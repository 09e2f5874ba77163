package handlers_test

import (
	"bytes"
	"database/sql"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/render"
)

// The slip of a dossier whose guide gives no working-day count said, under
// its QR code, that dvcbot reminds "khi đến hạn có kết quả" — there is no
// due date: the resident who agrees is asked after 5 working days
// (followup.consent_ask_later). And a dated dossier's slip promised a
// reminder "when the result is due", where the question now comes on the
// first working day after it. Each slip now says what happens, as the
// question the resident agrees to does: the slip sent is the one drawn
// with that note.
func TestSlipSaysWhenTheResidentIsAsked(t *testing.T) {
	var undated *guides.Guide
	for _, g := range catalog.All() {
		if g.OffersFollowup() && g.ProcessingDays == 0 {
			undated = g
			break
		}
	}
	if undated == nil {
		t.Fatal("no guide offers a follow-up without a working-day count")
	}
	dated, ok := catalog.Guide("khai-sinh")
	if !ok || dated.ProcessingDays == 0 {
		t.Fatal("khai-sinh has no working-day count")
	}
	for _, c := range []struct {
		name string
		g    *guides.Guide
		web  bool
		note string
	}{
		{"no date, Telegram", undated, false, "followup.slip_scan_no_date"},
		{"no date, web page", undated, true, "followup.slip_scan_web_no_date"},
		{"a due date, Telegram", dated, false, "followup.slip_scan"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var opts []handlers.Option
			if c.web {
				opts = append(opts, handlers.WithPublicURL("https://dvc.example.vn/"))
			}
			w := newWorld(t, opts...)
			u, _ := w.openGuide(c.g, "vi")
			w.toStepOf(u, c.g, "vi", len(c.g.Steps))
			w.press(u, w.vi("case.done"))
			w.press(u, w.vi("outcome.submitted"))
			ms := fresh(w.send(u, "000.00.12.H26-251127-0001"))
			if len(ms) != 2 || ms[0].Photo == nil {
				t.Fatalf("want the slip and the summary: %+v", ms)
			}
			token := qrToken(t, ms[0].Photo)
			link := w.h.DeepLink(token)
			if c.web {
				link = w.h.WebLink(token)
			}
			scan := w.vi(c.note, locales.Data{"Days": 5})
			if !c.web && c.g == undated && !strings.Contains(scan, "5 ngày làm việc") {
				t.Fatalf("the note %q does not say when", scan)
			}
			c0, _ := w.lastCase(u)
			var d sql.NullTime
			if err := w.store.DB().Get(&d, `SELECT due_on FROM followups WHERE case_id = $1`, c0.ID); err != nil {
				t.Fatal(err)
			}
			if d.Valid == (c.g == undated) {
				t.Fatalf("due date %v for %s", d, c.g.ID)
			}
			due := w.vi("followup.slip_no_date")
			if d.Valid {
				due = d.Time.Format("02/01/2006") // 2026 is announced: a sure date
			}
			want, err := render.Slip(render.SlipData{
				Title: c.g.Title.Vi,
				Fields: []render.Field{
					{Label: w.vi("followup.slip_code"), Value: "000.00.12.H26-251127-0001", OneLine: true},
					{Label: w.vi("followup.slip_due"), Value: due},
				},
				Note:   strings.TrimSpace(c.g.Tracking.Vi + "\n" + scan),
				Footer: link,
				Link:   link,
			})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(ms[0].Photo, want) {
				t.Errorf("the slip sent is not the one drawn with the note %q", scan)
			}
		})
	}
}
