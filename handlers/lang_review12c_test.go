package handlers_test

import "testing"

// Two different languages tapped on /lang's question mid-case before
// either answer came (English by mistake, then Tiếng Việt, on a weak
// connection): the second press took the case's step drawn below for the
// first's and drew nothing, so the chat was left with the step in English
// while the bot spoke Vietnamese. The step comes again in the language
// chosen last.
func TestLangTwoLanguagesTappedTogetherDrawTheStepInTheLast(t *testing.T) {
	w := newWorld(t)
	vol := w.volunteer("Minh")
	w.startBirthCase(vol)
	ask := only(t, w.send(vol, "/lang"))
	en, vi := dataOf(t, ask, w.en("lang.name")), dataOf(t, ask, w.vi("lang.name"))
	first, err := vol.PressData(ask.ID, en)
	if err != nil {
		t.Fatal(err)
	}
	second, err := vol.PressData(ask.ID, vi)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, first, second)
	drain(vol)
	if n := stepsBelow(vol, ask.ID, w.vi("case.done")); n != 1 {
		t.Errorf("English then Tiếng Việt tapped together: the step is drawn %d times in Vietnamese below the question, want once", n)
	}
}
