package handlers_test

// The bot in a commune's group, and the updates it does not handle
// (review, 2026-11-30). Each test failed before its fix.

import (
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// groupSaid is what the bot said in a group since n messages.
func groupSaid(g *telegramtest.Group, n int) []*telegramtest.Message {
	ms := g.Messages()
	if n > len(ms) {
		return nil
	}
	return ms[n:]
}

func privateLink(m *telegramtest.Message) string {
	for _, b := range m.Buttons() {
		if b.URL != "" {
			return b.URL
		}
	}
	return ""
}

// A coordinator adds the bot to the commune's group: the bot says once,
// there, that it works in private chats, with a button that opens one (it
// used to say nothing, the coordinator left wondering). /tally@bot and
// /start@bot in the group get the same pointer — never a tally, which
// would show one commune's numbers or members to whoever is in the group
// —; a volunteer's /me@bot too. Other messages, from members or not, get
// nothing, and nobody in the group is stored.
func TestBotInACommuneGroup(t *testing.T) {
	w := newWorld(t, at27Nov())
	coord := w.tallyMember("Chi", anHoiTayCode, storage.RoleCoordinator)
	v := w.tallyMember("Lan", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(v.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(26, 9, 0), nov(26, 9, 15))
	stranger := w.srv.NewUser("Người lạ", "vi")
	name := w.srv.Bot().Username
	link := "https://t.me/" + name

	g := w.srv.NewGroup("Đoàn phường An Hội Tây", false)
	member, service := g.AddBot(coord)
	w.bot.WaitHandled(t, member, service)
	said := groupSaid(g, 0)
	if len(said) != 1 || !strings.Contains(said[0].Text, w.vi("error.private_only")) || privateLink(said[0]) != link {
		t.Fatalf("added to a group, the bot said %v", texts(said))
	}

	for _, c := range []struct {
		from *telegramtest.User
		text string
		says bool
	}{
		{coord, "/tally@" + name, true},
		{coord, "/start@" + name, true},
		{v, "/me@" + name, true},
		{stranger, "/tally@" + name, true},
		{coord, "/tally", false}, // not addressed: maybe for another bot of the group
		{stranger, "xin chào mọi người", false},
		{v, "/new@other_bot", false},
	} {
		n := len(g.Messages())
		w.bot.WaitHandled(t, g.SendText(c.from, c.text))
		said := groupSaid(g, n)
		switch {
		case !c.says && len(said) > 0:
			t.Errorf("%s's %q in the group is answered %v", c.from.FirstName, c.text, texts(said))
		case c.says && (len(said) != 1 || said[0].Text != w.vi("error.private_only") || privateLink(said[0]) != link):
			t.Errorf("%s's %q in the group is answered %v; want the private-chat pointer with its button", c.from.FirstName, c.text, texts(said))
		}
		if len(drain(c.from)) > 0 {
			t.Errorf("%s's %q in the group was answered in private", c.from.FirstName, c.text)
		}
	}
	var strangers int
	if err := w.store.DB().Get(&strangers, `SELECT count(*) FROM users WHERE telegram_id = $1`, stranger.ID); err != nil || strangers != 0 {
		t.Errorf("a stranger in the group is stored (%d, %v)", strangers, err)
	}
}

// The group becomes a supergroup (Telegram answers 400 with
// migrate_to_chat_id to anything sent to the old id): a reply to an update
// of the old group is tried once and dropped, the chat's id is not retried,
// and the bot answers in the supergroup.
func TestGroupUpgradedToSupergroup(t *testing.T) {
	w := newWorld(t)
	coord := w.volunteer("Chi")
	name := w.srv.Bot().Username
	g := w.srv.NewGroup("Đoàn phường", false)
	old := g.SendText(coord, "/tally@"+name) // sent just before the upgrade, handled after
	super := g.Upgrade(coord)
	w.bot.WaitHandled(t, old)
	w.quiet() // a retry would still be in the outbox
	if n := len(callsToChat(w.srv, "sendMessage", g.ID)); n != 1 {
		t.Errorf("the reply to the old group was sent %d times", n)
	}
	var dropped int
	if err := w.bot.Inbox.DB().Get(&dropped, `SELECT count(*) FROM outbox WHERE chat_id = $1 AND status = 'dropped' AND last_error LIKE '%migrate_to_chat_id%'`, g.ID); err != nil || dropped != 1 {
		t.Errorf("the old group's reply is not dropped as migrated: %d (%v)", dropped, err)
	}
	w.bot.WaitHandled(t, super.SendText(coord, "/tally@"+name))
	if said := super.Messages(); len(said) != 1 || said[0].Text != w.vi("error.private_only") {
		t.Errorf("in the supergroup: %v", texts(said))
	}
	var failed int
	if err := w.bot.Inbox.DB().Get(&failed, `SELECT count(*) FROM updates WHERE status <> 'done'`); err != nil || failed != 0 {
		t.Errorf("%d updates not done (%v)", failed, err)
	}
}

func callsToChat(srv *telegramtest.Server, method string, chat int64) []telegramtest.Call {
	var out []telegramtest.Call
	for _, c := range srv.CallsTo(method) {
		if c.ChatID == chat {
			out = append(out, c)
		}
	}
	return out
}

// Updates the bot does not ask for but may be sent (a webhook set before
// with other allowed_updates, a newer Telegram): an inline query, a chosen
// inline result, a channel post, a join request, a reaction, the user
// blocking the bot. Each is handled with no reply — no call to Telegram —
// and marked done, not parked as failed.
func TestUnaskedUpdatesAreIgnoredCleanly(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Lan")
	from := models.User{ID: u.ID, FirstName: u.FirstName}
	channel := models.Chat{ID: -1001234567890, Type: models.ChatTypeChannel, Title: "Kênh"}
	group := models.Chat{ID: -4000000099, Type: models.ChatTypeGroup, Title: "Nhóm"}
	now := int(time.Now().Unix())
	calls := len(w.srv.Calls())
	var ids []int64
	for _, up := range []models.Update{
		{InlineQuery: &models.InlineQuery{ID: "iq1", From: &from, Query: "khai sinh"}},
		{ChosenInlineResult: &models.ChosenInlineResult{ResultID: "r1", From: from, Query: "khai sinh"}},
		{ChannelPost: &models.Message{ID: 5, Date: now, Chat: channel, Text: "/tally"}},
		{EditedChannelPost: &models.Message{ID: 5, Date: now, Chat: channel, Text: "/tally@" + w.srv.Bot().Username}},
		{ChatJoinRequest: &models.ChatJoinRequest{Chat: group, From: from, UserChatID: u.ID, Date: now}},
		{MessageReaction: &models.MessageReactionUpdated{Chat: models.Chat{ID: u.ID, Type: models.ChatTypePrivate}, MessageID: 1, User: &from, Date: now}},
		{MyChatMember: &models.ChatMemberUpdated{Chat: models.Chat{ID: u.ID, Type: models.ChatTypePrivate}, From: from, Date: now,
			OldChatMember: models.ChatMember{Type: models.ChatMemberTypeMember, Member: &models.ChatMemberMember{User: &from}},
			NewChatMember: models.ChatMember{Type: models.ChatMemberTypeBanned, Banned: &models.ChatMemberBanned{User: &from}}}},
	} {
		ids = append(ids, w.srv.Enqueue(up))
	}
	w.bot.WaitHandled(t, ids...)
	for _, c := range w.srv.Calls()[calls:] {
		if c.Method != "getUpdates" {
			t.Errorf("an unasked update made the bot call %s %v", c.Method, c.Params)
		}
	}
	var rows []struct {
		ID     int64  `db:"update_id"`
		Status string `db:"status"`
	}
	if err := w.bot.Inbox.DB().Select(&rows, `SELECT update_id, status FROM updates WHERE update_id >= $1 ORDER BY update_id`, ids[0]); err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(ids) {
		t.Fatalf("%d of %d updates in the inbox", len(rows), len(ids))
	}
	for _, r := range rows {
		if r.Status != "done" {
			t.Errorf("update %d is %s", r.ID, r.Status)
		}
	}
}

// In a forum supergroup (topics), /tally@bot asked in a topic is answered
// in that topic, not in the General one where nobody asking sees it.
// The coordinator is an anonymous admin of the commune's group: Telegram
// sends their /tally@bot as from GroupAnonymousBot (a bot) on behalf of the
// group. They get the pointer to the private chat as any member; another
// bot of the group writing the same gets nothing.
func TestAnonymousAdminInAGroup(t *testing.T) {
	w := newWorld(t)
	group := models.Chat{ID: -1002000000078, Type: models.ChatTypeSupergroup, Title: "Đoàn phường"}
	command := "/tally@" + w.srv.Bot().Username
	send := func(from models.User, senderChat *models.Chat) {
		t.Helper()
		w.bot.WaitHandled(t, w.srv.Enqueue(models.Update{Message: &models.Message{ID: int(from.ID % 1000), Date: int(time.Now().Unix()),
			From: &from, SenderChat: senderChat, Chat: group, Text: command,
			Entities: []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Length: len(command)}}}}))
	}
	send(models.User{ID: 1087968824, IsBot: true, FirstName: "Group", Username: "GroupAnonymousBot"}, &group)
	calls := callsToChat(w.srv, "sendMessage", group.ID)
	if len(calls) != 1 || calls[0].Params["text"] != w.vi("error.private_only") {
		t.Fatalf("the anonymous admin's /tally@bot: %d answers, want the pointer to a private chat", len(calls))
	}
	send(models.User{ID: 5000000001, IsBot: true, FirstName: "Other bot"}, nil)
	if n := len(callsToChat(w.srv, "sendMessage", group.ID)); n != 1 {
		t.Errorf("another bot's /tally@bot was answered: %d answers in all", n)
	}
}

func TestCommandInAForumTopic(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Chủ đề")
	forum := models.Chat{ID: -1002000000077, Type: models.ChatTypeSupergroup, Title: "Đoàn phường", IsForum: true}
	id := w.srv.Enqueue(models.Update{Message: &models.Message{ID: 40, MessageThreadID: 12, IsTopicMessage: true, Date: int(time.Now().Unix()),
		From: &models.User{ID: u.ID, FirstName: u.FirstName}, Chat: forum, Text: "/tally@" + w.srv.Bot().Username,
		Entities: []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Length: 6 + len(w.srv.Bot().Username)}}}})
	w.bot.WaitHandled(t, id)
	calls := callsToChat(w.srv, "sendMessage", forum.ID)
	if len(calls) != 1 || calls[0].Params["message_thread_id"] != "12" {
		t.Errorf("the answer in a forum: %d calls, thread %q", len(calls), func() string {
			if len(calls) == 0 {
				return ""
			}
			return calls[0].Params["message_thread_id"]
		}())
	}
}
