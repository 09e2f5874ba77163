package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// invite reads the stored row of a link.
func (w *world) invite(code string) storage.Invite {
	w.t.Helper()
	var inv storage.Invite
	if err := w.store.DB().Get(&inv, `SELECT code, commune_code, province_code, role, created_by, created_at,
		expires_at, max_uses, uses, revoked_at FROM invites WHERE code = $1`, code); err != nil {
		w.t.Fatal(err)
	}
	return inv
}

// expiryShown is the last day of a link as the bot's messages write it.
func expiryShown(inv storage.Invite) string {
	vn, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		panic(err)
	}
	return inv.ExpiresAt.In(vn).Add(-time.Second).Format("02/01/2006")
}

// A link at 49/50 uses was given back as "the same link": a coordinator
// who sent it to a group of ten saw nine refused as used up, and could get
// a fresh one only by revoking the old in /team. A link is given back only
// while a fifth of its uses are left; past that, /invite makes a new one
// and says the older one still usable is there, to revoke in /team.
func TestInviteGivesBackOnlyALinkWithRoom(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, anHoiTayCode)
	role := w.vi("role.volunteer")

	first := linkIn(only(t, w.send(coord, "/invite")).Text)
	if first == "" {
		t.Fatal("no link at the first /invite")
	}
	max := w.invite(first).MaxUses
	room := max / 5
	// A fifth left: still given back.
	if _, err := w.store.DB().Exec(`UPDATE invites SET uses = $2 WHERE code = $1`, first, max-room); err != nil {
		t.Fatal(err)
	}
	m := only(t, w.send(coord, "/invite"))
	if linkIn(m.Text) != first || !strings.HasPrefix(m.Text, firstLine(w.vi("invite.again", locales.Data{"Unit": anHoiTayVi, "Role": role}))) {
		t.Fatalf("a link with %d of %d uses left was not given back: %q", room, max, m.Text)
	}
	// One use fewer: a new link, full, and word of the older one.
	if _, err := w.store.DB().Exec(`UPDATE invites SET uses = $2 WHERE code = $1`, first, max-room+1); err != nil {
		t.Fatal(err)
	}
	m = only(t, w.send(coord, "/invite"))
	second := linkIn(m.Text)
	if second == "" || second == first {
		t.Fatalf("a link with %d of %d uses left was given back: %q", room-1, max, m.Text)
	}
	if !strings.HasPrefix(m.Text, firstLine(w.vi("invite.created", locales.Data{"Unit": anHoiTayVi, "Role": role}))) {
		t.Fatalf("the new link is not announced as new: %q", m.Text)
	}
	if inv := w.invite(second); inv.Uses != 0 || inv.MaxUses != max {
		t.Fatalf("the new link has %d/%d uses; want 0/%d", inv.Uses, inv.MaxUses, max)
	}
	if want := w.vi("invite.older", locales.Data{"Count": 1, "Role": role, "Unit": anHoiTayVi}); !strings.Contains(m.Text, want) {
		t.Fatalf("the new link does not tell of the older one still usable: %q, want %q", m.Text, want)
	}
	// The old one still works for whoever has it, and /team lists both.
	if inv := w.invite(first); inv.RevokedAt.Valid {
		t.Fatal("the older link was revoked by /invite")
	}
	w.send(coord, "/team")
	list := w.press(coord, w.vi("team.invites_button"))
	if n := strings.Count(list[len(list)-1].Text, role+" · "); n != 2 {
		t.Fatalf("/team lists %d volunteer links; want the old and the new: %q", n, list[len(list)-1].Text)
	}
	w.send(coord, "/cancel")
	// /invite again gives back the new one, and still tells of the old.
	m = only(t, w.send(coord, "/invite"))
	if linkIn(m.Text) != second {
		t.Fatalf("/invite after a new link gave %q; want it (%q) back", linkIn(m.Text), second)
	}

	// In English too.
	w.send(coord, "/lang en")
	if _, err := w.store.DB().Exec(`UPDATE invites SET uses = max_uses - 1 WHERE code = $1`, second); err != nil {
		t.Fatal(err)
	}
	m = only(t, w.send(coord, "/invite"))
	if want := w.en("invite.older", locales.Data{"Count": 2, "Role": w.en("role.volunteer"), "Unit": anHoiTayVi}); linkIn(m.Text) == second || !strings.Contains(m.Text, want) {
		t.Fatalf("in English: %q, want a new link and %q", m.Text, want)
	}
}

// Each /invite pushed the expiry of the link it gave back a week on, so a
// link posted publicly long ago lived on with nobody deciding so. A link
// is given back only while it is younger than a new link's life, good
// until the day a new link would be, never past; an older one is left to
// expire when it would have, and /invite makes a new one. The message says
// until when the link works.
func TestInviteDoesNotKeepAnOldLinkAlive(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(time.Now())
	w := newWorld(t, handlers.WithClock(clock.Now))
	coord := w.member("Cường", storage.RoleCoordinator, anHoiTayCode)
	role := w.vi("role.volunteer")

	m := only(t, w.send(coord, "/invite"))
	first := linkIn(m.Text)
	made := w.invite(first)
	if !strings.Contains(m.Text, expiryShown(made)) {
		t.Fatalf("the new link does not say until when it works (%s): %q", expiryShown(made), m.Text)
	}

	// Six days on: given back, good until a new link would be, as said.
	clock.Advance(6 * 24 * time.Hour)
	m = only(t, w.send(coord, "/invite"))
	if linkIn(m.Text) != first {
		t.Fatalf("a link made 6 days ago was not given back: %q", m.Text)
	}
	again := w.invite(first)
	if !strings.Contains(m.Text, expiryShown(again)) {
		t.Fatalf("the link given back does not say until when it works (%s): %q", expiryShown(again), m.Text)
	}
	// A new link made now would end six days after the first did (Vietnam
	// keeps no summer time).
	if newOne := made.ExpiresAt.Add(6 * 24 * time.Hour); again.ExpiresAt.After(newOne) {
		t.Fatalf("the link given back works until %v, longer than a new one made now (%v)", again.ExpiresAt, newOne)
	}

	// Two days more: older than a new link's life, so a new link; the old
	// one keeps its end.
	clock.Advance(2 * 24 * time.Hour)
	m = only(t, w.send(coord, "/invite"))
	second := linkIn(m.Text)
	if second == "" || second == first {
		t.Fatalf("a link made 8 days ago was given back again: %q", m.Text)
	}
	if !strings.HasPrefix(m.Text, firstLine(w.vi("invite.created", locales.Data{"Unit": anHoiTayVi, "Role": role}))) {
		t.Fatalf("the new link is not announced as new: %q", m.Text)
	}
	if old := w.invite(first); !old.ExpiresAt.Equal(again.ExpiresAt) {
		t.Fatalf("the old link's end moved from %v to %v", again.ExpiresAt, old.ExpiresAt)
	}
	if want := w.vi("invite.older", locales.Data{"Count": 1, "Role": role, "Unit": anHoiTayVi}); !strings.Contains(m.Text, want) {
		t.Fatalf("the new link does not tell of the older one still usable: %q, want %q", m.Text, want)
	}
}
