package handlers

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dvcbot/dvcbot/vntext"
)

// What volunteers type into a case is checked before it is stored: the case
// log must never hold a resident's identity (docs/privacy.md). A note or a
// search that looks like an ID number, a phone number, a date of birth or
// an e-mail address is refused with a short explanation; the volunteer can
// rephrase it. The checks read the text width-folded (NFKC), so full-width
// digits or an @ do not slip through.

var (
	emailLike = regexp.MustCompile(`[^\s@]+\s*@\s*[^\s@]+\.[^\s@]+`)
	// Nine or more digits, however grouped: an ID card (9 or 12 digits) or
	// a phone number (10 or 11, maybe "(091) 234 5678" or "+84 …").
	longNumber = regexp.MustCompile(`\d(?:[\s().+/\-]*\d){8,}`)
	// A full date: a birth date is personal data.
	fullDate = regexp.MustCompile(`\b\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:19|20)?\d{2}\b`)

	dossierOK  = regexp.MustCompile(`^[A-Z0-9][A-Z0-9.\-/_]*$`)
	hasDigit   = regexp.MustCompile(`[0-9]`)
	idOrPhone  = regexp.MustCompile(`^(?:CCCD|CMND|CMT|SDT|SĐT|DT|ĐT|TEL)?[0-9]{9,12}$`)
	dashes     = strings.NewReplacer("‐", "-", "‑", "-", "‒", "-", "–", "-", "—", "-", "−", "-")
	codeLabels = []string{"ma ho so", "so ho so", "ma hs", "ma", "so"} // folded, longest first
)

// personalData says what personal data s seems to hold: "email", "number",
// "date", or "" (the text keys of the refusals).
func personalData(s string) string {
	s = norm.NFKC.String(s)
	switch {
	case emailLike.MatchString(s):
		return "email"
	case longNumber.MatchString(s):
		return "number"
	case fullDate.MatchString(s):
		return "date"
	}
	return ""
}

// noteProblem says why a note cannot be stored ("" when it can): "long",
// or what personal data it seems to hold.
func noteProblem(s string) string {
	if utf8.RuneCountInString(s) > maxNote {
		return "long"
	}
	return personalData(s)
}

// dossierCode reads a dossier code leniently (domain.md: never refuse a code
// read off a real receipt): width-folded, a leading "Mã hồ sơ:" or "#"
// dropped, dashes of any kind made "-", spaces removed, upper-cased; the
// dotted form and letters and digits with - / _ pass, 6–40 characters with
// at least one digit. It refuses what is surely not a code: other symbols,
// or an ID card or phone number (9–12 digits, maybe after "CCCD", "SĐT"…).
// problem is "format" or "number" when refused.
func dossierCode(s string) (code, problem string) {
	s = dashes.Replace(norm.NFKC.String(strings.TrimSpace(s)))
	s = strings.TrimLeft(s, "#№ ")
	folded := vntext.Fold(s)
	for _, label := range codeLabels {
		if strings.HasPrefix(folded, label+" ") {
			// Drop as many words as the label has, and a colon after them.
			words := strings.Fields(s)
			s = strings.TrimLeft(strings.Join(words[len(strings.Fields(label)):], " "), ": ")
			break
		}
	}
	code = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	n := utf8.RuneCountInString(code)
	digits := strings.NewReplacer(".", "", "-", "", "/", "", "_", "").Replace(code)
	switch {
	case idOrPhone.MatchString(digits):
		return "", "number"
	case fullDate.MatchString(code) && fullDate.FindString(code) == code:
		return "", "format" // a date (of birth?), not a code
	case n < 6 || n > 40 || !dossierOK.MatchString(code) || !hasDigit.MatchString(code):
		return "", "format"
	}
	return code, ""
}
