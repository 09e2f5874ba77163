package handlers_test

// The resident's side over weeks, walked as a resident (and the family
// member who helps them) would, found in the third review: each test
// failed before its fix.

import (
	"context"
	"database/sql"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/web"
	"github.com/dvcbot/dvcbot/workdays"
)

// slip finishes a case with a code for a new volunteer and returns the
// case id and its link's token, not opened by anyone yet.
func (w *world) slip(volunteer, code string) (int64, string) {
	w.t.Helper()
	v := w.volunteer(volunteer)
	ms := w.finishWithCode(v, code)
	c, _ := w.lastCase(v)
	return c.ID, qrToken(w.t, ms[0].Photo)
}

// A daughter opens her mother's and her father's links in her own
// Telegram. Every screen she is shown after a press still says which
// dossier it is about: two rating questions, two "thank you"s, two
// reminders answered must not look alike once their first lines are
// edited away.
func TestTwoFollowupsInOneChatEachScreenSaysWhich(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const mother, father = "000.00.12.H26-251127-0101", "000.00.12.H26-251127-0102"
	motherCase, motherToken := w.slip("Vân", mother)
	_, fatherToken := w.slip("Vy", father)
	daughter := w.srv.NewUser("Con gái", "vi")

	open := func(token string) *telegramtest.Message {
		t.Helper()
		return last(t, w.send(daughter, "/start "+token))
	}
	m1 := open(motherToken)
	m2 := open(fatherToken)
	// She answers the father's first, then the mother's.
	for _, step := range []struct {
		msg         *telegramtest.Message
		label, code string
	}{
		{m2, w.vi("followup.consent_yes"), father},
		{m1, w.vi("followup.consent_yes"), mother},
		{m1, "4★", mother},
		{m1, w.vi("followup.comment_skip"), mother},
		{m2, "5★", father},
	} {
		id, err := daughter.PressOn(step.msg.ID, step.label)
		if err != nil {
			t.Fatal(err)
		}
		w.bot.WaitHandled(t, id)
		drain(daughter)
		got := msgByID(t, daughter, step.msg.ID)
		if !strings.Contains(got.Text, step.code) {
			t.Errorf("after %q the screen does not say which dossier (%s):\n%s", step.label, step.code, got.Text)
		}
	}

	// Both are due the same day: two reminders; she answers the mother's.
	if n := w.remind(clk.now().AddDate(0, 0, 10)); n != 2 {
		t.Fatalf("%d reminders, want 2", n)
	}
	reminders := w.settle(daughter)
	if len(reminders) != 2 {
		t.Fatalf("%d reminder messages, want 2", len(reminders))
	}
	var onMother *telegramtest.Message
	for _, m := range reminders {
		if strings.Contains(m.Text, mother) {
			onMother = m
		}
	}
	if onMother == nil {
		t.Fatal("no reminder names the mother's dossier")
	}
	for _, label := range []string{w.vi("followup.reminder_got"), w.vi("followup.received_yes")} { // asked, then confirmed
		id, err := daughter.PressOn(onMother.ID, label)
		if err != nil {
			t.Fatal(err)
		}
		w.bot.WaitHandled(t, id)
		drain(daughter)
	}
	if got := msgByID(t, daughter, onMother.ID); !strings.Contains(got.Text, mother) ||
		!strings.Contains(got.Text, w.vi("followup.received")) {
		t.Errorf("the answered reminder does not say which dossier came:\n%s", got.Text)
	}
	if f, _ := w.followupRow(motherCase); f.Status != "received" {
		t.Errorf("the mother's follow-up: %+v", f)
	}
}

// about is the line that heads a follow-up's screens after a press: which
// dossier (of a birth registration, as finishWithCode makes) it is about.
func (w *world) about(code string) string {
	return w.vi("followup.about", locales.Data{"Code": code, "Guide": guide(w.t, "khai-sinh").Title.Vi}) + "\n\n"
}

// The daughter's father's result came; she wants his follow-up erased and
// her mother's kept. /forget used to erase both at once, saying "Đã xoá: …
// mã hồ sơ" without saying which: now it asks which (or all, or none),
// erases the one she picks — its comment question ends with it — and
// names it by its procedure and the end of its code (the erased code
// itself is not written again).
func TestForgetOneOfTwoFollowupsInOneChat(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const mother, father = "000.00.12.H26-251127-0111", "000.00.12.H26-251127-0112"
	motherCase, motherToken := w.slip("Vân", mother)
	fatherCase, fatherToken := w.slip("Vy", father)
	daughter := w.srv.NewUser("Con gái", "vi")
	w.send(daughter, "/start "+motherToken)
	w.send(daughter, "/start "+fatherToken)
	w.press(daughter, w.vi("followup.consent_yes"))
	rated := last(t, w.press(daughter, "3★")) // the father's comment question is open

	ask := last(t, w.forgetConfirmed(daughter))
	if !strings.Contains(ask.Text, mother) || !strings.Contains(ask.Text, father) ||
		!hasButton(ask, w.forgetButton(father)) ||
		!hasButton(ask, w.vi("followup.forget_all_button", locales.Data{"Count": 2})) {
		t.Fatalf("/forget with two follow-ups does not ask which: %q %v", ask.Text, ask.Buttons())
	}
	if got := last(t, w.press(daughter, w.vi("followup.forget_keep_button"))); got.Text != w.vi("followup.forget_kept") {
		t.Errorf("keep them: %q", got.Text)
	}
	if _, ok := w.followupRow(fatherCase); !ok {
		t.Fatal("\"keep them\" erased the father's follow-up")
	}

	w.forgetConfirmed(daughter)
	got := last(t, w.press(daughter, w.forgetButton(father)))
	title := guide(t, "khai-sinh").Title.Vi
	// Named by the end of its code its button showed ("…251127-0112").
	if !strings.HasPrefix(got.Text, w.vi("followup.forgotten_one", locales.Data{"Guide": title, "Tail": "251127-0112"})) ||
		!strings.Contains(got.Text, w.texts.For("vi").N("followup.forget_others", 1)) || strings.Contains(got.Text, father) {
		t.Errorf("after erasing the father's: %q", got.Text)
	}
	if _, ok := w.followupRow(fatherCase); ok {
		t.Error("the father's follow-up is still there")
	}
	if f, ok := w.followupRow(motherCase); !ok || f.Chat.Int64 != daughter.ID {
		t.Errorf("the mother's follow-up went with it: %+v %v", f, ok)
	}
	var forgotten bool
	if err := w.store.DB().Get(&forgotten, `SELECT followup_forgotten FROM cases WHERE id = $1`, fatherCase); err != nil || !forgotten {
		t.Errorf("the father's case is not marked forgotten (%v)", err)
	}
	// The father's comment question ended with it: what she types now is
	// no comment on anything (the follow-up she still has is shown again).
	if ms := w.send(daughter, "xoá rồi à"); len(ms) != 2 || ms[0].Text != w.vi("followup.typed") ||
		!strings.Contains(ms[1].Text, mother) || strings.Contains(ms[1].Text, father) {
		t.Errorf("typed after the erase: %+v", ms)
	}
	// The father's old buttons are dead: taken off with his follow-up,
	// and a tap that left the phone before answers that it is gone.
	noButtons(t, daughter, rated.ID, "the erased follow-up's comment question")
	id, err := daughter.PressData(rated.ID, dataOf(t, rated, w.vi("followup.comment_skip")))
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(daughter)
	if got := lastAnswer(t, daughter); got != w.vi("followup.gone") {
		t.Errorf("an erased follow-up's button answers %q", got)
	}

	// One left: /forget erases it at once, and the chat is forgotten.
	if got := last(t, w.forgetConfirmed(daughter)); got.Text != w.vi("followup.forgotten") {
		t.Errorf("/forget with one follow-up left: %q", got.Text)
	}
	if _, ok := w.followupRow(motherCase); ok {
		t.Error("the mother's follow-up is still there")
	}
	if n := w.conversationRows(daughter.ID); n != 0 {
		t.Errorf("%d conversation rows left", n)
	}
}

// "Xoá cả 2 hồ sơ" erases both, and says how many.
func TestForgetAllFollowupsOfAChat(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	a, ta := w.slip("Vân", "000.00.12.H26-251127-0121")
	b, tb := w.slip("Vy", "000.00.12.H26-251127-0122")
	son := w.srv.NewUser("Con trai", "vi")
	w.send(son, "/start "+ta)
	w.send(son, "/start "+tb)
	w.forgetConfirmed(son)
	if got := last(t, w.press(son, w.vi("followup.forget_all_button", locales.Data{"Count": 2}))); got.Text != w.vi("followup.forgotten_all", locales.Data{"Count": 2}) {
		t.Errorf("all: %q", got.Text)
	}
	for _, c := range []int64{a, b} {
		if _, ok := w.followupRow(c); ok {
			t.Errorf("case %d's follow-up is still there", c)
		}
	}
	if n := w.conversationRows(son.ID); n != 0 {
		t.Errorf("%d conversation rows left", n)
	}
}

// A resident opened the link a week ago and comes back: they type /start
// (or press Telegram's Start after clearing the chat). They used to be
// told they are on no team and should ask for an invite link; now they
// see their dossier again, where it stands, and its buttons — here the
// reminder question they never answered.
func TestResidentStartShowsTheirFollowups(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const code = "000.00.12.H26-251127-0131"
	c, _, res := w.openedFollowup("Vân", code)
	clk.advance(7 * 24 * time.Hour)
	ms := w.send(res, "/start")
	if len(ms) != 2 || ms[0].Text != w.texts.For("vi").N("start.resident", 1) {
		t.Fatalf("/start of a resident: %+v", ms)
	}
	// A week on, the first question's day passed: asked at the next round.
	if got := ms[1]; !strings.Contains(got.Text, code) || !strings.Contains(got.Text, w.vi("followup.consent_ask_soon")) ||
		!hasButton(got, w.vi("followup.consent_yes")) {
		t.Fatalf("the follow-up shown again: %q %v", got.Text, got.Buttons())
	}
	w.press(res, w.vi("followup.consent_yes"))
	if f, _ := w.followupRow(c); !f.Consent.Bool {
		t.Errorf("the consent given on /start's message: %+v", f)
	}
	// /help does not tell them to find an invite link either.
	if got := only(t, w.send(res, "/help")); got.Text != w.vi("help.resident") {
		t.Errorf("a resident's /help: %q", got.Text)
	}
	// Someone with no follow-up still gets the guest greeting.
	guest := w.srv.NewUser("Khách", "vi")
	if got := only(t, w.send(guest, "/start")); got.Text != w.vi("start.guest", locales.Data{"Name": "Khách"}) {
		t.Errorf("a guest's /start: %q", got.Text)
	}
}

// A link that reached the resident other than by a tap: the whole link
// pasted into the chat (copied from Zalo or an SMS), or after /start, or
// the web page's link pasted; and a link that lost characters on the way.
// The pasted links open the follow-up (they used to get "I work with
// commands and buttons", or "this invite link is not valid"); a link cut
// short is not called an invite: the answer says what to do with a slip.
func TestResidentPastesOrMistypesTheLink(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithPublicURL("https://dvc.example.vn"))
	const code = "000.00.12.H26-251127-0141"
	c, token := w.slip("Vân", code)
	deep := "https://t.me/" + w.srv.Bot().Username + "?start=" + token

	res := w.srv.NewUser("Cư dân", "vi")
	got := last(t, w.send(res, deep))
	if !strings.Contains(got.Text, code) || !hasButton(got, w.vi("followup.consent_yes")) {
		t.Fatalf("the deep link pasted as text: %q", got.Text)
	}
	if f, _ := w.followupRow(c); f.Chat.Int64 != res.ID {
		t.Errorf("the pasted link did not make the chat the resident's: %+v", f)
	}
	for _, text := range []string{
		"/start " + deep,
		"Mã theo dõi: https://dvc.example.vn/f/" + token + " (phiếu của mẹ)",
	} {
		if got := last(t, w.send(res, text)); !strings.Contains(got.Text, code) {
			t.Errorf("%q: %q", text, got.Text)
		}
	}

	other := w.srv.NewUser("Người khác", "vi")
	for _, cut := range []string{token[:10], token[:20], token + "."} {
		got := last(t, w.send(other, "/start "+cut))
		if got.Text == w.vi("join.not_found") {
			t.Errorf("/start %s (a follow-up link cut or mistyped) is answered as an invite: %q", cut, got.Text)
		}
	}
	// A member's or an invite's length still gets the invite's answer.
	if got := last(t, w.send(other, "/start abcdefghijkm")); got.Text != w.vi("join.not_found") {
		t.Errorf("an unknown invite: %q", got.Text)
	}
	if f, _ := w.followupRow(c); f.Chat.Int64 != res.ID {
		t.Errorf("after the others: %+v", f)
	}
}

// A resident whose Telegram is English opens the link (the bot speaks
// Vietnamese first), switches with /lang en and goes on in English. A
// month later — a dossier that takes long, "not yet" asked again — the
// retention job forgot their language (a guest row, 30 days after /lang:
// pressing buttons does not count as writing), and the bot spoke
// Vietnamese to them again, the reminders too. A guest row stays while a
// follow-up of the chat is kept (it holds nothing the follow-up does not:
// the chat id, and the language).
func TestResidentKeepsTheirLanguageForWeeks(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const code = "000.00.12.H26-251127-0151"
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, code)
	c, _ := w.lastCase(v)
	token := qrToken(t, ms[0].Photo)
	res := w.srv.NewUser("Anna", "en")
	if got := last(t, w.send(res, "/start "+token)); !strings.Contains(got.Text, w.vi("followup.greeting")) {
		t.Fatalf("the link opened: %q", got.Text)
	}
	w.send(res, "/lang en")
	w.send(res, "/start "+token)
	w.press(res, w.en("followup.consent_yes"))
	w.press(res, "5★")
	w.press(res, w.en("followup.comment_skip"))

	clk.advance(31 * 24 * time.Hour)
	// The row was last written by /lang a month ago (the database's clock).
	if _, err := w.store.DB().Exec(`UPDATE users SET updated_at = now() - interval '31 days' WHERE telegram_id = $1`, res.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.store.ApplyRetention(context.Background(), time.Now()); err != nil {
		t.Fatal(err)
	}
	ms = w.send(res, "/start")
	if len(ms) == 0 || ms[0].Text != w.texts.For("en").N("start.resident", 1) {
		t.Errorf("a month later the resident is not spoken to in English: %+v", ms)
	}
	rs, err := w.store.DueReminders(context.Background(), clk.now(), 10)
	if err != nil || len(rs) != 1 || rs[0].Language != "en" {
		t.Errorf("the reminder's language a month later: %+v %v", rs, err)
	}
	// /forget still takes the guest row with the follow-up.
	w.forgetConfirmed(res)
	var users int
	if err := w.store.DB().Get(&users, `SELECT count(*) FROM users WHERE telegram_id = $1`, res.ID); err != nil || users != 0 {
		t.Errorf("after /forget the resident has %d user rows (%v)", users, err)
	}
	if _, ok := w.followupRow(c.ID); ok {
		t.Error("the follow-up is still there")
	}
}

// tablesHolding names the tables of the database (but skip) with a row
// whose text holds s (bytea columns read as UTF-8 too: the inbox keeps an
// update's bytes).
func (w *world) tablesHolding(s string, skip ...string) []string {
	w.t.Helper()
	var tables []string
	if err := w.store.DB().Select(&tables, `SELECT quote_ident(table_name) FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`); err != nil {
		w.t.Fatal(err)
	}
	var out []string
	for _, tb := range tables {
		if slices.Contains(skip, tb) {
			continue
		}
		var n int
		err := w.store.DB().Get(&n, `SELECT count(*) FROM `+tb+` t WHERE strpos(row_to_json(t)::text, $1) > 0
			OR strpos(row_to_json(t)::text, encode(convert_to($1, 'UTF8'), 'hex')) > 0`, s)
		if err != nil {
			w.t.Fatal(err)
		}
		if n > 0 {
			out = append(out, tb)
		}
	}
	return out
}

// After /forget, and after the erase on the link's web page, nothing of
// the follow-up is left anywhere in the database — its dossier code, its
// link's token, the resident's comment, their chat id — but in the bot's
// outbox, which the lead is seeing to, and the inbox's rows of the
// resident's own updates (update id and chat id, 48 hours, docs/privacy.md).
func TestErasedFollowupLeavesNothingInStorage(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithPublicURL("https://dvc.example.vn"))
	page := web.New(w.store, catalog, w.texts)
	walk := func(code, comment string) (*telegramtest.User, string) {
		_, token, res := w.openedFollowup("Vân "+code[len(code)-2:], code)
		w.send(res, "/lang vi")
		w.press(res, w.vi("followup.consent_yes"))
		w.press(res, "4★")
		w.send(res, comment)
		return res, token
	}
	const byBot, byWeb = "000.00.12.H26-251127-0161", "000.00.12.H26-251127-0162"
	botRes, botToken := walk(byBot, "Hướng dẫn rất dễ hiểu, cảm ơn")
	webRes, webToken := walk(byWeb, "Chờ hơi lâu nhưng tận tình")
	if n := w.remind(clk.now().AddDate(0, 0, 10)); n != 2 {
		t.Fatalf("%d reminders", n)
	}
	for _, res := range []*telegramtest.User{botRes, webRes} {
		w.settle(res)
		w.press(res, w.vi("followup.reminder_not"))
	}

	// The search finds what is there before the erase.
	if in := w.tablesHolding(byWeb); !slices.Contains(in, "followups") {
		t.Fatalf("the dossier code is found in %v before the erase", in)
	}
	if in := w.tablesHolding(":" + strconv.FormatInt(botRes.ID, 10) + ","); !slices.Contains(in, "followups") {
		t.Fatalf("the chat id is found in %v before the erase", in)
	}

	w.forgetConfirmed(botRes)
	confirm := httptest.NewRecorder()
	page.ServeHTTP(confirm, httptest.NewRequest("GET", "/f/"+webToken+"/forget?lang=vi", nil))
	m := regexp.MustCompile(`name="form" value="([^"]+)"`).FindStringSubmatch(confirm.Body.String())
	if m == nil {
		t.Fatalf("no erase form:\n%s", confirm.Body.String())
	}
	post := httptest.NewRequest("POST", "/f/"+webToken+"/forget", strings.NewReader(url.Values{"form": {m[1]}, "lang": {"vi"}}.Encode()))
	post.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	erased := httptest.NewRecorder()
	if page.ServeHTTP(erased, post); erased.Code != http.StatusSeeOther {
		t.Fatalf("the web erase: %d", erased.Code)
	}

	for what, s := range map[string]string{
		"the dossier code erased by /forget": byBot, "the dossier code erased on the page": byWeb,
		"the token erased by /forget": botToken, "the token erased on the page": webToken,
		"the comment erased by /forget": "Hướng dẫn rất dễ hiểu", "the comment erased on the page": "Chờ hơi lâu",
	} {
		if in := w.tablesHolding(s, "outbox"); len(in) > 0 {
			t.Errorf("%s (%q) is still in %v", what, s, in)
		}
	}
	for _, res := range []*telegramtest.User{botRes, webRes} {
		// A number of its own in the row's JSON, not a part of a unit's code.
		if in := w.tablesHolding(":"+strconv.FormatInt(res.ID, 10)+",", "outbox", "updates", "provinces", "communes", "commune_names"); len(in) > 0 {
			t.Errorf("the resident's chat id %d is still in %v", res.ID, in)
		}
	}
}

// A resident who agreed to reminders blocked the bot since. Telegram
// answers the due date's reminder 403 ("Forbidden: bot was blocked by the
// user"): the reply is dropped at once, not tried again, and no other
// reminder is planned — weeks of sweeps later nothing more was tried.
func TestReminderToAResidentWhoBlockedTheBot(t *testing.T) {
	received := vn(2026, 11, 23, 10, 0) // a Monday
	clock := &jobs.Clock{}
	clock.Set(received)
	w := newWorld(t, handlers.WithClock(clock.Now))
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	resident := w.srv.NewUser("Bà Sáu", "vi")
	id := w.remindedCase(vol, resident, "000.00.12.H26-261123-0001", received, vn(2026, 11, 24, 0, 0), true)
	toResident := func() int {
		n := 0
		for _, c := range w.srv.CallsTo("sendMessage") {
			if c.Params["chat_id"] == strconv.FormatInt(resident.ID, 10) {
				n++
			}
		}
		return n
	}

	q := startQueue(t, w, clock)
	w.srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: http.StatusForbidden, Count: 1})
	clock.Set(vn(2026, 11, 25, 8, 5))
	q.sweep()
	deadline := time.Now().Add(10 * time.Second)
	var status string
	for time.Now().Before(deadline) {
		if err := w.store.DB().Get(&status, `SELECT status FROM outbox WHERE chat_id = $1`, resident.ID); err == nil && status == "dropped" {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if status != "dropped" {
		t.Fatalf("the refused reminder is %q in the outbox, want dropped", status)
	}
	if n := toResident(); n != 1 {
		t.Errorf("the reminder was tried %d times, want once", n)
	}
	for day := 26; day <= 60; day += 3 { // five weeks of sweeps
		clock.Set(vn(2026, 11, day, 9, 0))
		q.sweep()
	}
	w.quiet() // a message still to send would be in the outbox
	if n := toResident(); n != 1 {
		t.Errorf("%d messages tried to the resident who blocked the bot, want the one", n)
	}
	var next sql.NullTime
	if err := w.store.DB().Get(&next, `SELECT next_reminder_on FROM followups WHERE case_id = $1`, id); err != nil || next.Valid {
		t.Errorf("a reminder is still planned (%v, %v)", next, err)
	}

	// She unblocks the bot and opens it again: the question she never got
	// is asked there, with its buttons (she was told to answer "in the
	// latest reminder").
	ms := w.send(resident, "/start")
	shown := ms[len(ms)-1]
	if !strings.Contains(shown.Text, w.vi("followup.status_asked_again")) || !hasButton(shown, w.vi("followup.reminder_not")) ||
		!hasButton(shown, w.vi("followup.reminder_problem")) {
		t.Fatalf("the follow-up after the reminder she never got: %q %v", shown.Text, shown.Buttons())
	}
	got := last(t, w.press(resident, w.vi("followup.reminder_not")))
	f, _ := w.followupRow(id)
	date := f.NextRemind.Time.Format("02/01/2006")
	if _, known := workdays.Default().IsWorkingDay(f.NextRemind.Time); !known { // a year not announced yet
		date += " " + w.vi("followup.estimate")
	}
	if !f.NextRemind.Valid || !strings.Contains(got.Text, w.vi("followup.ask_again", locales.Data{"Date": date})) {
		t.Errorf("not yet: %q (%+v)", got.Text, f)
	}
}

// "Có vướng mắc" on a case whose volunteer has left the team, in a commune
// with no coordinator on the bot: nobody can be told, and the resident was
// told "dvcbot đã báo cho tình nguyện viên và điều phối viên" — and the
// link opened again said the volunteer had been told. Now they are told
// the truth: go back to the commune's help point.
func TestProblemWithNobodyToTell(t *testing.T) {
	received := vn(2026, 11, 23, 10, 0)
	clock := &jobs.Clock{}
	clock.Set(received)
	w := newWorld(t, handlers.WithClock(clock.Now))
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	resident := w.srv.NewUser("Ông Bảy", "vi")
	const code = "000.00.12.H26-261123-0002"
	id := w.remindedCase(vol, resident, code, received, vn(2026, 11, 24, 0, 0), true)
	w.removeMember(vol)
	if n := w.remind(vn(2026, 11, 25, 9, 0)); n != 1 {
		t.Fatalf("%d reminders", n)
	}
	w.settle(resident)
	got := last(t, w.press(resident, w.vi("followup.reminder_problem")))
	if got.Text != w.about(code)+w.vi("followup.problem_nobody") {
		t.Errorf("a problem nobody can be told of: %q", got.Text)
	}
	if m := w.settle(vol); len(m) != 0 {
		t.Errorf("the volunteer who left was told: %q", m[0].Text)
	}
	if f, _ := w.followupRow(id); f.Status != storage.FollowupProblem {
		t.Errorf("status %s", f.Status)
	}
	w.send(resident, "/start") // the follow-up again: it asks for the rating
	w.press(resident, "3★")
	shown := last(t, w.press(resident, w.vi("followup.comment_skip"))).Text
	if !strings.Contains(shown, w.vi("followup.status_problem")) || strings.Contains(shown, "đã được báo") {
		t.Errorf("where the follow-up stands: %q", shown)
	}
}

// An elderly resident presses "Không, cảm ơn" by mistake (or their
// daughter talks them round): the follow-up shown again used to say only
// "dvcbot sẽ không nhắn nhắc Ông/bà", with no way back short of a new
// slip. Now it offers the reminder while the result is awaited, and the
// reminder then goes the working day after the due date (Wednesday 2/12:
// Thursday 3/12); a "yes" never turns back into "no"
// by an old button.
func TestResidentChangesTheirMindAboutReminders(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const code = "000.00.12.H26-251127-0171"
	c, _, res := w.openedFollowup("Vân", code)
	first := res.Last()
	w.press(res, w.vi("followup.consent_no"))
	w.press(res, "5★")
	w.press(res, w.vi("followup.comment_skip"))
	if n := w.remind(clk.now().AddDate(0, 0, 10)); n != 0 {
		t.Fatalf("%d reminders to a resident who said no", n)
	}

	ms := w.send(res, "/start")
	shown := ms[len(ms)-1]
	if !strings.Contains(shown.Text, w.vi("followup.status_no_reminders")) || !hasButton(shown, w.vi("followup.consent_later")) {
		t.Fatalf("the follow-up of a resident who said no: %q %v", shown.Text, shown.Buttons())
	}
	got := last(t, w.press(res, w.vi("followup.consent_later")))
	if !strings.Contains(got.Text, w.vi("followup.status_remind", locales.Data{"Due": "03/12/2026"})) || hasButton(got, w.vi("followup.consent_later")) {
		t.Errorf("after changing their mind: %q %v", got.Text, got.Buttons())
	}
	if f, _ := w.followupRow(c); !f.Consent.Bool || !strings.HasPrefix(f.Version.String, "vi-") {
		t.Errorf("the consent: %+v", f)
	}
	// The first message's "No" pressed again changes nothing.
	w.forge(res, first.ID, dataOf(t, first, w.vi("followup.consent_no")))
	if f, _ := w.followupRow(c); !f.Consent.Bool {
		t.Errorf("an old \"no\" took the consent back: %+v", f)
	}
	if n := w.remind(clk.now().AddDate(0, 0, 10)); n != 1 {
		t.Errorf("%d reminders once agreed, want 1", n)
	}
}

// The daughter got only the slip's photo (forwarded) and sends it to the
// bot. She was told not to send photos of residents' documents — words
// for volunteers. Someone on no team is told how a slip opens; a
// volunteer still gets the volunteers' words (a team member's photo is
// most likely a resident's document).
func TestSlipPhotoSentToTheBot(t *testing.T) {
	w := newWorld(t)
	photo := func(u *telegramtest.User) string {
		t.Helper()
		id := w.srv.Enqueue(models.Update{Message: &models.Message{ID: 7, Date: int(time.Now().Unix()),
			From: &models.User{ID: u.ID, FirstName: u.FirstName}, Chat: models.Chat{ID: u.ID, Type: models.ChatTypePrivate},
			Photo: []models.PhotoSize{{FileID: "slip", Width: 800, Height: 1200}}, Caption: "phiếu của mẹ"}})
		w.bot.WaitHandled(t, id)
		return only(t, drain(u)).Text
	}
	if got := photo(w.srv.NewUser("Con gái", "vi")); got != w.vi("error.media_guest") {
		t.Errorf("a guest's photo: %q", got)
	}
	if got := photo(w.volunteer("Vân")); got != w.vi("error.media")+"\n"+w.vi("error.no_personal_data") {
		t.Errorf("a volunteer's photo: %q", got)
	}
}

// An elderly resident taps 1★ when they meant 2★ (side by side on a small
// screen). The comment question that follows used to offer only "Không
// nhận xét": the rating could be changed on the web page, not in
// Telegram. The stars stay under the question, the one given marked.
func TestResidentPutsAMistappedRatingRight(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	c, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-0181")
	w.press(res, w.vi("followup.consent_yes"))
	got := last(t, w.press(res, "1★"))
	if !hasButton(got, "✓1★") || !hasButton(got, "2★") {
		t.Fatalf("the comment question after 1★: %q %v", got.Text, got.Buttons())
	}
	got = last(t, w.press(res, "2★"))
	if !strings.Contains(got.Text, w.vi("followup.rated", locales.Data{"Rating": 2})) || !hasButton(got, "✓2★") {
		t.Errorf("after putting it right: %q %v", got.Text, got.Buttons())
	}
	if f, _ := w.followupRow(c); f.Rating.Int16 != 2 {
		t.Errorf("the rating kept: %d", f.Rating.Int16)
	}
	w.send(res, "Nhiệt tình")
	if f, _ := w.followupRow(c); f.Rating.Int16 != 2 || f.Comment.String != "Nhiệt tình" {
		t.Errorf("after the comment: %+v", f)
	}
}

// A resident whose Telegram is in English opens the link: the bot speaks
// Vietnamese first (as to everyone), and now says, in English, how to
// switch; once switched, /start shows the follow-up in English. Someone
// whose Telegram is in Vietnamese gets no such line.
func TestEnglishTelegramResidentIsToldHowToSwitch(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const code = "000.00.12.H26-251127-0191"
	_, token := w.slip("Vân", code)
	res := w.srv.NewUser("Anna", "en")
	got := last(t, w.send(res, "/start "+token))
	if !strings.Contains(got.Text, w.vi("followup.consent_ask")) || !strings.HasSuffix(got.Text, w.en("followup.english_hint")) {
		t.Errorf("an English Telegram's first look: %q", got.Text)
	}
	w.send(res, "/lang en")
	ms := w.send(res, "/start")
	if got := ms[len(ms)-1]; !strings.Contains(got.Text, w.en("followup.consent_ask")) || !hasButton(got, w.en("followup.consent_yes")) ||
		strings.Contains(got.Text, w.en("followup.english_hint")) {
		t.Errorf("/start in English: %q", got.Text)
	}
	_, token2 := w.slip("Vy", "000.00.12.H26-251127-0192")
	vi := w.srv.NewUser("Ba", "vi")
	if got := last(t, w.send(vi, "/start "+token2)); strings.Contains(got.Text, w.en("followup.english_hint")) {
		t.Errorf("a Vietnamese Telegram is told how to switch to English: %q", got.Text)
	}
}

// Asked for a comment, a resident answers "👍": they were told "this
// comment has no words" and asked again, where the web page takes the same
// as no comment. It is taken as "no comment" now.
func TestThumbsUpIsNoComment(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const code = "000.00.12.H26-251127-0201"
	c, _, res := w.openedFollowup("Vân", code)
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "5★")
	got := last(t, w.send(res, "👍"))
	if !strings.HasPrefix(got.Text, w.about(code)+w.vi("followup.thanks")) || !hasButton(got, "✓5★") { // the stars, to rate again
		t.Errorf("👍 as the comment: %q", got.Text)
	}
	if f, _ := w.followupRow(c); f.Comment.Valid || f.Rating.Int16 != 5 {
		t.Errorf("stored: %+v", f)
	}
	// Thanked for the thanks that follows, not asked for a comment again.
	if ms := w.send(res, "cảm ơn"); len(ms) != 1 || ms[0].Text != w.vi("smalltalk.thanks_resident") {
		t.Errorf("the comment question is still open: %+v", ms)
	}
	if f, _ := w.followupRow(c); f.Comment.Valid {
		t.Errorf("kept as the comment: %q", f.Comment.String)
	}
}

// A follow-up made before dates were given to those without one was
// planned a week after it was made (migration 00015): on a Saturday here.
// The resident was told "dvcbot sẽ nhắn hỏi Ông/bà vào ngày 05/12/2026",
// a Saturday, when reminders go on working days only: it comes Monday,
// and says so.
func TestPlannedOnAWeekendSaysTheWorkingDay(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	c, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-0211")
	if _, err := w.store.DB().Exec(`UPDATE followups SET next_reminder_on = '2026-12-05' WHERE case_id = $1`, c); err != nil {
		t.Fatal(err)
	}
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "4★")
	got := last(t, w.press(res, w.vi("followup.comment_skip")))
	if !strings.Contains(got.Text, w.vi("followup.status_remind", locales.Data{"Due": "07/12/2026"})) {
		t.Errorf("a reminder planned for Saturday 5/12: %q", got.Text)
	}
}

// The son asks /forget with two follow-ups, and before he answers opens
// a third link (his aunt's, sent meanwhile). "Xoá theo dõi cả 2 hồ sơ"
// erased the third too, which the list never showed: now the list comes
// again, as it stands.
func TestForgetAllDoesNotEraseALinkOpenedSince(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	aunt, tc := w.slip("Vĩnh", "000.00.12.H26-251127-0223") // the oldest case: not the list's newest
	_, ta := w.slip("Vân", "000.00.12.H26-251127-0221")
	_, tb := w.slip("Vy", "000.00.12.H26-251127-0222")
	son := w.srv.NewUser("Con trai", "vi")
	w.send(son, "/start "+ta)
	w.send(son, "/start "+tb)
	ask := last(t, w.forgetConfirmed(son))
	w.send(son, "/start "+tc)
	id, err := son.PressOn(ask.ID, w.vi("followup.forget_all_button", locales.Data{"Count": 2}))
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(son)
	if _, ok := w.followupRow(aunt); !ok {
		t.Fatal("the aunt's follow-up, opened after the list, was erased by it")
	}
	if got := msgByID(t, son, ask.ID); !strings.Contains(got.Text, "000.00.12.H26-251127-0223") ||
		!hasButton(got, w.vi("followup.forget_all_button", locales.Data{"Count": 3})) {
		t.Errorf("the list again: %q %v", got.Text, got.Buttons())
	}
}
