package handlers_test

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/locales/localestest"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

func TestMain(m *testing.M) { storagetest.Main(m) }

// world is the bot as a user meets it: real handlers and runtime, the fake
// Telegram, a database of its own.
type world struct {
	t     *testing.T
	srv   *telegramtest.Server
	bot   *bottest.Bot
	store *storage.Storage
	texts *locales.Catalog
	admin *telegramtest.User
	h     *handlers.Handlers
	queue *queue // the running queue, if any (startQueue)
}

func newWorld(t *testing.T, opts ...handlers.Option) *world {
	t.Helper()
	// Each world has its own database, fake Telegram and clock: tests wait
	// mostly on them (commits, polls), so two run side by side.
	t.Parallel()
	srv := telegramtest.NewServer()
	t.Cleanup(srv.Close)
	store := storagetest.Reused(t)
	texts := localestest.Load(t) // before the bot: checked after it stopped
	admin := srv.NewUser("Admin", "vi")
	// Tests press as fast as they can, each press once: none is a second
	// tap (invite_review30E_test.go sets the guard against those).
	h := handlers.New(store, texts, catalog, append([]handlers.Option{
		handlers.WithAdmins(admin.ID), handlers.WithBotUsername(srv.Bot().Username), handlers.WithStrictScreens(),
		handlers.WithTapGuard(0)}, opts...)...)
	// Telegram's overall rate (tested in bot/) would only slow these tests:
	// they walk every guide. Nor do they test the sender's backoff (bot/
	// does): a reply that meets an outage (a 502) is tried 8 times from
	// 10 ms (1.3 s), not from bottest's 50 ms (6.4 s, for each reply the
	// outage meets), and given back to the outbox as in production; ten
	// such tries (about 15 s of outage) would drop it, far more than any
	// test's outage lasts.
	return &world{t: t, srv: srv, store: store, texts: texts, admin: admin, h: h,
		bot: bottest.Start(t, srv, store, h, bottest.WithSender(bot.WithGlobalRate(1e6, 1e6), bot.WithRetries(8, 10*time.Millisecond)))}
}

// send types text as u and returns what the bot answered.
func (w *world) send(u *telegramtest.User, text string) []*telegramtest.Message {
	w.t.Helper()
	w.bot.WaitHandled(w.t, u.SendText(text))
	return drain(u)
}

// press taps the newest button with this label and returns what changed.
func (w *world) press(u *telegramtest.User, label string) []*telegramtest.Message {
	w.t.Helper()
	id, err := u.Press(label)
	if err != nil {
		w.t.Fatalf("press %q: %v (last message: %+v)", label, err, u.Last())
	}
	w.bot.WaitHandled(w.t, id)
	return drain(u)
}

func drain(u *telegramtest.User) []*telegramtest.Message {
	var out []*telegramtest.Message
	for {
		// WaitHandled and quiet return once the replies are sent, and the
		// fake server holds a message before it answers its call: what is
		// not there now is no reply of theirs (a wait here cost each
		// press a millisecond and more).
		m, err := u.Next(0)
		if err != nil {
			return out
		}
		out = append(out, m)
	}
}

func (w *world) vi(id string, data ...locales.Data) string { return w.texts.For("vi").T(id, data...) }
func (w *world) en(id string, data ...locales.Data) string { return w.texts.For("en").T(id, data...) }

func only(t *testing.T, ms []*telegramtest.Message) *telegramtest.Message {
	t.Helper()
	if len(ms) != 1 {
		t.Fatalf("bot sent %d messages, want 1: %+v", len(ms), ms)
	}
	return ms[0]
}

func hasButton(m *telegramtest.Message, label string) bool {
	for _, b := range m.Buttons() {
		if b.Text == label {
			return true
		}
	}
	return false
}

func TestStartHelpAndLanguage(t *testing.T) {
	w := newWorld(t)
	guest := w.srv.NewUser("Lan", "en") // Telegram set to English; the bot still starts in Vietnamese

	m := only(t, w.send(guest, "/start"))
	if m.Text != w.vi("start.guest", locales.Data{"Name": "Lan"}) {
		t.Fatalf("greeting = %q", m.Text)
	}
	if m := only(t, w.send(guest, "/help")); m.Text != w.vi("help.guest") {
		t.Fatalf("help = %q", m.Text)
	}
	m = only(t, w.send(guest, "/lang"))
	if !hasButton(m, "English") || !hasButton(m, "Tiếng Việt") {
		t.Fatalf("language buttons: %+v", m.Keyboard)
	}
	m = only(t, w.press(guest, "English"))
	if !m.Edited || m.Text != "Switched to English." {
		t.Fatalf("after pressing English: %+v", m)
	}
	if m := only(t, w.send(guest, "/help")); m.Text != w.en("help.guest") {
		t.Fatalf("help after switching = %q", m.Text)
	}
	menu := w.srv.Commands("chat:"+strconv.FormatInt(guest.ID, 10), "")
	if len(menu) == 0 || menu[0].Description != w.en("cmd.start") {
		t.Fatalf("chat menu after switching: %+v", menu)
	}
	if m := only(t, w.send(guest, "/lang vi")); m.Text != "Đã chuyển sang tiếng Việt." {
		t.Fatalf("/lang vi = %q", m.Text)
	}
}

func TestDefaultMenusPerLanguage(t *testing.T) {
	w := newWorld(t)
	texts, _ := locales.Load("vi", nil)
	h := handlers.New(w.store, texts, catalog)
	for _, r := range h.DefaultMenus() {
		if err := w.bot.Sender.Send(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
	vi, en := w.srv.Commands("default", ""), w.srv.Commands("default", "en")
	if len(vi) != 4 || vi[0].Description != w.vi("cmd.start") || len(en) != 4 || en[0].Description != w.en("cmd.start") {
		t.Fatalf("default menus: vi %+v, en %+v", vi, en)
	}
}

var inviteLink = regexp.MustCompile(`https://t\.me/\w+\?start=([A-Za-z0-9_-]+)`)

// createInvite runs the admin's invite flow from a typed commune name and
// returns the invite code.
func (w *world) createInvite(query, result, role string) string {
	w.t.Helper()
	m := only(w.t, w.send(w.admin, "/invite"))
	if !hasButton(m, "Thành phố Hồ Chí Minh") {
		w.t.Fatalf("invite starts without the province list: %q", m.Text)
	}
	m = only(w.t, fresh(w.send(w.admin, query))) // and the list above loses its buttons
	if !hasButton(m, result) {
		w.t.Fatalf("search %q did not offer %q: %s %+v", query, result, m.Text, m.Buttons())
	}
	w.press(w.admin, result)
	m = only(w.t, w.press(w.admin, w.vi("invite.role_"+role)))
	match := inviteLink.FindStringSubmatch(m.Text)
	if match == nil {
		w.t.Fatalf("no invite link in %q", m.Text)
	}
	return match[1]
}

func TestInviteByOldAndNewNameThenJoin(t *testing.T) {
	w := newWorld(t)
	const anHoiTay = "Phường An Hội Tây, Thành phố Hồ Chí Minh"
	for _, query := range []string{"phuong 12 go vap", "an hoi tay", "An Hội Tây"} {
		t.Run(query, func(t *testing.T) {
			code := w.createInvite(query, anHoiTay, "volunteer")
			volunteer := w.srv.NewUser("Minh "+query, "vi")
			m := only(t, w.send(volunteer, "/start "+code))
			if want := w.vi("join.welcome", locales.Data{"Unit": anHoiTay, "Role": w.vi("role.volunteer")}); m.Text != want {
				t.Fatalf("welcome = %q, want %q", m.Text, want)
			}
			var u storage.User
			err := w.store.DB().Get(&u, `SELECT telegram_id, first_name, language, role, commune_code, joined_at FROM users WHERE telegram_id = $1`, volunteer.ID)
			if err != nil || u.Role != storage.RoleVolunteer || u.CommuneCode.String != "26882" {
				t.Fatalf("volunteer row: %+v (%v)", u, err)
			}
			notice := drain(w.admin)
			if len(notice) != 1 || !strings.Contains(notice[0].Text, "Minh "+query) {
				t.Fatalf("the inviter was not told: %+v", notice)
			}
			// Now a volunteer: their menu and /start say so.
			if m := only(t, w.send(volunteer, "/start")); !strings.Contains(m.Text, anHoiTay) {
				t.Fatalf("member greeting = %q", m.Text)
			}
			if m := only(t, w.send(volunteer, "/start "+code)); m.Text != w.vi("join.already", locales.Data{"Role": w.vi("role.volunteer"), "Unit": anHoiTay}) {
				t.Fatalf("second use by the same person = %q", m.Text)
			}
		})
	}
}

func TestOldNameSearchShowsTheFormerName(t *testing.T) {
	w := newWorld(t)
	w.send(w.admin, "/invite")
	m := only(t, fresh(w.send(w.admin, "phuong 12 go vap")))
	if !strings.Contains(m.Text, "Phường 12, Quận Gò Vấp") {
		t.Fatalf("results do not say which old name matched: %q", m.Text)
	}
	m = only(t, fresh(w.send(w.admin, "xyzzy nowhere")))
	if !strings.Contains(m.Text, w.vi("invite.no_results", locales.Data{"Query": "xyzzy nowhere"})) {
		t.Fatalf("no-result answer = %q", m.Text)
	}
}

func TestExpiredAndUsedUpInvites(t *testing.T) {
	now := time.Now()
	w := newWorld(t, handlers.WithClock(func() time.Time { return now }))
	ctx := context.Background()
	var expired, single storage.Invite
	err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		var err error
		if expired, err = tx.CreateInvite(ctx, "26882", storage.RoleVolunteer, w.admin.ID, now.Add(-time.Minute), 10); err != nil {
			return err
		}
		single, err = tx.CreateInvite(ctx, "26882", storage.RoleVolunteer, w.admin.ID, now.Add(time.Hour), 1)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	a, b := w.srv.NewUser("A", "vi"), w.srv.NewUser("B", "vi")
	if m := only(t, w.send(a, "/start "+expired.Code)); m.Text != w.vi("join.expired") {
		t.Fatalf("expired invite: %q", m.Text)
	}
	if m := only(t, w.send(a, "/start "+single.Code)); !strings.HasPrefix(m.Text, w.vi("join.welcome", locales.Data{"Unit": "Phường An Hội Tây, Thành phố Hồ Chí Minh", "Role": w.vi("role.volunteer")})[:20]) {
		t.Fatalf("first use: %q", m.Text)
	}
	drain(w.admin)
	if m := only(t, w.send(b, "/start "+single.Code)); m.Text != w.vi("join.used_up") {
		t.Fatalf("used-up invite: %q", m.Text)
	}
	// Not an invite's length: to someone on no team, maybe a resident's
	// follow-up link that lost characters, so the answer covers both.
	for _, bad := range []string{"nosuchcode", "bad%20code", strings.Repeat("x", 80)} {
		if m := only(t, w.send(b, "/start "+bad)); m.Text != w.vi("start.bad_link") {
			t.Fatalf("invite %q: %q", bad, m.Text)
		}
	}
	var n int
	if err := w.store.DB().Get(&n, `SELECT count(*) FROM users WHERE telegram_id = $1 AND role <> 'guest'`, b.ID); err != nil || n != 0 {
		t.Fatalf("a refused user became a member (%v)", err)
	}
	if m := only(t, w.send(b, "/invite")); m.Text != w.vi("invite.not_allowed") {
		t.Fatalf("guest /invite: %q", m.Text)
	}
}

func TestCoordinatorInvitesVolunteersToTheirCommune(t *testing.T) {
	w := newWorld(t)
	const anHoiTay = "Phường An Hội Tây, Thành phố Hồ Chí Minh"
	code := w.createInvite("an hoi tay", anHoiTay, "coordinator")
	coord := w.srv.NewUser("Coord", "vi")
	w.send(coord, "/start "+code)
	drain(w.admin)
	// A coordinator's invite is for one person.
	if m := only(t, w.send(w.srv.NewUser("Other", "vi"), "/start "+code)); m.Text != w.vi("join.used_up") {
		t.Fatalf("second use of a coordinator invite: %q", m.Text)
	}

	// One command, one link: for volunteers of their own commune.
	m := only(t, w.send(coord, "/invite"))
	match := inviteLink.FindStringSubmatch(m.Text)
	if match == nil || !strings.Contains(m.Text, anHoiTay) || !strings.Contains(m.Text, w.vi("role.volunteer")) {
		t.Fatalf("coordinator's invite: %q", m.Text)
	}
	if m := only(t, w.send(coord, "/start "+match[1])); m.Text != w.vi("join.own_invite") {
		t.Fatalf("using one's own invite: %q", m.Text)
	}
	volunteer := w.srv.NewUser("Vol", "vi")
	if m := only(t, w.send(volunteer, "/start "+match[1])); !strings.Contains(m.Text, anHoiTay) {
		t.Fatalf("volunteer joining: %q", m.Text)
	}
	if notice := drain(coord); len(notice) != 1 || !strings.Contains(notice[0].Text, "Vol") {
		t.Fatalf("the coordinator was not told: %+v", notice)
	}

	// A volunteer link of another commune would demote the coordinator: refused.
	other := w.createInvite("an hoi dong", "Phường An Hội Đông, Thành phố Hồ Chí Minh", "volunteer")
	if m := only(t, w.send(coord, "/start "+other)); m.Text != w.vi("join.would_demote", locales.Data{"Role": w.vi("role.coordinator"), "Unit": anHoiTay,
		"NewRole": w.vi("role.volunteer"), "NewUnit": "Phường An Hội Đông, Thành phố Hồ Chí Minh"}) {
		t.Fatalf("demoting invite: %q", m.Text)
	}
	var role, commune string
	if err := w.store.DB().QueryRow(`SELECT role, commune_code FROM users WHERE telegram_id = $1`, coord.ID).Scan(&role, &commune); err != nil || role != storage.RoleCoordinator || commune != "26882" {
		t.Fatalf("coordinator is now %s of %s (%v)", role, commune, err)
	}
}

func TestSearchSaysWhenThereAreMore(t *testing.T) {
	w := newWorld(t)
	w.send(w.admin, "/invite")
	m := only(t, fresh(w.send(w.admin, "phuong")))
	if !strings.HasPrefix(m.Text, w.vi("invite.results_more", locales.Data{"Query": "phuong", "Count": 8})) || len(m.Buttons()) != 8+2 {
		t.Fatalf("a broad search: %q with %d buttons", m.Text, len(m.Buttons()))
	}
}

func TestStaleButtonAndDoubleTap(t *testing.T) {
	w := newWorld(t)
	first := only(t, w.send(w.admin, "/invite"))
	w.press(w.admin, "Thành phố Hồ Chí Minh") // first now lists the city's communes

	// A new /invite makes the first message outdated: it loses its
	// buttons, and a press there that left the phone before does nothing.
	cancel := dataOf(t, msgByID(t, w.admin, first.ID), w.vi("button.cancel"))
	second := only(t, fresh(w.send(w.admin, "/invite")))
	noButtons(t, w.admin, first.ID, "a new /invite")
	id, err := w.admin.PressData(first.ID, cancel)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	if got := lastAnswer(t, w.admin); got != w.vi("button.stale") {
		t.Fatalf("outdated press answered %q, want %q", got, w.vi("button.stale"))
	}
	if ms := drain(w.admin); len(ms) != 0 {
		t.Fatalf("an outdated press drew %q", ms[0].Text)
	}
	if flow := w.flow(); flow != "inv" {
		t.Fatalf("an outdated cancel ended the flow: %q", flow)
	}

	// Two quick taps on one button move the flow once.
	before := w.version()
	p1, _ := w.admin.PressOn(second.ID, "Cao Bằng")
	p2, _ := w.admin.PressOn(second.ID, "Cao Bằng")
	w.bot.WaitHandled(t, p1, p2)
	if got := lastAnswer(t, w.admin); got != w.vi("button.stale") {
		t.Fatalf("second tap answered %q", got)
	}
	if after := w.version(); after != before+1 {
		t.Fatalf("a double tap moved the flow %d times", after-before)
	}
	msgs := w.admin.Messages()
	if got := msgs[len(msgs)-1]; got.ID != second.ID || !strings.HasPrefix(got.Text, "Cao Bằng") {
		t.Fatalf("after a double tap the screen shows %q", got.Text)
	}
}

func lastAnswer(t *testing.T, u *telegramtest.User) string {
	t.Helper()
	answers := u.Answers()
	if len(answers) == 0 {
		t.Fatal("no press was answered")
	}
	return answers[len(answers)-1].Text
}

func (w *world) flow() string {
	var flow string
	if err := w.store.DB().Get(&flow, `SELECT flow FROM conversations WHERE chat_id = $1`, w.admin.ID); err != nil {
		w.t.Fatal(err)
	}
	return flow
}

func (w *world) version() int {
	var v int
	if err := w.store.DB().Get(&v, `SELECT version FROM conversations WHERE chat_id = $1`, w.admin.ID); err != nil {
		w.t.Fatal(err)
	}
	return v
}

func TestBadInputGetsAClearAnswer(t *testing.T) {
	w := newWorld(t)
	u := w.srv.NewUser("U", "vi")
	if m := only(t, w.send(u, "/frobnicate")); m.Text != w.vi("error.unknown_command", locales.Data{"Command": "/frobnicate"}) {
		t.Fatalf("unknown command: %q", m.Text)
	}
	if m := only(t, w.send(u, "cái này là gì?")); m.Text != w.vi("error.text_no_flow") {
		t.Fatalf("text outside a flow: %q", m.Text)
	}
	huge := strings.Repeat("ă", 4096)
	if m := only(t, w.send(u, huge)); m.Text != w.vi("error.too_long", locales.Data{"Max": 500}) {
		t.Fatalf("huge message: %q", m.Text)
	}
	if m := only(t, w.send(u, "/start@"+w.srv.Bot().Username)); !strings.HasPrefix(m.Text, "Xin chào U!") {
		t.Fatalf("/start@bot: %q", m.Text)
	}
	if ms := w.send(u, "/start@some_other_bot"); len(ms) != 1 || ms[0].Text != w.vi("error.other_bot") {
		t.Fatalf("a command for another bot: %+v", ms)
	}
	// In a group the bot keeps quiet, unless a command names it.
	group := models.Chat{ID: -100500, Type: "group", Title: "Đội hình"}
	for _, tt := range []struct {
		text  string
		reply bool
	}{{"/start", false}, {"/start@some_other_bot", false}, {"hello", false}, {"/start@" + w.srv.Bot().Username, true}} {
		id := w.srv.Enqueue(models.Update{Message: &models.Message{ID: 1, Date: int(time.Now().Unix()),
			From: &models.User{ID: u.ID, FirstName: "U"}, Chat: group, Text: tt.text}})
		w.bot.WaitHandled(t, id)
		said := w.srv.CallsTo("sendMessage")
		last := said[len(said)-1]
		if got := last.ChatID == group.ID && last.Params["text"] == w.vi("error.private_only"); got != tt.reply {
			t.Fatalf("group message %q: replied %v, want %v", tt.text, got, tt.reply)
		}
	}
	// A photo (of a resident's document, perhaps) is refused, not stored.
	id := w.srv.Enqueue(models.Update{Message: &models.Message{ID: 99, Date: int(time.Now().Unix()),
		From: &models.User{ID: u.ID, FirstName: "U"}, Chat: models.Chat{ID: u.ID, Type: "private"},
		Photo: []models.PhotoSize{{FileID: "x", Width: 1, Height: 1}}}})
	w.bot.WaitHandled(t, id)
	// (u is on no team: perhaps a resident with the slip's photo.)
	if m := only(t, drain(u)); m.Text != w.vi("error.media_guest") {
		t.Fatalf("photo: %q", m.Text)
	}
	// A typed name longer than any commune's is refused with the flow intact.
	w.send(w.admin, "/invite")
	if m := only(t, fresh(w.send(w.admin, strings.Repeat("phuong ", 20)))); !strings.HasPrefix(m.Text, w.vi("invite.query_too_long", locales.Data{"Max": 100})) {
		t.Fatalf("long query: %q", m.Text)
	}
}

// panicky wraps the real handlers and panics on one text.
type panicky struct{ *handlers.Handlers }

func (p panicky) Handle(ctx context.Context, tx *sqlx.Tx, u *models.Update) ([]bot.Reply, error) {
	if u.Message != nil && u.Message.Text == "/crash" {
		panic("crash on purpose")
	}
	return p.Handlers.Handle(ctx, tx, u)
}

func TestPanicGivesTheLocalizedError(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	store := storagetest.Open(t)
	texts, _ := locales.Load("vi", nil)
	b := bottest.Start(t, srv, store, panicky{handlers.New(store, texts, catalog, handlers.WithTapGuard(0))})
	u := srv.NewUser("An", "vi")

	b.WaitHandled(t, u.SendText("/lang en"))
	drain(u)
	b.WaitHandled(t, u.SendText("/crash"))
	if m := only(t, drain(u)); m.Text != texts.For("en").T("error.generic") {
		t.Fatalf("after a panic the user got %q", m.Text)
	}
	b.WaitHandled(t, u.SendText("/help"))
	if m := only(t, drain(u)); m.Text != texts.For("en").T("help.guest") {
		t.Fatalf("after a panic: %q", m.Text)
	}
}
