package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
)

// Review 22b: five guides' (now six) first step tells the volunteer to go "← Bước
// trước" to the checklist, then "✕ Không đủ điều kiện", or "← Chọn thủ tục
// khác" there. The last button is on the checklist only while no step of
// the case was done or had a problem (since review 24K a skip only reads
// ahead: readahead_review24K_test.go) (a wrong pick is thrown away
// with nothing recorded; after that the case is real). A step 1 where a
// problem was noted, or one come back to from step 2, leads to a checklist
// without it: the text promised a button that was not there.
//
// Each of the five is walked in Vietnamese and English, in three states —
// step 1 as begun; step 1 after a problem noted on it; step 1 come back to
// after ✓ Done — and what each state shows on step 1 and the checklist is
// read off the real screens. Every wizard button the step names (quoted as
// the screens label it) must be on one of them in every state, unless the
// step says when it is not there and names a way out that is; the summary
// the way out ends on has the ➕ it names.
func TestNeedCheckStepsNameOnlyButtonsOnScreen(t *testing.T) {
	w := newWorld(t)
	named := []string{"case.back", "case.not_eligible", "case.other_guide", "case.begin", "case.done", "case.skip", "case.pause", "case.problem", "case.info"}
	when := map[string]string{"vi": "chỉ có khi ca chưa ghi bước nào xong hay gặp lỗi", "en": "only while no step was done or had a problem"}
	// Every guide whose first step names the checklist's "← Chọn thủ tục
	// khác" (five at review 22b; cap-lai-the-bhyt, written beside it, too).
	var ids []string
	for _, g := range catalog.All() {
		if strings.Contains(g.Steps[0].Text.Vi+g.Steps[0].Tip.Vi, `"`+w.vi("case.other_guide")+`"`) {
			ids = append(ids, g.ID)
		}
	}
	if len(ids) < 5 {
		t.Fatalf("%d guides name %q on their first step, want the five of review 22b at least: %v", len(ids), w.vi("case.other_guide"), ids)
	}
	for _, id := range ids {
		g := guide(t, id)
		for _, lang := range []string{"vi", "en"} {
			tr := w.texts.For(lang)
			s := g.Steps[0]
			text := s.Text.In(lang) + "\n" + s.Tip.In(lang)
			var names []string
			for _, key := range named {
				if l := tr.T(key); strings.Contains(text, `"`+l+`"`) {
					names = append(names, l)
				}
			}
			if len(names) == 0 {
				t.Fatalf("%s (%s): step 1 names no button of the wizard", id, lang)
			}
			u, _ := w.openGuide(g, lang)
			w.toStepOf(u, g, lang, 1)
			// shown presses ← Back from step 1 and returns the labels on
			// step 1 and on the checklist it leads to.
			shown := func(step *telegramtest.Message) map[string]bool {
				t.Helper()
				on := map[string]bool{}
				for _, b := range step.Buttons() {
					on[b.Text] = true
				}
				list := last(t, w.press(u, tr.T("case.back")))
				if !strings.Contains(list.Text, tr.T("case.checklist")) {
					t.Fatalf("%s (%s): ← Back from step 1 led to %q", id, lang, list.Text)
				}
				for _, b := range list.Buttons() {
					on[b.Text] = true
				}
				return on
			}
			begin := func() *telegramtest.Message { return last(t, w.press(u, tr.T("case.begin"))) }
			states := map[string]map[string]bool{}
			states["step 1 as begun"] = shown(u.Last())
			// A problem noted on step 1 ("Something else", or the note
			// asked straight away when the step lists none).
			begin()
			w.press(u, tr.T("case.problem"))
			if len(s.Errors) > 0 {
				w.press(u, tr.T("case.problem_other"))
			}
			states["a problem noted on step 1"] = shown(last(t, w.send(u, "procedure not needed")))
			begin()
			w.press(u, tr.T("case.done"))
			states["step 1 come back to from step 2"] = shown(last(t, w.press(u, tr.T("case.back"))))

			for state, on := range states {
				var missing []string
				wayOut := false
				for _, l := range names {
					if !on[l] {
						missing = append(missing, l)
					} else if l == tr.T("case.not_eligible") || l == tr.T("case.other_guide") {
						wayOut = true
					}
				}
				if len(missing) > 0 && (!strings.Contains(text, when[lang]) || !wayOut) {
					t.Errorf("%s (%s), %s: step 1 names %q, not on step 1 nor the checklist, without saying when it is missing and what to press instead",
						id, lang, state, missing)
				}
			}
			// The way out once the case is real: ✕ Not eligible, then the
			// summary's ➕ New case, when the step names it.
			sum := last(t, w.endAs(u, tr.T("case.not_eligible")))
			if strings.Contains(text, `"`+tr.T("case.new_button")+`"`) && !hasButton(sum, tr.T("case.new_button")) {
				t.Errorf("%s (%s): step 1 names %q, not on the summary after ✕ Not eligible: %+v", id, lang, tr.T("case.new_button"), sum.Keyboard)
			}
			if !states["step 1 as begun"][tr.T("case.other_guide")] {
				t.Errorf("%s (%s): a wrong pick can no longer be thrown away from the checklist", id, lang)
			}
		}
	}
}
