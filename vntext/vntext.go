// Package vntext folds Vietnamese text for search and normalizes what users type.
//
// Volunteers type on phones, often without diacritics ("phuong 12 go vap" for
// "Phường 12, Gò Vấp"), so every search compares folded forms: lower case, no
// diacritics, đ→d, punctuation turned into spaces, one space between words.
package vntext

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalization form C, the form every stored or
// drawn string uses: the same word typed on two keyboards compares equal.
func NFC(s string) string { return norm.NFC.String(s) }

// Fold lower-cases s, removes diacritics and punctuation and collapses spaces:
// "Phường An Hội Tây" → "phuong an hoi tay".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading spaces
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

// Words returns the folded words of s.
func Words(s string) []string { return strings.Fields(Fold(s)) }
