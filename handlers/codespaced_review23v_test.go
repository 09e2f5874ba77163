package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A dossier code typed outside the code question with spaces or a label,
// as copied from the portal's SMS ("G22.50 - 251202 - 0002", "Mã hồ sơ:
// G22.50 251202 0003", "ma hs: G22.50-251202-0201"), was refused as an ID
// or phone number, while "g22.50-251202-0002" got the offer to attach it
// (review 23v). It is read as at the code question; a phone number typed so
// is still refused.
func TestSpacedOrLabelledCodeAfterClose(t *testing.T) {
	for _, tt := range []struct{ typed, code string }{
		{"G22.50 - 251202 - 0002", "G22.50-251202-0002"},
		{"Mã hồ sơ: G22.50 251202 0003", "G22.50-251202-0003"},
		{"ma hs: G22.50-251202-0201", "G22.50-251202-0201"},
	} {
		t.Run(tt.typed, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Mã có dấu cách")
			w.toOutcome(v, "khai-sinh", true)
			w.press(v, w.vi("outcome.submitted"))
			w.press(v, w.vi("case.no_dossier"))
			n := caseNo(w, v)
			m := last(t, w.send(v, tt.typed))
			if !hasButton(m, w.vi("case.attach_button", locales.Data{"Case": n})) || !strings.Contains(m.Text, tt.code) {
				t.Fatalf("%q after case #%d closed without its code: %q %v; want the offer to attach %s", tt.typed, n, m.Text, m.Buttons(), tt.code)
			}
			w.press(v, w.vi("case.attach_button", locales.Data{"Case": n}))
			if code, _, err := followup(w, n); err != nil || code != tt.code {
				t.Fatalf("case #%d keeps %q (err %v); want %s", n, code, err, tt.code)
			}
		})
	}
	t.Run("phone", func(t *testing.T) {
		w := newWorld(t)
		v := w.volunteer("Số điện thoại")
		w.toOutcome(v, "khai-sinh", true)
		w.press(v, w.vi("outcome.submitted"))
		w.press(v, w.vi("case.no_dossier"))
		for _, typed := range []string{"ma hs: 0912 345 678", "G22.50 - 0912 345 678", "0912 345 678"} {
			m := last(t, w.send(v, typed))
			if len(m.Buttons()) != 0 || strings.Contains(m.Text, "0912") {
				t.Errorf("%q: %q %v; want it refused, not quoted back", typed, m.Text, m.Buttons())
			}
		}
	})
}

// At the outcome question of a case with the reminder agreed, a spaced
// code was "press a button"; an unspaced one, that the code is asked right
// after the outcome. Both are now.
func TestSpacedCodeAtTheOutcome(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Mã ở kết quả")
	w.toOutcome(v, "khai-sinh", true)
	m := w.send(v, "G22.50 - 251202 - 0002")
	if got := last(t, m).Text; !strings.Contains(got, w.vi("case.code_after_outcome")) {
		t.Fatalf("a spaced code at the outcome: %q; want %q", got, w.vi("case.code_after_outcome"))
	}
}
