package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// linkIn is the invite code in a message of the bot's, or "".
func linkIn(text string) string {
	if m := inviteLink.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return ""
}

// usableInvites is how many links made by by are usable at now.
func (w *world) usableInvites(by int64, now time.Time) int {
	w.t.Helper()
	var n int
	if err := w.store.DB().Get(&n, `SELECT count(*) FROM invites
		WHERE created_by = $1 AND revoked_at IS NULL AND uses < max_uses AND expires_at > $2`, by, now); err != nil {
		w.t.Fatal(err)
	}
	return n
}

// A coordinator who typed /invite five times (to send the link to a
// second group, having lost the first message, or by a double tap) got
// five different links, each good for 50 people a week: five live ways
// into the team to keep track of and revoke in /team. A volunteers' link
// is for many people: /invite gives back the one they made that is still
// usable, good for a week again from now, and says it is the same link;
// one used up, expired or revoked is replaced by a new one.
func TestInviteAgainGivesBackTheUsableLink(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(time.Now())
	w := newWorld(t, handlers.WithClock(clock.Now))
	coord := w.member("Cường", storage.RoleCoordinator, anHoiTayCode)

	first := linkIn(only(t, w.send(coord, "/invite")).Text)
	if first == "" {
		t.Fatal("no link at the first /invite")
	}
	clock.Advance(3 * 24 * time.Hour)
	for i := range 4 {
		m := only(t, w.send(coord, "/invite"))
		if got := linkIn(m.Text); got != first {
			t.Fatalf("/invite #%d gave %q; want the usable link %q again", i+2, got, first)
		}
		if !strings.HasPrefix(m.Text, strings.SplitN(w.vi("invite.again", locales.Data{"Unit": anHoiTayVi, "Role": w.vi("role.volunteer")}), "\n", 2)[0]) {
			t.Fatalf("the link given back does not say it is the same one: %q", m.Text)
		}
	}
	if n := w.usableInvites(coord.ID, clock.Now()); n != 1 {
		t.Fatalf("%d usable links after five /invite; want 1", n)
	}
	// Good for a week from the last /invite, as the message says.
	var expires time.Time
	if err := w.store.DB().Get(&expires, `SELECT expires_at FROM invites WHERE code = $1`, first); err != nil {
		t.Fatal(err)
	}
	if min := clock.Now().Add(7 * 24 * time.Hour); expires.Before(min) {
		t.Fatalf("the link given back expires %v, before a week from now (%v)", expires, min)
	}
	// /team lists one usable link.
	w.send(coord, "/team")
	list := w.press(coord, w.vi("team.invites_button"))
	if n := strings.Count(list[len(list)-1].Text, w.vi("role.volunteer")+" · "); n != 1 {
		t.Fatalf("/team lists %d volunteer links; want 1: %q", n, list[len(list)-1].Text)
	}
	w.send(coord, "/cancel")

	// Used up: a new one.
	if _, err := w.store.DB().Exec(`UPDATE invites SET uses = max_uses WHERE code = $1`, first); err != nil {
		t.Fatal(err)
	}
	second := linkIn(only(t, w.send(coord, "/invite")).Text)
	if second == "" || second == first {
		t.Fatalf("after the link was used up, /invite gave %q (the first was %q)", second, first)
	}
	// Revoked: a new one.
	if _, err := w.store.DB().Exec(`UPDATE invites SET revoked_at = now() WHERE code = $1`, second); err != nil {
		t.Fatal(err)
	}
	third := only(t, w.send(coord, "/invite"))
	if code := linkIn(third.Text); code == "" || code == second || code == first {
		t.Fatalf("after the link was revoked, /invite gave %q", code)
	}
	if !strings.HasPrefix(third.Text, strings.SplitN(w.vi("invite.created", locales.Data{"Unit": anHoiTayVi, "Role": w.vi("role.volunteer")}), "\n", 2)[0]) {
		t.Fatalf("a new link is not announced as new: %q", third.Text)
	}

	// In English too.
	w.send(coord, "/lang en")
	if m := only(t, w.send(coord, "/invite")); !strings.HasPrefix(m.Text, strings.SplitN(w.en("invite.again", locales.Data{"Unit": anHoiTayVi, "Role": w.en("role.volunteer")}), "\n", 2)[0]) {
		t.Fatalf("in English: %q", m.Text)
	}
}

// A coordinator's link is for one person: an admin who invites two
// coordinators to a commune needs two links, and gets them; the second
// says how many of their links of that kind are still unused (to be
// revoked in /team if they are forgotten).
func TestCoordinatorLinksStayOnePerPerson(t *testing.T) {
	w := newWorld(t)
	one := w.createInvite("an hoi tay", anHoiTayVi, "coordinator")
	two := w.createInvite("an hoi tay", anHoiTayVi, "coordinator")
	if one == two {
		t.Fatalf("two coordinator links for two people are the same: %q", one)
	}
	m := w.admin.Last()
	if want := w.vi("invite.others", locales.Data{"Count": 1, "Role": w.vi("role.coordinator"), "Unit": anHoiTayVi}); !strings.Contains(m.Text, want) {
		t.Fatalf("the second link does not say one more is unused: %q, want %q", m.Text, want)
	}
}

// A volunteer who left with /leave and opened their team's link again
// (as leave.done tells them to) spent a second use of it: a link for 50
// people was used up by fewer, and a coordinator's link, for one person,
// refused its own coordinator as used up. Opening again a link one joined
// by takes them back without a second use.
func TestRejoiningByTheSameLinkSpendsNoUse(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, anHoiTayCode)
	link := w.inviteBy(coord.ID, anHoiTayCode, storage.RoleVolunteer)
	vol := w.srv.NewUser("Vy", "vi")
	welcome := w.vi("join.welcome", locales.Data{"Unit": anHoiTayVi, "Role": w.vi("role.volunteer")})
	w.send(vol, "/start "+link)
	for range 2 {
		w.send(vol, "/leave")
		w.press(vol, w.vi("leave.yes"))
		if m := only(t, w.send(vol, "/start "+link)); m.Text != welcome {
			t.Fatalf("rejoining: %q", m.Text)
		}
	}
	if n := w.usesOf(link); n != 1 {
		t.Fatalf("the link counts %d uses after one person joined, left and came back twice; want 1", n)
	}

	// A coordinator's link, for one person.
	ctx := context.Background()
	var code string
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		inv, err := tx.CreateInvite(ctx, anHoiTayCode, storage.RoleCoordinator, w.admin.ID, time.Now().Add(24*time.Hour), 1)
		code = inv.Code
		return err
	}); err != nil {
		t.Fatal(err)
	}
	hai := w.srv.NewUser("Hải", "en")
	w.send(hai, "/start "+code)
	w.send(hai, "/leave")
	w.press(hai, w.vi("leave.yes"))
	if m := only(t, w.send(hai, "/start "+code)); m.Text != w.vi("join.welcome", locales.Data{"Unit": anHoiTayVi, "Role": w.vi("role.coordinator")}) {
		t.Fatalf("the coordinator who used their link, back by it: %q", m.Text)
	}
	if n := w.usesOf(code); n != 1 {
		t.Fatalf("the coordinator's link counts %d uses; want 1", n)
	}
	// Still used up for anyone else.
	other := w.srv.NewUser("Khoa", "vi")
	if m := only(t, w.send(other, "/start "+code)); m.Text != w.vi("join.used_up") {
		t.Fatalf("someone else opening the used link: %q", m.Text)
	}
}

// /team's usable links were told apart only by role, commune, uses and
// days: an admin who made two coordinator links for a commune the same
// day (one for Hải, one for Khoa) saw two identical lines, and could not
// revoke the one Khoa never opened. Each line, and the confirmation, ends
// the link as the message that gave it does (its code's last characters,
// not the whole code: the list is shown to whoever may see the team, and
// a link is a way in).
func TestTeamTellsTheLinksApart(t *testing.T) {
	w := newWorld(t)
	one := w.createInvite("an hoi tay", anHoiTayVi, "coordinator")
	two := w.createInvite("an hoi tay", anHoiTayVi, "coordinator")
	w.send(w.admin, "/team")
	w.press(w.admin, "Thành phố Hồ Chí Minh")
	list := last(t, w.press(w.admin, w.vi("team.invites_button")))
	lines := strings.Split(list.Text, "\n")
	if len(lines) != 3 {
		t.Fatalf("the list: %q", list.Text)
	}
	// Newest first.
	for i, code := range []string{two, one} {
		if !strings.Contains(lines[i+1], "…"+code[len(code)-4:]+" ") || strings.Contains(lines[i+1], code) {
			t.Errorf("line %d does not end the link %s as its message does (or shows it whole): %q", i+1, code, lines[i+1])
		}
	}
	m := last(t, w.press(w.admin, w.vi("team.revoke_button", locales.Data{"Number": 2})))
	if !strings.Contains(m.Text, "…"+one[len(one)-4:]) || strings.Contains(m.Text, one) {
		t.Errorf("the confirmation does not say which link: %q", m.Text)
	}
}
