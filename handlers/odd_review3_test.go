package handlers_test

// What Telegram also brings a volunteer's chat (review, 2026-11-30): media,
// a contact, an edit, mid-case. Each test failed before its fix.

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// oddMessage is something a volunteer may send instead of typing the
// answer, and the note the bot answers it with.
type oddMessage struct {
	kind, note string
	msg        models.Message
}

// residentPhone is the contact's number: it must be nowhere in the database.
const residentPhone = "912345678"

func oddMessages() []oddMessage {
	return []oddMessage{
		{"photo", "error.media", models.Message{Photo: []models.PhotoSize{{FileID: "AgACphoto", FileUniqueID: "AQADp", Width: 800, Height: 600}}, Caption: "giấy khai sinh"}},
		{"document", "error.media", models.Message{Document: &models.Document{FileID: "BQACdoc", FileUniqueID: "AgADd", FileName: "cccd.pdf"}}},
		{"sticker", "error.not_text", models.Message{Sticker: &models.Sticker{FileID: "CAACsticker", FileUniqueID: "AgADs", Type: "regular", Width: 512, Height: 512, Emoji: "👍"}}},
		{"voice", "error.voice", models.Message{Voice: &models.Voice{FileID: "AwACvoice", FileUniqueID: "AgADv", Duration: 4}}},
		{"contact", "error.contact", models.Message{Contact: &models.Contact{PhoneNumber: "+84" + residentPhone, FirstName: "Hẻm Bảy", LastName: "Tư"}}},
		{"location", "error.not_text", models.Message{Location: &models.Location{Latitude: 10.77, Longitude: 106.70}}},
		{"poll", "error.not_text", models.Message{Poll: &models.Poll{ID: "5", Question: "Ngày nào?", Options: []models.PollOption{{Text: "Thứ hai"}, {Text: "Thứ ba"}}}}},
		{"5000 characters", "error.too_long", models.Message{Text: strings.Repeat("a", 5000)}},
		// No letter to read: each question says what it wants again.
		{"emoji", "", models.Message{Text: "👍🙏😀"}},
		{"zero-width text", "", models.Message{Text: "\u200b\u200c\u200d\ufeff"}},
	}
}

// stored is the database's rows of every table of the application and the
// runtime as text, to look for what must not be kept.
func (w *world) stored(t *testing.T, what string) []string {
	t.Helper()
	var tables []string
	if err := w.store.DB().Select(&tables, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`); err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, tb := range tables {
		var n int
		q := fmt.Sprintf(`SELECT count(*) FROM %q AS t WHERE t::text LIKE '%%' || $1 || '%%'`, tb)
		if err := w.store.DB().Get(&n, q, what); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			found = append(found, tb)
		}
	}
	return found
}

func (w *world) conversationOf(t *testing.T, u *telegramtest.User) string {
	t.Helper()
	var s string
	if err := w.store.DB().Get(&s, `SELECT flow || ':' || step || ':' || data::text || ':' || version FROM conversations WHERE chat_id = $1`, u.ID); err != nil {
		t.Fatal(err)
	}
	return s
}

// caseState is the volunteer's cases as text: status, phase, step, events.
func (w *world) caseState(t *testing.T, u *telegramtest.User) string {
	t.Helper()
	var s string
	if err := w.store.DB().Get(&s, `SELECT coalesce(string_agg(c.id || ':' || status || ':' || phase || ':' || step || ':' ||
		(SELECT count(*) FROM case_events e WHERE e.case_id = c.id), ' '), '') FROM cases c WHERE volunteer_id = $1`, u.ID); err != nil {
		t.Fatal(err)
	}
	return s
}

// sendOdd sends each odd message at the screen the chat is on: each is
// answered with its note and the screen again (its question and buttons), the
// conversation and the case stay as they were, and nothing of it is kept.
// tooLong is the note for the long paste where the question has its own
// limit ("" for the general one).
func (w *world) sendOdd(t *testing.T, u *telegramtest.User, where, question, tooLong string) {
	t.Helper()
	before := w.conversationOf(t, u)
	c0 := w.caseState(t, u)
	for _, o := range oddMessages() {
		ms := drain(u)
		w.bot.WaitHandled(t, u.SendMessage(o.msg))
		ms = append(ms, drain(u)...)
		note := ""
		if o.note != "" {
			note = w.vi(o.note, map[string]any{"Max": 500})
		}
		if o.note == "error.too_long" && tooLong != "" {
			note = tooLong
		}
		switch {
		case len(ms) == 0:
			t.Errorf("%s, a %s: no answer", where, o.kind)
		case !strings.HasPrefix(ms[len(ms)-1].Text, note) || !strings.Contains(ms[len(ms)-1].Text, question) || len(ms[len(ms)-1].Keyboard) == 0:
			t.Errorf("%s, a %s is answered %q (%d rows of buttons); want %q and the question again, with its buttons",
				where, o.kind, ms[len(ms)-1].Text, len(ms[len(ms)-1].Keyboard), note)
		}
		if (o.note == "error.media" || o.note == "error.contact") && len(ms) > 0 && !strings.Contains(ms[len(ms)-1].Text, w.vi("error.no_personal_data")) {
			t.Errorf("%s, a team member's %s is not told residents' data is not sent: %q", where, o.kind, ms[len(ms)-1].Text)
		}
		if after := w.conversationOf(t, u); after != before {
			t.Errorf("%s, a %s moved the conversation: %s → %s", where, o.kind, before, after)
		}
		if c1 := w.caseState(t, u); c1 != c0 {
			t.Errorf("%s, a %s moved the case: %s → %s", where, o.kind, c0, c1)
		}
	}
	for _, s := range []string{residentPhone, "AgACphoto", "cccd.pdf", "Hẻm Bảy"} {
		if tables := w.stored(t, s); len(tables) > 0 {
			t.Errorf("%s: %q is kept in %v", where, s, tables)
		}
	}
}

// A photo, a sticker, a voice note, a document, a resident's contact, a
// location, a poll or a 5,000-character paste sent at the dossier-code
// question, the commune question of a province coordinator's case, or the
// ⚑ note: each is answered with what it was and that it was not read (the
// paste at the note with the note's own limit: TestTooLongNoteSaysTheNotesLimit), and
// the question comes back with its buttons (media used to get the
// photo-of-documents line alone, a contact and a sticker alike, the
// buttons left behind it).
func TestOddMessagesMidCase(t *testing.T) {
	w := newWorld(t)

	u := w.volunteer("Lạ")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.sendOdd(t, u, "dossier question", w.vi("case.dossier_ask"), "")

	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	w.send(prov, "/new")
	w.press(prov, guide(t, "khai-sinh").Title.Vi)
	w.press(prov, w.vi("consent.yes"))
	w.sendOdd(t, prov, "commune question", w.vi("case.unit_ask"), "")

	v := w.volunteer("Cờ")
	w.startBirthCase(v)
	w.press(v, w.vi("case.flag"))
	w.press(v, w.vi("flag.what_other"))
	w.sendOdd(t, v, "⚑ note", w.vi("case.flag_note_ask", map[string]any{"Max": 200}), w.vi("case.note_long", map[string]any{"Max": 200}))
	var flags int
	if err := w.store.DB().Get(&flags, `SELECT count(*) FROM guide_flags`); err != nil || flags != 0 {
		t.Errorf("%d flags saved (%v) from messages that were not read", flags, err)
	}
}

// A service message in the private chat (the volunteer sets an auto-delete
// timer) is no message to the bot: no answer.
func TestServiceMessageInPrivateChatIsNotAnswered(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Hẹn giờ")
	w.bot.WaitHandled(t, u.SendMessage(models.Message{MessageAutoDeleteTimerChanged: &models.MessageAutoDeleteTimerChanged{MessageAutoDeleteTime: 86400}}))
	if ms := drain(u); len(ms) > 0 {
		t.Errorf("an auto-delete timer set is answered %q", ms[0].Text)
	}
}

// A volunteer corrects the dossier code by editing the message they sent
// (Telegram sends an edited_message): the bot used to say nothing, the
// case kept the first code and the volunteer believed it corrected. Now
// it says edits are not read and to send it again; the code is unchanged.
func TestEditedDossierCodeIsAnswered(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Sửa")
	w.finishWithCode(u, "000.00.12.H26-251127-0001")
	c, _ := w.lastCase(u)
	w.bot.WaitHandled(t, u.EditLast("000.00.12.H26-251127-0002"))
	ms := drain(u)
	if len(ms) == 0 || !strings.HasPrefix(ms[len(ms)-1].Text, w.vi("error.edited")) {
		t.Errorf("an edited dossier code is answered %v; want %q", texts(ms), w.vi("error.edited"))
	}
	var code string
	if err := w.store.DB().Get(&code, `SELECT dossier_code FROM followups WHERE case_id = $1`, c.ID); err != nil {
		t.Fatal(err)
	}
	if code != "000.00.12.H26-251127-0001" {
		t.Errorf("the follow-up's code is %q", code)
	}

	// At a question, the edit brings the question back with its buttons.
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.send(u, "👍")
	w.bot.WaitHandled(t, u.EditLast("000.00.12.H26-251127-0003"))
	m := last(t, drain(u))
	if !strings.HasPrefix(m.Text, w.vi("error.edited")) || !strings.Contains(m.Text, w.vi("case.dossier_ask")) || len(m.Keyboard) == 0 {
		t.Errorf("an edit at the dossier question is answered %q", m.Text)
	}

	// A live location moving sends edits too: none is answered.
	w.bot.WaitHandled(t, w.srv.Enqueue(models.Update{EditedMessage: &models.Message{ID: 99, From: &models.User{ID: u.ID, FirstName: u.FirstName},
		Chat: models.Chat{ID: u.ID, Type: models.ChatTypePrivate}, EditDate: 1, Location: &models.Location{Latitude: 10.8, Longitude: 106.7}}}))
	if ms := drain(u); len(ms) > 0 {
		t.Errorf("a live location's edit is answered %q", ms[0].Text)
	}
}

func texts(ms []*telegramtest.Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

// Reminders to residents who blocked the bot or deleted their Telegram
// account (403): each is tried once, dropped as "forbidden", and the
// reminder of the resident after them in the same sweep arrives.
func TestRemindersToBlockedResidents(t *testing.T) {
	w := newWorld(t)
	vol := w.volunteer("An")
	blocked, gone, fine := w.srv.NewUser("Cụ Tư", "vi"), w.srv.NewUser("Bà Năm", "vi"), w.srv.NewUser("Chú Sáu", "vi")
	received := vn(2026, 11, 20, 10, 0)
	due := vn(2026, 11, 26, 0, 0)
	w.remindedCase(vol, blocked, "000.00.12.H26-261120-0001", received, due, true)
	w.remindedCase(vol, gone, "000.00.12.H26-261120-0002", received, due, true)
	w.remindedCase(vol, fine, "000.00.12.H26-261120-0003", received, due, true)
	blocked.Block()
	gone.Deactivate()
	if n := w.remind(due.AddDate(0, 0, 1)); n != 3 {
		t.Fatalf("%d reminders due", n)
	}
	if _, err := fine.Next(10 * time.Second); err != nil {
		t.Fatalf("the reminder after two refused ones: %v", err)
	}
	w.quiet() // a retry would still be in the outbox
	for _, u := range []*telegramtest.User{blocked, gone} {
		if n := len(callsToChat(w.srv, "sendMessage", u.ID)); n != 1 {
			t.Errorf("%s's reminder was tried %d times", u.FirstName, n)
		}
	}
	var why []string
	if err := w.bot.Inbox.DB().Select(&why, `SELECT last_error FROM outbox WHERE status = 'dropped' ORDER BY chat_id`); err != nil {
		t.Fatal(err)
	}
	if len(why) != 2 || !strings.Contains(why[0], "blocked by the user") || !strings.Contains(why[1], "deactivated") {
		t.Errorf("dropped: %q", why)
	}
}

// The volunteer presses Done and deletes the step's message before the
// edit lands (Telegram: "message to edit not found"): the next step comes
// as a new message with its buttons, the case moved on (the volunteer used
// to be left with no screen, the edit dropped).
func TestPressedMessageDeletedBeforeTheEdit(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Xoá")
	w.startBirthCase(u)
	w.srv.Inject(telegramtest.Fault{Method: "editMessageText", Code: 400, Count: 1, ChatID: u.ID,
		Description: "Bad Request: message to edit not found"})
	ms := w.press(u, w.vi("case.done"))
	if len(ms) == 0 || ms[len(ms)-1].Edited || !strings.Contains(ms[len(ms)-1].Text, w.stepHead(g, 1)) || !hasButton(ms[len(ms)-1], w.vi("case.done")) {
		t.Fatalf("after the pressed message was deleted the chat got %v", texts(ms))
	}
	if m := last(t, w.press(u, w.vi("case.done"))); !strings.Contains(m.Text, w.stepHead(g, 2)) {
		t.Errorf("Done on the new message shows %q", m.Text)
	}
}

// An album of four photos (of a resident's papers, say) comes as four
// messages of one media group: the volunteer is answered once, with the
// question again, not four times the whole screen.
func TestAlbumIsAnsweredOnce(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Ảnh")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	var ids []int64
	for i := range 4 {
		ids = append(ids, u.SendMessage(models.Message{MediaGroupID: "13579", Photo: []models.PhotoSize{{FileID: fmt.Sprintf("AgACalbum%d", i), FileUniqueID: "u", Width: 1280, Height: 960}}}))
	}
	w.bot.WaitHandled(t, ids...)
	ms := fresh(drain(u)) // the question above loses its buttons (an edit)
	if len(ms) != 1 || !strings.HasPrefix(ms[0].Text, w.vi("error.media")) || !strings.Contains(ms[0].Text, w.vi("case.dossier_ask")) {
		t.Errorf("an album of 4 photos is answered %d times: %q", len(ms), texts(ms))
	}
	// Another album later is answered again.
	w.bot.WaitHandled(t, u.SendMessage(models.Message{MediaGroupID: "24680", Photo: []models.PhotoSize{{FileID: "AgACother", FileUniqueID: "v", Width: 1, Height: 1}}}))
	if ms := fresh(drain(u)); len(ms) != 1 {
		t.Errorf("a second album is answered %d times", len(ms))
	}
}

// A message forwarded from the resident (their Telegram name in its
// origin) at the dossier-code question is read as the text it carries —
// the code —, and nothing of its origin is kept.
func TestForwardedDossierCode(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Chuyển")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	c, _ := w.lastCase(u)
	w.bot.WaitHandled(t, u.SendMessage(models.Message{Text: "000.00.12.H26-251127-0009", ForwardOrigin: &models.MessageOrigin{
		Type: models.MessageOriginTypeUser, MessageOriginUser: &models.MessageOriginUser{Type: "user", Date: 1,
			SenderUser: models.User{ID: 777000123, FirstName: "Hoàng Thị", LastName: "Quýnh Nhịa"}}}}))
	drain(u)
	var code string
	if err := w.store.DB().Get(&code, `SELECT dossier_code FROM followups WHERE case_id = $1`, c.ID); err != nil || code != "000.00.12.H26-251127-0009" {
		t.Errorf("the forwarded code: %q (%v)", code, err)
	}
	for _, s := range []string{"777000123", "Quýnh Nhịa"} {
		if tables := w.stored(t, s); len(tables) > 0 {
			t.Errorf("the forward's origin %q is kept in %v", s, tables)
		}
	}
}

// A resident (no team member) who sends the bot a photo or their contact
// is told it reads neither, not asked to keep "residents'" data to
// themselves (the notes were written for volunteers).
func TestResidentSendsAPhotoAndAContact(t *testing.T) {
	w := newWorld(t)
	_, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-0001")
	for _, o := range oddMessages()[:5] {
		w.bot.WaitHandled(t, res.SendMessage(o.msg))
		ms := drain(res)
		if len(ms) != 2 {
			t.Fatalf("a resident's %s: %d messages, want the note and the follow-up: %+v", o.kind, len(ms), ms)
		}
		m := ms[0] // the note; then the follow-up, with its buttons
		if !strings.Contains(last(t, ms).Text, "000.00.12.H26-251127-0001") {
			t.Errorf("a resident's %s: the follow-up is not shown again: %q", o.kind, last(t, ms).Text)
		}
		note := o.note + "_resident" // said as to a resident: "Ông/bà"
		if o.note == "error.media" { // most likely the slip's photo: how a slip opens
			note = "error.media_guest"
		}
		if !strings.HasPrefix(m.Text, w.vi(note)) || strings.Contains(m.Text, "của người dân") {
			t.Errorf("a resident's %s is answered %q", o.kind, m.Text)
		}
	}
	if tables := w.stored(t, residentPhone); len(tables) > 0 {
		t.Errorf("the resident's number is kept in %v", tables)
	}
}
