package handlers

import (
	"strings"

	"github.com/dvcbot/dvcbot/vntext"
)

// What a report is asked "by" (tallyState.By): its section of that listed
// at length (tallyLimit), the others' ten.
const (
	byProcedure = "procedure"
	byVolunteer = "volunteer"
	byUnit      = "unit"
)

// byWords are the words, folded, that name what a report is asked by,
// after "theo" or "by" ("theo thủ tục", "theo từng xã", "by volunteer").
// Longest first: "xa phuong" before "xa".
var byWords = []struct{ words, by string }{
	{"thu tuc hanh chinh", byProcedure}, {"dich vu cong", byProcedure}, {"thu tuc", byProcedure}, {"dich vu", byProcedure},
	{"tthc", byProcedure}, {"procedures", byProcedure}, {"procedure", byProcedure}, {"services", byProcedure}, {"service", byProcedure},
	{"tinh nguyen vien", byVolunteer}, {"nguoi ho tro", byVolunteer}, {"doan vien", byVolunteer}, {"thanh vien", byVolunteer},
	{"tnv", byVolunteer}, {"volunteers", byVolunteer}, {"volunteer", byVolunteer}, {"members", byVolunteer}, {"member", byVolunteer},
	{"tinh thanh pho", byUnit}, {"tinh thanh", byUnit}, {"xa phuong", byUnit}, {"don vi", byUnit}, {"dia ban", byUnit},
	{"thanh pho", byUnit}, {"xa", byUnit}, {"phuong", byUnit}, {"tinh", byUnit},
	{"communes", byUnit}, {"commune", byUnit}, {"wards", byUnit}, {"ward", byUnit}, {"units", byUnit}, {"unit", byUnit},
	{"provinces", byUnit}, {"province", byUnit},
}

// splitBy takes out of text typed for a report the words that say what it
// is asked by ("tháng này theo thủ tục", "theo từng xã tháng 11", "this
// month by volunteer"): the rest of the text (a period, a unit's name, or
// nothing) and what it is by; by is "" when text says none, and then rest
// is text. "chia"/"phân" before "theo", "từng"/"mỗi"/"các"/"each" after
// it, and commas around it go with it.
func splitBy(text string) (rest, by string) {
	words := strings.Fields(text)
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = vntext.Fold(strings.NewReplacer("/", " ", ",", " ").Replace(w))
	}
	for i, f := range folded {
		if f != "theo" && f != "by" && f != "per" {
			continue
		}
		j := i + 1
		for j < len(folded) && (folded[j] == "tung" || folded[j] == "moi" || folded[j] == "cac" || folded[j] == "each") {
			j++
		}
		after := strings.Join(strings.Fields(strings.Join(folded[j:], " ")), " ")
		for _, b := range byWords {
			if after != b.words && !strings.HasPrefix(after, b.words+" ") {
				continue
			}
			// The words b.words spans, counted in the folded fields (a
			// "xã/phường" is one word typed, two folded).
			end, n := j, len(strings.Fields(b.words))
			for end < len(folded) && n > 0 {
				n -= len(strings.Fields(folded[end]))
				end++
			}
			if n < 0 {
				break // "xã/phường" cut in half: not these words
			}
			start := i
			if start > 0 && (folded[start-1] == "chia" || folded[start-1] == "phan") {
				start--
			}
			kept := append(append([]string{}, words[:start]...), words[end:]...)
			rest = strings.Trim(strings.Join(kept, " "), " ,;:-–")
			return rest, b.by
		}
	}
	return text, ""
}
