package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// The bot's answer to a photo of the slip is to type the link printed
// under it; the slip prints it in a font where l and I, O and 0 look
// alike, and a phone types capitals of its own. A link typed so answered
// that it was wrong or expired. A link that differs from a token only
// there opens the token's follow-up; one wrong otherwise is still wrong.
func TestLinkTypedOffTheSlipOpens(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now), handlers.WithPublicURL("https://dvc.example.vn/"))
	v := w.volunteer("Vân")
	const code = "000.00.12.H26-251127-0050"
	ms := w.finishWithCode(v, code)
	token := qrToken(t, ms[0].Photo)
	c, _ := w.lastCase(v)

	res := w.srv.NewUser("Cư dân", "vi")
	typed := "https://dvc.example.vn/f/" + storagetest.TypedOffTheSlip(token)
	got := last(t, w.send(res, typed))
	if !strings.HasPrefix(got.Text, w.vi("followup.greeting")) || !strings.Contains(got.Text, code) {
		t.Fatalf("the link typed off the slip (%s for %s): %q", typed, token, got.Text)
	}
	if f, _ := w.followupRow(c.ID); f.Chat.Int64 != res.ID {
		t.Errorf("the follow-up's resident: %+v", f)
	}
	other := w.srv.NewUser("Khác", "vi")
	wrong := []byte(token)
	wrong[3] = map[bool]byte{true: 'x', false: 'y'}[wrong[3] != 'x' && wrong[3] != 'X']
	if got := last(t, w.send(other, "/start "+string(wrong))); got.Text != w.vi("followup.not_found") {
		t.Errorf("a link with a letter changed: %q", got.Text)
	}
}
