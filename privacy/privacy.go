// Package privacy checks what people type before the bot stores it: the
// case log and the follow-ups must never hold a resident's identity
// (docs/privacy.md).
package privacy

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
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

// MaxNote is the longest note (in characters) the bot keeps.
const MaxNote = 200

var (
	// An e-mail address, spaces or not around its "@", and around a dot
	// only before a usual ending ("lan @ gmail . com", not "nhắn @ zalo. Xong").
	emailLike = regexp.MustCompile(`[^\s@]+\s*@\s*[^\s@.]+(?:\.[^\s@.]+|\s*\.\s*(?i:com|vn|net|org|edu|gov|info|io|me|co)\b)+`)
	// Nine or more digits, however grouped: an ID card (9 or 12 digits) or
	// a phone number (10 or 11, maybe "(091) 234 5678", "+84 …" or
	// "0912–345–678"): between two digits up to three of anything but
	// letters, digits, commas and semicolons (which part the numbers of a
	// list: "phí 50.000, 100.000"), or any run of spaces, brackets, dots,
	// pluses, slashes and hyphens.
	longNumber = regexp.MustCompile(`\d(?:(?:[^\p{L}\p{N},;]{0,3}|[\s().+/\-]*)\d){8,}`)
	// A full date: a birth date is personal data. isoDate: year first.
	fullDate = regexp.MustCompile(`\b\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:19|20)?\d{2}\b`)
	isoDate  = regexp.MustCompile(`\b(?:19|20)\d{2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,2}\b`)
	// A vehicle's plate: its province's two digits, its series (one or two
	// letters, maybe a digit: "F", "X1", "AA"), then four or five digits
	// ("1234", "12345", "123.45"), spaced or dashed as people write them:
	// "51F-123.45", "59-X1 123.45", "30a12345". A plate is its owner's
	// identifier (biển số định danh follows the owner) and leads to their
	// fines.
	plate = regexp.MustCompile(`(?i)\b\d{2}\s*-?\s*[A-Z]{1,2}\d?\s*[-.]?\s*\d{3}\.?\d{1,2}\b`)
	// A penalty decision's number ("1234/QĐ-XPHC", "56/QD-XPVPHC",
	// "789/QĐ-CSGT"): it names one person's violation, which is sensitive
	// data (Law 91/2025), and the nộp-phạt guide says never to note it. A
	// decision of another kind ("06/QĐ-TTg", a law a flag may cite) is kept.
	// A passport's number: a capital letter and seven digits ("C1234567"),
	// or any letter after "hộ chiếu", "passport".
	passport = regexp.MustCompile(`\b[A-Z]\d{7}\b|(?i:(?:h[oộ]\s*chi[eế]u|passport)(?:\s+(?:s[oố]|no\.?|number))?\s*:?\s*[a-z]\d{7}\b)`)
	penalty  = regexp.MustCompile(`(?i)\b\d{1,8}\s*/\s*Q[ĐD]\s*-\s*(?:XP|CSGT|CAX|CAP|CAT)`)

	dossierOK = regexp.MustCompile(`^[A-Z0-9][A-Z0-9.\-/_]*$`)
	hasDigit  = regexp.MustCompile(`[0-9]`)
	// An ID card or phone number, maybe after its label (read folded, "Căn
	// cước" as CANCUOC), or a phone number with the country code.
	//
	// Nine to twelve digits alone are refused, ten included, though a
	// portal might print a bare ten-digit number. What the sources say:
	//   - Circular 01/2018/TT-VPCP Art. 19: a dossier code "gồm các ký tự
	//     chữ và số", V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX, the receiving
	//     unit's code (its M a letter), the day received, the day's serial
	//     (seongay.com/ma-tu-tang-cua-ho-so-la-gi/amp).
	//   - Decree 61/2018/ND-CP Art. 26: the single-window system gives the
	//     code, the receiving unit's identity code and then the date and
	//     serial (lawnet.vn/en/laws/what-is-the-structure-of-codes-of-
	//     documents-used-for-implementation-of-administrative-procedures-
	//     wh-20863.html).
	//   - A mobile number is ten digits, 0 then 3, 5, 7, 8 or 9
	//     (sent.dm/resources/VN; lawnet.vn/en/laws/what-is-the-current-
	//     list-of-prefixes-of-vietnamese-phone-numbers-of-mobile-network-
	//     operators-what-i-134777.html), and a tax code (mã số thuế) ten
	//     digits, the first two a province's, so any first digit
	//     (app.unpkg.com/stdnum@1.11.3/files/src/vn/mst.ts).
	// No source opened (searches of dichvucong.gov.vn, VNeID and the police
	// portal, dichvucong.bocongan.gov.vn, found none) shows a receipt number
	// of ten digits alone. Ten digits that are not a phone number may still
	// be a tax code, or a code's date and serial ("2511270001") without the
	// unit that makes it name a dossier; the volunteer is asked for the
	// code as on the screen, or presses "No dossier code".
	idOrPhone = regexp.MustCompile(`^(?:(?:CCCD|CMND|CMT|CC|ID|CANCUOC|DINHDANH|SODINHDANH|SDT|DT|TEL)?[0-9]{9,12}|(?:00)?84[0-9]{9,10})$`)
	// phoneOrID is a phone or ID card number's digits inside a code, after
	// a prefix ("HS 0912 345 678", "HS0912345678", "G22.50-0912345678"): a
	// mobile number (0 and 3, 5, 7, 8 or 9, ten digits), a landline or an
	// old eleven-digit mobile (02…, 01…), a citizen ID card (twelve digits
	// from a province code 0xx: pypi.org/project/vn-ident parses
	// "001087123456" as Hà Nội's), or one with the country code 84. A code's
	// own digits, a unit's code then a date (YYMMDD, from 18) and a serial,
	// never start so.
	phoneOrID = regexp.MustCompile(`^(?:0[35789][0-9]{8}|0[12][0-9]{9}|0[0-9]{11}|(?:00)?84(?:[35789][0-9]{8}|2[0-9]{9}))$`)
	// dateSerial is the end of a code of Circular 01/2018/TT-VPCP's shape:
	// the day received as YYMMDD (from 18, as circularSpaced) and the day's
	// serial, 4 digits on a province's system, 6 or 7 on a ministry's.
	dateSerial = regexp.MustCompile(`^(?:1[89]|[2-9][0-9])(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])-[0-9]{3,7}$`)
	dashes     = strings.NewReplacer("‐", "-", "‑", "-", "‒", "-", "–", "-", "—", "-", "−", "-")
	// codeLabels are what volunteers type before a code (folded, most words
	// first): "Mã hồ sơ:", "Số biên nhận", "Mã tra cứu", "ma hs", "mhs", and
	// the portal's SMS: "Hồ sơ số …", "Hồ sơ … đã được tiếp nhận"; in
	// English, as the bot asks for it (locales/en.toml, dossier_ask):
	// "Dossier code:", "Receipt no.", "Application number", "Code:".
	codeLabels = []string{"ma so ho so", "ma ho so", "so ho so", "ho so so", "so bien nhan", "bien nhan so", "ma tra cuu",
		"dossier code", "dossier number", "dossier no", "receipt number", "receipt no", "receipt code",
		"application code", "application number", "application no",
		"bien nhan", "ma hs", "so hs", "ho so", "mhs", "ma", "so", "code", "receipt", "dossier"}
	// circularSpaced is a code of Circular 01/2018/TT-VPCP's shape
	// (000.00.12.H26-251127-0001: the unit, the day received as YYMMDD, the
	// day's serial), maybe typed with spaces in place of its dashes,
	// anywhere in a text; the year from 18 on, so that no phone or ID
	// number (which start with 0) is read as the date and serial; the serial
	// as long as dateSerial takes.
	circularSpaced = regexp.MustCompile(`(?i)\b([0-9A-Z]+(?:\.[0-9A-Z]+)+)\s*[-\s]\s*((?:1[89]|[2-9][0-9])(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))(?:\s*[-\s]\s*([0-9]{3,7})|([0-9]{3,7}))\b`)
	// circularUnit is a code of the Circular's full shape, its unit
	// V1V2V3.Z1Z2.Y1Y2.MX1X2 (000.00.12.H26: digits but for the letter M),
	// maybe typed with spaces in place of its dots ("000 00 12 h26 - 251202
	// - 0001") or with the letter O where the shape asks a digit
	// ("OOO.OO.12.H26-261202-OOO5"): circularCode writes it as it is meant.
	circularUnit = regexp.MustCompile(`(?i)\b([0-9O]{3})(?:\s*\.\s*|\s+)([0-9O]{2})(?:\s*\.\s*|\s+)([0-9O]{2})(?:\s*\.\s*|\s+)([A-Z])([0-9O]{2})\s*[-\s]\s*([0-9O]{6})(?:\s*[-\s]\s*([0-9O]{3,7})|([0-9O]{3,7}))\b`)
	zeros        = strings.NewReplacer("O", "0", "o", "0")
)

// PersonalData says what personal data s seems to hold: "email", "number",
// "date" (a date, or a year of birth: "sinh năm 1958"), "secret" (a password or one-time code), "plate" (a vehicle's),
// "penalty" (a penalty decision's number), or "" (the text keys of the
// refusals).
func PersonalData(s string) string {
	s = norm.NFKC.String(s)
	switch {
	case emailLike.MatchString(s):
		return "email"
	case longNumber.MatchString(s) || passport.MatchString(s):
		return "number"
	case personalDate(s) || holdsBirthYear(s):
		return "date"
	case holdsSecret(s):
		return "secret"
	case plate.MatchString(s):
		return "plate"
	case penalty.MatchString(s):
		return "penalty"
	}
	return ""
}

// Dates of rules. A full date right after "từ (ngày)", "hiệu lực (từ)",
// "ban hành (ngày)", or "ngày" after a rule's name ("Nghị định 63/2024/NĐ-CP
// ngày …") is when a rule applies, not anyone's birth: "Từ ngày 1/1/2025
// bỏ sổ hộ khẩu giấy". A birth's word within four words before or after
// the date ("sinh", "ngày sinh", "DOB") makes it a birth date still ("bé
// sinh từ ngày 12/03/2024"), and so does any other word before it ("bé
// 12/03/2024").
var (
	ruleDateBefore = wordSet("tu tu_ngay hieu_luc hieu_luc_tu hieu_luc_tu_ngay ban_hanh ban_hanh_ngay ky_ngay")
	ruleNames      = wordSet("nghi_dinh luat thong_tu quyet_dinh cong_van nd tt qd nd-cp")
	birthNear      = wordSet("sinh sn s/n dob born birth yob")
)

// Dates to come. A date after today is nobody's birth, and one right after
// "hẹn" or a case's step (an appointment: "hẹn trả kết quả 15/12/2026",
// "ngày hẹn trả: …", "appointment on …", "due …"; "nộp hồ sơ ngày …",
// "đã nhận kết quả ngày …") is when the resident comes back or came,
// past or not (from 2020 on: "hẹn ngày 15/12/1990" is a birth date in
// the wrong words). A birth's word near it still makes it a birth date
// ("bé dự sinh …", "DOB …"; but a paper's name, "khai sinh", "birth
// certificate", before a date to come is a deadline's), and an ID or
// insurance card's expiry after the card's word ("CCCD hết hạn …", "thẻ
// BHYT của bé hết hạn ngày …") is the card's, which gives the birth date
// (a căn cước runs out on its holder's 25th, 40th or 60th birthday, a
// child's BHYT card on the sixth).
var (
	appointmentWords = wordSet("hen lich_hen ngay_hen appointment due deadline han_chot ket_qua nop tiep_nhan")
	// birthPapers: a birth's word (folded) that, with the word before or
	// after it, names a paper.
	birthPapers = wordSet("khai_sinh chung_sinh birth_certificate birth_cert")
	cardWords   = wordSet("cccd cmnd cmt can_cuoc cancuoc the bhyt card id")
	expiryWords = wordSet("het_han han_su_dung gia_tri_den co_gia_tri expires expiry expiring valid_until valid_to")
	// vietnamDay: the day is Vietnam's.
	vietnamDay = time.FixedZone("ICT", 7*60*60)
)

// personalDate says whether s (NFKC) holds a full date that is not a
// rule's nor one to come.
func personalDate(s string) bool {
	for _, re := range []*regexp.Regexp{fullDate, isoDate} {
		for _, loc := range re.FindAllStringIndex(s, -1) {
			before, after := tokensOf(s[:loc[0]]), tokensOf(s[loc[1]:])
			date := s[loc[0]:loc[1]]
			coming := toCome(date, time.Now())
			switch {
			case birthNearDate(before, after, coming) || cardDate(before):
				return true
			case ruleDate(before):
			case appointmentDate(before) && dateYear(date) >= 2020:
			case coming:
			default:
				return true
			}
		}
	}
	return false
}

// birthNearDate says whether a birth's word stands within four words of a
// date between the tokens before and after it; before a date to come
// (coming), not one that names a paper ("khai sinh", "birth
// certificate").
func birthNearDate(before, after []token, coming bool) bool {
	birth := func(ts []token, k int) bool {
		t := ts[k]
		if !birthNear[t.fold] && t.low != "s/n" {
			return false
		}
		paper := k > 0 && birthPapers[ts[k-1].fold+" "+t.fold] || k+1 < len(ts) && birthPapers[t.fold+" "+ts[k+1].fold]
		return !coming || !paper
	}
	for k := max(len(before)-4, 0); k < len(before); k++ {
		if birth(before, k) {
			return true
		}
	}
	for k := range after[:min(len(after), 4)] {
		if birth(after, k) {
			return true
		}
	}
	return false
}

// lastWords says whether one of the last within words of before, in the
// date's clause, alone or with the next, is in set.
func lastWords(before []token, within int, set map[string]bool) bool {
	for k := len(before) - 1; k >= 0 && k >= len(before)-within; k-- {
		if before[k].brk {
			return false // "hẹn sau, bé 12/3/2025"
		}
		if set[before[k].fold] || k+1 < len(before) && set[before[k].fold+" "+before[k+1].fold] ||
			k+2 < len(before) && set[before[k].fold+" "+before[k+1].fold+" "+before[k+2].fold] {
			return true
		}
	}
	return false
}

// appointmentDate says whether the date after before is an appointment's:
// "hẹn" or such within its last four words.
func appointmentDate(before []token) bool {
	return lastWords(before, 4, appointmentWords)
}

// cardDate says whether the date after before is when a card runs out: its
// expiry's words within the last three, the card's within the last six.
func cardDate(before []token) bool {
	return lastWords(before, 3, expiryWords) && lastWords(before, 6, cardWords)
}

// dateYear is the year of a date as fullDate or isoDate read it: two
// digits are this century's when that is at most ten years off, else the
// last's ("5/7/90").
func dateYear(date string) int {
	parts := datePart.FindAllString(date, -1)
	if len(parts) != 3 {
		return 0
	}
	if len(parts[0]) == 4 {
		y, _ := strconv.Atoi(parts[0])
		return y
	}
	y, _ := strconv.Atoi(parts[2])
	if y < 100 {
		y += 2000
		if y > time.Now().Year()+10 {
			y -= 100
		}
	}
	return y
}

var datePart = regexp.MustCompile(`\d+`)

// toCome says whether date (fullDate's or isoDate's) is a day after
// today's in Vietnam: no one's birth.
func toCome(date string, now time.Time) bool {
	parts := datePart.FindAllString(date, -1)
	if len(parts) != 3 {
		return false
	}
	d, _ := strconv.Atoi(parts[0])
	m, _ := strconv.Atoi(parts[1])
	if len(parts[0]) == 4 {
		d, _ = strconv.Atoi(parts[2])
	}
	y := dateYear(date)
	day := time.Date(y, time.Month(m), d, 0, 0, 0, 0, vietnamDay)
	if m < 1 || m > 12 || d < 1 || day.Day() != d {
		return false // "31/2/2027": no day
	}
	today := now.In(vietnamDay)
	return day.After(time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, vietnamDay))
}

// ruleDate says whether a date after the tokens before it is a rule's.
func ruleDate(before []token) bool {
	n := len(before)
	if n == 0 || before[n-1].brk {
		return false
	}
	last := func(k int) string {
		if n < k {
			return ""
		}
		ws := make([]string, k)
		for x := range k {
			ws[x] = before[n-k+x].fold
		}
		return strings.Join(ws, " ")
	}
	for k := 1; k <= 4; k++ {
		if ruleDateBefore[last(k)] {
			return true
		}
	}
	// "Nghị định 63/2024/NĐ-CP ngày 15/5/2024"
	if before[n-1].fold == "ngay" {
		for k := max(n-5, 0); k < n-1; k++ {
			if ruleNames[before[k].fold] || k+1 < n-1 && ruleNames[before[k].fold+" "+before[k+1].fold] {
				return true
			}
		}
	}
	return false
}

// WithoutDates is s with its full dates (day first or year first, as
// PersonalData reads them) blanked out: where a date is asked for (a
// period on /tally), what is left says whether s holds other personal
// data.
func WithoutDates(s string) string {
	s = norm.NFKC.String(s)
	return isoDate.ReplaceAllString(fullDate.ReplaceAllString(s, " "), " ")
}

// HasDate says whether s holds a full date (as WithoutDates reads them),
// whoever's: a rule's ("từ 1/11/2026") as well as a birth date.
func HasDate(s string) bool {
	s = norm.NFKC.String(s)
	return fullDate.MatchString(s) || isoDate.MatchString(s)
}

// Passwords and one-time codes. Helping with a VNeID password or an OTP
// that will not come, a volunteer may describe the problem with the very
// value the resident typed ("mật khẩu mới Lan@2024 báo không hợp lệ", "OTP
// 482913 hết hạn"); the consent read aloud promises none is recorded. A
// value is looked for right after the name of a secret (read folded: "mật
// khẩu", "mk", "passcode", "mã PIN", "OTP", "mã xác thực", "mã bảo mật"…), past the
// words that join them ("là", "mới", ":", "="): 4 to 8 digits (two groups
// read out, "4829 13", count as one), or a word of 4 or more characters
// with a letter and a digit. What is said about a secret without its value
// ("mật khẩu 8-20 ký tự", "OTP hết hạn sau 120 giây", "sai mật khẩu 5
// lần") is kept.
var (
	secretNames = [][]string{
		{"mat", "khau"}, {"matkhau"}, {"mk"}, {"password"}, {"pass"}, {"passcode"}, {"pin"}, {"otp"},
		{"ma", "xac", "thuc"}, {"ma", "xac", "nhan"}, {"ma", "xac", "minh"}, {"ma", "bao", "mat"}, {"ma", "kich", "hoat"},
		{"security", "code"}, {"verification", "code"}, {"activation", "code"},
	}
	secretJoiners = map[string]bool{"": true, "la": true, "moi": true, "cu": true, "is": true, "new": true, "old": true,
		"the": true, "of": true, "cua": true, "nhap": true, "go": true, "dat": true, "dung": true, "vneid": true}
)

// holdsSecret reports whether s (NFKC) writes out a password or a one-time
// code after its name.
func holdsSecret(s string) bool {
	raw := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ':' || r == '=' }) // "mk:Abc123"
	words := make([]string, len(raw))
	for i, w := range raw {
		raw[i] = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) && r != '@' && r != '#' })
		words[i] = vntext.Fold(raw[i])
	}
	for i := range words {
		for _, name := range secretNames {
			if i+len(name) > len(words) || !slices.Equal(words[i:i+len(name)], name) {
				continue
			}
			j := i + len(name)
			for j < len(words) && secretJoiners[words[j]] && !secretValue(raw[j]) {
				j++
			}
			if j == len(words) {
				continue
			}
			value := raw[j]
			for k := j + 1; k < len(raw) && allDigits(value) && allDigits(raw[k]); k++ {
				value += raw[k] // "4829 13": one code read out in two groups
			}
			if secretValue(value) {
				return true
			}
		}
	}
	return false
}

// secretValue says whether a word looks like a password or a code: 4 to 8
// digits, or 4 characters or more with a letter and a digit.
func secretValue(w string) bool {
	n := utf8.RuneCountInString(w)
	if allDigits(w) {
		return n >= 4 && n <= 8
	}
	return n >= 4 && strings.IndexFunc(w, unicode.IsLetter) >= 0 && strings.IndexFunc(w, unicode.IsDigit) >= 0
}

func allDigits(w string) bool {
	return w != "" && strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// NoteProblem says why a note cannot be stored ("" when it can): "long",
// "blank", what personal data it seems to hold, "address" (a street
// address: Address) or "name".
func NoteProblem(s string) string {
	switch {
	case utf8.RuneCountInString(s) > MaxNote:
		return "long"
	case Meaningless(s):
		return "blank"
	}
	if p := PersonalData(s); p != "" {
		return p
	}
	if Address(s) {
		return "address" // before names: streets are named after people
	}
	if NamesPerson(s) {
		return "name"
	}
	return ""
}

// DossierCode reads a dossier code leniently (domain.md: never refuse a code
// read off a real receipt): width-folded, a leading label ("Mã hồ sơ:",
// "Số biên nhận", "mhs", "Receipt no."… codeLabels) or "#" dropped, dashes of any kind
// made "-", spaces removed (put back as dashes in Circular 01/2018's shape,
// dashCircular), upper-cased; the
// dotted form and letters and digits with - / _ pass, 6–40 characters with
// at least one digit. It refuses what is surely not a code: other symbols,
// or an ID card or phone number (9–12 digits, maybe after "CCCD", "SĐT"…).
// A code pasted twice (the first paste seemed lost) is read once, one
// copied with the sentence around it is read alone; two different whole
// codes are refused, as no code can be told from them.
// Words typed instead of a code ("chua co ma 2 ngay nua", "không biết")
// are not run together into one: two or more words that read as
// syllables (sentence) refuse it. A password or one-time code after its
// name ("mk Abc12345678", "otp 482913": holdsSecret) is refused, whatever
// else the text holds.
// problem is "format", "number", "two", "words" or "secret" when refused.
func DossierCode(s string) (code, problem string) {
	// An invisible character copied with the code (a zero-width space, a
	// byte-order mark, a soft hyphen: Unicode's format characters) parts
	// words like a space.
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, s)
	if holdsSecret(norm.NFKC.String(s)) {
		return "", "secret"
	}
	s = dashCircular(s)
	code, problem = readCode(s)
	whole := wholeCodes(s)
	switch {
	case len(whole) > 1:
		return "", "two"
	case len(whole) == 1 && (problem != "" || (code != whole[0] && !spacedCode(s))):
		// The code copied with the sentence around it ("Nộp hồ sơ thành
		// công. Mã hồ sơ: G22.50-251130-0001", or unaccented: "Ho so
		// G22.50-251130-0001 da tiep nhan", "… sdt 0912345678"): the code
		// alone, not the words beside it (a name, a phone number) glued to
		// it.
		return whole[0], ""
	}
	return code, problem
}

// OtherWords says whether s, which DossierCode reads as a code, held more
// than that code: words or numbers beside it ("G22.99-251205-0007 Nguyễn
// Văn An", the code then an ID card's number, the portal's sentence, a
// note after it), which are not kept. A leading label ("Mã hồ sơ:") and
// the words that join it to the code ("là", "của"), the code pasted again,
// spaces, dashes and punctuation around it are not more. False when
// DossierCode refuses s.
func OtherWords(s string) bool {
	code, problem := DossierCode(s)
	if problem != "" || code == "" {
		return false
	}
	s = dashCircular(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, s))
	words := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ':' })
	for _, label := range codeLabels {
		n := len(strings.Fields(label))
		if len(words) > n && vntext.Fold(strings.TrimLeft(strings.Join(words[:n], " "), "#№")) == label {
			words = words[n:]
			for len(words) > 0 && labelJoin[vntext.Fold(words[0])] {
				words = words[1:]
			}
			break
		}
	}
	letterOrDigit := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(words); {
		if n := codeRun(words[i:], code); n > 0 {
			i += n
			continue
		}
		if strings.ContainsFunc(words[i], letterOrDigit) {
			return true
		}
		i++
	}
	return false
}

// labelJoin are the words (folded) between a label and its code that say
// nothing more ("mã hồ sơ là …", "mã hồ sơ của bà: …").
var labelJoin = wordSet("la cua ba ong is of")

// codeRun is how many of words, from the first, make code once run
// together (upper-cased, the punctuation around each dropped); 0 when they
// do not.
func codeRun(words []string, code string) int {
	acc := ""
	for i, w := range words {
		acc += strings.ToUpper(strings.Trim(w, ".,;:!?()[]{}\"'“”‘’«»*`#№"))
		switch {
		case acc == code:
			return i + 1
		case !strings.HasPrefix(code, acc):
			return 0
		}
	}
	return 0
}

// dashCircular is s with each code of Circular 01/2018's shape typed with
// spaces in place of its dashes ("000.00.12.H26 251127 0001", "G22.50
// 251130-0001", split over two lines) written with them again, wherever it
// stands — alone, after a label, before a note ("… 0001 hẹn 3 ngày"), in
// the portal's sentence —, so that it is read whole like one typed with its
// dashes: not its parts run together, nor the unit's code kept alone, nor
// two codes run into one.
func dashCircular(s string) string {
	s = dashes.Replace(norm.NFKC.String(s))
	s = circularUnit.ReplaceAllStringFunc(s, func(typed string) string {
		if c, ok := circularCode(typed); ok {
			return c
		}
		return typed
	})
	return circularSpaced.ReplaceAllStringFunc(s, func(typed string) string {
		m := circularSpaced.FindStringSubmatch(typed)
		if !strings.ContainsFunc(typed, unicode.IsSpace) || !strings.ContainsFunc(m[1], unicode.IsLetter) {
			return typed
		}
		c := strings.ToUpper(m[1] + "-" + m[2] + "-" + m[3])
		if m[3] == "" {
			c = strings.ToUpper(m[1] + "-" + m[2] + m[4]) // "G22.99.1 2511270001": date and serial glued
		}
		if code, problem := readCode(c); problem != "" || code != c {
			return typed
		}
		return c
	})
}

// circularCode is typed, a match of circularUnit, written as the
// Circular's code: its unit dotted, its date and serial after dashes, the
// letter O read as 0 where a digit is due; ok is false when what it makes
// is no such code (a day that is none).
func circularCode(typed string) (code string, ok bool) {
	m := circularUnit.FindStringSubmatch(typed)
	if m == nil {
		return "", false
	}
	serial := m[7] + m[8]
	c := zeros.Replace(m[1]+"."+m[2]+"."+m[3]+".") + m[4] + zeros.Replace(m[5]+"-"+m[6]+"-"+serial)
	c = strings.ToUpper(c)
	if !dateSerial.MatchString(c[len("000.00.00.H00-"):]) {
		return "", false
	}
	if code, problem := readCode(c); problem != "" || code != c {
		return "", false
	}
	return c, true
}

// ReadsOAsZero says whether DossierCode reads a letter O of s as the digit
// 0: in a code of the Circular's shape, where a digit is due
// ("OOO.OO.12.H26-261202-OOO5"). The volunteer is told, to check it.
func ReadsOAsZero(s string) bool {
	s = dashes.Replace(norm.NFKC.String(s))
	for _, m := range circularUnit.FindAllStringSubmatch(s, -1) {
		if _, ok := circularCode(m[0]); ok && strings.ContainsAny(m[1]+m[2]+m[3]+m[5]+m[6]+m[7]+m[8], "Oo") {
			return true
		}
	}
	return false
}

// spacedCode says whether s, its label dropped, is one code typed with
// spaces around its separators ("000.00.12.H26 - 251127 - 0001"): every
// two words meet at a . - / or _.
func spacedCode(s string) bool {
	words := strings.Fields(codeText(s))
	for i := 1; i < len(words); i++ {
		last, _ := utf8.DecodeLastRuneInString(words[i-1])
		first, _ := utf8.DecodeRuneInString(words[i])
		if !strings.ContainsRune(".-/_", last) && !strings.ContainsRune(".-/_", first) {
			return false
		}
	}
	return true
}

// readCode reads a text as one dossier code (DossierCode), its words run
// together.
func readCode(s string) (code, problem string) {
	// The label alone ("mã hồ sơ") is a code's format missed, not a sentence.
	label := slices.Contains(codeLabels, strings.TrimSpace(vntext.Fold(s)))
	s = codeText(s)
	words := strings.Fields(s)
	code = strings.ToUpper(strings.Join(words, ""))
	if once := pastedAgain(words, code); once != "" {
		code = once // pasted twice on a slow phone: one code, not both run together
	}
	n := utf8.RuneCountInString(code)
	digits := strings.NewReplacer(".", "", "-", "", "/", "", "_", "").Replace(code)
	switch {
	case idOrPhone.MatchString(strings.ToUpper(vntext.Fold(digits))) || holdsPhoneOrID(words, digits) || oForZero(digits):
		return "", "number"
	case fullDate.MatchString(code) && fullDate.FindString(code) == code:
		return "", "format" // a date (of birth?), not a code
	case sentence(words) && !label:
		return "", "words"
	case n < 6 || n > 40 || !dossierOK.MatchString(code) || !hasDigit.MatchString(code):
		return "", "format"
	}
	return code, ""
}

// oForZero says whether a code (its separators dropped) is a phone or ID
// card number typed with the letter O for a zero ("O912345678", "CCCD
// O79203001234"): all digits once each O is one, and an O among them.
func oForZero(digits string) bool {
	m := oNumber.FindStringSubmatch(strings.ToUpper(vntext.Fold(digits)))
	if m == nil || !strings.Contains(m[2], "O") {
		return false
	}
	zeroed := zeros.Replace(m[2])
	return idOrPhone.MatchString(zeroed) || phoneOrID.MatchString(zeroed)
}

// oNumber: a number's prefix (idOrPhone's) and its digits, O among them.
var oNumber = regexp.MustCompile(`^(CCCD|CMND|CMT|CC|ID|CANCUOC|DINHDANH|SODINHDANH|SDT|DT|TEL)?([0-9O]{9,12})$`)

// holdsPhoneOrID says whether the words of a code (words), or the code
// they make with its separators dropped (digits), hold a phone or ID card
// number (phoneOrID) after a prefix: digits typed in groups, spaced, dotted
// or dashed ("HS 0912 345 678", "G22.50-0912345678"), or glued to letters
// ("HS0912345678").
func holdsPhoneOrID(words []string, digits string) bool {
	groups := strings.FieldsFunc(strings.Join(words, " "), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".-/_", r)
	})
	// A code of the Circular's shape ends in its date and serial, which no
	// phone or ID number starts as (dateSerial): not run together with the
	// unit's last digits ("H15.50.05.13-261008-0975" is no "0513261008").
	unit := len(groups)
	if n := len(groups); n >= 3 && dateSerial.MatchString(groups[n-2]+"-"+groups[n-1]) &&
		slices.ContainsFunc(groups[:n-2], func(g string) bool { return strings.ContainsFunc(g, unicode.IsLetter) }) {
		unit = n - 2
		digits = strings.ToUpper(strings.Join(groups[:unit], ""))
	}
	for i := range groups {
		end := len(groups)
		if i < unit {
			end = unit
		}
		n := ""
		for j := i; j < end && allDigits(groups[j]) && len(n) < 14; j++ { // 0084 and 10 digits at most
			if n += groups[j]; len(n) >= 10 && phoneOrID.MatchString(n) {
				return true
			}
		}
	}
	return slices.ContainsFunc(strings.FieldsFunc(digits, func(r rune) bool { return r < '0' || r > '9' }), phoneOrID.MatchString)
}

// sentence says whether words, typed as a dossier code, are rather a
// sentence: two or more of them read as syllables — letters only, a vowel
// among them, folded ("chua", "có", "ngay", "days") — which no code's
// parts are. A code typed with spaces has digits in its parts, or short
// prefixes without a vowel ("HS 2511270001", "HCM 2025 0001"); one
// syllable before its digits ("abc 123 456") is still read as a code.
func sentence(words []string) bool {
	n := 0
	for _, w := range words {
		if syllable(w) {
			n++
		}
	}
	return n >= 2
}

// notYet are the words (folded) that say a code is not there yet: not a
// label's words.
var notYet = wordSet("chua khong ko chang de sau mai cho doi dang biet nua ngay gio phut tuan thang hen roi bi loi")

// syllable says whether a word reads as one (sentence): folded, no digit,
// a vowel.
func syllable(w string) bool {
	f := vntext.Fold(w)
	return f != "" && !hasDigit.MatchString(f) && strings.ContainsAny(f, "aeiouy")
}

// codeText is a text read as a dossier code: width-folded, dashes made
// "-", a leading "#" or label ("Mã hồ sơ:") dropped.
func codeText(s string) string {
	s = dashes.Replace(norm.NFKC.String(strings.TrimSpace(s)))
	s = strings.TrimLeft(s, "#№ ")
	words := strings.Fields(s)
	labelled := false
	for _, label := range codeLabels {
		// The label is the text's first words, maybe with a colon, the code
		// after it or glued to the colon ("Mã hồ sơ:H26…"): folding alone
		// would also read "mã.hs.123" as "ma hs 123", a single word.
		n := len(strings.Fields(label))
		if len(words) < n {
			continue
		}
		head, rest := slices.Clone(words[:n]), words[n:]
		if before, after, ok := strings.Cut(head[n-1], ":"); ok && after != "" {
			head[n-1] = before + ":"
			rest = append([]string{after}, rest...)
		}
		if len(rest) > 0 && vntext.Fold(strings.Join(head, " ")) == label {
			labelled = true
			colon := strings.HasSuffix(head[n-1], ":") || strings.HasPrefix(rest[0], ":")
			if code, ok := afterLabel(head, withoutNote(rest, true), colon); ok {
				s = strings.TrimLeft(strings.Join(code, " "), ": #№") // "Receipt #123456"
			} // else the label is kept: the text reads as a sentence
			break
		}
	}
	if !labelled {
		s = strings.Join(withoutNote(words, false), " ")
	}
	// A code ends in a letter or a digit: the full stop of the sentence
	// it was copied from is not its own ("Mã hồ sơ: G22.50-251130-0001.",
	// or after a space: "… 0001 .").
	return strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(".,;:!?", r) })
}

// withoutNote is words without the note typed after the code ("HS
// 2511270001 (đã nộp)", "HCM 2025 0001 đã nộp", "HS2511270001 hẹn 3
// ngày"): a last part in brackets, or, when the code has a letter, the
// words from the first syllable (sentence) after its digits. The code
// before it holds no syllable but its own letters written in capitals,
// the note's are not ("HUE 2025 0001 (đã nộp)", not "loi 404 (khong nop
// duoc)"); after a label (labelled), the words before its digits are
// afterLabel's to read. A note holds no other code nor a phone number
// (noteWord): those are read with the code, and refused. words as they are
// when there is no such note ("chua co ma 2 ngay nua" stays a sentence).
func withoutNote(words []string, labelled bool) []string {
	digit := slices.IndexFunc(words, hasDigit.MatchString)
	if digit < 0 || labelled && slices.ContainsFunc(words[:digit], func(w string) bool { return notYet[vntext.Fold(w)] }) {
		return words // "mã hồ sơ lỗi 404 (không nộp được)": a sentence
	}
	// What each word is, and what the words from k on are (note[k]: a
	// note's words; lower[k]: with a lower-case letter), read once.
	n := len(words)
	note, lower := make([]bool, n+1), make([]bool, n+1)
	note[n] = true
	for k := n - 1; k >= 0; k-- {
		note[k] = note[k+1] && noteWord(words[k])
		lower[k] = lower[k+1] || strings.ContainsFunc(words[k], unicode.IsLower)
	}
	start := 0
	if labelled {
		start = digit // the words before the digits are afterLabel's to read
	}
	syllables, inCapitals, lettered := 0, 0, false
	for k := 0; k < n; k++ {
		if k > digit && note[k] && (syllables == 0 || syllables == inCapitals && lower[k]) {
			first := strings.TrimLeft(words[k], "([")
			last, _ := utf8.DecodeLastRuneInString(words[n-1])
			if first != words[k] && (last == ')' || last == ']') {
				return words[:k] // "(đã nộp)"
			}
			if syllable(first) && lettered {
				head := words[:k]
				for Meaningless(head[len(head)-1]) {
					head = head[:len(head)-1] // "H26.99-251127-0001 - đã nộp"
				}
				return head // "đã nộp", "hẹn 3 ngày"
			}
		}
		w := words[k]
		lettered = lettered || strings.ContainsFunc(w, unicode.IsLetter)
		if k >= start && syllable(w) {
			syllables++
			if isASCII(w) && strings.ToUpper(w) == w {
				inCapitals++
			}
		}
	}
	return words
}

// noteWord says whether w may be a word of a note after a code
// (withoutNote): a syllable, a small number ("3", "05/12", "9h") or a date.
func noteWord(w string) bool {
	w = strings.Trim(w, "()[]{},.;:!?-")
	digits, letters := 0, 0
	for _, r := range w {
		if unicode.IsDigit(r) {
			digits++
		} else if unicode.IsLetter(r) {
			letters++
		}
	}
	date := fullDate.FindString(w) == w && w != ""
	return syllable(w) || date || digits <= 4 && letters <= 2
}

// afterLabel drops the words between a label and its code ("mã hồ sơ là",
// "mã hồ sơ của bà:", "mã hồ sơ hộ chiếu"): syllables (sentence) before the
// code, when no syllable follows and a digit does, and none says there is
// no code yet (notYet); rest as it is otherwise ("mã hồ sơ chưa có, 2 ngày
// nữa", "mã hồ sơ chưa có 123456" stay a sentence). After a colon, the
// label's (colon) or that of the words passed ("mã hồ sơ của bà:"), the
// code starts, whatever it is ("Mã hồ sơ: HUE 2025 0001"). A code whose
// own letters read as a syllable ("HUE 2025 0001") keeps them when they
// are written in capitals after words that are not; when the word before
// the digits could be either (typed in one case, no diacritics: "ma ho so
// hue 2025 0001", "MA HO SO LA 2025 0001"), ok is false: the text is read
// whole, a sentence, not cut to a code that names no dossier.
func afterLabel(head, rest []string, colon bool) (code []string, ok bool) {
	if colon {
		return rest, true
	}
	i := 0
	for i < len(rest) && i < 5 && syllable(rest[i]) {
		if notYet[vntext.Fold(rest[i])] {
			return rest, true
		}
		i++
		if strings.HasSuffix(rest[i-1], ":") {
			return rest[i:], true
		}
	}
	if i == 0 || i == len(rest) || slices.ContainsFunc(rest[i:], syllable) ||
		!slices.ContainsFunc(rest[i:], hasDigit.MatchString) {
		return rest, true
	}
	if !strings.ContainsFunc(rest[i], unicode.IsLetter) {
		// The code's letters, if any, are the last word passed.
		w := rest[i-1]
		before := strings.Join(append(slices.Clone(head), rest[:i-1]...), " ")
		switch {
		case !isASCII(w): // "là", "hộ chiếu": a word
		case strings.ToUpper(w) == w && strings.ContainsFunc(before, unicode.IsLower):
			return rest[i-1:], true // "mã hồ sơ HUE 2025 0001"
		case strings.ToLower(w) == w && strings.ContainsFunc(before, unicode.IsUpper): // "Ma ho so la 2025 0001"
		default:
			return nil, false
		}
	}
	return rest[i:], true
}

// pastedAgain is the code the words (of code, joined) hold several times
// over — "G22.50-251130-0001 G22.50-251130-0001", pasted twice —, when it
// is one on its own; "" otherwise.
func pastedAgain(words []string, code string) string {
	for i := 1; i < len(words); i++ {
		part := strings.ToUpper(strings.Join(words[:i], ""))
		if len(code)%len(part) == 0 && strings.Repeat(part, len(code)/len(part)) == code && wholeCode(part) {
			return part
		}
	}
	return ""
}

// wholeCodes are the different words of s (parted by spaces or a colon)
// that are each a whole dossier code of the portals' shape (at least 10
// characters, a digit, a separator or a letter inside:
// "000.00.12.H26-251127-0001", "HS2511270001"; punctuation and the marks
// of a bold or code span around it dropped), not the parts of one typed
// with spaces ("H26.99 - 251127 - 0001"), nor a date or a phone number.
func wholeCodes(s string) []string {
	var codes []string
	words := strings.FieldsFunc(dashes.Replace(norm.NFKC.String(s)), func(r rune) bool { return unicode.IsSpace(r) || r == ':' })
	for _, w := range words {
		w = strings.ToUpper(strings.Trim(w, ".,;:!?()[]{}\"'“”‘’«»*`"))
		separated := strings.ContainsAny(strings.Trim(w, ".-/_"), ".-/_")
		if utf8.RuneCountInString(w) < 10 || !separated && !strings.ContainsFunc(w, unicode.IsLetter) {
			continue
		}
		if c, problem := readCode(w); problem == "" && c == w && !slices.Contains(codes, c) {
			codes = append(codes, c)
		}
	}
	return codes
}

// wholeCode says whether s, upper-cased, has a dossier code's form.
func wholeCode(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 6 && n <= 40 && dossierOK.MatchString(s) && hasDigit.MatchString(s)
}

// Names. A note like "ông Nguyễn Văn Bình không nhớ mật khẩu" names the
// resident; the case log must not keep it. A note is refused when it holds
// an honorific followed by a given name ("bà Lan", "chú Ba"), or a common
// surname followed by a middle or given name ("Trần Thị Mai", "Đỗ Hùng").
//
// Vietnamese makes this a matter of reading the neighbours, since many
// names are also common words: "hồ sơ", "lệ phí", "lý do", "do lỗi",
// "đường truyền", "vụ việc" start with a surname's letters, and "ông ấy",
// "bà không nhớ" with an honorific. So:
//
//   - A note with diacritics is read as written: "lệ" is not "Lê", "có" is
//     not "cô", "lần" is not "Lan".
//   - A note without any is read folded, and then asks more: a strong
//     surname (Nguyễn, Trần, Phạm, Hoàng, Huỳnh, Bùi) before any middle or
//     given name; another surname ("do", "ho", "le", "vu"… are also
//     everyday words) before a middle name that is rarely anything else
//     (Đức, Hữu, Ngọc, Xuân), before "van", "thi", "thu"… and then a given
//     name ("Phan Van Khai" but not "ho van chua nhan"), or before a given
//     name that is rarely a common word ("do hung" but not "do loi"). Only
//     honorifics that are rarely anything else unaccented (ông, bà, em,
//     cháu, thím) count before a given name; "co", "anh", "chu", "cu",
//     "chi", "bac" (có, ảnh, chữ, cũ, chỉ, bác sĩ) need a capitalised name.
//   - In both, a name word that starts a common collocation ("thanh toán",
//     "hoá đơn", "lần đầu") is not a name, nor is a surname that ends one
//     ("xử lý", "ngày mai", "dịch vụ") or starts a place ("Hà Nội").
//
// No filter catches every name (docs/privacy.md); this one errs on refusing,
// and the volunteer rephrases.

var (
	honorifics = wordSet("ông bà anh chị cô chú bác em cháu cụ dì thím mợ dượng thầy bé")
	surnames   = wordSet(`nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý trương đinh đào đoàn
		trịnh lâm mai cao hà lương lưu tô chu tạ quách kiều thái tống la mạc khúc triệu vương văn`)
	// givenNames are common given and middle names: what follows a surname
	// or an honorific in a name.
	givenNames = wordSet(`văn thị hữu đức minh ngọc thanh quang xuân kim thu bảo mỹ gia công đình quốc trọng chí khắc bá
		an ân anh bích bình cảnh chánh châu chi chiến chinh chính cúc cương cường đan đào đạo đạt diễm điệp diệp định
		đoan đông dung dũng duy duyên dương giang giao hà hạ hải hân hạnh hằng hào hảo hậu hiền hiển hiệp hiếu
		hoa hòa hoà hoài hoan hoàn hoàng hồng huệ hùng hưng hương hường huy huyền khải khang khánh khanh khoa
		khôi khuê kiên kiệt kiều lam lâm lan liên liễu linh loan lộc lợi long luân lực lương lượng mai mạnh mẫn
		my nam nga ngân nghĩa ngọc nguyên nguyệt nhàn nhân nhi nhiên như nhung ninh oanh phát phi phong phú
		phúc phụng phước phương phượng quân quế quyên quyền quyết quỳnh quý sang sáu sâm sơn tài tâm tân tấn
		tám thạch thái thắm thắng thảo thông thơ thư thuận thục thủy thuỷ thùy thuỳ thúy thuý thương thường
		tiên tiến tín tình toàn toản trâm trang trí trinh trúc trung tú tuấn tuệ tùng tường tuyền tuyết tư
		uyên vân việt vinh vĩnh vũ vy yến ý tý tí tèo út đăng đằng đạm đàm dân diệu hoà hồ kha khiêm kỳ
		lập lễ luyến mến my nhật nhạn nương phụng quyên sinh song tạo thiện thịnh thoa thọ thơm thuần tiệp
		trâm tuân tuyên vượng xoan yên`)
	// places that begin with a surname.
	surnamePlaces = wordSet(`hà_nội hà_nam hà_giang hà_tĩnh hà_đông cao_bằng cao_lãnh lâm_đồng hồ_chí thái_bình
		thái_nguyên hoàng_mai ngô_quyền lê_chân`)

	// Read folded (notes without diacritics): the everyday words among the
	// surnames are not surnames at all ("la", "lam", "tu", "to", "ta"…).
	plainSurnames = minus(folded(surnames), "la lam lai tu to ta van mai chu")
	// strongSurnames are rarely anything else, even unaccented.
	strongSurnames = wordSet("nguyen tran pham hoang huynh bui")
	// unaccentedSurnames, typed without diacritics in a note that has
	// some, are no other word ("hoang" is: hoang mang).
	unaccentedSurnames = wordSet("nguyen tran pham huynh bui")
	// plainHonorifics are rarely anything else unaccented.
	plainHonorifics = wordSet("ong ba em chau thim")
	// weakHonorifics are, unaccented, more often another word (có, ảnh,
	// chỉ, chữ, bác sĩ, cũ): only a capitalised given name after them counts,
	// and not one of the capitalised words of the portals ("Cổng").
	weakHonorifics = wordSet("anh chi co chu bac cu be")
	capitalised    = wordSet("cong trung bao")
	// markers are middle names; sureMarkers are rarely anything else
	// unaccented ("van" is also "vẫn", "thi" "thì", "thu" "thử").
	markers     = wordSet("hoang van thi duc huu minh ngoc thanh quang xuan kim thu bao my gia cong dinh quoc trong chi khac ba")
	sureMarkers = wordSet("duc huu ngoc xuan")
	// foldedGiven are the given names folded; commonGiven those of them that
	// are also everyday words unaccented (lỗi, ảnh, tạm, thử, báo…), which
	// do not count right after a surname or an honorific.
	foldedGiven = folded(givenNames)
	commonGiven = wordSet(`an anh bao chi chinh cong dan dat dinh dong dung gia hai hien hieu hoa hong khai khoa khoi ky
		loc loi long luan manh minh my nam ngan nghia nguyen nhan nhi nhu phat phi phong phu phuc phuong quan
		quang quy sang sinh song tai tam tan thanh thang thi thien thong tho thu thuong tien tin tinh toan trang
		tri trong trung tu tuan tung tuong van viet vinh y le lam duong ha hoang dang dao thuan tao yen
		lap tham nhung huong khac ba han kieu trinh lien quyen diem huy kien doan hang hao vu`)
	// commonAfterMarker: given names that, after "van"/"thi"/"thu" read as
	// "vẫn"/"thì"/"thử", are the verb that follows ("ho van bao loi").
	commonAfterMarker = wordSet("loi bao hien dung thu nhan chi hong an sang trong tien phai khoa nam hai my ky tai tu tin toan phat hieu nhu y le thuong dang lai con")
	// honorificVerbs: given names that, lower-case after an honorific in a
	// note with diacritics, are far more often what the person does ("em
	// mai quay lại", "chị sang xã", "chị sinh con").
	honorificVerbs = wordSet("sang mai toàn phát thành tư tín lợi thuận nam tiến công gia bảo thu chi an trung đông trí thường năm hai ba nhân sinh")
	// collocations: two words (folded) that are one common word, never a
	// name and what follows it.
	collocations = wordSet(`ho_so le_phi ly_do do_loi duong_truyen vu_viec nguyen_nhan nguyen_vong nguyen_tac
		thanh_toan thanh_cong thanh_pho thanh_vien thanh_nien thanh_lap thanh_phan thanh_ly minh_chung hoa_don
		tam_tru tam_vang tam_thoi cong_an cong_dan cong_chung cong_thong cong_khai cong_dich gia_dinh gia_han
		gia_tri quoc_tich quoc_gia quoc_te binh_thuong lan_dau lan_sau lan_nua lan_truoc lan_nay lan_thu
		lan_cuoi lan_khac lan_nao khai_sinh khai_bao khai_tu khai_sai khai_lai khai_thieu khai_nham thu_tuc
		thu_phi thu_tien thu_hoi thu_lai thu_nghiem thu_ky chi_phi chi_tien chi_tra van_ban van_phong van_de
		van_con van_chua van_khong van_bi van_loi trinh_tu trinh_duyet thao_tac linh_tinh ho_ten ho_khau
		ho_chieu ho_tich ho_tro ho_ngheo ho_gia ho_kinh ho_chi ho_dan nam_nay nam_ngoai nam_sinh nam_sau
		nam_truoc nam_nu an_toan an_ninh bao_hiem bao_tri bao_mat bao_ve bao_loi bao_cao hien_thi hien_tai
		tien_hanh phat_hien phat_sinh tin_nhan trung_tam truc_tuyen phuong_thuc phuong_an sang_ten toan_bo
		hai_quan dung_luong nhan_vien nhan_dan quan_ly ky_so chu_ky dinh_kem dinh_danh tai_khoan tai_lai
		hong_hoc kim_tra luu_thong luu_tru luu_y luong_huu chu_y o_do binh_luan dang_nhap dang_ky thuong_goi
		thuong_mai chinh_xac chinh_thuc dan_toc cong_ty ba_ria ba_diem ba_chieu
		ngan_hang chinh_chu duong_day doan_vien viet_kieu cao_tuoi cao_nien na_na tinh_nguyen`)
	// jobWords (folded): a job after an honorific ("cô văn thư", "chú
	// văn hóa xã"), not a name.
	jobWords = wordSet("van_thu van_hoa ke_toan thu_quy dia_chinh tu_phap y_te giao_vien bao_ve")
	// compounds: a word (folded) and a surname after it that make one
	// common word ("xử lý", "ngày mai", "dịch vụ"); or an honorific after
	// it ("trẻ em": children, no "em Sinh").
	compounds = wordSet(`xu_ly quan_ly hop_ly dai_ly thu_ly dia_ly tam_ly ngay_mai sang_mai chieu_mai toi_mai sau_do
		truoc_do khi_do luc_do vi_do cho_do ma_do cai_do nguoi_do hom_do ngay_do bai_do thi_do phu_huynh vi_pham
		chuong_trinh quy_trinh lo_trinh cong_trinh hanh_trinh nha_truong moi_truong thi_truong dich_vu nghia_vu
		phuc_vu nhiem_vu chuc_vu nghiep_vu giup_ho cho_ho bao_ho nhac_ho voi_ho cua_ho cong_doan giai_doan
		mot_phan bo_phan thanh_phan tung_phan mot_vai tre_em`)
	// personContext: words after which "ba" is "bà" ("của bà Lan"), not
	// three ("thử ba lần").
	personContext = wordSet("cua cho giup voi la goi hoi nho nguoi va thay")
	countWords    = wordSet("lan nam ngay thang tuan gio phut buoc nguoi cai to trang so ma chu")
	// babyWords: everyday words after "bé" ("bé sinh non", "bé trai"), never
	// a baby's name, even capitalised.
	babyWords = wordSet("sinh trai gái non mới nhỏ lớn út đầu thứ sơ")
	// nicknames: children's nicknames after "cái" or "con" ("Cái Na",
	// "con Mén"), where a capitalised word is more often a thing ("con
	// Samsung": a phone), and in small letters after "bé", "cu", "thằng"
	// ("bé na", "thằng tí", "bé sóc"). Capitalised with Vietnamese letters
	// after "cái" or "con", one no list knows is a nickname too ("con
	// Sóc"): the things so named are brands, in plain letters ("con
	// Samsung", "con Honda"); in small letters it is the thing ("con
	// sóc", a squirrel; "con số", "con dấu").
	nicknames = wordSet("na tí tý tèo bin bo bống cún su xíu tôm tũn bơ mít bi ken bông mận đậu hến nụ mén hĩm ỉn sóc")
	// tinyWords: nicknames that, in small letters after "bé", say small
	// ("bé tí", "bé xíu").
	tinyWords       = wordSet("tí tý xíu")
	foldedBabyWords = folded(babyWords)
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

func minus(set map[string]bool, words string) map[string]bool {
	m := map[string]bool{}
	for w := range set {
		m[w] = true
	}
	for _, w := range strings.Fields(words) {
		delete(m, w)
	}
	return m
}

// NamesPerson reports whether s seems to name a person. It is the one check
// for every free text the bot keeps (problem notes, flag notes, comments).
// Names are looked for within a clause: "con, cháu, anh chị em" is a list,
// not "cháu Anh". A name introduced as one ("tên Hùng", "ten la Lan",
// "named Lan": introducedNames) counts too, as does one after an English
// kin word or title ("my mother Lan", "Mrs Hoa": englishNames), and one
// opening a sentence whose subject's kin it says ("Kevin needs a passport
// for his son": englishSubjectNames), and one whose kin follows ("Kevin's
// son": englishPossessiveNames).
func NamesPerson(s string) bool {
	return len(nameSpans(norm.NFC.String(s))) > 0
}

// nameSpans are where s (NFC) names a person, as byte ranges.
func nameSpans(s string) [][2]int {
	plainNote := !strings.ContainsFunc(s, func(r rune) bool { return r > unicode.MaxASCII && unicode.IsLetter(r) })
	allCaps := strings.ToUpper(s) == s
	var spans [][2]int
	for _, c := range clausesOf(s) {
		raw := make([]string, len(c))
		for i, w := range c {
			raw[i] = s[w[0]:w[1]]
		}
		for _, n := range clauseNames(raw, plainNote, allCaps) {
			spans = append(spans, [2]int{c[n[0]][0], c[n[1]-1][1]})
		}
	}
	ts := tokensOf(s)
	spans = append(spans, introducedNames(ts, plainNote, allCaps)...)
	spans = append(spans, englishNames(s, ts, allCaps)...)
	spans = append(spans, englishSubjectNames(s, ts, allCaps)...)
	spans = append(spans, englishPossessiveNames(s, ts, allCaps)...)
	spans = append(spans, kinNames(ts, allCaps)...)
	// "xã Trần Phú", "trường Lê Quý Đôn"
	return outside(spans, append(placeSpans(ts, plainNote), institutionSpans(ts, allCaps)...))
}

// clausesOf parts s into clauses (runs of letters and spaces) of words
// (runs of letters), each word as its byte range in s.
func clausesOf(s string) [][][2]int {
	var clauses [][][2]int
	var clause [][2]int
	start := -1
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			if start < 0 {
				start = i
			}
			continue
		case start >= 0:
			clause = append(clause, [2]int{start, i})
			start = -1
		}
		if !unicode.IsSpace(r) && len(clause) > 0 {
			clauses, clause = append(clauses, clause), nil
		}
	}
	if start >= 0 {
		clause = append(clause, [2]int{start, len(s)})
	}
	if len(clause) > 0 {
		clauses = append(clauses, clause)
	}
	return clauses
}

// clauseNames are the names in a clause's words, as ranges of word
// indices: where a name starts, and past the given and middle names that
// follow it (at most four words).
func clauseNames(raw []string, plainNote, allCaps bool) [][2]int {
	n := len(raw)
	low := make([]string, n+2) // as written, lower case; "" past the end
	fold := make([]string, n+2)
	for i, w := range raw {
		low[i] = strings.ToLower(w)
		fold[i] = vntext.Fold(w)
	}
	title := func(i int) bool { return i < n && !allCaps && titleCase(raw[i]) }
	// nickSign: the word at i, after "bé" and a word no list knows, says
	// that word was a nickname ("Bé Na Chưa Có", "BÉ XÍU CHƯA", "Bé Xíu
	// Sinh Non").
	nickSign := func(i int) bool { return i < n && (notNickname(raw[i]) || babyWords[low[i]]) }
	pair := func(a, b string) string { return a + " " + b }
	// free: the word at i does not start a collocation.
	free := func(i int) bool { return !collocations[pair(fold[i], fold[i+1])] }

	// nameAt: how many words the name starting at i has at least (0: none).
	nameAt := func(i int) int {
		prev := ""
		if i > 0 {
			prev = fold[i-1]
		}
		if compounds[pair(prev, fold[i])] || collocations[pair(prev, fold[i])] {
			return 0 // "xử lý", "ngày mai", "ly do"
		}
		if i > 0 && honorifics[low[i-1]] && !title(i) && jobWords[pair(fold[i], fold[i+1])] {
			return 0 // "cô văn thư": the job, after its honorific
		}
		if plainNote || (isASCII(raw[i]) && unaccentedSurnames[fold[i]]) {
			if plainName(fold, i, prev, title, free) {
				return 2
			}
			return 0
		}
		// A name typed without diacritics in a note that has some: three
		// capitalised words, a surname, a middle name, a given name ("Le Van
		// Tam").
		if isASCII(raw[i]) && title(i) && plainSurnames[fold[i]] && title(i+1) && markers[fold[i+1]] &&
			title(i+2) && foldedGiven[fold[i+2]] && free(i) && !foldedPlaces[pair(fold[i], fold[i+1])] {
			return 3
		}
		// With diacritics: read as written.
		w, next := low[i], low[i+1]
		switch {
		case (w == "ông" || w == "bà") && next == "xã" && (title(i+2) ||
			givenNames[low[i+2]] && !honorificVerbs[low[i+2]] && free(i+2)):
			return 3 // "ông xã Hùng", "bà xã Lan": a husband's, a wife's name
		case honorifics[w] && honorifics[next]: // "anh chị em", "ông bà"
		case honorifics[w] && !title(i+1) && jobWords[pair(fold[i+1], fold[i+2])]:
			// "cô văn thư", "chú văn hóa xã": a job, not one called Văn
		case w == "anh" && i > 0 && title(i) && next == "hùng" && !title(i+1):
			// "Mẹ Việt Nam Anh hùng": a hero
		case allCaps && w == "bé" && i+2 < n && !babyWords[next] && !notNickname(raw[i+1]) && nickSign(i+2):
			return 2 // "BÉ XÍU CHƯA CÓ GIẤY"
		case (w == "bé" || w == "cu" || w == "thằng") && !title(i+1) && nicknames[next] && !(w == "bé" && tinyWords[next]) && free(i+1):
			return 2 // "bé na", "thằng tí", "cu bin": a nickname the list knows, in small letters (not "bé tí": tiny)
		case w == "bé" && (!title(i+1) || babyWords[next] && !(next == "út" && title(i+1)) ||
			!givenNames[next] && !surnames[next] && (notNickname(raw[i+1]) || title(i+2) && !nickSign(i+2))):
			// "bé sinh non", "bé trai", "bé mới sinh": a baby, not one
			// called Sinh; "bé Mai", "bé Xíu", "Bé Út" is one, but not "Bé
			// Chưa Có Mã" (a note in Title Case); "Bé Na Chưa Có Thẻ",
			// "Bé Xíu Sinh Non" are.
		case (w == "cu" || w == "thằng") && title(i+1) && !notNickname(raw[i+1]),
			(w == "cái" || w == "con") && title(i+1) && (givenNames[next] || nicknames[next] || !isASCII(raw[i+1]) && !notNickname(raw[i+1])) &&
				!title(i+2) && free(i+1):
			return 2 // "Cu Tí", "Thằng Cu Bin", "Cái Na", "con Mén", "con Sóc": a child's nickname (not "con Samsung", nor "con Sóc Trăng")
		case honorifics[w] && free(i) && (title(i+1) ||
			((givenNames[next] || surnames[next]) && !honorificVerbs[next] && free(i+1))):
			return 2
		case w == "mai" && !title(i) && honorifics[next] && !title(i+1):
			// "mai anh quay lại": tomorrow, not one called Mai Anh (but
			// "mai Anh quay lại" is).
		case surnames[w] && givenNames[next] && free(i) && free(i+1) && !surnamePlaces[pair(w, next)]:
			return 2
		case w == "bạn" && title(i+1) && givenNames[next] && free(i+1): // "bạn Minh", not "bạn an tâm"
			return 2
		}
		return 0
	}
	// nameWord: a given or middle name (or a capitalised word) that goes on
	// a name ("bà Nguyễn Thị Mai").
	nameWord := func(i int) bool {
		switch {
		case i >= n || !free(i):
			return false
		case title(i):
			return true
		case foldedGiven[fold[i]] && (markers[fold[i-1]] || i == n-1):
			return true // after a middle name, or ending the clause: "pham thi hoa", "TRẦN VĂN AN"
		case plainNote:
			return foldedGiven[fold[i]] && !commonGiven[fold[i]]
		}
		return givenNames[low[i]] && !honorificVerbs[low[i]]
	}
	var names [][2]int
	for i := 0; i < n; i++ {
		k := nameAt(i)
		if k == 0 {
			continue
		}
		end := min(i+k, n)
		for end < i+4 && nameWord(end) {
			end++
		}
		names = append(names, [2]int{i, end})
		i = end - 1
	}
	return names
}

// plainName reads the words at i folded (a note typed without diacritics).
func plainName(fold []string, i int, prev string, title func(int) bool, free func(int) bool) bool {
	w, n1, n2 := fold[i], fold[i+1], fold[i+2]
	given := func(x string) bool { return foldedGiven[x] && !commonGiven[x] }
	switch {
	case !free(i):
		return false
	case foldedHonorifics[w] && foldedHonorifics[n1] && (title(i) || !title(i+1)): // "anh chi em", not "chu Ba"
		return false
	case plainHonorifics[w]:
		if w == "ba" && i > 0 && !personContext[prev] && countWords[n1] {
			return false // "thử ba lần": three
		}
		return title(i+1) || ((given(n1) || strongSurnames[n1]) && free(i+1))
	case weakHonorifics[w]:
		// "co Lan", but not "co Giay khai sinh" or "co Cong"; "be Mai",
		// not "be Sinh non".
		return title(i+1) && foldedGiven[n1] && !capitalised[n1] && free(i+1) && !(w == "be" && foldedBabyWords[n1])
	case !plainSurnames[w] || foldedPlaces[w+" "+n1] || !free(i+1):
		return false
	case strongSurnames[w]:
		return markers[n1] || foldedGiven[n1]
	case sureMarkers[n1], given(n1):
		return true
	case markers[n1]:
		// "Phan Van Khai", not "ho van chua nhan": a given name must follow.
		// A clause of just these three words is a name ("do van nam").
		alone := i == 0 && len(fold)-2 == 3
		return foldedGiven[n2] && (!commonAfterMarker[n2] || title(i+2) || alone) && free(i+2)
	}
	return false
}

var (
	foldedHonorifics = folded(honorifics)
	foldedPlaces     = folded(surnamePlaces)
)

func isASCII(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return r > unicode.MaxASCII })
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

// Meaningless reports whether s holds no letter and no digit: blank,
// invisible characters, punctuation.
func Meaningless(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// LooksLikeDossierCode reports whether a text typed on its own is a dossier
// code rather than words: read as a code, with a digit and a separator or a
// letter ("000.00.12.H26-251127-0001"). Words around it are only a label
// before it and a note after it, and it may be typed with spaces, as
// copied from the portal's SMS ("Mã hồ sơ: G22.50 251202 0003", "G22.50 -
// 251202 - 0002"): its words left meet at its separators (spacedCode), as
// the code question reads them (DossierCode), which refuses a phone or ID
// number among them.
func LooksLikeDossierCode(s string) bool {
	s = strings.TrimSpace(norm.NFKC.String(s))
	if strings.ContainsFunc(s, unicode.IsSpace) && !spacedCode(dashCircular(s)) {
		return false
	}
	code, problem := DossierCode(s)
	return problem == "" && strings.ContainsAny(code, ".-/_") && strings.ContainsFunc(code, unicode.IsLetter)
}

// Parts of Circular 01/2018/TT-VPCP's dossier code (Art. 19:
// V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX) as a code cut short holds them: the
// receiving office's code, dotted ("000.00.12.H26") or as some portals
// shorten it ("H26", "G22.50"), then the date received.
var (
	cutSerial = regexp.MustCompile(`^(?:\d{3}\.\d{2}\.\d{2}\.)?[A-Z]\d{2}(?:\.\d{1,3})*-(\d{2})(\d{2})(\d{2})[-./_]*$`)
	cutDate   = regexp.MustCompile(`^(?:\d{3}\.\d{2}\.\d{2}\.)?[A-Z]\d{2}(?:\.\d{1,3})*[-./_]*$`)
)

// CodeCut says what a dossier code read by DossierCode plainly lacks, from
// the Circular's shape: "serial" when it ends at the date received (an
// office's code, "-", a day since 2018 as YYMMDD: "H26-251127",
// "000.00.12.H26-251127-"), "date" when it is the office's code alone
// ("000.00.12.H26"); "" otherwise — any other shape a portal issues is
// nobody's business here. Such a code is never refused (a real receipt
// may read so): the volunteer is asked once whether to keep it.
func CodeCut(code string) string {
	if m := cutSerial.FindStringSubmatch(code); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if day := time.Date(2000+y, time.Month(mo), d, 0, 0, 0, 0, time.UTC); y >= 18 && day.Month() == time.Month(mo) && day.Day() == d {
			return "serial"
		}
		return ""
	}
	if cutDate.MatchString(code) {
		return "date"
	}
	return ""
}

// PersonName says whether s may be a person's name and nothing else: one
// to four words, each a common given name or surname as the name lists
// above hold them, with the marks typed ("Thanh Hà", "Nguyễn Văn An"; not
// "Dùng", which only a place is named) or, typed without any, folded
// ("thanh ha"). "Xã Thanh Hà", "Thanh Hà, Hải Phòng", "Gò Vấp" are no
// person's. A commune coordinator's "/invite Thanh Hà" is whom they
// invite, though Xã Thanh Hà has that name.
func PersonName(s string) bool {
	ws := strings.FieldsFunc(strings.ToLower(norm.NFC.String(s)), func(r rune) bool { return !unicode.IsLetter(r) })
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		if f := vntext.Fold(w); !givenNames[w] && !surnames[w] && (f != w || !foldedGiven[f] && !allSurnames[f]) {
			return false
		}
	}
	return true
}
