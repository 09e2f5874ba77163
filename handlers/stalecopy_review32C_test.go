package handlers_test

import (
	"strings"
	"testing"
)

// Review 32C, item 1: two copies of Bà Sáu's card, A (older) and B (the
// newest, on screen). A press on A acts and takes B's buttons away (review
// 31A) — but a tap on B that had left her phone before that edit arrived
// came next, acted on the dossier as it stood and drew B again with its
// buttons, while A kept its own: two live cards again. The copy pressed
// last is the live one now; the other loses its buttons.
func TestReview32CTapInFlightOnTheNewerCopyLeavesOneLiveCard(t *testing.T) {
	for _, tc := range []struct {
		name         string
		onA, inB     string // pressed on the older copy, then in flight on the newer
		check        func(t *testing.T, w *world, id int64)
		wantLiveCopy bool // the in-flight tap draws a card with buttons
	}{
		{"4★ then 🔕", "4★", "followup.stop_button", func(t *testing.T, w *world, id int64) {
			if f, _ := w.followupRow(id); f.Rating.Int16 != 4 || f.Consent.Bool {
				t.Errorf("rating %+v consent %+v", f.Rating, f.Consent)
			}
		}, true},
		{"🔕 then 3★", "followup.stop_button", "3★", func(t *testing.T, w *world, id int64) {
			if f, _ := w.followupRow(id); f.Rating.Int16 != 3 || f.Consent.Bool {
				t.Errorf("rating %+v consent %+v", f.Rating, f.Consent)
			}
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code := "000.00.12.H26-261123-3201"
			w, res, id, a, b, _ := twoCopies31A(t, code)
			label := func(l string) string {
				if strings.HasPrefix(l, "followup.") {
					return w.vi(l)
				}
				return l
			}
			w.pressOn(res, a.ID, label(tc.onA))
			if hasButton(msgByID(t, res, b.ID), label(tc.inB)) {
				t.Fatalf("the newer copy kept its buttons after a press on the older: %v", msgByID(t, res, b.ID).Buttons())
			}
			// b is the newer copy as the phone still showed it when she
			// tapped it: its buttons went on the way.
			w.forgeAnswer(res, b.ID, dataOf(t, b, label(tc.inB)))
			tc.check(t, w, id)
			live := liveCopies(res, code)
			if len(live) > 1 {
				t.Errorf("after a tap in flight on the newer copy (%d), the live copies are %v (older copy %d), want one", b.ID, live, a.ID)
			}
			if tc.wantLiveCopy && len(live) == 0 {
				t.Errorf("after the tap in flight on the newer copy no card has buttons")
			}
		})
	}
}
