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

// A resident's identity said in words: a name introduced as one ("người dân
// tên Hùng"), a year of birth ("sinh năm 1958") and a street address ("ở 45
// Nguyễn Trãi", "hẻm 34", "12 Le Loi street"). Procedure words that look
// alike are kept: "đổi tên", "tên đăng nhập", "khai sinh năm 2025",
// "giấy chứng sinh", "thông tư 04/2020", "bước 3", "mẫu CT01".

// token is a word of a text as typed between spaces, its punctuation
// trimmed (raw), lower-cased (low) and folded; start and end are the
// untrimmed word's bytes in the text; brk: a clause ends after it (a
// comma, a full stop…).
type token struct {
	raw, low, fold string
	start, end     int
	brk, colon     bool
}

// tokensOf reads s into tokens.
func tokensOf(s string) []token {
	var ts []token
	start := -1
	add := func(end int) {
		w := s[start:end]
		raw := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		// An English possessive is its noun's: "Hung's" is Hung's.
		for _, poss := range []string{"'s", "’s"} {
			if len(raw) > len(poss)+1 && strings.HasSuffix(raw, poss) {
				raw = strings.TrimSuffix(raw, poss)
			}
		}
		last := strings.TrimRightFunc(w, func(r rune) bool { return strings.ContainsRune(`"')”’»`, r) })
		ts = append(ts, token{raw: raw, low: strings.ToLower(raw), fold: vntext.Fold(raw), start: start, end: end,
			brk: strings.ContainsAny(last[max(len(last)-1, 0):], ",;.!?"), colon: strings.HasSuffix(w, ":")})
		start = -1
	}
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				add(i)
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		add(len(s))
	}
	return ts
}

var (
	// nameIntro: the words that introduce a name ("tên Hùng", "named Lan"),
	// and what may stand between ("tên là Lan", "name is Mai").
	nameIntro  = wordSet("ten named")
	introJoins = wordSet("la is goi")
	// whoseName (folded): between "tên" and "là", whose name or which of
	// theirs it is ("tên bé là", "tên mẹ là", "tên ở nhà là", "tên khai
	// sinh là"). personBeforeTen: before "tên", a person's word, as
	// written ("bé tên", "con tên", "cháu nội tên", "bà cụ tên"; not "có
	// tên", "chỉ tên"); plainPersonBeforeTen the same unaccented, those
	// rarely another word. After either, a capitalised word is a name
	// even when no list knows it ("Xíu", "Bơ": nicknames).
	whoseName = wordSet(`be con chau me bo ba cha ma vo chong em anh chi ong co chu bac di cau mo thim cu trai gai noi
		ngoai cua nguoi dan ay do o nha that thuong goi khai sinh cung com than mat day du`)
	personBeforeTen = wordSet(`bé con cháu mẹ bố ba bà cha má vợ chồng em anh chị ông cô chú bác dì cậu mợ thím cụ trai
		gái nội ngoại ấy mình tôi tui dân`)
	plainPersonBeforeTen = wordSet("be con chau me bo cha vo chong em anh ong minh toi tui dan thim")
	// notNicknames: capitalised words that, where a name no list knows
	// may stand ("con tên: Chưa đặt", "bé tên Gì cũng được", "Bé Chưa Có
	// Mã"), are never one; as written, and unaccented (plainNotNicknames).
	notNicknames = wordSet(`chưa gì không có sai đúng trống bị là được đã đang mới cũ nào ai thì và hay như cũng vẫn
		thế đặt dưới trên cho của với nên ghi xong làm rồi cần chờ phải muốn nộp hết vừa sắp`)
	plainNotNicknames = wordSet("chua gi khong sai dung trong bi duoc da dang nao ai thi va hay nhu cung van the dat duoi tren cho cua voi nen ghi xong lam roi can phai muon nop het vua sap")
	// englishOwners (folded): before "name", whose it is ("her name is").
	englishOwners = wordSet("his her my their your whose resident applicant citizen person")
	// notNamesAfterTen: given names, folded, that after "ten" are another
	// word ("tên họ").
	notNamesAfterTen = wordSet("ho")
	allSurnames      = folded(surnames)
	// unitWords: a unit's or a place's word, as written, after which "tên"
	// names a place ("tên Phường mới", "đổi tên Đường"), not a person;
	// plainUnitWords the same unaccented, which are also names ("Phuong",
	// "Duong"): a place's only when no name goes on after them ("ten Phuong
	// moi").
	unitWords      = wordSet("phường quận tỉnh huyện xã đường phố thôn ấp khu tổ xóm bản làng thành tp")
	plainUnitWords = wordSet("phuong quan tinh huyen xa duong pho thon ap khu xom")
	// provinces: the provinces (and a few cities) whose name starts with a
	// name or a surname ("An Giang", "Bình Dương"), folded.
	provinces = wordSet(`an_giang binh_duong binh_dinh binh_phuoc binh_thuan ca_mau can_tho da_nang dong_nai dong_thap
		gia_lai hai_duong hai_phong hau_giang hoa_binh hung_yen khanh_hoa kien_giang kon_tum lai_chau lang_son
		lao_cai long_an nam_dinh nghe_an ninh_binh ninh_thuan phu_tho phu_yen quang_binh quang_nam quang_ngai
		quang_ninh quang_tri soc_trang son_la tay_ninh thai_binh thai_nguyen thanh_hoa thua_thien tien_giang
		tra_vinh tuyen_quang vinh_long vinh_phuc yen_bai bac_giang bac_kan bac_lieu bac_ninh ben_tre dak_lak
		dak_nong dien_bien ha_giang ha_nam ha_noi ha_tinh ba_ria cao_bang lam_dong hue sai_gon ho_chi`)
)

// placeAfterTen says whether the words from j on, after "tên", name a
// unit or a place rather than a person: "tên Phường mới", "tên Thị Trấn",
// "tên An Giang", "ten Phuong moi" (and not "ten Duong Van Hung").
func placeAfterTen(ts []token, j int, nameWord func(int) bool) bool {
	n := len(ts)
	if j >= n {
		return false
	}
	next := ""
	if j+1 < n && !ts[j].brk {
		next = ts[j+1].fold
	}
	switch {
	case provinces[ts[j].fold+" "+next] || foldedPlaces[ts[j].fold+" "+next]:
		return true
	case ts[j].fold == "thi" && (next == "tran" || next == "xa"):
		return true // "thị trấn", "thị xã"
	case !isASCII(ts[j].raw):
		return unitWords[ts[j].low]
	}
	return plainUnitWords[ts[j].fold] && next != "" && !nameWord(j+1)
}

// introducedNames are the names introduced as such in ts: "tên" (or
// "named", "name is") then a given name or a surname, as byte ranges from
// "tên" to the name's end. "đổi tên", "tên đăng nhập", "tên tài khoản"
// introduce none.
func introducedNames(ts []token, plainNote, allCaps bool) [][2]int {
	n := len(ts)
	free := func(j int) bool { return j+1 >= n || !collocations[ts[j].fold+" "+ts[j+1].fold] }
	title := func(j int) bool { return !allCaps && titleCase(ts[j].raw) }
	nameWord := func(j int) bool {
		if j >= n || !free(j) || ts[j].raw == "" {
			return false
		}
		f := ts[j].fold
		switch {
		case title(j):
			return foldedGiven[f] || allSurnames[f]
		case plainNote || isASCII(ts[j].raw):
			return foldedGiven[f] && !commonGiven[f] && !notNamesAfterTen[f] || strongSurnames[f]
		}
		return (givenNames[ts[j].low] && !honorificVerbs[ts[j].low]) || surnames[ts[j].low]
	}
	var spans [][2]int
	for i := 0; i < n; i++ {
		t := ts[i]
		// "tên", "ten" (in a note typed without diacritics), "named", and
		// "name" when "is" or ":" follows.
		intro := nameIntro[t.fold] && (plainNote || isASCII(t.raw) || t.low == "tên") ||
			t.fold == "name" && (t.colon || i+1 < n && ts[i+1].fold == "is")
		j := i + 1
		if !intro || t.brk {
			continue
		}
		// "tên bé là", "tên ở nhà là", "Tên bé:": who, then "là" or ":".
		k := j
		for k < n && k < j+3 && !ts[k].brk && whoseName[ts[k].fold] && ts[k].fold != "la" {
			if k++; ts[k-1].colon {
				break
			}
		}
		described := t.fold == "ten" && k > j && k < n && (ts[k].fold == "la" || ts[k-1].colon)
		if described {
			j = k
		}
		// A form's field ("họ tên: Xíu", "Tên bé: Xíu", "name: Smith"), or
		// whose name it is in English ("her name is Smith"): a capitalised
		// word ending the clause is a name ("Tên: Không được để trống" is
		// the portal's message).
		field := t.colon || described && ts[k-1].colon ||
			t.fold == "name" && i > 0 && !ts[i-1].brk && (englishOwners[ts[i-1].fold] || englishKin[ts[i-1].fold])
		described = described && !ts[k-1].colon
		from := j
		for j < n && j < from+2 && introJoins[ts[j].fold] && !ts[j].brk {
			j++
		}
		// Any capitalised word, after a person's word: "bé tên là Xíu",
		// "con tên Bơ", "tên bé là Xíu" (not "đổi tên Zalo", "app tên là
		// Zalo").
		personBefore := i > 0 && !ts[i-1].brk &&
			(personBeforeTen[ts[i-1].low] || isASCII(ts[i-1].raw) && plainPersonBeforeTen[ts[i-1].fold])
		// "Bé đó tên Bin", "chị kia tên Xíu": a person's word, then which.
		personBefore = personBefore || i > 1 && !ts[i-2].brk && !ts[i-1].brk && demonstratives[ts[i-1].low] &&
			personBeforeTen[ts[i-2].low]
		// "tên là Xíu" opening a note or a clause: whoever it is about.
		opening := (i == 0 || ts[i-1].brk) && j > from && ts[from].fold == "la"
		// "a son named Tom", "resident named Tom": a person's word before
		// "named" (not "an app named Zalo").
		anyName := t.fold == "ten" && (described || personBefore || opening) ||
			t.fold == "named" && i > 0 && !ts[i-1].brk && (englishKin[ts[i-1].low] || englishPersons[ts[i-1].low])
		name := func(j int) bool {
			return nameWord(j) || (anyName || field) && j < n && free(j) && title(j) && !notNickname(ts[j].raw)
		}
		if !name(j) || placeAfterTen(ts, j, nameWord) || t.fold == "ten" && titlePhrase(ts, j, allCaps) {
			continue
		}
		end := j + 1
		for end < n && end < j+4 && !ts[end-1].brk && name(end) {
			end++
		}
		if !nameWord(j) && !anyName && end < n && !ts[end-1].brk {
			continue
		}
		spans = append(spans, [2]int{t.start, ts[end-1].end})
		i = end - 1
	}
	return spans
}

// demonstratives: after a person's word and before "tên", which one
// ("bé đó tên Bin"). englishPersons: a person's word before "named", as
// englishKin are ("resident named Tom").
var (
	demonstratives = wordSet("đó này kia")
	englishPersons = wordSet("resident applicant citizen person man woman boy girl lady guy kid patient someone somebody owner tenant")
)

// Kin said to be someone ("Vợ anh ấy là Hường", "Con dâu là Nhung", "bà
// xã của anh là Lan"), and a nickname given as one ("Biệt danh Bo",
// "Nickname Su").
var (
	// spouseWords: as written, a kin word that "là" and a name follow.
	spouseWords = wordSet("vợ chồng dâu rể mẹ bố cha")
	// nicknameWords (folded, one or two words) introduce a nickname.
	nicknameWords = wordSet("biet_danh nickname")
)

// kinNames are the names of ts given after a kin word and "là", or after
// "biệt danh", "nickname", as byte ranges of the name.
func kinNames(ts []token, allCaps bool) [][2]int {
	n := len(ts)
	title := func(j int) bool { return j < n && !allCaps && titleCase(ts[j].raw) }
	run := func(j int) [2]int {
		end := j + 1
		for end < n && end < j+4 && !ts[end-1].brk && title(end) {
			end++
		}
		return [2]int{ts[j].start, ts[end-1].end}
	}
	var spans [][2]int
	for i := 0; i+1 < n; i++ {
		t := ts[i]
		if t.brk && !t.colon {
			continue
		}
		switch {
		case t.low == "là" && title(i+1) && (givenNames[ts[i+1].low] || surnames[ts[i+1].low]) && !titlePhrase(ts, i+1, allCaps) &&
			(i+2 >= n || ts[i+1].brk || !collocations[ts[i+1].fold+" "+ts[i+2].fold]): // "chồng là Công an"
			for k := i - 1; k >= 0 && k >= i-4 && !ts[k].brk; k-- {
				if spouseWords[ts[k].low] || ts[k].low == "xã" && k > 0 && (ts[k-1].low == "ông" || ts[k-1].low == "bà") {
					spans = append(spans, run(i+1))
					break
				}
			}
		case nicknameWords[t.fold] || i > 0 && !ts[i-1].brk && nicknameWords[ts[i-1].fold+" "+t.fold]:
			j := i + 1
			if j < n && introJoins[ts[j].fold] && !t.colon {
				j++
			}
			if title(j) && !notNickname(ts[j].raw) {
				spans = append(spans, run(j))
			}
		}
	}
	return spans
}

// titlePhrase says whether the capitalised words from j on, after "tên
// (là)", are a phrase in Title Case ("tên là Tiếng Việt", "tên là Bắt
// Buộc", "tên là Thông Tin Cá Nhân": a form's field or a portal's
// message) rather than a name: two or more of them, the first no
// surname, one of them no given name the lists know. "tên là Xíu" (one
// word), "tên là Mai Anh", "tên là Nguyễn Thị Xíu" are names.
func titlePhrase(ts []token, j int, allCaps bool) bool {
	if allCaps || j >= len(ts) || allSurnames[ts[j].fold] {
		return false
	}
	end := j
	for end < len(ts) && (end == j || !ts[end-1].brk) && titleCase(ts[end].raw) {
		end++
	}
	if end-j < 2 {
		return false
	}
	return slices.ContainsFunc(ts[j:end], func(t token) bool {
		if isASCII(t.raw) {
			return !foldedGiven[t.fold]
		}
		return !givenNames[t.low]
	})
}

// Years of birth: "sinh năm 1958", "sn 1958", "năm sinh: 1960", "DOB
// 1960", "born in 1958", "year of birth 1949"; not "khai sinh năm 2025", "giấy chứng sinh
// 2024", "phát sinh năm 2025".
var (
	birthWords = wordSet("sinh sn born birth dob yob")
	// notBirth: what before "sinh" makes it another word.
	notBirth   = wordSet("khai chung phat hoc tai ve dan song hy sieu ky")
	birthJoins = wordSet("nam vao in year of thang ngay on the")
	birthYear  = regexp.MustCompile(`^(?:\d{1,2}/)?(?:19|20)\d{2}$`)
)

// Rules, not people: a year of birth after a generic subject ("người sinh
// năm 1975", "trẻ sinh năm 2024", "các bé sinh năm 2020"), or before
// "trở về trước", "trở đi", "trở lên", "trở xuống"; a recent year a baby
// was born in, given as why a paper is not there yet ("sinh tháng 12 năm
// 2025 nên chưa có mã định danh").
var (
	genericSubjects = wordSet("người trẻ ai nguoi tre")
	pluralWords     = wordSet("các những mọi cac nhung moi")
	ruleAfter       = wordSet("truoc di len xuong")
	becauseNotYet   = wordSet("nen chua")
)

// birthRule says whether the year at j, of "sinh" at i, is a rule's or a
// newborn's (above), not a resident's.
func birthRule(ts []token, i, j int) bool {
	if i > 0 && !ts[i-1].brk {
		prev := ts[i-1].low
		if !isASCII(ts[i-1].raw) && genericSubjects[prev] || isASCII(ts[i-1].raw) && genericSubjects[ts[i-1].fold] {
			return true // "người sinh năm 1975", "trẻ sinh năm 2024"
		}
		// "trẻ em sinh", "những người sinh", "các bé sinh"
		if i > 1 && !ts[i-2].brk && (ts[i-2].fold == "tre" && ts[i-1].fold == "em" ||
			pluralWords[ts[i-2].low] && (ts[i-1].fold == "be" || ts[i-1].fold == "em" || ts[i-1].fold == "nguoi")) {
			return true
		}
	}
	if j+1 >= len(ts) || ts[j].brk {
		return false
	}
	next := ts[j+1].fold
	if next == "tro" && j+2 < len(ts) && ruleAfter[ts[j+2].fold] {
		return true // "1975 trở về trước" ("về" then "trước"), "2020 trở đi"
	}
	if next == "tro" && j+3 < len(ts) && ts[j+2].fold == "ve" && ruleAfter[ts[j+3].fold] {
		return true
	}
	year, _ := strconv.Atoi(ts[j].raw[max(len(ts[j].raw)-4, 0):])
	if year < 100 { // "sinh năm 25": this century's, or the last's
		year += 1900
		if year+100 <= time.Now().Year() {
			year += 100
		}
	}
	return year >= time.Now().Year()-2 && becauseNotYet[next]
}

// holdsBirthYear says whether s (NFKC) gives a year of birth.
func holdsBirthYear(s string) bool {
	ts := tokensOf(s)
	for i, t := range ts {
		if !birthWords[t.fold] && t.low != "s/n" || t.brk { // "s/n 1970": sinh
			continue
		}
		// "dân sinh" is livelihood, but "người dân sinh năm 1958" a birth.
		if t.fold == "sinh" && i > 0 && notBirth[ts[i-1].fold] && (ts[i-1].fold != "dan" || i < 2 || ts[i-2].fold != "nguoi") {
			continue
		}
		// "sinh ngày 5 tháng 7 năm 1990", "ngày sinh 5 tháng 7 năm 1990":
		// a day's or a month's number goes on to the year.
		j := i + 1
		for j < len(ts) && j < i+7 && !ts[j-1].brk && (birthJoins[ts[j].fold] || allDigits(ts[j].raw) && len(ts[j].raw) <= 2 &&
			(ts[j-1].fold == "thang" || ts[j-1].fold == "ngay" || j == i+1 && i > 0 && ts[i-1].fold == "ngay")) {
			j++
		}
		if j >= len(ts) {
			continue
		}
		// "sinh năm 58", "năm sinh 72": a year of two digits, as said.
		short := len(ts[j].raw) == 2 && allDigits(ts[j].raw) &&
			(j == i+2 && ts[i+1].fold == "nam" || j == i+1 && i > 0 && ts[i-1].fold == "nam")
		if (birthYear.MatchString(ts[j].raw) || short) && !birthRule(ts, i, j) {
			return true
		}
	}
	return false
}

// Addresses. Streets are mostly named after people, so a house number
// before a name ("45 Nguyễn Trãi", "12 Le Loi") is an address, as is a
// house number after "ở", "tại", "at" before a capitalised word ("tại 8
// Hàng Bạc"), a lane's number ("hẻm 34", "ngõ 5", "kiệt 12"), a street's
// name after its word ("đường Nguyễn Trãi", "phố Huế", "Le Loi street"),
// and "số nhà 45". A number after a word that counts or cites ("bước 3",
// "nghị định 120", "lỗi 500", "thứ 2") is no house number; nor a year, nor
// a code ("CT01", "04/2020"); "thành phố Hồ Chí Minh" is a city.
var (
	houseNumber = regexp.MustCompile(`^\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*$`)
	yearPart    = regexp.MustCompile(`(?:^|/)(?:19|20)\d{2}(?:$|/)`)
	// mobileNetwork: "3G", "4G", "5G" ("ở 4G Viettel mới vào được").
	mobileNetwork = regexp.MustCompile(`^[2-6][Gg]$`)
	// citeWords (folded): before a number, what makes it no house number.
	citeWords = wordSet(`buoc muc dieu khoan trang lan nam ngay thang tuan gio phut giay mau phan chuong dinh tu tt nd qd
		loi ma thu luc hen chieu sang toi con tang phong quay ban to cau dong version step page form item section
		article decree circular error code http level muc bo noi xa phuong quan giay`)
	// notStreetStart: a word that, right after a number, says the number
	// counts it ("ở 2 Quận", "tại 3 Phường", "ở 3 Lần", "ở 5 Nơi", "tại 3
	// Giấy Tờ", "ô 2 Ngày Sinh", "nhà 3 Thế Hệ"): no street starts so. As
	// written; unaccentedStreetStart the same typed without diacritics.
	notStreetStart = wordSet(`đơn lần nơi ô xã phường quận huyện tỉnh thị giấy tờ mục ngày tháng năm họ thế hệ người cái
		bản trang dòng điều khoản chữ số ký tầng phòng căn hộ cửa bước`)
	unaccentedStreetStart = wordSet("don noi xa phuong quan huyen tinh giay muc ngay thang nam the nguoi cai tang phong")
	// addressBefore (folded): before a house number, what makes it one.
	addressBefore         = wordSet("o tai nha at")
	addressBeforeAccented = wordSet("ở tại nhà")
	// laneWords: a lane's word, before its number ("hẻm 34"); streetWords: a
	// street's, before its name ("đường Lê Lợi"); as written, or unaccented.
	laneWords   = wordSet("hẻm ngõ ngách kiệt hem ngo ngach kiet alley lane")
	streetWords = wordSet("đường phố duong pho")
	streetAfter = wordSet("street st road rd avenue ave")
	// notStreet (folded): before a street's word, what makes it another
	// ("thành phố Hồ Chí Minh", "khu phố", "con đường").
	notStreet     = wordSet("thanh khu con tuyen dan")
	houseNumWords = wordSet("so_nha nha_so house_number house_no")
)

// Address reports whether s seems to hold a street address.
func Address(s string) bool {
	return len(addressSpans(norm.NFC.String(s))) > 0
}

// addressSpans are where s (NFC) holds an address, as byte ranges.
func addressSpans(s string) [][2]int {
	ts := tokensOf(s)
	n := len(ts)
	allCaps := strings.ToUpper(s) == s
	title := func(j int) bool { return j < n && !allCaps && titleCase(ts[j].raw) }
	fold := func(j int) string {
		if j < 0 || j >= n {
			return ""
		}
		return ts[j].fold
	}
	low := func(j int) string {
		if j < 0 || j >= n {
			return ""
		}
		return ts[j].low
	}
	free := func(j int) bool { return !collocations[fold(j)+" "+fold(j+1)] }
	// before: "ở", "tại", "nhà", "at" before a number; not "ô" (a form's
	// box: "ô 2 Ngày Sinh").
	before := func(j int) bool {
		return addressBefore[fold(j)] && (isASCII(ts[j].raw) || addressBeforeAccented[low(j)])
	}
	house := func(j int) bool {
		return j >= 0 && j < n && houseNumber.MatchString(ts[j].raw) && !yearPart.MatchString(ts[j].raw) &&
			!mobileNetwork.MatchString(ts[j].raw)
	}
	// nameWord: a word of a street's name (a person's, mostly).
	nameWord := func(j int) bool {
		return j < n && free(j) && (title(j) || givenNames[ts[j].low] || (isASCII(ts[j].raw) && foldedGiven[ts[j].fold]))
	}
	// surname: a street named after someone starts with their surname.
	surname := func(j int) bool {
		if j >= n || !free(j) || foldedPlaces[fold(j)+" "+fold(j+1)] {
			return false
		}
		f := ts[j].fold
		if isASCII(ts[j].raw) {
			return strongSurnames[f] || plainSurnames[f] && (title(j) || foldedGiven[fold(j+1)])
		}
		return surnames[ts[j].low] && (strongSurnames[f] || title(j) || givenNames[low(j+1)])
	}
	// street: the words from j on name a street: a surname and a name, or
	// capitalised words.
	street := func(j int) int {
		end := j
		for end < n && end < j+4 && (end == j || !ts[end-1].brk) && (title(end) || end > j && nameWord(end) || end == j && surname(j)) {
			end++
		}
		if end < n && (end == j || !ts[end-1].brk) && streetAfter[ts[end].fold] {
			end++
		}
		return end
	}
	var spans [][2]int
	add := func(from, to int) {
		spans = append(spans, [2]int{ts[from].start, ts[to-1].end})
	}
	for i := 0; i < n; i++ {
		t := ts[i]
		prevBrk := i == 0 || ts[i-1].brk
		switch {
		case house(i) && (prevBrk || !citeWords[fold(i-1)]) && !t.brk:
			// "ở 45 Nguyễn Trãi", "nhà số 12", "ở số 8": the words before
			// the number go with it, and say it is a house's.
			from := i
			for from > i-3 && from > 0 && !ts[from-1].brk && (before(from-1) || fold(from-1) == "so") {
				from--
			}
			context := from < i && (fold(i-1) != "so" || from < i-1)
			// "số 7 Hàng Bạc": "số" alone says a house's number before a
			// street's name of two words or more.
			soStreet := !context && fold(i-1) == "so" && from == i-1
			if houseNumWords[fold(i-2)+" "+fold(i-1)] {
				from, context = min(from, i-2), true
			}
			// "45 Nguyễn Trãi", "tại 8 Hàng Bạc", "12 Hang Bac street",
			// "12 hẻm 34", "12 đường Lê Lợi"
			end := street(i + 1)
			named := surname(i+1) && end > i+2
			// After "ở", "tại", "nhà" alone, a count's word ("ở 2 Quận")
			// is no street, nor a single word that is no name ("ở 3 Lần").
			counted := isASCII(ts[min(i+1, n-1)].raw) && unaccentedStreetStart[fold(i+1)] || notStreetStart[low(i+1)]
			streetLike := !counted && (end > i+2 || surname(i+1) || givenNames[low(i+1)] ||
				isASCII(ts[min(i+1, n-1)].raw) && foldedGiven[fold(i+1)])
			switch {
			case named || context && end > i+1 && streetLike || soStreet && end > i+2 && streetLike ||
				end > i+2 && streetAfter[fold(end-1)]:
			case laneWords[low(i+1)] && house(i+2):
				end = i + 3 // "12 hẻm 34"
			case laneWords[low(i+1)] || streetWords[low(i+1)] && street(i+2) > i+2:
				end = i + 2
			case houseNumWords[fold(i-2)+" "+fold(i-1)]:
				end = i + 1 // "số nhà 45"
			default:
				continue
			}
			add(from, end)
			i = end - 1
		case laneWords[t.low] && !t.brk && house(i+1):
			add(i, i+2) // "hẻm 34"
			i++
		case streetWords[t.low] && !t.brk && !notStreet[fold(i-1)] && free(i) && (!isASCII(t.raw) || !markers[fold(i+1)]):
			// "đường Nguyễn Trãi", "phố Huế"; not "đường dẫn", nor "Duong
			// Van Hung" (a name).
			if end := street(i + 1); end > i+1 && (title(i+1) || surname(i+1)) {
				add(i, end)
				i = end - 1
			}
		case streetAfter[t.fold] && (t.fold != "st" || t.raw == "St") && i > 0 && !ts[i-1].brk && title(i-1):
			// "Le Loi street", "Hang Bac Street"
			from := i - 1
			for from > 0 && from > i-4 && title(from-1) && !ts[from-1].brk {
				from--
			}
			add(from, i+1)
		}
	}
	plainNote := !strings.ContainsFunc(s, func(r rune) bool { return r > unicode.MaxASCII && unicode.IsLetter(r) })
	return outside(spans, placeSpans(ts, plainNote)) // "Xã Đường Hoa"
}

// In English, a kin word or a title before a capitalised given name
// introduces it ("my mother Lan", "her son Minh", "Mrs Hoa", "Mr. Tuan");
// after a kin word, a given name typed in small letters too when it is no
// everyday word ("my mother lan", not "my son long ago").
var (
	englishKin = wordSet(`mother father mom mum mommy mummy dad daddy son daughter wife husband brother sister
		uncle aunt auntie grandma grandpa grandmother grandfather granny grandson granddaughter grandchild
		cousin nephew niece child baby neighbour neighbor`)
	// englishTitles go with the name after them: both are dropped.
	englishTitles = wordSet("mr mrs ms miss madam madame mx dr")
	// titleNotNames (folded): capitalised words after "Ms" or "MS" that
	// are Microsoft's programs, not a name ("Ms Excel", "MS Word").
	titleNotNames = wordSet("excel word teams office outlook edge access paint powerpoint onenote onedrive sharepoint windows store forms dos project world universe earth bean")
	// englishWords: capitalised after a title, a word and no name ("Mr.
	// And Mrs.", "Mr Right").
	englishWords = wordSet("and or the a an of for to with in on at by is was are his her their right wrong")
	// englishNotNames: given names, folded, that are English words too.
	englishNotNames = wordSet("an my long son van tan tin sang hung hang do no to so ha hi la ma thu tu ky ba")
	// After a kin word whose it is ("her son Tom", "the resident's son
	// Tom") or opening a clause ("Grandma Rose", "uncle John"), any
	// capitalised word is a name, as "anh", "chị", "con", "cháu" and a name
	// are in Vietnamese (review 24P) — but an English word capitalised
	// (englishAfterKin: "my son Needs…", "her mother Vietnamese passport"),
	// a word in a note in Title Case ("My Son Needs A Passport"), and "son"
	// opening a clause (also "sơn" unaccented). Without a kin word or a
	// title before it, a capitalised word names nobody the note says ("Tom
	// needs a copy of the VNeID form").
	englishOwnerWords = wordSet("my his her their your our whose the a an")
	englishAfterKin   = wordSet(`needs need wants want has have had is was are were will would can could should may might must
		does did do lost loses forgot forgets went goes came comes got gets applied applies lives lived works worked
		studies moved died passed says said asked asks told brought took takes just also still already never only too
		again now then here there who which that when where please not vietnamese english american chinese korean
		japanese french thai lao cambodian foreign overseas passport card account phone smartphone zalo facebook
		gmail email health insurance birth app`)
)

// titleCaseNote says whether the words of ts, but those at skip, are
// mostly in Title Case (two or more, over half of them): a heading's
// style, where a capitalised word says nothing.
func titleCaseNote(ts []token, skip ...int) bool {
	words, titled := 0, 0
	for k, t := range ts {
		if slices.Contains(skip, k) || t.raw == "" || !strings.ContainsFunc(t.raw, unicode.IsLetter) {
			continue
		}
		words++
		if titleCase(t.raw) || utf8.RuneCountInString(t.raw) == 1 && unicode.IsUpper([]rune(t.raw)[0]) {
			titled++
		}
	}
	return words >= 2 && titled*2 > words
}

// kinOwned says whether the kin word at i is said whose it is ("my",
// "her", "the resident's") or opens a clause ("Grandma", not "son").
func kinOwned(s string, ts []token, i int) bool {
	if i == 0 || ts[i-1].brk {
		return ts[i].low != "son"
	}
	prev := s[ts[i-1].start:ts[i-1].end]
	return englishOwnerWords[ts[i-1].low] || strings.HasSuffix(prev, "'s") || strings.HasSuffix(prev, "’s")
}

// englishNames are the names s (NFC) gives after a kin word or a title, as
// byte ranges: the title's and the name's, the name's alone after a kin
// word (the rest reads "my mother lost her card").
func englishNames(s string, ts []token, allCaps bool) [][2]int {
	n := len(ts)
	free := func(j int) bool { return j+1 >= n || !collocations[ts[j].fold+" "+ts[j+1].fold] }
	title := func(j int) bool { return !allCaps && titleCase(ts[j].raw) }
	nameWord := func(j int, first bool) bool {
		if j >= n || ts[j].raw == "" || !free(j) {
			return false
		}
		f := ts[j].fold
		switch {
		case title(j):
			return foldedGiven[f] || allSurnames[f]
		case first && isASCII(ts[j].raw):
			return foldedGiven[f] && !commonGiven[f] && !englishNotNames[f]
		}
		return false
	}
	var spans [][2]int
	for i := 0; i+1 < n; i++ {
		t := ts[i]
		kin, ttl := englishKin[t.low], englishTitles[t.low]
		if !isASCII(t.raw) || !kin && !ttl {
			continue
		}
		// "Mr." ends no clause, nor does a comma before a name said
		// between two ("my son, Kevin, needs…").
		j := i + 1
		apposed := kin && strings.HasSuffix(s[t.start:t.end], ",") && j < n && ts[j].brk &&
			strings.HasSuffix(s[ts[j].start:ts[j].end], ",")
		if t.brk && !(ttl && s[t.start:t.end] == t.raw+".") && !apposed {
			continue
		}
		// A title written as one ("Mr", "Mrs", "Miss": not "MS", "miss")
		// before any capitalised word but a program's: "Mrs Smith", "Miss
		// Lee", not "Ms Excel", "Miss the deadline".
		anyName := ttl && titleCase(t.raw) && !titleNotNames[ts[j].fold]
		name := func(j int) bool {
			return nameWord(j, false) || anyName && j < n && ts[j].raw != "" && title(j) && free(j) && !englishKin[ts[j].low] &&
				!englishWords[ts[j].low] && !englishAfterKin[ts[j].low]
		}
		// "her son Tom", "Grandma Rose": any capitalised word but an
		// English one, in a note not in Title Case.
		anyKin := kin && kinOwned(s, ts, i) && j < n && ts[j].raw != "" && title(j) && free(j) &&
			!englishAfterKin[ts[j].low] && !englishWords[ts[j].low] && !englishKin[ts[j].low] &&
			!titleNotNames[ts[j].fold] && !titleCaseNote(ts, i, j)
		if anyKin {
			anyName = true
		}
		if !nameWord(j, true) && !(ttl && name(j)) && !anyKin { // "Ms Hoa", not "Ms Excel"
			continue
		}
		end := j + 1
		for end < n && end < j+4 && !ts[end-1].brk && title(end) && name(end) {
			end++
		}
		from := ts[j].start
		if ttl {
			from = t.start
		}
		spans = append(spans, [2]int{from, ts[end-1].end})
		i = end - 1
	}
	return spans
}

// A capitalised word opening an English sentence before a verb a person
// does (englishVerbs: "needs", "lost", "wants") is the sentence's subject;
// when the sentence then says the subject's own kin ("his son", "her
// mother", "their daughter"), the subject is a person and the word a name
// no list need know ("Kevin needs a passport for his son", "Kevin Tran
// lost…"). Without the kin it may be anything ("Tom needs a copy of the
// VNeID form" is kept: whose it is, the note does not say), and a pronoun,
// a kin word, someone said in general or a thing is no name
// (englishNotSubjects: "He needs a passport for his son", "Resident
// needs…", "Form needs her mother's signature").
var (
	englishVerbs = wordSet(`needs need wants want has have had is was will would can could should must does did lost loses
		forgot forgets went goes came comes got gets applied applies lives lived works worked moved asked asks brought
		took takes says said also still already just cannot can't can’t doesn't doesn’t didn't didn’t isn't isn’t`)
	englishNotSubjects = wordSet(`i he she it we they you someone somebody anyone anybody everyone everybody nobody one who
		this that these those each every no resident residents applicant citizen person people man woman lady gentleman guy
		customer client volunteer officer staff user owner household family parent parents child children kid baby
		form application dossier file portal system page screen document paper certificate photo picture code payment
		registration request record fee app vneid otp police office center centre commune ward`)
	englishKinOwners = wordSet("his her their")
	// englishGiven are common given names of English speakers (no word
	// of a note's own: not "Will", "May", "Mark", "Grace"): as the subject
	// of a sentence they name a person without a kin word after them
	// ("Mary forgot her password", "John cannot log in": walk W1, review
	// 25).
	englishGiven = wordSet(`john mary james robert michael david william richard joseph thomas tom charles daniel matthew
		anthony steven paul andrew joshua kenneth kevin brian george timothy ronald jason edward jeffrey ryan jacob
		gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander patrick
		jennifer linda patricia elizabeth barbara susan jessica sarah karen lisa nancy betty sandra margaret ashley
		kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen
		amy angela shirley anna brenda emma olivia sophia isabella mia charlotte amelia harper evelyn abigail ella
		chloe lucy alice jane kate katie helen julia nina peter alex sam ben max leo lucas liam noah ethan oliver
		henry jack harry charlie oscar david tim mike mikey dave steve jim jimmy joe bob tony nick chris
		jessie jenny lily sophie hannah zoe natalie victoria rachel megan lauren anne annie sara maria`)
)

// englishSubjectNames are the names s (NFC) gives as the subject of an
// English sentence with the subject's kin in it (above), as byte ranges.
func englishSubjectNames(s string, ts []token, allCaps bool) [][2]int {
	n := len(ts)
	if allCaps || titleCaseNote(ts) {
		return nil
	}
	// sentenceEnd: the token at k ends a sentence, not a clause.
	sentenceEnd := func(k int) bool {
		w := strings.TrimRightFunc(s[ts[k].start:ts[k].end], func(r rune) bool { return strings.ContainsRune(`"')”’»`, r) })
		return strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?")
	}
	nameWord := func(k int) bool { return englishNameWord(ts[k]) }
	var spans [][2]int
	for i := 0; i < n; i++ {
		if i > 0 && !sentenceEnd(i-1) || !nameWord(i) {
			continue
		}
		end := i + 1
		for end < n && end < i+3 && !ts[end-1].brk && nameWord(end) {
			end++
		}
		if end >= n || ts[end-1].brk || !englishVerbs[ts[end].low] {
			continue
		}
		if englishGiven[ts[i].low] { // a person, whoever's kin follows
			spans = append(spans, [2]int{ts[i].start, ts[end-1].end})
			continue
		}
		for k := end; k+1 < n && !sentenceEnd(k); k++ {
			if englishKinOwners[ts[k].low] && !ts[k].brk && englishKin[ts[k+1].low] {
				spans = append(spans, [2]int{ts[i].start, ts[end-1].end})
				break
			}
		}
	}
	return spans
}

// englishNameWord says whether t, capitalised, may be an English given
// name or surname: no pronoun, kin, title, everyday word, verb, program,
// nor someone said in general or a thing (englishNotSubjects).
func englishNameWord(t token) bool {
	return isASCII(t.raw) && titleCase(t.raw) && !englishNotSubjects[t.low] && !englishKin[t.low] && !englishTitles[t.low] &&
		!englishWords[t.low] && !englishAfterKin[t.low] && !englishOwnerWords[t.low] && !titleNotNames[t.fold] && !englishVerbs[t.low]
}

// A capitalised word whose kin the next word says ("Kevin's son needs a
// passport", "Mary's mother lost her ID card", "Kevin Tran's daughter") is
// a person's name, anywhere in a sentence: kin is a person's. Whose kin
// when no one is named ("the resident's son", "Grandma's son") or a
// thing's ("Samsung's app") says nobody, nor does a note in Title Case.
// englishPossessiveNames are these names in s (NFC), as byte ranges (the
// possessive's "'s" with the name).
func englishPossessiveNames(s string, ts []token, allCaps bool) [][2]int {
	if allCaps || titleCaseNote(ts) {
		return nil
	}
	var spans [][2]int
	for k := 0; k+1 < len(ts); k++ {
		t := ts[k]
		w := s[t.start:t.end]
		if t.brk || !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "’s") || !englishNameWord(t) || !englishKin[ts[k+1].low] {
			continue
		}
		from := k // "Kevin Tran's"
		for from > 0 && from > k-2 && !ts[from-1].brk && englishNameWord(ts[from-1]) {
			from--
		}
		spans = append(spans, [2]int{ts[from].start, t.end})
	}
	return spans
}

// dangling: a word that, right before a name or an address dropped, only
// led to it ("khai sinh cho" bé Mai, "passport for" Mrs Hoa, "tôi là" bà
// Tư). Not "to", also "tờ" unaccented ("giay to").
var dangling = wordSet("cho của với và là ở tại gọi cua voi va la o tai goi for of with and by named called is")

// nameOnly: the words that, left alone once a name is dropped, say no
// procedure: pronouns, honorifics, kin, and the dangling words ("mình"
// tên Lan, "người dân" tên Lan, "my mother" Lan).
var nameOnly = func() map[string]bool {
	m := wordSet(`mình tôi tui tớ tao em anh chị ông bà cô chú bác cháu cụ dì thím mợ dượng thầy bé con mẹ bố ba má cha
		vợ chồng người dân bạn nó họ ấy này đó tên ạ nhé nha ơi minh toi tui em anh chi ong ba co chu bac chau cu di be
		con me bo ma cha vo chong nguoi dan ban no ho ten a nhe nha oi
		i me my mine we our us you your he him his she her they them their this that name the`)
	for _, set := range []map[string]bool{dangling, englishKin, englishTitles} {
		for w := range set {
			m[w] = true
		}
	}
	return m
}()

// WithoutIdentity is s without the names and addresses it holds
// (NamesPerson, Address), and the word only leading to one ("cho", "for":
// dangling), its words joined by single spaces, and whether any was
// dropped: what a search keeps of a text that named the resident ("khai
// sinh cho bé Mai" → "khai sinh"). What is left is "" when only pronouns,
// kin and such words are (nameOnly: "mình tên Lan", "my mother Lan"): a
// name alone was typed.
func WithoutIdentity(s string) (string, bool) {
	s = norm.NFC.String(s)
	spans := append(nameSpans(s), addressSpans(s)...)
	if len(spans) == 0 {
		return strings.Join(strings.Fields(s), " "), false
	}
	b := []byte(s)
	ts := tokensOf(s)
	for k, sp := range spans {
		// The word right before the span, if it only led to it.
		for i := len(ts) - 1; i >= 0; i-- {
			if ts[i].end <= sp[0] {
				if !ts[i].brk && dangling[ts[i].low] {
					spans[k][0] = ts[i].start
				}
				break
			}
		}
	}
	for _, sp := range spans {
		end := sp[1]
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if unicode.IsSpace(r) || unicode.IsLetter(r) || unicode.IsDigit(r) {
				break
			}
			end += size // the comma after the name goes with it
		}
		for i := sp[0]; i < end; i++ {
			b[i] = ' '
		}
	}
	rest := strings.Fields(string(b))
	if !slices.ContainsFunc(rest, func(w string) bool {
		return !nameOnly[strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))]
	}) {
		rest = nil
	}
	return strings.Join(rest, " "), true
}

// notNickname says whether w, capitalised, is a word that is never a name
// (notNicknames).
func notNickname(w string) bool {
	low := strings.ToLower(w)
	return notNicknames[low] || isASCII(w) && plainNotNicknames[low]
}
