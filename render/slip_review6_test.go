package render

import (
	"strings"
	"testing"
)

// The link printed under a slip's note is what a resident without a QR
// scanner types by hand, character by character. Found in review
// (2026-11-30, the demo's slip of a death registration): the bot's deep link
// "https://t.me/dvcbot_demo_bot?start=UB25VnH-Qf4hah5VbEWtmDux" was broken
// between "…WtmDu" and a lone "x" on the next line, which reads as the end
// of the link and something else. A link is drawn on one line, smaller if
// need be, as the dossier code is.
func TestSlipFooterLinkOnOneLine(t *testing.T) {
	height := func(footer string) int {
		s := sampleSlip("https://t.me/dvcbot_demo_bot?start=UB25VnH-Qf4hah5VbEWtmDux")
		s.Footer = footer
		b, err := Slip(s)
		if err != nil {
			t.Fatal(err)
		}
		return decode(t, b).Bounds().Dy()
	}
	short := height("https://t.me/x")
	for _, link := range []string{
		"https://t.me/dvcbot_demo_bot?start=UB25VnH-Qf4hah5VbEWtmDux",           // the demo's
		"https://t.me/dvc_hotro_dichvucong_bot?start=UB25VnH-Qf4hah5VbEWtmDux",  // a longer bot name
		"https://hotro-dichvucong.example.vn/dvcbot/f/UB25VnH-Qf4hah5VbEWtmDux", // PUBLIC_URL under a path
	} {
		if h := height(link); h != short {
			t.Errorf("link %q (%d chars) wrapped: slip %d px tall, %d with a one-line link", link, len(link), h, short)
		}
	}
}

// A link too long for one line even small (a 32-character bot name, the
// longest Telegram allows, and a long token) is broken where a link has
// parts, never inside its token: the token is on a line of its own, whole.
func TestSlipLongLinkKeepsItsTokenWhole(t *testing.T) {
	for _, link := range []string{
		"https://t.me/dvc_hotro_doanthanhnien_bot?start=UB25VnH-Qf4hah5VbEWtmDux",
		"https://t.me/" + strings.Repeat("d", 28) + "_bot?start=UB25VnH-Qf4hah5VbEWtmDuxUB25VnH-Qf4hah5VbEWtmDux",
		"https://hotro-dichvucong-thanhpho.example.vn/ho-tro/dvcbot/f/UB25VnH-Qf4hah5VbEWtmDux",
	} {
		token := link[strings.LastIndexAny(link, "=/")+1:]
		var mk styles
		lines := footerLines(&mk, link, SlipWidth-2*slipMargin)
		if mk.err != nil {
			t.Fatal(mk.err)
		}
		whole := false
		for _, l := range lines {
			whole = whole || strings.Contains(l.text, token)
		}
		if !whole || strings.Join(texts(lines), "") != link {
			t.Errorf("link %q drawn as %q: want its token whole on one line, nothing lost", link, texts(lines))
		}
	}
}

func texts(ls []footerLine) []string {
	var s []string
	for _, l := range ls {
		s = append(s, l.text)
	}
	return s
}
