package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// A resident whose chat was held blocked when the volunteer corrected the
// code is told at their next /start "the volunteer corrected the dossier
// code: X was mistyped, the right code is Y" — and the same message also
// carried the note "corrected after handing over the slip, use this one":
// the correction said twice. It is said once, by the explicit line; the
// /start after that (the explicit line said) keeps the note.
func TestCorrectionToldOnStartIsSaidOnce(t *testing.T) {
	w := newCodeWorld(t)
	const wrong, right = "000.00.12.H26-251127-1841", "000.00.12.H26-251127-1842"
	res := w.resident("Bà Hai", wrong)
	if _, err := w.store.DB().Exec(`UPDATE followups SET blocked_at = now() WHERE resident_chat = $1`, res.ID); err != nil {
		t.Fatal(err)
	}
	w.correct(right)
	drain(res)
	told := w.vi("followup.code_corrected", locales.Data{"Old": wrong, "Code": right})
	note := w.vi("followup.code_corrected_note")
	got := w.send(res, "/start")
	if count(got, told) != 1 {
		t.Fatalf("/start after the correction: said %d times, want once: %q", count(got, told), texts(got))
	}
	if n := count(got, note); n != 0 {
		t.Errorf("/start says the correction and the note too (%d): %q", n, texts(got))
	}
	got = w.send(res, "/start")
	if count(got, told) != 0 || count(got, note) != 1 {
		t.Errorf("the next /start: want the note alone, once: %q", texts(got))
	}
}
