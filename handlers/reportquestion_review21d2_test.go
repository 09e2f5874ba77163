package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A province coordinator who follows their own dossier opened Bến Thành's
// report (/tally), pressed "📬 Đã nhận kết quả" under their dossier, and
// typed "tháng 10/2026": they got the whole province's report, not Bến
// Thành's. The open "received?" question had taken the chat's row and,
// with it, the note of the report on screen. The note now stays beside
// the question: the period typed counts Bến Thành; and once the question
// is answered ("↩ Chưa nhận, quay lại"), the note is the chat's again.
// /cancel, a command, forgets the report as any command does.
func TestReceivedQuestionKeepsTheReportOnScreen(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	_, token := w.slip("Vân", "000.00.12.H26-251127-2121")
	w.send(prov, "/start "+token)
	w.press(prov, w.vi("followup.member_mine"))
	w.press(prov, w.vi("followup.consent_yes"))
	head := func(unit, period string) string {
		return w.vi("tally.head", locales.Data{"Unit": unit, "Period": period})
	}

	w.pickBenThanh(prov, "Tháng này")
	q := last(t, w.press(prov, w.vi("followup.result_got")))
	if !hasButton(q, w.vi("followup.received_yes")) {
		t.Fatalf("📬 after Bến Thành's report: %q", q.Text)
	}
	ms := fresh(w.send(prov, "tháng 10/2026"))
	if len(ms) == 0 || firstLine(ms[0].Text) != head(benThanhFull, "tháng 10/2026") {
		t.Errorf("a period typed with the question open after Bến Thành's report: %q, want Bến Thành's", heads(ms))
	}

	// Answered ("↩ Chưa nhận, quay lại") or closed (/cancel), the
	// question gives the note back to the chat.
	w.press(prov, w.vi("followup.received_back"))
	for _, close := range []string{"received_back", "/cancel"} {
		q = last(t, w.press(prov, w.vi("followup.result_got")))
		if !hasButton(q, w.vi("followup.received_yes")) {
			t.Fatalf("📬 after Bến Thành's report, again: %q", q.Text)
		}
		if close == "/cancel" {
			if got := strings.Join(texts(w.send(prov, "/cancel")), "\n"); !strings.Contains(got, w.vi("followup.received_cancelled", locales.Data{"Button": w.vi("followup.result_got")})) {
				t.Errorf("/cancel at the question: %q", got)
			}
			noButtons(t, prov, q.ID, "/cancel at the question")
		} else {
			w.press(prov, w.vi("followup."+close))
		}
		// A command turns to something else, /cancel as any (forgetReport):
		// the period typed next counts their own unit, as with no question.
		unit := benThanhFull
		if close == "/cancel" {
			unit = "Thành phố Hồ Chí Minh"
		}
		ms = fresh(w.send(prov, "tháng 10/2026"))
		if len(ms) == 0 || firstLine(ms[0].Text) != head(unit, "tháng 10/2026") {
			t.Errorf("a period typed after the question was closed (%s): %q, want %s's", close, heads(ms), unit)
		}
	}
}

// The weekly digest came while a coordinator's "received?" question was
// open (days may pass before it is answered): its note was not kept, and a
// period typed after it counted the coordinator's whole scope — for an
// administrator who coordinates a commune, the country instead of the
// digest's commune. The digest's note is kept beside the open question.
func TestDigestNoteKeptWhileTheReceivedQuestionIsOpen(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(vn(2026, 11, 29, 20, 0)) // a Sunday evening
	w := newWorld(t, handlers.WithClock(clock.Now))
	ctx := context.Background()
	vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", vn(2026, 11, 24, 9, 0), vn(2026, 11, 24, 9, 20))
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		return tx.SetMembership(ctx, w.admin.ID, "Admin", anHoiTayCode, storage.RoleCoordinator)
	}); err != nil {
		t.Fatal(err)
	}
	_, token := w.slip("Vân", "000.00.12.H26-251127-2122")
	w.send(w.admin, "/start "+token)
	w.press(w.admin, w.vi("followup.member_mine"))
	w.press(w.admin, w.vi("followup.consent_yes"))
	q := last(t, w.press(w.admin, w.vi("followup.result_got")))
	if !hasButton(q, w.vi("followup.received_yes")) {
		t.Fatalf("📬: %q", q.Text)
	}

	qu := startQueue(t, w, clock)
	if err := w.h.EnsureDigest(ctx, qu.client); err != nil {
		t.Fatal(err)
	}
	clock.Set(vn(2026, 11, 30, 7, 31))
	qu.waitFor("digest", 1)
	qu.waitFor("digest_to", 1)
	if got := w.settle(w.admin); len(got) == 0 || !strings.HasPrefix(got[0].Text, w.vi("digest.head")) {
		t.Fatalf("no digest came: %+v", got)
	}
	ms := fresh(w.send(w.admin, "tháng 10/2026"))
	want := w.vi("tally.head", locales.Data{"Unit": "Phường An Hội Tây, Thành phố Hồ Chí Minh", "Period": "tháng 10/2026"})
	if len(ms) == 0 || firstLine(ms[0].Text) != want {
		t.Errorf("a period typed after the digest, the question open: %q, want %q", heads(ms), want)
	}
}

// heads are the first lines of ms.
func heads(ms []*telegramtest.Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, firstLine(m.Text))
	}
	return out
}
