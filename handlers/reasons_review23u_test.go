package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Review 23u: a case done in the VNeID app was offered "Lỗi cổng dịch vụ
// công" (portal error) as the reason it could not be submitted, and no
// "app error"; a fine paid on the portal, which the resident logs in to
// with VNeID level 2, was offered no "Chưa có VNeID mức độ 2". The reasons
// follow the guide: where it happens and what it needs.
func TestReasonsFollowTheGuide(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct {
		guide, notDone string
		want, not      []string
	}{
		{"tam-tru", "outcome.not_submitted", []string{"reason.app_error", "reason.no_vneid"}, []string{"reason.portal_error"}},
		{"khai-sinh", "outcome.not_submitted", []string{"reason.portal_error", "reason.no_vneid"}, []string{"reason.app_error"}},
		{"nop-phat", "outcome.payment.not_done", []string{"reason.no_vneid", "reason.portal_error", "reason.no_account"}, []string{"reason.app_error"}},
	} {
		g := guide(t, tt.guide)
		for _, lang := range locales.Languages {
			tr := w.texts.For(lang)
			u, _ := w.openGuide(g, lang)
			w.stepsToOutcome(u, g, lang)
			m := last(t, w.press(u, tr.T(tt.notDone)))
			for _, id := range tt.want {
				if !hasButton(m, tr.T(id)) {
					t.Errorf("%s (%s): no %q among the reasons:\n%s", tt.guide, lang, tr.T(id), m.Text)
				}
			}
			for _, id := range tt.not {
				if hasButton(m, tr.T(id)) {
					t.Errorf("%s (%s): %q among the reasons", tt.guide, lang, tr.T(id))
				}
			}
		}
	}
}
