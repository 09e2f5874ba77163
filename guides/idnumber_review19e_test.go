package guides

// What the sources pass of 2026-12-01 (review 19) found.

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/vntext"
)

// the-can-cuoc's last step told the volunteer that a bank or a land office
// still asking for the old 9-digit ID number needs a "giấy xác nhận số chứng
// minh nhân dân", and to file that separate procedure on the web portal.
// Since 2026-03-15 Decree 58/2026/NĐ-CP Art. 5(7) rewrites Art. 12 of Decree
// 70/2024/NĐ-CP: the old number (and a cancelled personal ID number) is in
// the card's QR code, in its chip and in the VNeID app, whoever needs it
// reads it there, and nobody may ask the citizen for a confirmation of it
// (Soha and Kênh 14, 2026-02-27, quote the new article whole; PLO
// 2026-03-03). The step says where the old number is, that no confirmation
// may be demanded, under which decree, and no longer sends the resident to
// file one; a source on the decree is listed, opened.
func TestOldIDNumberStepFollowsDecree58(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("the-can-cuoc")
	if !ok {
		t.Fatal("no the-can-cuoc")
	}
	var s *Step
	for i := range g.Steps {
		if g.Steps[i].ID == "xac-nhan-cmnd" {
			s = &g.Steps[i]
		}
	}
	if s == nil {
		t.Fatal("the-can-cuoc: no step xac-nhan-cmnd (reports count by its id)")
	}
	vi := vntext.Fold(s.Text.Vi + " " + s.Tip.Vi)
	for _, want := range []string{"58 2026", "ma qr", "vneid", "khong duoc"} {
		if !strings.Contains(vi, want) {
			t.Errorf("vi: the step does not say %q: %q", want, s.Text.Vi)
		}
	}
	en := strings.ToLower(s.Text.En + " " + s.Tip.En)
	for _, want := range []string{"58/2026", "qr code", "vneid", "may ask"} {
		if !strings.Contains(en, want) {
			t.Errorf("en: the step does not say %q: %q", want, s.Text.En)
		}
	}
	// It no longer sends the resident to file the confirmation on the portal.
	if webPortal.MatchString(s.Text.Vi+s.Tip.Vi) || strings.Contains(vi, "nop truc tuyen") || g.StepChannel(s) == ChannelWeb {
		t.Errorf("the step still sends the resident to file a confirmation on the web portal: %q", s.Text.Vi)
	}
	var cited bool
	for _, src := range g.Sources {
		cited = cited || (strings.Contains(src.Title, "58/2026") && src.Opened != "")
	}
	if !cited {
		t.Error("the-can-cuoc: no opened source on Decree 58/2026/NĐ-CP")
	}
}
