package handlers

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// What volunteers type into a case is checked before it is stored: the case
// log must never hold a resident's identity (docs/privacy.md). A note that
// looks like an ID number, a phone number or an e-mail address is refused
// with a short explanation; the volunteer can rephrase it.

var (
	emailLike = regexp.MustCompile(`[^\s@]+@[^\s@]+\.[^\s@]+`)
	// Nine or more digits, possibly grouped by spaces, dots or dashes: an ID
	// card (9 or 12 digits) or a phone number (10 or 11) in any spelling.
	longNumber = regexp.MustCompile(`\d(?:[\s.\-]?\d){8,}`)
	dossierOK  = regexp.MustCompile(`^[A-Z0-9][A-Z0-9.\-/_]*$`)
	digitsOnly = regexp.MustCompile(`^[0-9.\-]+$`)
	hasDigit   = regexp.MustCompile(`[0-9]`)
)

// noteProblem says why a note cannot be stored ("" when it can): "email",
// "number" or "long" (the text keys of the answers).
func noteProblem(s string) string {
	switch {
	case utf8.RuneCountInString(s) > maxNote:
		return "long"
	case emailLike.MatchString(s):
		return "email"
	case longNumber.MatchString(s):
		return "number"
	}
	return ""
}

// dossierCode reads a dossier code leniently (domain.md: never refuse a code
// read off a real receipt): spaces go, letters are upper-cased, the dotted
// form and plain letters and digits with dashes pass, 6–40 characters. It
// refuses only what is surely not a code: no digit at all, other symbols, or
// nothing but 9–12 digits, which is an ID card or phone number. problem is
// "format" or "number" when refused.
func dossierCode(s string) (code, problem string) {
	code = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	n := len(code)
	switch {
	case n < 6 || n > 40 || !dossierOK.MatchString(code) || !hasDigit.MatchString(code):
		return "", "format"
	case digitsOnly.MatchString(code):
		if d := len(strings.NewReplacer(".", "", "-", "").Replace(code)); d >= 9 && d <= 12 {
			return "", "number"
		}
	}
	return code, ""
}
