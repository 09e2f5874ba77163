package vntext

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Vietnamese has two ways to place the tone mark on the open syllables oa,
// oe and uy: the old one on the first vowel (hòa, khóa, thủy), the new one
// on the second (hoà, khoá, thuỷ). dvcbot writes the new one, as the
// government portals do; these helpers find and fix the old one.

// toned maps o and u with a tone mark to the bare vowel and the mark.
var toned = map[rune]struct {
	vowel rune
	mark  rune // combining
}{
	'ò': {'o', '\u0300'}, 'ó': {'o', '\u0301'}, 'ỏ': {'o', '\u0309'}, 'õ': {'o', '\u0303'}, 'ọ': {'o', '\u0323'},
	'ù': {'u', '\u0300'}, 'ú': {'u', '\u0301'}, 'ủ': {'u', '\u0309'}, 'ũ': {'u', '\u0303'}, 'ụ': {'u', '\u0323'},
	'Ò': {'O', '\u0300'}, 'Ó': {'O', '\u0301'}, 'Ỏ': {'O', '\u0309'}, 'Õ': {'O', '\u0303'}, 'Ọ': {'O', '\u0323'},
	'Ù': {'U', '\u0300'}, 'Ú': {'U', '\u0301'}, 'Ủ': {'U', '\u0309'}, 'Ũ': {'U', '\u0303'}, 'Ụ': {'U', '\u0323'},
}

// oldStyle reports whether the word (NFC runes) ends in an old-style oa, oe
// or uy: "hòa", "thủy" (not "quý", where u belongs to qu).
func oldStyle(w []rune) bool {
	n := len(w)
	if n < 2 {
		return false
	}
	t, ok := toned[w[n-2]]
	if !ok {
		return false
	}
	last := unicode.ToLower(w[n-1])
	switch unicode.ToLower(t.vowel) {
	case 'o':
		return last == 'a' || last == 'e'
	case 'u':
		return last == 'y' && (n < 3 || unicode.ToLower(w[n-3]) != 'q')
	}
	return false
}

// OldStyleTones returns the words of s written in the old style.
func OldStyleTones(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(norm.NFC.String(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if oldStyle([]rune(w)) {
			out = append(out, w)
		}
	}
	return out
}

// NewStyleTones rewrites the old-style words of s in the new style:
// "Hủy hòa" → "Huỷ hoà".
func NewStyleTones(s string) string {
	rs := []rune(norm.NFC.String(s))
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := rs[start:end]
		if oldStyle(w) {
			t := toned[w[len(w)-2]]
			fixed := append(append([]rune{}, w[:len(w)-2]...), t.vowel, w[len(w)-1], t.mark)
			b.WriteString(norm.NFC.String(string(fixed)))
		} else {
			b.WriteString(string(w))
		}
		start = -1
	}
	for i, r := range rs {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(rs))
	return b.String()
}
