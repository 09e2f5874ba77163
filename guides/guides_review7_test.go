package guides

// What a volunteer walking the guides in the bot found wrong (review of
// 2026-11-30): each test failed on the guides as they were.

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/dvcbot/dvcbot/vntext"
)

// label is a wizard button's text as locales/<lang>.toml spells it: key is
// its path there ("case.not_eligible").
func label(t *testing.T, lang, key string) string {
	t.Helper()
	var m map[string]any
	if _, err := toml.DecodeFile(filepath.Join("..", "locales", lang+".toml"), &m); err != nil {
		t.Fatal(err)
	}
	var v any = m
	for _, k := range strings.Split(key, ".") {
		mm, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%s.toml: no %s", lang, key)
		}
		v = mm[k]
	}
	s, ok := v.(string)
	if !ok || s == "" {
		t.Fatalf("%s.toml: no %s", lang, key)
	}
	return s
}

// A step done in the VNeID app (or another app) offered the web portal's
// QR login as its own button: tam-tru's and thuong-tru's "Mở thủ tục",
// the-can-cuoc's "Chọn thủ tục" and ly-lich-tu-phap's "Chọn chức năng" show
// "📖 Đăng nhập Cổng bằng mã QR" beside the app's screens, though only one
// of their errors ("Không thấy mục…", the reduced fee) sends the resident to
// the web. A step in an app offers the QR login only when its own text or
// tip names the web route; an error whose fix does offers it itself.
func TestAppStepsOfferQRLoginWhereTheWebIsNamed(t *testing.T) {
	c := shippedCatalog(t)
	for _, g := range c.All() {
		for _, s := range g.Steps {
			if g.StepChannel(&s) == ChannelWeb {
				continue
			}
			names := webPortal.MatchString(s.Text.Vi) || webPortal.MatchString(s.Tip.Vi)
			if s.Subguide == qrLogin && !names {
				t.Errorf("%s: step %s is done in the app (%s) and names no web portal, yet offers %s as its own button",
					g.File(), s.ID, g.StepChannel(&s), qrLogin)
			}
			for _, e := range s.Errors {
				says := strings.Contains(vntext.Fold(e.Fix.Vi), "nut ben duoi")
				if webPortal.MatchString(e.Fix.Vi) && says && e.Subguide != qrLogin && s.Subguide != qrLogin {
					t.Errorf("%s: step %s, error %s sends the resident to the web portal with a button below, but offers no %s",
						g.File(), s.ID, e.ID, qrLogin)
				}
			}
		}
	}
}
