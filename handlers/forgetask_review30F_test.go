package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
)

// forgetConfirmed is /forget typed and, when it asks about the chat's one
// dossier, its "🗑" pressed: what the chat saw last. A list of several, or
// "nothing kept", is returned as /forget drew it.
func (w *world) forgetConfirmed(u *telegramtest.User) []*telegramtest.Message {
	w.t.Helper()
	ms := w.send(u, "/forget")
	if len(ms) == 0 {
		return ms
	}
	ask := ms[len(ms)-1]
	if data := forgetOneData(ask); data != "" && len(ask.Buttons()) == 2 {
		return w.pressOld(u, ask.ID, data)
	}
	return ms
}

// forgetOneData is the callback data of the "🗑" button of /forget's
// question about one dossier, "" if m has none.
func forgetOneData(m *telegramtest.Message) string {
	for _, b := range m.Buttons() {
		if strings.Contains(b.CallbackData, ":forget:one.") {
			return b.CallbackData
		}
	}
	return ""
}

func (w *world) followupsOf(u *telegramtest.User) int {
	w.t.Helper()
	var n int
	if err := w.store.DB().Get(&n, `SELECT count(*) FROM followups WHERE resident_chat = $1`, u.ID); err != nil {
		w.t.Fatal(err)
	}
	return n
}

// Review 30F: /forget, in the resident's command menu, erased a chat's one
// dossier at once — one mis-tap by an elderly resident and the follow-up
// was gone for ever. It asks first, naming the dossier, with "🗑" and
// "Không xoá"; only the press erases. A second tap says it is erased
// already; a press after /cancel erases nothing.
func TestForgetOneDossierAsksFirst(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	code := "000.00.12.H26-251127-2171"
	_, token := w.slip("Vân", code)
	res := w.srv.NewUser("Bà Tư", "vi")
	w.send(res, "/start "+token)
	w.press(res, w.vi("followup.consent_yes"))

	ask := last(t, w.send(res, "/forget"))
	if w.followupsOf(res) != 1 {
		t.Fatalf("/forget with one dossier erased it before any press (%q)", ask.Text)
	}
	erase := forgetOneData(ask)
	if erase == "" || len(ask.Buttons()) != 2 || dataOf(t, ask, w.vi("followup.forget_keep_button")) == "" {
		t.Fatalf("/forget with one dossier: %q with %+v; want a question with 🗑 and %q", ask.Text, ask.Buttons(), w.vi("followup.forget_keep_button"))
	}
	if !strings.Contains(ask.Text, "2171") {
		t.Errorf("the question does not name the dossier: %q", ask.Text)
	}

	// "Không xoá": nothing goes.
	if got := last(t, w.press(res, w.vi("followup.forget_keep_button"))); got.Text != w.vi("followup.forget_kept_one") || w.followupsOf(res) != 1 {
		t.Errorf("\"Không xoá\": %q, %d follow-ups left", got.Text, w.followupsOf(res))
	}

	// 🗑 erases; a second tap says it is erased already.
	ask = last(t, w.send(res, "/forget"))
	if got := last(t, w.pressOld(res, ask.ID, forgetOneData(ask))); got.Text != w.vi("followup.forgotten") {
		t.Errorf("🗑 pressed: %q, want %q", got.Text, w.vi("followup.forgotten"))
	}
	if w.followupsOf(res) != 0 {
		t.Errorf("🗑 pressed: the follow-up is still kept")
	}
	w.pressOld(res, ask.ID, forgetOneData(ask))
	if got := lastAnswer(t, res); got != w.vi("followup.forget_already") {
		t.Errorf("🗑 pressed again: answered %q, want %q", got, w.vi("followup.forget_already"))
	}
	if got := msgByID(t, res, ask.ID).Text; got != w.vi("followup.forgotten") {
		t.Errorf("🗑 pressed again: the goodbye became %q", got)
	}

	// The question, then /cancel: its 🗑 is out of date, nothing goes.
	_, token = w.slip("Vy", "000.00.12.H26-251127-2172")
	ba := w.srv.NewUser("Ông Ba", "vi")
	w.send(ba, "/start "+token)
	w.press(ba, w.vi("followup.consent_yes"))
	ask = last(t, w.send(ba, "/forget"))
	w.send(ba, "/cancel")
	w.pressOld(ba, ask.ID, forgetOneData(ask))
	if w.followupsOf(ba) != 1 {
		t.Errorf("🗑 pressed after /cancel erased the follow-up")
	}
	if got := lastAnswer(t, ba); got != w.vi("followup.forget_ask_stale") {
		t.Errorf("🗑 pressed after /cancel: answered %q, want %q", got, w.vi("followup.forget_ask_stale"))
	}
	if bs := msgByID(t, ba, ask.ID).Buttons(); len(bs) != 0 {
		t.Errorf("the question after /cancel and a press still has buttons: %+v", bs)
	}
	// Asked again, it erases.
	if got := last(t, w.forgetConfirmed(ba)); got.Text != w.vi("followup.forgotten") || w.followupsOf(ba) != 0 {
		t.Errorf("/forget and 🗑: %q, %d follow-ups left", got.Text, w.followupsOf(ba))
	}

	// The question, then the erase on the web page: its 🗑 says so.
	_, token = w.slip("Vy", "000.00.12.H26-251127-2173")
	nam := w.srv.NewUser("Cô Năm", "vi")
	w.send(nam, "/start "+token)
	w.press(nam, w.vi("followup.consent_yes"))
	ask = last(t, w.send(nam, "/forget"))
	serve := w.webPage()
	form := regexp.MustCompile(`name="form" value="([^"]+)"`).FindStringSubmatch(serve("GET", "/f/"+token+"/forget", nil).Body.String())
	if form == nil {
		t.Fatal("no erase form on the web page")
	}
	if got := serve("POST", "/f/"+token+"/forget", url.Values{"form": {form[1]}, "lang": {"vi"}}); got.Code != http.StatusSeeOther {
		t.Fatalf("the web page's erase: %d", got.Code)
	}
	w.settle(nam)
	w.pressOld(nam, ask.ID, forgetOneData(ask))
	if got := lastAnswer(t, nam); got != w.vi("followup.forget_already") {
		t.Errorf("🗑 pressed after the web page's erase: answered %q, want %q", got, w.vi("followup.forget_already"))
	}
	if bs := msgByID(t, nam, ask.ID).Buttons(); len(bs) != 0 {
		t.Errorf("the question after the web page's erase and a press still has buttons: %+v", bs)
	}
}
