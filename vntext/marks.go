package vntext

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// A search compares folded forms, so "quang yen" finds "Quảng Yên" and
// "Quang Yên" alike. But one who types the marks means them: "Quảng Yên"
// is not "Quang Yên". MarksFit lets a typed word's marks decide where it
// has them, and only there: a mark left out matches any ("Dai Mo", "Đai
// Mo" still find "Đại Mỗ"), a mark typed must be the name's. A word's tone
// is compared wherever it sits, as the old and new styles place it
// differently ("hòa", "hoà").

// markedWord is a word of letters (folded: lower case, no mark, đ as d),
// each letter's shape (the breve of ă, the circumflex of â ê ô, the horn
// of ơ ư, the stroke of đ; 0 for none) and the word's tone (0 for none).
type markedWord struct {
	letters []rune
	shapes  []rune
	tone    rune
}

// tones are the combining tone marks: huyền, sắc, ngã, hỏi, nặng.
var tones = map[rune]bool{'\u0300': true, '\u0301': true, '\u0303': true, '\u0309': true, '\u0323': true}

// markedWords splits s into words as Fold does, keeping each one's marks.
func markedWords(s string) []markedWord {
	var (
		out []markedWord
		w   *markedWord
	)
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			if w == nil {
				continue
			}
			if tones[r] {
				w.tone = r
			} else if n := len(w.shapes); n > 0 {
				w.shapes[n-1] = r
			}
		case r == 'đ' || r == 'Đ':
			if w == nil {
				out = append(out, markedWord{})
				w = &out[len(out)-1]
			}
			w.letters = append(w.letters, 'd')
			w.shapes = append(w.shapes, 'đ')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if w == nil {
				out = append(out, markedWord{})
				w = &out[len(out)-1]
			}
			w.letters = append(w.letters, unicode.ToLower(r))
			w.shapes = append(w.shapes, 0)
		default:
			w = nil
		}
	}
	return out
}

// marked reports whether the word carries any mark.
func (w markedWord) marked() bool {
	return w.tone != 0 || strings.ContainsFunc(string(w.shapes), func(r rune) bool { return r != 0 })
}

// anyMark stands for the marks of a word written without them: any fits.
const anyMark = -1

// begins reports whether typed begins (or is) w, its marks fitting: every
// letter's shape typed is w's there, and a tone typed is w's.
func (typed markedWord) begins(w markedWord) bool {
	if len(typed.letters) > len(w.letters) {
		return false
	}
	fits := func(typed, w rune) bool { return typed == 0 || w == anyMark || typed == w }
	for i, l := range typed.letters {
		if l != w.letters[i] || !fits(typed.shapes[i], w.shapes[i]) {
			return false
		}
	}
	return fits(typed.tone, w.tone)
}

// MarksFit reports whether the marks typed in search fit texts: each word
// of search typed with a mark begins (or is) a word of one of the texts
// that has that mark where it was typed ("Quảng" fits "Quảng Yên", not
// "Quang Yên"; "Hoà" fits "Hòa"). A text with no mark at all was written
// without them (a name on Telegram, "Ngoc"): any marks fit its words. A
// word typed without marks fits whatever it folds to, and is the caller's
// to match: this only says no to a mark that says another name.
func MarksFit(search string, texts ...string) bool {
	var words [][]markedWord
	for _, q := range markedWords(search) {
		if !q.marked() {
			continue
		}
		if words == nil {
			for _, t := range texts {
				ws := markedWords(t)
				if !slices.ContainsFunc(ws, markedWord.marked) {
					for i := range ws { // written without marks: its letters only
						ws[i].tone = anyMark
						for j := range ws[i].shapes {
							ws[i].shapes[j] = anyMark
						}
					}
				}
				words = append(words, ws)
			}
		}
		if !slices.ContainsFunc(words, func(ws []markedWord) bool { return slices.ContainsFunc(ws, q.begins) }) {
			return false
		}
	}
	return true
}
