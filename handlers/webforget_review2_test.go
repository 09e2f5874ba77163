package handlers_test

// The web page's erase seen from the resident's Telegram chat, found in
// review: each test fails before its fix.

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
)

// A resident opened their only follow-up link in Telegram, chose
// Vietnamese with /lang, rated 5★ (the comment question is open), then
// erased the follow-up on its web page. The confirmation they read says
// "Sẽ xoá ngay: … nếu Ông/bà đã mở liên kết trên Telegram thì cả ID
// Telegram của Ông/bà", and the page after it "Đã xoá: … cả ID Telegram".
// So their Telegram id must be gone at once from the bot's own tables, as
// /forget leaves it (TestForgetLeavesNoResidentChat): the chat has no
// other follow-up, is on no team, and helped with no case. It stays, in
// the conversation row (emptied, not deleted) and the guest row.
func TestWebEraseLeavesNoTelegramID(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	_, token, res := w.openedFollowup("Vân", "000.00.12.H26-251127-0031")
	w.send(res, "/lang vi")
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "5★") // the comment question: the chat is in a flow now

	serve := w.webPage()
	confirm := serve("GET", "/f/"+token+"/forget?lang=vi", nil)
	if !strings.Contains(confirm.Body.String(), "cả ID Telegram") {
		t.Fatalf("the confirmation does not promise to erase the Telegram id:\n%s", confirm.Body.String())
	}
	m := regexp.MustCompile(`name="form" value="([^"]+)"`).FindStringSubmatch(confirm.Body.String())
	if m == nil {
		t.Fatalf("no erase form:\n%s", confirm.Body.String())
	}
	if got := serve("POST", "/f/"+token+"/forget", url.Values{"form": {m[1]}, "lang": {"vi"}}); got.Code != http.StatusSeeOther {
		t.Fatalf("the erase: %d\n%s", got.Code, got.Body.String())
	}

	var followups, users int
	if err := w.store.DB().Get(&followups, `SELECT count(*) FROM followups WHERE resident_chat = $1`, res.ID); err != nil {
		t.Fatal(err)
	}
	if err := w.store.DB().Get(&users, `SELECT count(*) FROM users WHERE telegram_id = $1`, res.ID); err != nil {
		t.Fatal(err)
	}
	if convs := w.conversationRows(res.ID); followups+users+convs != 0 {
		t.Errorf("after the erase (\"cả ID Telegram\" erased at once) the resident's Telegram id is still in "+
			"%d follow-up row(s), %d user row(s), %d conversation row(s)", followups, users, convs)
	}
}
