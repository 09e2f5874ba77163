package handlers

import (
	"regexp"
	"strings"
	"unicode"
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
// "blank", what personal data it seems to hold, or "name".
func noteProblem(s string) string {
	switch {
	case utf8.RuneCountInString(s) > maxNote:
		return "long"
	case meaningless(s):
		return "blank"
	}
	if p := personalData(s); p != "" {
		return p
	}
	if namesPerson(s) {
		return "name"
	}
	return ""
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
	words := strings.Fields(s)
	for _, label := range codeLabels {
		// The label is the text's first words, maybe with a colon: folding
		// alone would also read "mã.hs.123" as "ma hs 123", a single word.
		n := len(strings.Fields(label))
		if len(words) > n && vntext.Fold(strings.Join(words[:n], " ")) == label {
			s = strings.TrimLeft(strings.Join(words[n:], " "), ": ")
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

// Names. A note like "ông Nguyễn Văn Bình không nhớ mật khẩu" names the
// resident; the case log must not keep it. A note is refused when it holds
// an honorific followed by a name-like word ("bà Lan", "chú Ba"), or a
// common surname followed by given or middle names ("Trần Thị Mai"). With
// diacritics the words are compared as written, so "lệ phí" is not "Lê",
// "có" is not "cô" and "lần" is not "Lan"; a note typed without any is
// compared folded, and then asks for more evidence (a capitalised name
// after an honorific, two names after a surname), since "dang thu lai" is
// "đang thử lại" far more often than "Đặng Thu …".

var (
	honorifics = wordSet("ông bà anh chị cô chú bác em cháu cụ dì thím mợ dượng")
	surnames   = wordSet(`nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý trương đinh đào đoàn
		trịnh lâm mai cao hà lương lưu tô chu tạ quách kiều thái tống la lại mạc khúc triệu vương từ văn`)
	// givenNames are common given and middle names: what follows a surname
	// or an honorific in a name.
	givenNames = wordSet(`văn thị hữu đức minh ngọc thanh quang xuân kim thu bảo mỹ gia công đình quốc trọng
		an anh bình cường châu chi chính dung dũng duy dương đạt điệp đông giang hà hải hân hạnh hằng hảo hậu
		hiền hiếu hoa hoài hòa hoà hồng huệ hùng hương huy huyền khánh khoa khôi kiên lâm lan liên linh loan lộc long
		luân mai mạnh my nam nga ngân nghĩa nguyệt nhân nhật nhi nhung oanh phong phú phúc phương quân quý
		quyên quỳnh sang sơn tám tâm tân thảo thắng thiện thịnh thọ thủy thuỷ thương tiến tín toàn trang trí trinh
		trung trúc tú tuấn tùng tuyết uyên việt vinh vy yến hiệp hưng hoan khang lợi nhàn phát sáu thành thuận tư`)
	// places that begin with a surname.
	surnamePlaces = wordSet("hà_nội hà_nam hà_giang hà_tĩnh cao_bằng lâm_đồng hồ_chí")
	foldedGiven   = folded(givenNames)
	foldedSur     = folded(surnames)
	foldedHon     = folded(honorifics)
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[strings.ReplaceAll(norm.NFC.String(w), "_", " ")] = true
	}
	return m
}

func folded(set map[string]bool) map[string]bool {
	m := map[string]bool{}
	for w := range set {
		m[vntext.Fold(w)] = true
	}
	return m
}

// namesPerson reports whether s seems to name a person.
func namesPerson(s string) bool {
	words := strings.FieldsFunc(norm.NFC.String(s), func(r rune) bool { return !unicode.IsLetter(r) })
	ascii := true
	for _, r := range s {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			ascii = false
			break
		}
	}
	allCaps := strings.ToUpper(s) == s
	for i, w := range words {
		low := strings.ToLower(w)
		var next, next2 string
		if i+1 < len(words) {
			next = words[i+1]
		}
		if i+2 < len(words) {
			next2 = words[i+2]
		}
		if ascii {
			f, n := vntext.Fold(low), vntext.Fold(next)
			switch {
			case foldedHon[f] && (titleCase(next) || foldedSur[n]):
				return true
			case foldedSur[f] && foldedGiven[n] && foldedGiven[vntext.Fold(next2)]:
				return true
			}
			continue
		}
		n := strings.ToLower(next)
		switch {
		case honorifics[low] && (givenNames[n] || surnames[n] || (titleCase(next) && !allCaps)):
			return true
		case surnames[low] && givenNames[n] && !surnamePlaces[low+" "+n]:
			return true
		}
	}
	return false
}

// titleCase: a capital and then small letters, as names are written
// ("Lan", not "VNeID" or "OTP").
func titleCase(w string) bool {
	rs := []rune(w)
	if len(rs) < 2 || !unicode.IsUpper(rs[0]) {
		return false
	}
	for _, r := range rs[1:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// meaningless reports whether s holds no letter and no digit: blank,
// invisible characters, punctuation.
func meaningless(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// looksLikeDossierCode reports whether a text typed on its own is a dossier
// code rather than words: one token, read as a code, with a digit and a
// separator or a letter ("000.00.12.H26-251127-0001").
func looksLikeDossierCode(s string) bool {
	s = strings.TrimSpace(norm.NFKC.String(s))
	if strings.ContainsFunc(s, unicode.IsSpace) {
		return false
	}
	code, problem := dossierCode(s)
	return problem == "" && strings.ContainsAny(code, ".-/_") && strings.ContainsFunc(code, unicode.IsLetter)
}
