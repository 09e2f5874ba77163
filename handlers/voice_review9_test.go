package handlers_test

import (
	"strings"
	"testing"
)

// A resident (of no team) who sent a contact, a voice note or a sticker, or
// typed while following no dossier, was answered in the volunteers' casual
// voice ("Mình chưa nghe được tin nhắn thoại…", "Mình làm việc qua lệnh…"),
// though every other text to a resident says "dvcbot" and "Ông/bà". A
// resident who follows a dossier, or is on a follow-up's screen, is now
// answered as "Ông/bà"; someone following nothing hears dvcbot, not "Mình".
func TestResidentIsAnsweredAsOngBa(t *testing.T) {
	w := newWorld(t)
	const code = "000.00.12.H26-251127-0040"
	_, _, res := w.openedFollowup("Vân", code)
	for _, o := range oddMessages()[:5] {
		w.bot.WaitHandled(t, res.SendMessage(o.msg))
		ms := drain(res)
		if len(ms) != 2 {
			t.Fatalf("a resident's %s: %d messages, want the note and the follow-up: %+v", o.kind, len(ms), ms)
		}
		note := ms[0].Text
		if strings.HasPrefix(note, "Mình") || strings.Contains(note, "bạn") {
			t.Errorf("a resident's %s is answered in the volunteers' voice: %q", o.kind, note)
		}
		if o.note != "error.media" && !strings.Contains(strings.ToLower(note), "ông/bà") {
			t.Errorf("a resident's %s is not answered as Ông/bà: %q", o.kind, note)
		}
		if !strings.Contains(ms[1].Text, code) {
			t.Errorf("a resident's %s: the follow-up is not shown again: %q", o.kind, ms[1].Text)
		}
	}

	// Someone following nothing: not "Mình", whoever they turn out to be.
	guest := w.srv.NewUser("Khách", "vi")
	for _, o := range oddMessages()[:5] {
		w.bot.WaitHandled(t, guest.SendMessage(o.msg))
		m := only(t, drain(guest))
		if strings.HasPrefix(m.Text, "Mình") || !strings.HasPrefix(m.Text, "dvcbot") {
			t.Errorf("a guest's %s is answered %q", o.kind, m.Text)
		}
	}
	if m := only(t, w.send(guest, "bao giờ có kết quả?")); strings.HasPrefix(m.Text, "Mình") || m.Text != w.vi("error.text_no_flow") {
		t.Errorf("a guest's text is answered %q", m.Text)
	}
	// In English too.
	en := w.srv.NewUser("Guest", "en")
	w.send(en, "/lang en")
	if m := last(t, w.send(en, "when is it ready?")); !strings.HasPrefix(m.Text, "dvcbot") {
		t.Errorf("an English guest's text is answered %q", m.Text)
	}

	// A volunteer is still answered as one, and told not to send residents' data.
	v := w.volunteer("Lan")
	w.bot.WaitHandled(t, v.SendMessage(oddMessages()[4].msg))
	if m := last(t, drain(v)); !strings.HasPrefix(m.Text, w.vi("error.contact")) || !strings.Contains(m.Text, w.vi("error.no_personal_data")) {
		t.Errorf("a volunteer's contact is answered %q", m.Text)
	}
}
