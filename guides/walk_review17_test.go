package guides

// What a volunteer walking every guide in the bot found wrong (review of
// 2026-12-01): each test failed on the guides as they were.

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/dvcbot/dvcbot/vntext"
)

// userTexts is every text of a guide a volunteer reads, by where it is.
func userTexts(g *Guide) map[string]Text {
	out := map[string]Text{
		"description": g.Description, "offline_help": g.OfflineHelp, "fee": g.Fee,
		"processing": g.Processing, "tracking": g.Tracking,
	}
	for i, it := range g.Prerequisites {
		out[fmt.Sprintf("prerequisites[%d]", i)] = it.Text
	}
	for i, s := range g.Steps {
		out[fmt.Sprintf("steps[%d].text", i)] = s.Text
		out[fmt.Sprintf("steps[%d].tip", i)] = s.Tip
		for j, e := range s.Errors {
			out[fmt.Sprintf("steps[%d].errors[%d].fix", i, j)] = e.Fix
		}
	}
	return out
}

// A text that sends the volunteer to another guide names it as its button
// does: khai-sinh, khai-tu, ket-hon and chung-thuc said "Làm theo hướng dẫn
// "Đăng nhập bằng VNeID" (nút bên dưới)" beside a button that reads "📖
// Đăng nhập Cổng Dịch vụ công bằng VNeID (quét mã QR)", and trich-luc-ho-tich
// sent English readers to a "Certified copy" guide that no list shows. The
// name quoted is the start of a guide's title, in the text's language.
func TestNamedGuidesAreTheGuidesTitles(t *testing.T) {
	c := shippedCatalog(t)
	named := map[string]*regexp.Regexp{
		"vi": regexp.MustCompile(`(?i)hướng dẫn "([^"]+)"`),
		"en": regexp.MustCompile(`the "([^"]+)" guide`),
	}
	for _, g := range c.All() {
		for where, text := range userTexts(g) {
			for lang, re := range named {
				for _, m := range re.FindAllStringSubmatch(text.In(lang), -1) {
					found := false
					for _, other := range c.All() {
						found = found || strings.HasPrefix(other.Title.In(lang), m[1])
					}
					if !found {
						t.Errorf("%s, %s (%s): names the guide %q, but no guide's title starts so", g.ID, where, lang, m[1])
					}
				}
			}
		}
	}
}

// A guide opened as a sub-guide (📖 on a step or a fix) shows its steps'
// texts without their buttons and within another guide's case: such a text
// cannot point at a "button below", nor tell the volunteer to press the
// case's "✓ Xong" and record an outcome. vneid-muc-2, opened from every
// level-2 fix, ended on "Ca kết thúc hôm nay … bấm "✓ Xong" và ghi kết quả
// "Đã làm được"" and "(nút bên dưới)", read in the middle of a birth
// registration. What concerns its own case belongs in the step's tip, which
// a sub-guide does not show.
func TestSubGuideStepsStandWithoutTheirButtons(t *testing.T) {
	c := shippedCatalog(t)
	sub := map[string]bool{}
	for _, g := range c.All() {
		for _, s := range g.Steps {
			sub[s.Subguide] = true
			for _, e := range s.Errors {
				sub[e.Subguide] = true
			}
		}
	}
	for _, g := range c.All() {
		if !sub[g.ID] {
			continue
		}
		for i, s := range g.Steps {
			for _, lang := range []string{"vi", "en"} {
				text := s.Text.In(lang)
				folded := strings.ToLower(vntext.Fold(text))
				for _, bad := range []string{"nut ben duoi", "button below", `"✓`, `"✅`, "ghi ket qua", "record the outcome"} {
					if strings.Contains(folded, bad) || strings.Contains(text, bad) {
						t.Errorf("%s, steps[%d] %s (%s): a sub-guide's text says %q: %q", g.ID, i, s.ID, lang, bad, text)
					}
				}
			}
		}
	}
}

// A fee no source confirmed is shown on the consent screen and the
// checklist as fee_short followed by "(hãy xem lại trên cổng)": xac-nhan-hon-nhan
// read "Theo mức của tỉnh – xem trên Cổng (hãy xem lại trên cổng)", and
// dang-ky-xe "… lệ phí biển số (từ 105.000 đ) (hãy xem lại trên cổng)". Such
// a short fee neither says "check" itself nor ends in a parenthesis.
func TestShortFeeReadsWithItsCheck(t *testing.T) {
	c := shippedCatalog(t)
	for _, g := range c.All() {
		if _, doubt := g.Unconfirmed["fee"]; !doubt {
			continue
		}
		for _, lang := range []string{"vi", "en"} {
			short := strings.TrimSpace(g.FeeShort.In(lang))
			folded := strings.ToLower(vntext.Fold(short))
			if strings.HasSuffix(short, ")") {
				t.Errorf("%s, fee_short (%s): ends in a parenthesis, and the check phrase follows in another: %q", g.ID, lang, short)
			}
			for _, says := range []string{"xem tren cong", "xem lai", "see the portal", "check on"} {
				if strings.Contains(folded, says) {
					t.Errorf("%s, fee_short (%s): says %q, and the check phrase follows: %q", g.ID, lang, says, short)
				}
			}
		}
	}
}

// The consent screen and the checklist give the time line as the first
// clause of processing (up to ". ", "; " or " – ") when there is no number
// of working days. bhyt-ho-gia-dinh's read "⏱ Trả tiền xong ngay trên màn
// hình", then asked whether the resident wants to hear about the result –
// the card renewed days later. A procedure with a result to follow and no
// number of days opens its processing with when the result comes.
func TestFollowedTimeLineSaysWhenTheResultComes(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("bhyt-ho-gia-dinh")
	if !ok {
		t.Fatal("no bhyt-ho-gia-dinh")
	}
	if !g.OffersFollowup() || g.ProcessingDays != 0 {
		t.Fatalf("bhyt-ho-gia-dinh: follow-up %v, processing_days %d: the time line is not the first clause", g.OffersFollowup(), g.ProcessingDays)
	}
	for lang, result := range map[string]string{"vi": "gia han", "en": "renewed"} {
		first := g.Processing.In(lang)
		for _, sep := range []string{". ", "; ", " – "} {
			first, _, _ = strings.Cut(first, sep)
		}
		if !strings.Contains(strings.ToLower(vntext.Fold(first)), result) {
			t.Errorf("processing (%s): the time line shown is %q: it does not say when the card is renewed", lang, first)
		}
	}
}

// An ellipsis is one character, "…", as in every other guide: vneid-muc-2
// wrote "(giấy phép lái xe, thẻ bảo hiểm y tế...)".
func TestEllipsisIsOneCharacter(t *testing.T) {
	for _, g := range shippedCatalog(t).All() {
		for where, text := range userTexts(g) {
			for _, lang := range []string{"vi", "en"} {
				if strings.Contains(text.In(lang), "...") {
					t.Errorf("%s, %s (%s): write \"…\", not \"...\": %q", g.ID, where, lang, text.In(lang))
				}
			}
		}
	}
}

// A guide that tells the volunteer which of the bot's own buttons to press
// quotes it as the button reads, in the text's language: a label changed in
// locales/ must not leave the guides naming a button no screen shows.
func TestQuotedBotButtonsAreTheBotsLabels(t *testing.T) {
	symbol := regexp.MustCompile(`"([←✓✕✅⚠⏸📖⚑ℹ💳📨][^"]*)"`)
	for _, lang := range []string{"vi", "en"} {
		labels := map[string]bool{}
		var flatten func(v any)
		flatten = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				for _, x := range v {
					flatten(x)
				}
			case string:
				labels[v] = true
			}
		}
		var m map[string]any
		if _, err := toml.DecodeFile(filepath.Join("..", "locales", lang+".toml"), &m); err != nil {
			t.Fatal(err)
		}
		flatten(m)
		quoted := 0
		for _, g := range shippedCatalog(t).All() {
			for where, text := range userTexts(g) {
				for _, q := range symbol.FindAllStringSubmatch(text.In(lang), -1) {
					quoted++
					if !labels[q[1]] {
						t.Errorf("%s, %s (%s): quotes the button %q, which no text of locales/%s.toml reads", g.ID, where, lang, q[1], lang)
					}
				}
			}
		}
		if quoted == 0 {
			t.Errorf("%s: no guide quotes a button of the bot: the pattern finds nothing", lang)
		}
	}
}

// A volunteer typing "thẻ bảo hiểm" (the card, by its full name) was shown
// the birth registration first, whose aliases name a child's card, and the
// household renewal second; "the bao hiem y te" likewise.
func TestHealthCardSearchFindsTheRenewalFirst(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"the bao hiem", "thẻ bảo hiểm y tế", "gia han the bao hiem y te"} {
		found := c.Search(q)
		if len(found) == 0 || found[0].ID != "bhyt-ho-gia-dinh" {
			var ids []string
			for _, g := range found {
				ids = append(ids, g.ID)
			}
			t.Errorf("search %q: found %v, want bhyt-ho-gia-dinh first", q, ids)
		}
	}
}

// Words volunteers type for a procedure, found by a walk through the search:
// "giấy chứng sinh" (the hospital's paper a birth registration needs) found
// the civil-status copies; "marriage" put the copies before the marriage
// registration; "làm thẻ ATM" (how many residents ask for a bank account) and
// "xuất cảnh" (going abroad: the passport) found nothing.
func TestEverydayWordsFindTheirGuide(t *testing.T) {
	c := shippedCatalog(t)
	for q, want := range map[string]string{
		"giấy chứng sinh": "khai-sinh",
		"giay chung sinh": "khai-sinh",
		"marriage":        "ket-hon",
		"làm thẻ ATM":     "tai-khoan-thanh-toan",
		"mở thẻ atm":      "tai-khoan-thanh-toan",
		"xuất cảnh":       "ho-chieu",
	} {
		found := c.Search(q)
		if len(found) == 0 || found[0].ID != want {
			var ids []string
			for _, g := range found {
				ids = append(ids, g.ID)
			}
			t.Errorf("search %q: found %v, want %s first", q, ids, want)
		}
	}
}

// The residence declaration form (CT01), which both residence guides name
// in their steps, searched by its name finds both.
func TestResidenceFormFindsBothResidenceGuides(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"CT01", "ct01", "tờ khai CT01"} {
		var ids []string
		for _, g := range c.Search(q) {
			ids = append(ids, g.ID)
		}
		if !slices.Contains(ids, "tam-tru") || !slices.Contains(ids, "thuong-tru") {
			t.Errorf("search %q: found %v, want tam-tru and thuong-tru", q, ids)
		}
	}
}

// A step's screen is read on a phone held in one hand: its text and tip
// together stay within maxStepScreen characters. The longest today,
// doi-gplx's and the-can-cuoc's first steps (about 1,050 in English), are
// already two screens of scrolling; what does not fit belongs in the step's
// errors, which open one at a time.
const maxStepScreen = 1100

func TestStepScreensStayShort(t *testing.T) {
	for _, g := range shippedCatalog(t).All() {
		for i, s := range g.Steps {
			for _, lang := range []string{"vi", "en"} {
				n := len([]rune(s.Text.In(lang))) + len([]rune(s.Tip.In(lang)))
				if n > maxStepScreen {
					t.Errorf("%s, steps[%d] %s (%s): text and tip have %d characters, over %d", g.ID, i, s.ID, lang, n, maxStepScreen)
				}
			}
		}
	}
}

// " – " joins two clauses, or sets one aside: dang-ky-xe's plate step read
// "Khi Cổng cho chọn biển số – ngay sau khi nộp, … hợp lệ – chủ xe đăng nhập
// và tự chọn – biển số định danh …", three dashes in one sentence, and the
// reader cannot tell which one ends the aside. A sentence has at most two,
// outside parentheses.
func TestSentencesHaveAtMostTwoDashes(t *testing.T) {
	paren := regexp.MustCompile(`\([^()]*\)`)
	sentence := regexp.MustCompile(`[.;?!]\s|\n`)
	for _, g := range shippedCatalog(t).All() {
		for where, text := range userTexts(g) {
			for _, lang := range []string{"vi", "en"} {
				for _, s := range sentence.Split(paren.ReplaceAllString(text.In(lang), ""), -1) {
					if strings.Count(s, " – ") > 2 {
						t.Errorf("%s, %s (%s): three dashes in one sentence: %q", g.ID, where, lang, s)
					}
				}
			}
		}
	}
}
