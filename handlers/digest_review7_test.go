package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// An administrator (ADMIN_TELEGRAM_IDS) who also coordinates a commune gets
// the digest as that commune's coordinator: their commune's week, as every
// coordinator of it gets, not the whole country's (which /tally gives them
// whenever they ask). It came as "Cả nước" with every commune's cases.
func TestAdminCoordinatorGetsTheirCommunesDigest(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(vn(2026, 11, 29, 20, 0)) // a Sunday evening
	w := newWorld(t, handlers.WithClock(clock.Now))
	ctx := context.Background()
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		return tx.SetMembership(ctx, w.admin.ID, "Admin", anHoiTayCode, storage.RoleCoordinator)
	}); err != nil {
		t.Fatal(err)
	}
	own := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	other := w.tallyMember("Bình", benThanhCode, storage.RoleVolunteer) // another commune
	w.closedCase(own.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", vn(2026, 11, 24, 9, 0), vn(2026, 11, 24, 9, 20))
	w.closedCase(other.ID, benThanhCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", vn(2026, 11, 25, 9, 0), vn(2026, 11, 25, 9, 20))
	w.closedCase(other.ID, benThanhCode, "tam-tru", "dossier", "mot-phan", "submitted", "", vn(2026, 11, 26, 9, 0), vn(2026, 11, 26, 9, 20))

	q := startQueue(t, w, clock)
	if err := w.h.EnsureDigest(ctx, q.client); err != nil {
		t.Fatal(err)
	}
	clock.Set(vn(2026, 11, 30, 7, 31))
	q.waitFor("digest", 1)
	q.waitFor("digest_to", 1)
	got := w.settle(w.admin)
	if len(got) == 0 {
		t.Fatal("the admin who coordinates a commune got no digest")
	}
	text := got[0].Text
	if !strings.HasPrefix(text, "🗓 Bản tin hằng tuần") {
		t.Fatalf("the first message is not the digest:\n%s", text)
	}
	if strings.Contains(text, w.vi("tally.country")) || !strings.Contains(text, "Phường An Hội Tây") {
		t.Errorf("the digest is not the admin's commune's:\n%s", text)
	}
	if want := w.vi("tally.cases", locales.Data{"Cases": 1, "Helped": 1}); !strings.Contains(text, want) {
		t.Errorf("the digest does not count the commune's one case (%q):\n%s", want, text)
	}
}
