package handlers_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/guides"
)

// offeredTitles are the titles, in lang, of the guides a "which
// procedure?" answer must offer, then its "all procedures".
func offeredTitles(w *world, lang string, gs []*guides.Guide) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.Title.In(lang))
	}
	return append(out, w.texts.For(lang).T("case.all_guides"))
}

// stepOf is the screen the chat's conversation is on.
func (w *world) stepOf(u *telegramtest.User) string {
	w.t.Helper()
	var step string
	if err := w.store.DB().Get(&step, `SELECT step FROM conversations WHERE chat_id = $1`, u.ID); err != nil {
		w.t.Fatal(err)
	}
	return step
}

// Review 29: a person typed with no procedure ("con tôi", "cho mẹ tôi",
// "cho chồng") was asked which procedure with examples about a wife, a
// husband and a mother whoever was typed — "con tôi" was not even asked,
// but told to type fewer words — and nothing to tap: the volunteer beside
// the resident typed again on a phone. The answer now fits the person, and
// what is most often done for them is offered as buttons that open the
// guide's consent, as a search result's do; "all procedures" stays.
func TestReview29PersonTypedOffersTheirProcedures(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct {
		lang, query, person string
		want                []string // among the buttons, first the first
	}{
		{"vi", "con tôi", guides.PersonChild, []string{"khai-sinh", "the-can-cuoc", "ho-chieu"}},
		{"vi", "cho bé nhà tôi", guides.PersonChild, []string{"khai-sinh", "the-can-cuoc", "ho-chieu"}},
		{"en", "my child", guides.PersonChild, []string{"khai-sinh", "the-can-cuoc", "ho-chieu"}},
		{"vi", "cho mẹ tôi", guides.PersonParent, []string{"the-can-cuoc", "bhyt-ho-gia-dinh", "khai-tu"}},
		{"vi", "bố tôi cần làm gì", guides.PersonParent, []string{"the-can-cuoc", "bhyt-ho-gia-dinh", "khai-tu"}},
		{"vi", "cho chồng", guides.PersonSpouse, []string{"ket-hon", "thuong-tru"}},
		{"en", "my wife", guides.PersonSpouse, []string{"ket-hon", "thuong-tru"}},
	} {
		tr := w.texts.For(tt.lang)
		u := w.volunteer("V29 " + tt.lang + " " + tt.query)
		if tt.lang != "vi" {
			w.send(u, "/lang "+tt.lang)
		}
		w.send(u, "/new")
		m := last(t, w.send(u, tt.query))
		if key := "case.no_procedure_for_" + tt.person; m.Text != tr.T(key) {
			t.Errorf("%s %q: %q, want %s: %q", tt.lang, tt.query, m.Text, key, tr.T(key))
		}
		got := titles(m.Buttons())
		if want := offeredTitles(w, tt.lang, catalog.ForWhomGuides(tt.person)); !slices.Equal(got, want) || len(got) < 4 || len(got) > 5 {
			t.Errorf("%s %q: buttons %q, want %q (3–4 and all procedures)", tt.lang, tt.query, got, want)
		}
		for i, id := range tt.want {
			title := guide(t, id).Title.In(tt.lang)
			if !slices.Contains(got, title) || i == 0 && got[0] != title {
				t.Errorf("%s %q: buttons %q, want %q among them (first: %v)", tt.lang, tt.query, got, title, i == 0)
			}
		}
	}
}

// An example pressed opens that guide's consent, as the search's result
// does; a double tap leaves the consent; /lang en draws the answer again
// with its buttons in English; a restart between the answer and the press
// loses nothing.
func TestReview29PersonExamplePressedOpensTheGuide(t *testing.T) {
	w := newWorld(t)
	birth := guide(t, "khai-sinh")
	passport := guide(t, "ho-chieu")

	u := w.volunteer("V29 press")
	w.send(u, "/new")
	answer := last(t, w.send(u, "con tôi"))
	w.doubleTap(u, answer, birth.Title.Vi)
	consent := msgByID(t, u, answer.ID)
	if !strings.Contains(consent.Text, birth.Title.Vi) || !hasButton(consent, w.vi("consent.yes")) {
		t.Fatalf("the example pressed twice: %q %v, want the consent of %q", consent.Text, titles(consent.Buttons()), birth.Title.Vi)
	}
	if s := w.stepOf(u); s != "consent" {
		t.Errorf("after a double tap the chat is at %q, want the consent", s)
	}
	var cases int
	if err := w.store.DB().Get(&cases, `SELECT count(*) FROM cases WHERE volunteer_id = $1`, u.ID); err != nil || cases != 0 {
		t.Errorf("%d cases opened before the consent was answered (%v)", cases, err)
	}

	// /lang en, then a restart, then the press.
	v := w.volunteer("V29 lang")
	w.send(v, "/new")
	w.send(v, "cho con") // "con" finds the birth registration: a search, not this answer
	w.send(v, "con tôi") // the answer
	m := last(t, w.send(v, "/lang en"))
	if !strings.Contains(m.Text, w.en("case.no_procedure_for_child")) || !slices.Equal(titles(m.Buttons()), offeredTitles(w, "en", catalog.ForWhomGuides(guides.PersonChild))) {
		t.Fatalf("after /lang en: %q %q", m.Text, titles(m.Buttons()))
	}
	w.restart()
	c := last(t, w.press(v, passport.Title.En))
	if !strings.Contains(c.Text, passport.Title.En) || !hasButton(c, w.en("consent.yes")) {
		t.Errorf("the example pressed after /lang en and a restart: %q %v", c.Text, titles(c.Buttons()))
	}
}

// An example pressed once the answer is stale — after /cancel, or once
// another case started below it — opens nothing: it is answered as any
// stale button is, and the case under way stays where it was.
func TestReview29StaleExampleOpensNothing(t *testing.T) {
	w := newWorld(t)
	birth := guide(t, "khai-sinh")

	u := w.volunteer("V29 cancel")
	w.send(u, "/new")
	answer := last(t, w.send(u, "cho mẹ tôi"))
	card := guide(t, "the-can-cuoc").Title.Vi
	data := dataOf(t, answer, card)
	w.send(u, "/cancel")
	if m := msgByID(t, u, answer.ID); len(m.Buttons()) != 0 {
		t.Errorf("the answer after /cancel keeps its buttons: %q", titles(m.Buttons()))
	}
	id, err := u.PressData(answer.ID, data)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(u)
	// As any case button after the chat left the case with none open.
	if got := lastAnswer(t, u); got != w.vi("button.done") {
		t.Errorf("an example pressed after /cancel: answered %q, want %q", got, w.vi("button.done"))
	}
	if f := w.flowOf(u); f != "" {
		t.Errorf("an example pressed after /cancel put the chat in flow %q", f)
	}

	v := w.volunteer("V29 another case")
	w.send(v, "/new")
	answer = last(t, w.send(v, "cho chồng"))
	data = dataOf(t, answer, guide(t, "ket-hon").Title.Vi)
	w.send(v, "khai sinh")
	w.press(v, birth.Title.Vi)
	w.press(v, w.vi("consent.no"))
	step := last(t, w.press(v, w.vi("case.begin")))
	if !strings.Contains(step.Text, w.stepHead(birth, 0)) {
		t.Fatalf("step 1: %q", step.Text)
	}
	before, _ := w.lastCase(v)
	id, err = v.PressData(answer.ID, data)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(v)
	if got := lastAnswer(t, v); got != w.vi("button.stale") {
		t.Errorf("an example pressed once another case started: answered %q, want %q", got, w.vi("button.stale"))
	}
	if c, _ := w.lastCase(v); c.ID != before.ID || c.GuideID != birth.ID || w.stepOf(v) != "step" {
		t.Errorf("an example pressed once another case started: case %d %s at %q, want %d %s at its step", c.ID, c.GuideID, w.stepOf(v), before.ID, birth.ID)
	}
}

// A fee or a time asked of no procedure ("phí bao nhiêu", "mất bao lâu")
// offers the procedures the volunteer uses most, as /new lists them first:
// one pressed shows its fee and time on its consent.
func TestReview29NoProcedureNamedOffersTheMostUsed(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct{ lang, query string }{
		{"vi", "phí bao nhiêu"},
		{"vi", "mất bao lâu"},
		{"en", "how much does it cost"},
	} {
		tr := w.texts.For(tt.lang)
		u := w.volunteer("V29 named " + tt.query)
		if tt.lang != "vi" {
			w.send(u, "/lang "+tt.lang)
		}
		list := last(t, w.send(u, "/new"))
		m := last(t, w.send(u, tt.query))
		if m.Text != tr.T("case.no_procedure_named") {
			t.Errorf("%s %q: %q, want %q", tt.lang, tt.query, m.Text, tr.T("case.no_procedure_named"))
		}
		// The list's first buttons: its procedures, before the groups.
		want := append(titles(list.Buttons())[:4], tr.T("case.all_guides"))
		if got := titles(m.Buttons()); !slices.Equal(got, want) {
			t.Errorf("%s %q: buttons %q, want %q", tt.lang, tt.query, got, want)
		}
		c := last(t, w.press(u, want[0]))
		if !strings.Contains(c.Text, "💰") || !strings.Contains(c.Text, "⏱") || !hasButton(c, tr.T("case.info")) {
			t.Errorf("%s %q, %q pressed: %q, want its consent with the fee and the time", tt.lang, tt.query, want[0], c.Text)
		}
	}
}

// The examples each answer gives to type ("lý lịch tư pháp cho con",
// "ID card for my wife") are what a volunteer copies: each finds a guide.
func TestReview29PersonExamplesFindTheirGuide(t *testing.T) {
	w := newWorld(t)
	quoted := regexp.MustCompile(`“([^”]+)”`)
	for _, lang := range []string{"vi", "en"} {
		for _, p := range []string{guides.PersonChild, guides.PersonParent, guides.PersonSpouse} {
			text := w.texts.For(lang).T("case.no_procedure_for_" + p)
			examples := quoted.FindAllStringSubmatch(text, -1)
			if len(examples) < 2 {
				t.Fatalf("%s %s: %q gives no examples", lang, p, text)
			}
			for _, m := range examples {
				if found := catalog.Search(m[1]); len(found) == 0 || catalog.ForWhomOnly(m[1]) {
					t.Errorf("%s %s: example %q finds %d guides", lang, p, m[1], len(found))
				}
			}
		}
	}
}
