package guides

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/agnivade/levenshtein"
	"golang.org/x/text/unicode/norm"

	"github.com/dvcbot/dvcbot/vntext"
)

// Search: volunteers type a few words on a phone, often without diacritics,
// run together ("khaisinh") or with a typo ("khai sinhh"), or in the legacy
// words of Decree 43/2011 ("mức độ 4"). Every word typed must be found in
// one of the guide's names (title in both languages, aliases, id, legacy
// level), exactly, as the beginning of a word, or within one or two typos;
// or the words typed run together must appear in a name run together.
// The words saying a paper was lost or is asked for again are matched by
// any guide covering a paper's loss, and such a guide answers them first
// (lossWords); a relative's "mất" is a death (deaths).

// entry is a guide's searchable names, folded.
type entry struct {
	guide   *Guide
	names   [][]string // the words of each name
	compact []string   // each name without spaces
	title   []string   // the words of the titles
	reissue bool       // a name says a paper lost or reissued (lossWords, papers)
}

func indexGuide(g *Guide) entry {
	names := []string{g.Title.Vi, g.Title.En, strings.ReplaceAll(g.ID, "-", " ")}
	names = append(names, g.Aliases...)
	// The mode, in today's words and in the legacy level volunteers still
	// use; not for the account guides (VNeID, payment), which help with any
	// procedure rather than being one.
	if g.Procedure() {
		lvl := strconv.Itoa(g.Legacy())
		mode := map[string]string{ModeFull: "toàn trình", ModePartial: "một phần"}[g.Mode]
		names = append(names, mode, "dịch vụ công "+mode, "mức độ "+lvl, "dịch vụ công mức độ "+lvl, "level "+lvl, "md"+lvl)
	}
	if g.Essential { // Directive 24/CT-TTg's list, as volunteers call it
		names = append(names, "25 dịch vụ công thiết yếu", "dịch vụ thiết yếu", "25 essential services")
	}
	e := entry{guide: g, title: append(words(g.Title.Vi), words(g.Title.En)...)}
	for _, n := range names {
		w := deaths(words(n))
		if len(w) == 0 {
			continue
		}
		e.names = append(e.names, w)
		e.compact = append(e.compact, compact(w))
		e.reissue = e.reissue || len(lossWords(w)) > 0 && namesPaper(w)
	}
	return e
}

// words folds s into search words, with Vietnamese's two spellings of a
// final i after a consonant made one: "kí"/"ký" (ki/ky), "lí"/"lý",
// "mĩ"/"mỹ" — "đăng kí" finds what "đăng ký" finds. Only a consonant and y
// make a syllable so written ("tuy", "quy", "y" keep their y).
func words(s string) []string {
	ws := vntext.Words(s)
	for i, w := range ws {
		if len(w) == 2 && w[1] == 'y' && strings.IndexByte("bcdghklmnpqrstvx", w[0]) >= 0 {
			ws[i] = w[:1] + "i"
		}
	}
	return ws
}

// compact runs words together, for words typed without spaces
// ("lylichtuphap"); y and i are one letter there, as the syllables cannot
// be told apart.
func compact(words []string) string {
	return strings.ReplaceAll(strings.Join(words, ""), "y", "i")
}

// fillers are words typed around a procedure's name that name none
// ("khai tử cho bà", "khai sinh cho bé", "thủ tục kết hôn", "đổi bằng lái
// online", "mẫu CT01", "dvcqg khai sinh", "nộp trên vneid"), folded: dropped
// from a query that has other words, unless the query as typed is a phrase
// of a guide's name ("người nhà mất", "giấy tờ trên VNeID"), or is one but
// for its filler words ("làm trên cổng dịch vụ công": the portal's login,
// not "cổng" alone, which every guide's "dịch vụ công" holds). "Trên" also
// puts where a procedure is done after it ("khai sinh trên vneid"): a place
// (placeAt), dropped when the query finds nothing with it.
// fillerPhrases are two words or more that together name none, though
// each alone may ("thủ tục", "hướng dẫn", "trực tuyến", "ở đâu", "nộp hồ
// sơ", "nộp online", "thủ tục hành chính", "dịch vụ công", "cách làm",
// "cho hỏi", "như thế nào"; in English "how to", "how do i"); the longest is dropped
// first. Some words are fillers only in a phrase: "nộp" alone is none
// ("nộp phạt" is a guide, and "nộp thuế", tax, is not "thuê" trọ), nor
// "cách" ("cách ly", quarantine, is not "lý" lịch), nor "hỏi", which is
// also "hội" ("xã hội").
//
// English fillers are the words of a question typed around a procedure's
// name ("how do i register my baby's birth", "i want to get a passport",
// "cost of passport"): pronouns, "want", "need", "get", "apply for", the
// people a procedure is done for. Those that are also Vietnamese syllables
// without diacritics ("to" tờ, "an" ăn, "the" thẻ, "do" độ, "my" mỹ, "it"
// ít, "son" sơn) are englishFillers: dropped only from a query in English
// (englishQuery), as "giấy tờ", "tiền án", "chế độ" are words of guides.
// Some fillers say what is asked: a fee (feeWords: "phí", "lệ phí", "nộp
// phí", "fee"), a question of cost, time or papers (asking: "bao nhiêu",
// "bao lâu", "cần giấy tờ gì", "how much", "how long", "what documents",
// "what"), or a procedure in general (generic: "thủ tục", "dịch vụ",
// "service"; not "hồ sơ": "lệ phí hồ sơ" is paying it). A question, or a
// fee of a procedure in general ("phí dịch vụ"), asked of no procedure
// finds nothing: "dịch vụ" was found in every procedure's "dịch vụ công
// toàn trình". A fee's word that is a word of a guide's name is first
// searched with the words around it ("pay fees online": thanh-toan, not
// nop-phat's "pay a traffic fine online").
var (
	fillers        = map[string]bool{}
	fillerPhrases  = map[string]bool{}
	englishFillers = map[string]bool{}
	englishWords   = map[string]bool{} // the English fillers, and the fee's
	feeWords       = map[string]bool{}
	asking         = map[string]bool{}
	generic        = map[string]bool{}
	// keptIfNamed are the fillers a guide's name may hold, searched with
	// the words around them first: a fee's words, the people a procedure
	// is done for, what happened ("lost": "lost birth certificate", not the
	// birth registration) and the papers asked after a name ("passport
	// documents"; "add documents to VNeID").
	keptIfNamed = map[string]bool{}
	children    = map[string]bool{}
)

// longestFiller is the most words of a filler phrase.
var longestFiller = 2

func init() {
	for _, w := range strings.Fields("cho cua be con ba ong bo me chau em anh chi nguoi minh toi giup lam muon can va voi o thi nhe nha a oi de xin online vay nhi z mau form hs dvcqg please tren") {
		fillers[w] = true
	}
	// A polite opener ("dạ em", "cho em hỏi", "em muốn hỏi", "cho tui hỏi
	// chút về"): "e" and "tui" (em, tôi) are fillers; "hỏi" only in the
	// phrase, as it is also "hội"; "dạ" only before a person or an opener,
	// as folded it is also "đã" ("đã nộp", "đã hết hạn" name nothing).
	for _, w := range strings.Fields("e tui") {
		fillers[w] = true
	}
	who := []string{"em", "e", "minh", "toi", "tui", "chau", "con", "anh", "chi", "bac", "co", "chu", "ong", "ba"}
	for _, w := range who {
		fillerPhrases["da "+w] = true
	}
	for _, opener := range []string{"cho", "xin", "muon", "cho phep", "xin phep"} {
		for _, w := range append([]string{""}, who...) {
			for _, tail := range []string{"", "ve", "chut", "chut ve", "xiu", "xiu ve", "ti", "ti ve", "lai"} {
				for _, da := range []string{"", "da "} {
					ws := strings.Fields(da + opener + " " + w + " hoi " + tail)
					fillerPhrases[strings.Join(ws, " ")] = true
					longestFiller = max(longestFiller, len(ws))
				}
			}
		}
	}
	// "Lên" (up) names nothing: "nâng cấp vneid lên mức 2".
	fillers["len"] = true
	// A spouse, whom a procedure is done for as "mẹ" or "bà" ("thường trú
	// cho vợ", "khai tử cho chồng"): "vợ", unknown, made every such query
	// find nothing but a look-alike ("thường trú cho" of the birth
	// registration's "thường trú cho trẻ mới sinh"). Folded, "vo" is also
	// "vô" (into), no more a procedure's word.
	for _, w := range strings.Fields("chong vo") {
		fillers[w] = true
	}
	// A procedure's fee or time asked ("hộ chiếu bao nhiêu tiền", "lệ phí
	// hộ chiếu", "khai sinh mất mấy ngày", "passport fee", "how long"):
	// the guide's consent screen shows both. "phí" and "fee" are words of
	// fee guides' names ("Thanh toán phí, lệ phí", "mai táng phí", "pay
	// fees online"): kept when the query is one of those phrases, or only
	// that word. "mất" ("mất căn cước"), "tiền" ("tiền phạt") and "không"
	// ("không đăng nhập được") are fillers only in a phrase.
	// "Money" ("does it cost money", "how much money") and "bring" ("what
	// should i bring") ask a cost or the papers.
	for _, w := range strings.Fields("phi fee fees cost costs price much long take takes does is application submit money bring") {
		fillers[w] = true
	}
	for _, w := range strings.Fields("fee fees cost costs price much long take takes does is application submit money bring") {
		englishWords[w] = true
	}
	for _, p := range []string{"phi", "fee", "fees", "le phi", "nop le phi", "dong le phi", "nop phi", "dong phi"} {
		feeWords[p], keptIfNamed[p] = true, true
	}
	for _, p := range []string{"cost", "costs", "price", "much", "long", "take", "takes", "how", "what", "when", "money", "bring",
		"bao nhieu", "bao nhieu tien", "het bao nhieu", "het bao nhieu tien", "mat bao nhieu", "mat bao nhieu tien",
		"mat phi", "mat tien", "ton phi", "mien phi", "co phi khong", "mat phi khong", "co mat phi khong",
		"mat tien khong", "co mat tien khong", "mien phi khong", "co mien phi khong",
		"bao lau", "mat bao lau", "may ngay", "mat may ngay", "bao nhieu ngay", "bao gio", "bao gio co",
		"khi nao", "khi nao co", "lau khong", "co lau khong", "how much", "how long",
		"free", "ready", "requirements", "requirement", "required", "papers", "paperwork"} {
		asking[p] = true
	}
	// The papers a procedure needs, asked ("hộ chiếu cần giấy tờ gì", "what
	// documents do i need"): the guide's steps say. Not "giấy tờ" or
	// "documents" alone, words of the VNeID wallet's guide.
	for _, p := range []string{"giay to gi", "can giay to gi", "nhung giay to gi", "can nhung giay to gi",
		"nhung gi", "can nhung gi", "gom nhung gi", "can gi", "chuan bi gi", "can chuan bi gi", "can chuan bi nhung gi",
		"what documents", "which documents", "documents needed", "documents required", "required documents",
		"what papers", "papers needed", "documents for", "papers for",
		// Papers or a payment asked of what to hand in or bring ("phải nộp
		// những gì", "cần mang giấy tờ gì", "what do i pay"): "nộp", "mang"
		// or "pay" left alone found the traffic fine or eighteen guides; and
		// a fee or time asked with "là" ("lệ phí là bao nhiêu").
		"nop nhung gi", "can nop nhung gi", "phai nop nhung gi", "nop nhung giay to gi", "can nop nhung giay to gi",
		"phai nop nhung giay to gi", "mang giay to gi", "can mang giay to gi", "mang theo nhung gi",
		"can mang theo nhung gi", "mang theo giay to gi", "can mang theo giay to gi",
		"do i pay", "do i have to pay", "what do i pay", "la bao nhieu", "la bao lau"} {
		ws := words(p)
		fillerPhrases[strings.Join(ws, " ")], asking[strings.Join(ws, " ")] = true, true
		longestFiller = max(longestFiller, len(ws))
	}
	// A child, whom a procedure is done for ("hộ chiếu trẻ em").
	for _, p := range []string{"tre em", "tre nho", "tre con"} {
		children[p], keptIfNamed[p], fillerPhrases[p] = true, true, true
	}
	// A son or a daughter ("hộ chiếu cho con gái", "con trai tôi"): "gái",
	// "trai" alone are no procedure's words either.
	for _, p := range []string{"con gai", "con trai", "be gai", "be trai"} {
		fillerPhrases[p] = true
	}
	for _, p := range []string{"dich vu", "dich vu cong", "thu tuc", "thu tuc hanh chinh",
		"service", "services", "public service", "public services"} {
		generic[p] = true
	}
	for _, p := range []string{"dich vu", "public service", "public services"} {
		fillerPhrases[p] = true
	}
	for _, p := range []string{"thu tuc", "huong dan", "truc tuyen", "how to", "o dau",
		"ho so", "nop ho so", "nop hs", "nop online", "nop truc tuyen", "thu tuc hanh chinh",
		"dich vu cong", "cach lam", "cach nop", "cach xin", "cach dang ky", "cach de", "chi cach",
		"cho hoi", "xin hoi", "muon hoi", "hoi ve", "cho hoi ve", "xin hoi ve", "muon hoi ve",
		"the nao", "nhu the nao", "lam sao de", "how do i", "how can i",
		// A question's tail as said north and south (review 24S): "đổi
		// như nào", "làm ra sao", "cần làm gì".
		"nhu nao", "ra sao", "lam the nao", "lam nhu nao", "lam nhu the nao", "lam gi", "can lam gi",
		"phai lam gi", "phai lam sao", "lam sao", "the nao a", "sao a",
		"le phi", "nop le phi", "dong le phi", "nop phi", "dong phi", "bao nhieu", "bao nhieu tien",
		"het bao nhieu", "het bao nhieu tien", "mat bao nhieu", "mat bao nhieu tien", "mat phi", "mat tien",
		"ton phi", "mien phi", "co phi khong", "mat phi khong", "co mat phi khong", "mat tien khong",
		"co mat tien khong", "mien phi khong", "co mien phi khong",
		"bao lau", "mat bao lau", "may ngay", "mat may ngay", "bao nhieu ngay", "bao gio", "bao gio co",
		"khi nao", "khi nao co", "thi co", "co ket qua", "ket qua", "lau khong", "co lau khong", "how much", "how long",
		"sinh vien", "hoc sinh", "nguoi gia", "nguoi cao tuoi",
		// When or what for, which the guide covers: "khai sinh quá hạn"
		// (late), "CT07 cho con đi học" (for a school). Not "hết hạn", a
		// word of names ("thẻ bhyt hết hạn").
		"qua han", "tre han", "di hoc", "nhap hoc", "xin hoc",
		// Done again, not a paper reissued (lossWords): "làm lại tạm trú".
		"lam lai", "xin lai",
		// Where it is done, not what ("đăng ký thường trú trên cổng dịch vụ
		// công"); not "trên VNeID", a word of guides' names.
		"tren cong", "tren cong dich vu cong", "tren dich vu cong", "tren dien thoai", "tren mang",
		"tren app", "tren ung dung", "tren may tinh", "tren internet", "on the portal", "on my phone"} {
		ws := words(p) // "dang ky" is "dang ki"
		fillerPhrases[strings.Join(ws, " ")] = true
		longestFiller = max(longestFiller, len(ws))
	}
}

// Small talk: what people type to a bot that is not a request — a new
// volunteer's "xin chào", a resident's "cảm ơn cháu nhiều nhé". greetings
// and thanks greet or thank by themselves ("cảm ơn" is the pair below);
// polite words ("anh", "ạ", "nhiều", "buổi sáng") only go with them. Typed
// around a procedure's name, greetings, thanks and the polite words that
// name no guide are fillers.
var (
	greetings = map[string]bool{}
	thanks    = map[string]bool{}
	polite    = map[string]bool{}
)

func init() {
	for _, w := range strings.Fields("chao alo aloo hello helo hallo hi hey") {
		greetings[w], fillers[w] = true, true
	}
	for _, w := range strings.Fields("camon thanks thank thankyou tks thx ok oke okay okie okela") {
		thanks[w], fillers[w] = true, true
	}
	for _, w := range strings.Fields("you nhieu bot dvcbot") {
		polite[w], fillers[w] = true, true
	}
	// Not fillers: "bản" (sao), "vắng" (tạm vắng) are words of guides; the
	// English ones may be words of the English titles.
	for _, w := range strings.Fields("xin ban a da vang nhe nha anh chi em ong ba co chu bac chau con cac moi nguoi ca oi lam rat buoi sang chieu toi so much very all everyone there good morning") {
		polite[w] = true
	}
	fillerPhrases["cam on"] = true
	for _, w := range strings.Fields("da a oi nhe tiep duoc roi xong u uh uhm um umm uk ukm hihi haha hehe hic hmm " +
		"wait done yes no yeah yep sure great sorry please bye goodbye alright nice cool moment minute i m im lot") {
		smallTalk[w] = true
	}
	for _, p := range []string{"tiep di", "tiep tuc", "sao vay", "sao the", "the nao", "lam sao", "khong duoc",
		"dung roi", "hieu roi", "biet roi", "xin loi", "tam biet", "khong sao", "khong co gi", "hay qua", "tot qua",
		"got it", "hold on", "one moment", "hi there",
		// A weak network, said while waiting (review 24S: "mạng yếu quá"
		// found the stay notice).
		"mang yeu", "mang cham", "mang lag", "rot mang", "mang kem"} {
		smallTalk[p] = true
	}
	polite["qua"] = true // "quá", very
	for _, w := range strings.Fields("chut ti xiu lat mot") {
		waitWords[w] = true
	}
	hatTalk["vang"] = true
}

// smallTalk are the words and phrases, folded, of the rest of what is
// typed beside a resident that is no request ("dạ", "vâng", "tiếp",
// "không được", "sao vậy", "done"): a query made only of them, greetings,
// thanks and polite words, one of them at least no polite word, finds
// nothing — short words matched the
// beginnings and look-alikes of guides' words ("dạ": "dân", "vâng":
// "vắng"). Waiting ("chờ chút", "đợi tí") is "chờ" or "đợi" with one of
// waitWords, "ngồi" and "đây" with them ("bà ngồi chờ chút": "ngồi" was
// read as "người"): alone "đổi" is a procedure's. hatTalk are small talk only
// typed with a circumflex (hatted): "vâng" (yes), not "vang", which may be
// "vắng" (tạm vắng).
var (
	smallTalk = map[string]bool{}
	waitWords = map[string]bool{}
	hatTalk   = map[string]bool{}
)

// hatted are the folded words of query typed with a circumflex.
func hatted(query string) map[string]bool {
	hats := map[string]bool{}
	for _, w := range strings.FieldsFunc(norm.NFD.String(query), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	}) {
		if strings.ContainsRune(w, '\u0302') {
			hats[vntext.Fold(w)] = true
		}
	}
	return hats
}

// onlySmallTalk says whether the folded words of query are only small
// talk.
func onlySmallTalk(ws []string, query string) bool {
	var hats map[string]bool
	waiting := slices.ContainsFunc(ws, func(w string) bool { return waitWords[w] })
	talk := false // a word that is only small talk: not "nhà", "số", "làm" alone
next:
	for i := 0; i < len(ws); i++ {
		for n := 3; n >= 2; n-- {
			if i+n <= len(ws) {
				if p := strings.Join(ws[i:i+n], " "); smallTalk[p] || p == "cam on" {
					i, talk = i+n-1, true
					continue next
				}
			}
		}
		switch w := ws[i]; {
		case greetings[w] || thanks[w] || smallTalk[w] || waiting && (waitWords[w] || w == "cho" || w == "doi" || w == "ngoi" || w == "day"):
			talk = true
		case hatTalk[w]:
			if hats == nil {
				hats = hatted(query)
			}
			if !hats[w] {
				return false
			}
			talk = true
		case !polite[w]:
			return false
		}
	}
	return talk
}

// What a text is when it is only small talk.
const (
	NotCourtesy = iota
	Greeting    // "xin chào", "alo", "chào anh ạ"
	Thanks      // "cảm ơn nhiều", "ok 👍", "chào, cảm ơn nhé" (the thanks is what is meant)
)

// Courtesy says whether query only greets or thanks: small talk, not a
// search.
func Courtesy(query string) int {
	ws := words(query)
	if len(ws) > 8 {
		return NotCourtesy
	}
	kind := NotCourtesy
	for i := 0; i < len(ws); i++ {
		switch {
		case i+1 < len(ws) && ws[i]+" "+ws[i+1] == "cam on", thanks[ws[i]]:
			if ws[i] == "cam" {
				i++
			}
			kind = Thanks
		case greetings[ws[i]]:
			if kind == NotCourtesy {
				kind = Greeting
			}
		case !polite[ws[i]]:
			return NotCourtesy
		}
	}
	return kind
}

// dropped says what the fillers dropped from a query asked: named, a
// word kept if named (keptIfNamed).
type dropped struct{ fee, question, generic, named bool }

// withoutFillers drops the filler words and phrases, and the English ones
// from a query in English; but a fee's or a person's words ("baby"), or
// the other words kept if named, when keep says so; and the words saying a
// loss (loss: "lost", "làm" mất), which a guide must match. An age ("14 year
// old", "6 months old") says whom for, as a person's words do; it is
// dropped.
func withoutFillers(words []string, english bool, keep func(string) bool, loss map[string]bool) (kept []string, d dropped) {
	drop := func(p string) bool {
		if keptIfNamed[p] && keep != nil && keep(p) {
			kept = append(kept, strings.Fields(p)...)
			return false
		}
		d.fee = d.fee || feeWords[p]
		d.question = d.question || asking[p]
		d.generic = d.generic || generic[p]
		d.named = d.named || keptIfNamed[p]
		return true
	}
next:
	for i := 0; i < len(words); i++ {
		if n := age(words[i:]); n > 0 {
			d.named = true
			i += n - 1
			continue
		}
		for n := min(longestFiller, len(words)-i); n >= 2; n-- {
			p := strings.Join(words[i:i+n], " ")
			if !fillerPhrases[p] {
				continue
			}
			switch lost := slices.DeleteFunc(slices.Clone(words[i:i+n]), func(w string) bool { return !loss[w] }); {
			case len(lost) == 0:
				drop(p)
			case len(lost) == n: // the loss itself ("làm lại" thẻ)
				continue
			default: // a phrase holding a word the loss also holds ("làm sao để làm lại căn cước"): that word kept
				drop(p)
				kept = append(kept, lost...)
			}
			i += n - 1
			continue next
		}
		w := words[i]
		switch {
		case loss[w]:
			kept = append(kept, w)
		case fillers[w]:
			drop(w)
		case english && englishFillers[w]:
			drop(w)
		default:
			kept = append(kept, w)
		}
	}
	return kept, d
}

// age says how many of words, from the first, are an age: in English a
// number, "year" or "month" (or their plurals), and "old" if typed ("14
// year old", "5 years", "6 months old"); in Vietnamese "dưới", "trên" or
// "đủ" ("từ đủ"), a number and "tuổi" (not "căn cước 25 tuổi" of a guide's name);
// 0 when they are not.
func age(words []string) int {
	if len(words) >= 4 && words[0] == "tu" && age(words[1:]) == 3 { // "từ đủ 14 tuổi"
		return 4
	}
	if len(words) >= 3 && (words[0] == "duoi" || words[0] == "tren" || words[0] == "du") && words[2] == "tuoi" &&
		strings.Trim(words[1], "0123456789") == "" {
		return 3
	}
	if len(words) < 2 || strings.Trim(words[0], "0123456789") != "" {
		return 0
	}
	switch words[1] {
	case "year", "years", "yr", "yrs", "month", "months":
	default:
		return 0
	}
	if len(words) > 2 && words[2] == "old" {
		return 3
	}
	return 2
}

// englishQuery says whether words are English: one of them at least is an
// English word (of the guides' English titles or the English fillers) that
// no Vietnamese syllable is spelt as, folded — "passport", "how", "for",
// not "to", "an", "the".
func (c *Catalog) englishQuery(words []string) bool {
	for _, w := range words {
		if (c.english[w] || englishWords[w]) && !syllable(w) && !c.vietnamese[w] {
			return true
		}
	}
	return false
}

// onsets are the consonants a Vietnamese syllable may begin with, folded
// (đ is d), longest first; codas those it may end with.
var (
	onsets = strings.Fields("ngh ng nh ch gh gi kh ph qu th tr b c d g h k l m n p r s t v x")
	codas  = map[string]bool{"": true, "c": true, "ch": true, "m": true, "n": true, "ng": true, "nh": true, "p": true, "t": true}
)

// syllable says whether w, folded, could be a Vietnamese syllable without
// its diacritics: an onset or none, one to three vowels, a coda or none;
// c and g are written k and gh before e, i, y. Loosely: "much" passes.
func syllable(w string) bool {
	for _, o := range append(slices.Clone(onsets), "") {
		rest, ok := strings.CutPrefix(w, o)
		if !ok {
			continue
		}
		v := 0
		for v < len(rest) && strings.IndexByte("aeiouy", rest[v]) >= 0 {
			v++
		}
		if v == 0 || v > 3 || !codas[rest[v:]] {
			continue
		}
		front := strings.IndexByte("eiy", rest[0]) >= 0
		if (o == "c" || o == "g" || o == "ng") && front || (o == "k" || o == "gh" || o == "ngh") && !front {
			continue
		}
		return true
	}
	return false
}

// Search returns the guides that match query, best first (ties in list
// order); none when nothing matches. A place typed after the procedure
// ("tạm trú ở phường 5", "khai sinh xã Tân Phú", "khai sinh tại bệnh viện")
// names no guide: when the whole query finds nothing, it is searched
// without it (placeAt). Not when the query names somewhere abroad ("tại đại
// sứ quán", "ở nước ngoài", "at the embassy"): the guides are for
// Vietnam's own offices, and one found without those words would be the
// domestic procedure the volunteer did not ask for. Nor when it names a
// paper lost that a guide names without covering its loss (lossWords): "i
// lost the marital status certificate" is no loss of "i" somewhere.
// A marriage with a foreigner finds nothing (NoGuide says so), but for a
// copy of its extract (foreignMarriageCopy); a procedure for a foreigner
// (a spouse named by a foreign nationality, "cho người nước ngoài") finds
// nothing, but for a paper of the resident's own (foreignSpouseSearch).
func (c *Catalog) Search(query string) []*Guide {
	ws := c.wordsOf(query)
	if onlySmallTalk(ws, query) || holds(ws, unguided) || c.onlyPerson(ws, whom) != "" || c.everydayAlone(query) {
		return nil
	}
	if marriesForeigner(ws) {
		return c.foreignMarriageCopy(ws)
	}
	if found, ok := c.foreignSpouseSearch(ws); ok {
		return found
	}
	if c.unguidedOnly(ws) {
		return nil // "xin visa", "ly dị", "sổ đỏ": no guide's (NoGuide)
	}
	if found, ok := c.severalLost(query); ok {
		return found
	}
	return c.searchQuery(ws)
}

// searchQuery is Search of the folded words of a query that asks for no
// procedure no guide covers.
func (c *Catalog) searchQuery(ws []string) []*Guide {
	if found := c.troubleRetry(ws); len(found) > 0 { // "vneid không được": which of the app's guides
		return found
	}
	found, uncovered := c.search(ws)
	if len(found) > 0 {
		return found
	}
	if namesAbroad(ws) {
		return c.purposeRetry(ws)
	}
	if uncovered { // but the situation may be what the other guide matched: "mất thẻ bhyt cho trẻ"
		return c.situationRetry(ws)
	}
	// Damage of no paper ("vneid bị hỏng", "mất việc bị hỏng"): without its
	// words, place and all. Damage of a paper is its loss, answered above.
	// When the best found is an app or an account ("vneid bị hỏng": the
	// app), the account and payment guides found answer alone, not every
	// procedure naming VNeID; a procedure found first keeps the list
	// ("đăng ký xe hỏng": the registration paper).
	if rest, ok := withoutDamage(ws); ok && !damagedPaperIn(ws) {
		found := c.searchWords(deaths(rest))
		if len(found) > 0 && !found[0].Procedure() {
			return slices.DeleteFunc(found, (*Guide).Procedure)
		}
		return found
	}
	if found := c.placeRetry(ws); len(found) > 0 {
		return found
	}
	if found := c.situationRetry(ws); len(found) > 0 {
		return found
	}
	return c.spanRetry(ws)
}

// Several papers lost in one message ("mất căn cước, bằng lái và thẻ bảo
// hiểm", "bị mất hộ chiếu và căn cước") found the guide of the first
// alone, or of none. Split at the commas, and at "và", "với", "hoặc",
// "and", "or" before a paper, each part after the first a paper, the
// loss said in the first: each paper is searched with that loss's words
// ("mất bằng lái", "mất thẻ bảo hiểm"), and the guides covering a loss
// found are listed, in the order typed. A paper no guide covers the loss
// of ("mất căn cước và sổ đỏ") adds none.
var paperLinks = map[string]bool{"va": true, "voi": true, "hoac": true, "and": true, "or": true}

// severalLost is Search of a query naming several papers lost, and
// whether it names them.
func (c *Catalog) severalLost(query string) ([]*Guide, bool) {
	var parts [][]string
	for _, p := range strings.FieldsFunc(query, func(r rune) bool { return strings.ContainsRune(",;/+&", r) }) {
		ws := c.wordsOf(p)
		start := 0
		for i, w := range ws {
			if i > start && paperLinks[w] && i+1 < len(ws) && paperStarts(ws, i+1) {
				parts = append(parts, ws[start:i])
				start = i + 1
			}
		}
		parts = append(parts, ws[start:])
	}
	if len(parts) < 2 || len(lossWords(parts[0])) == 0 {
		return nil, false
	}
	at := -1
	for i := range parts[0] {
		if paperStarts(parts[0], i) {
			at = i
			break
		}
	}
	if at <= 0 {
		return nil, false
	}
	loss := parts[0][:at] // "mất", "bà bị mất", "làm lại"
	var found []*Guide
	for i, p := range parts {
		if i > 0 {
			if !paperAt(p, 0) {
				return nil, false
			}
			p = slices.Concat(loss, p)
		}
		for _, g := range c.Search(strings.Join(p, " ")) {
			if c.coversLoss(g) && !slices.Contains(found, g) {
				found = append(found, g)
			}
		}
	}
	return found, len(found) > 0
}

// coversLoss says whether one of g's names says a paper lost or reissued.
func (c *Catalog) coversLoss(g *Guide) bool {
	return slices.ContainsFunc(c.index, func(e entry) bool { return e.guide == g && e.reissue })
}

// The resident's situation told around the procedure, before it as often
// as after ("con mới sinh chưa có giấy khai sinh", "mới nghỉ việc muốn
// lãnh trợ cấp thất nghiệp", "đăng ký xe máy mới mua"): when the query
// finds nothing, the longest words in it that are one of a guide's names
// whole, two words at least or an abbreviation or English word, as typed
// or but for fillers ("khai sinh", "trợ cấp thất nghiệp", "đăng ký xe máy",
// "căn cước", "cccd"), are searched alone, when they find clearly few
// guides. Not a one-word name a Vietnamese word may be ("cưới", folded, is
// "cuối": "6 tháng cuối năm"), nor a part of a name ("gia hạn", "giấy phép": "xin giấy phép
// bán thuốc tây"), nor a name of fillers only ("lệ phí là bao nhiêu"), nor
// a name after a loss's words ("báo mất ví điện tử", "bị cho nghỉ việc":
// what was lost is no paper, or no guide's loss).
const longestSpan = 8

// spanRetry is Search of the longest span of the folded words that is a
// guide's name, when the whole found nothing.
func (c *Catalog) spanRetry(ws []string) []*Guide {
	english := c.englishQuery(ws)
	for n := min(longestSpan, len(ws)-1); n >= 1; n-- {
		for i := 0; i+n <= len(ws); i++ {
			span := ws[i : i+n]
			kept, _ := withoutFillers(span, english, nil, nil)
			if len(kept) == 0 || !c.wholeName(span) && !c.wholeName(kept) || afterLoss(ws, i) {
				continue
			}
			if found := c.searchWords(deaths(span)); len(found) > 0 && len(found) <= clearly {
				return found
			}
		}
	}
	return nil
}

// wholeName says whether ws are one of a guide's names, of two words at
// least or of one no Vietnamese syllable is spelt as ("cccd", "passport";
// not "cưới", folded "cuoi").
func (c *Catalog) wholeName(ws []string) bool {
	return (len(ws) >= 2 || len(ws) == 1 && !syllable(ws[0])) && c.isName(ws)
}

// afterLoss says whether the words before ws[i], but for fillers, end with
// a loss's ("mất", "bị").
func afterLoss(ws []string, i int) bool {
	for i > 0 && fillers[ws[i-1]] && !lossVerbs[ws[i-1]] {
		i--
	}
	return i > 0 && (ws[i-1] == "mat" || ws[i-1] == "bi")
}

// The resident's situation typed after a procedure: a reason, a purpose or
// whom for, after one of reasons ("cấp đổi CCCD vì đổi tên đường", "làm
// khai sinh cho con nhà bên cạnh", "tạm trú để con đi học"); or a few words
// that no guide's name holds nor any looks like ("khai sinh gấp"). When the
// query finds nothing with them, it is searched without them; what is left
// must name a guide clearly — a word that is no filler, and at most
// clearly guides found — or the query still finds nothing ("nấu ăn cho
// con", "con mèo nhà bên cạnh bị ốm").
var reasons = map[string]bool{"vi": true, "do": true, "cho": true, "de": true, "khi": true, "because": true, "since": true}

// clearly is the most guides a query searched without its situation may
// find.
const clearly = 3

// situationRetry is Search of the folded words without the resident's
// situation after the procedure (reasons), or without the few words no
// guide's name holds nor any looks like.
func (c *Catalog) situationRetry(ws []string) []*Guide {
	// Two words that are no fillers, or one that is a guide's whole name
	// ("cccd"; not "đi" of "đi chợ").
	// What is left but the fillers must be a phrase of a guide's name, of
	// two words at least or a whole name ("cccd"; not "đi" of "đi chợ", nor
	// "cách" and "phổ" of two names in "cách nấu phở"); asked of no
	// procedure ("bao giờ có"), it is no procedure.
	english := c.englishQuery(ws)
	if _, d := withoutFillers(ws, english, nil, nil); d.question {
		return nil
	}
	// Before a reason, the words must each be a word of a name, as typed
	// ("cấp đổi cccd"; not "không phải lý do").
	named := func(head []string, phrase bool) bool {
		kept, _ := withoutFillers(head, english, nil, nil)
		// A loss is no procedure: "báo mất ví điện tử", "nộp bị cho nghỉ việc".
		loss := lossWords(head)
		kept = slices.DeleteFunc(kept, func(w string) bool { return reasons[w] || loss[w] || lossVerbs[w] || w == "mat" })
		if len(kept) < 2 && !c.isName(kept) {
			return false
		}
		if phrase {
			return c.isPhrase(kept)
		}
		return !slices.ContainsFunc(kept, func(w string) bool { return !c.words[w] })
	}
	for i := len(ws) - 1; i > 0; i-- {
		if !reasons[ws[i]] || i+1 == len(ws) || !named(ws[:i], false) {
			continue
		}
		if found := c.searchWords(deaths(ws[:i])); len(found) > 0 && len(found) <= clearly {
			return found
		}
	}
	// Words no name holds: one for two known words at most ("khai sinh
	// gấp"; not "nếu không cần, dừng ở đây").
	// A loss's or damage's words are never dropped ("broken bhyt card"
	// without a guide for it finds none); "bị" before a word dropped goes
	// with it ("vneid bị lỗi").
	loss := lossWords(ws)
	var rest []string
	unknown, known := 0, 0
	for _, w := range ws {
		switch {
		case fillers[w] || englishFillers[w]:
			rest = append(rest, w)
		case loss[w] || damageWords[w]:
			known++
			rest = append(rest, w)
		case c.unknown(w):
			if len(rest) > 0 && rest[len(rest)-1] == "bi" && !loss["bi"] {
				rest = rest[:len(rest)-1]
			}
			unknown++
		default:
			known++
			rest = append(rest, w)
		}
	}
	if unknown == 0 || 2*unknown > known || !named(rest, true) {
		return nil
	}
	if found := c.searchWords(deaths(rest)); len(found) <= clearly {
		return found
	}
	return nil
}

// unknown says whether no guide's name holds w, folded, nor a word it
// begins or is a typo of; a number or a unit's word is no unknown word.
func (c *Catalog) unknown(w string) bool {
	if c.words[w] || notTypos[w] || unitWords[w] || strings.Trim(w, "0123456789") == "" {
		return false
	}
	for nw := range c.words {
		if wordScore(w, nw) > 0 {
			return false
		}
	}
	return true
}

// searchWords is Search of the folded words.
func (c *Catalog) searchWords(ws []string) []*Guide {
	found, uncovered := c.search(ws)
	if len(found) > 0 {
		return found
	}
	if namesAbroad(ws) || uncovered {
		return nil
	}
	return c.placeRetry(ws)
}

// placeRetry is Search of the folded words without a place typed after the
// procedure, when they found nothing with it.
func (c *Catalog) placeRetry(ws []string) []*Guide {
	// From the last place's start back, so that a guide's own word that is
	// also a unit's ("tình trạng": tỉnh) is kept when a later one starts the
	// place ("xác nhận tình trạng hôn nhân ở phường 5"). What was lost is
	// no place: "mất tài khoản ngân hàng" ("tài" is "tại") is not "mất"
	// somewhere, which every guide covering a loss would answer.
	loss := lossWords(ws)
	for i := len(ws) - 1; i > 0; i-- {
		if !placeAt(ws, i) {
			continue
		}
		head := ws[:i]
		for len(head) > 0 && prepositions[head[len(head)-1]] {
			head = head[:len(head)-1]
		}
		if !slices.ContainsFunc(head, func(w string) bool { return !loss[w] && !fillers[w] && !englishFillers[w] }) {
			continue
		}
		// A relative's "mất" the place followed is last now: a death
		// ("người nhà mất trên điện thoại").
		if found, _ := c.search(deaths(head)); len(head) > 0 && len(found) > 0 {
			return found
		}
	}
	return nil
}

// wordsOf are the folded words of a query, abbreviations written out,
// without the places it names (placesCut): a relative's death read
// first, "người nhà mất" is no Phường Nhà Mát.
func (c *Catalog) wordsOf(query string) []string {
	ws, _ := c.placesCut(query)
	return lastWords(ws)
}

// queryWords are the folded words of a query, abbreviations written out,
// places and all.
func queryWords(query string) []string {
	return lastWords(rawQueryWords(query))
}

// lastWords are ws without a preposition typed last, a relative's death
// read (deaths).
func lastWords(ws []string) []string {
	// A preposition typed last ("tạm trú tại", "passport at") has no place
	// after it to name: it is dropped, as a place would be — not "thuoc",
	// which is "thuốc" (medicine) as often as "thuộc".
	for len(ws) > 1 && prepositions[ws[len(ws)-1]] && ws[len(ws)-1] != "thuoc" {
		ws = ws[:len(ws)-1]
	}
	return deaths(ws)
}

// rawQueryWords are the folded words of a query, abbreviations written
// out, as typed, a tax typed with its mark read (taxWord).
func rawQueryWords(query string) []string {
	var ws []string
	for _, w := range words(taxWord(query)) {
		if long, ok := abbreviations[w]; ok {
			ws = append(ws, long...)
			continue
		}
		ws = append(ws, w)
	}
	return onTheApp(ws)
}

// taxWord is query with "thuế" (a tax), typed with its mark, written
// "tax": folded, it is "thuê" (rent), a word of the temporary residence's
// names ("thuê trọ"), which "thuế" alone found. A tax is no guide's
// (unguidedAlone). So is "thue" typed without marks where the words
// beside it say a tax (plainThue): "đóng thue", "mã số thue", "thue đất".
func taxWord(query string) string {
	q, _ := plainThue(query)
	return q
}

// plainThue is query with its taxes written "tax" (taxWord), and whether
// a "thue" typed without marks was left that nothing beside it says rent
// or tax ("thue" alone, "thủ tục thue"): read as rent, and as likely a
// tax (TaxToo).
func plainThue(query string) (string, bool) {
	q := vntext.NFC(query)
	var spans [][2]int // the words of q, where they start and end
	start := -1
	for i, r := range q {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			spans = append(spans, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(q)})
	}
	folds := make([]string, len(spans))
	for k, s := range spans {
		folds[k] = strings.Join(words(q[s[0]:s[1]]), " ")
	}
	var b strings.Builder
	ambiguous, last := false, 0
	for k, s := range spans {
		b.WriteString(q[last:s[0]])
		last = s[1]
		switch w := strings.ToLower(q[s[0]:s[1]]); {
		case w == "thuế":
			b.WriteString("tax")
			continue
		case w == "thue":
			before, after := thueSaid(folds[:k], true), thueSaid(folds[k+1:], false)
			if (before == "tax" || after == "tax") && before != "rent" && after != "rent" {
				b.WriteString("tax")
				continue
			}
			ambiguous = ambiguous || before == "" && after == ""
		}
		b.WriteString(q[s[0]:s[1]])
	}
	b.WriteString(q[last:])
	return b.String(), ambiguous
}

// The words that, typed beside "thue" without marks, say whether it is a
// tax ("thuế") or rent ("thuê"), folded: before it and after it. The
// longest phrase beside it says ("thue nha dat", a tax on a house and its
// land, is no house rented).
var (
	taxBefore = folded("đóng", "nộp", "nợ", "trốn", "miễn", "mã số", "khai", "kê khai", "khai báo", "quyết toán", "hoàn",
		"đăng ký", "cục", "chi cục", "cơ quan")
	taxAfter = folded("đất", "nhà đất", "sử dụng đất", "thu nhập", "tncn", "gtgt", "vat", "môn bài", "trước bạ", "khoán",
		"cá nhân", "tiêu thụ đặc biệt")
	rentBefore = folded("nhà", "cho", "ở", "người", "đi", "phòng", "trọ", "tạm trú")
	rentAfter  = folded("nhà", "nhà ở", "trọ", "phòng", "phòng trọ", "căn hộ", "mặt bằng", "xe", "ki ốt")
)

// thueSaid is what the words typed beside a plain "thue" say it is: "tax",
// "rent", or "" — before it (ws ends beside it) or after it (ws begins).
func thueSaid(ws []string, before bool) string {
	said, longest := "", 0
	look := func(phrases []string, kind string) {
		for _, p := range phrases {
			n := len(strings.Fields(p))
			if n <= longest || n > len(ws) {
				continue
			}
			near := ws[:n]
			if before {
				near = ws[len(ws)-n:]
			}
			if strings.Join(near, " ") == p {
				said, longest = kind, n
			}
		}
	}
	if before {
		look(taxBefore, "tax")
		look(rentBefore, "rent")
	} else {
		look(taxAfter, "tax")
		look(rentAfter, "rent")
	}
	return said
}

// TaxToo says whether query is "thue" typed without marks and no other
// word but those typed around a procedure's name ("thue", "thủ tục
// thue"): Search reads it "thuê" (rent), the temporary residence, and it
// is "thuế" (a tax) as often, which no guide covers — the volunteer is
// told so beside what is found. Typed with its mark, or beside a word of
// a tax or of renting ("đóng thue", "thue nhà"), the word says which.
func (c *Catalog) TaxToo(query string) bool {
	if _, ambiguous := plainThue(query); !ambiguous {
		return false
	}
	ws := c.wordsOf(query)
	kept, _ := withoutFillers(ws, c.englishQuery(ws), nil, nil)
	return slices.Equal(kept, []string{"thue"}) && len(c.Search(query)) > 0
}

// Telex leftovers: Vietnamese typed on a keyboard left in plain letters
// keeps the telex keys that would have made its marks ("hooj chieeus",
// "ddawng kys tamj truf", "khai sinhf"): a letter doubled for its hat
// (aa ee oo, dd for đ; or later: "ketes"), w after a vowel for its horn or
// breve (aw ow uw), and a tone key (s f r x j) after the syllable or its
// vowels. Such a word,
// no word of a guide's name nor a Vietnamese syllable, is read as the word
// of a name it spells without them; not a filler, English or small talk
// ("does", "fees", "yes"). "hooj chieeus" found nothing, "thuongf tru" the
// birth registration first, by a typo of "thường".
func (c *Catalog) telex(ws []string) []string {
	var out []string
	for _, w := range ws {
		if t := c.untelex(w); t != "" {
			w = t
		}
		out = append(out, w)
	}
	return out
}

// untelex is the Vietnamese word of a guide's name w spells with telex
// keys (telex), or "": not an English one ("visa" is no "vía" of the
// judicial record's "via VNeID").
func (c *Catalog) untelex(w string) string {
	if len(w) < 2 || c.words[w] || syllable(w) || fillers[w] || englishFillers[w] || englishWords[w] ||
		smallTalk[w] || greetings[w] || thanks[w] || polite[w] || c.english[w] || strings.Trim(w, "0123456789") != w {
		return ""
	}
	// The words w spells with one key fewer, two, three: one tone key, last
	// or after a vowel; w after a, o or u; a vowel doubled, next to it or
	// after the final consonants ("ketes": kết); dd first. Not "marry"
	// (may, mai táng): one tone key only.
	type spelt struct {
		t    string
		tone bool
	}
	vowel := func(b byte) bool { return strings.IndexByte("aeiouy", b) >= 0 }
	seen := map[spelt]bool{{w, false}: true}
	level := []spelt{{w, false}}
	for range 3 {
		var next []spelt
		for _, sp := range level {
			t := sp.t
			for i := 1; i < len(t); i++ {
				tone := false
				switch b := t[i]; {
				case strings.IndexByte("sfrxj", b) >= 0 && !sp.tone && (i == len(t)-1 || vowel(t[i-1])):
					tone = true
				case b == 'w' && strings.IndexByte("aou", t[i-1]) >= 0:
				case strings.IndexByte("aeo", b) >= 0 && strings.IndexByte(t[:i], b) >= 0:
				case b == 'd' && i == 1 && t[0] == 'd':
				default:
					continue
				}
				u := spelt{t[:i] + t[i+1:], sp.tone || tone}
				if seen[u] {
					continue
				}
				seen[u] = true
				if f := words(u.t); len(f) == 1 && c.vietnamese[f[0]] && syllable(f[0]) {
					return f[0]
				}
				next = append(next, u)
			}
		}
		level = next
	}
	return ""
}

// onTheApp reads the app as the guides name it, a paper "hết hiệu
// lực" (no longer valid) as "hết hạn" (expired), as they name it ("bằng
// lái hết hiệu lực" found nothing), "chứng minh thư" as the CMND it is
// ("chứng minh nhân dân"; it found the digital signature), "mới đẻ" as
// "mới sinh" (it found a new motorbike's registration first), a
// newborn's "số định danh" (or "mã", "cá nhân") as the birth registration
// that sets it up ("khai sinh"; it found VNeID's), and a
// child's "số định danh" as the
// child's "định danh" ("cấp số định danh cho trẻ" found the vehicle
// registration's "biển số định danh"): "app" or "ứng dụng" before
// "vneid" is VNeID ("cài app vneid", "quên mật khẩu ứng dụng vneid"), and
// a paper put "lên" or "vào" VNeID or its wallet ("ví") is one "trên
// VNeID" ("đưa bằng lái lên vneid", "thêm thẻ bhyt vào ví vneid"), as the
// wallet's guide names it.
func onTheApp(ws []string) []string {
	var out []string
	for i := 0; i < len(ws); i++ {
		next := func(w ...string) bool { return i+len(w) < len(ws) && slices.Equal(ws[i+1:i+1+len(w)], w) }
		switch w := ws[i]; {
		case w == "het" && next("hieu", "luc"): // "hết hiệu lực": expired, as the guides say
			out = append(out, "het", "han")
			i += 2
		case (w == "so" || w == "ma") && next("dinh", "danh") && (i == 0 || ws[i-1] != "bien") && holds(ws, newborn):
			// A newborn's personal ID number: set up by the birth
			// registration (khai-sinh's sources), not VNeID's; "cấp"
			// (issued) before it is no copy's "cấp" (trích lục).
			if len(out) > 0 && out[len(out)-1] == "cap" {
				out = out[:len(out)-1]
			}
			out = append(out, "khai", "sinh")
			i += 2
			if next("ca", "nhan") {
				i += 2
			}
		case w == "so" && next("dinh", "danh") && (i == 0 || ws[i-1] != "bien") &&
			slices.ContainsFunc(ws, func(w string) bool { return childAlone[w] != "" }):
			// A child's "số định danh" (personal ID number): not a plate's
			// ("biển số định danh", which "số" alone matched).
		case w == "chung" && next("minh", "thu"): // the old ID card's everyday name: CMND
			out = append(out, "chung", "minh", "nhan", "dan")
			i += 2
		case w == "de" && i > 0 && (ws[i-1] == "moi" || ws[i-1] == "vua"): // "mới đẻ": a birth
			out = append(out, "sinh")
		case w == "app" && next("vneid"):
		case w == "ung" && next("dung", "vneid"):
			i++
		case (w == "len" || w == "vao") && next("vi", "vneid"):
			out = append(out, "tren")
			i++
		case (w == "len" || w == "vao") && next("vneid"):
			out = append(out, "tren")
		default:
			out = append(out, w)
		}
	}
	return out
}

// newborn are the words of a newborn, folded ("số định danh cho trẻ sơ
// sinh": onTheApp).
var newborn = folded("sơ sinh", "mới sinh", "vừa sinh", "mới đẻ", "vừa đẻ", "newborn")

// OnlyFillers says whether query is only words typed around a
// procedure's name ("thủ tục", "hướng dẫn", "làm sao", "là gì", "cách
// làm", "trực tuyến"; fillers), naming none: Search finds nothing for it
// (it listed the guides those words look like, or all those whose names
// hold "dịch vụ công"), and the volunteer is to be asked which procedure;
// so is an everyday word alone that is also a unit's name (everydayAlone:
// "tháng", "hieu").
// A phrase of a few guides' names is theirs ("lệ phí", "nộp phí": paying
// fees online), a question of a fee, a time or papers is
// AsksOfNoProcedure's, and fillers with a place ("ở đâu Bình Thạnh")
// OnlyPlace's.
func (c *Catalog) OnlyFillers(query string) bool {
	ws, place := c.placesCut(query) // "ở đâu Bình Thạnh": a place alone (OnlyPlace)
	ws = lastWords(ws)
	kept, d := withoutFillers(ws, c.englishQuery(ws), nil, nil)
	if c.everydayAlone(query) { // "tháng", "hieu": no procedure named
		return true
	}
	return !place && len(ws) > 0 && fillersOnly(kept, d) && !c.AsksOfNoProcedure(query) && len(c.Search(query)) == 0
}

// AsksOfNoProcedure says whether query asks a fee, a time or papers and
// names no procedure ("bao nhiêu tiền", "how long does it take", "phí
// dịch vụ", "cần giấy tờ gì"):
// Search finds nothing, and the volunteer is to be asked which procedure.
func (c *Catalog) AsksOfNoProcedure(query string) bool {
	ws := c.wordsOf(query)
	kept, d := withoutFillers(ws, c.englishQuery(ws), nil, nil)
	return len(kept) == 0 && !c.isPhrase(ws) && (d.question || d.fee && d.generic)
}

// ForWhomOnly says whether query names only whom a procedure is for — a
// spouse, a parent, a grandparent ("chồng", "vợ tôi", "cho mẹ", "my
// husband"), somewhere or not ("chồng ở Hàn Quốc") — and no procedure:
// Search finds nothing, and the volunteer is to be asked which procedure.
// "Chồng" alone found the permanent residence by its alias "nhập khẩu về
// nhà chồng", and the ID card and the unemployment benefit by "căn cước
// hỏng" and "bị cho nghỉ việc" run together; "bố" found correcting civil
// status by "bổ sung"; "vợ", "mẹ" found nothing, and the volunteer was told
// to type fewer words. A phrase of a guide's name is searched ("nhà
// chồng"); a question ("chồng cần giấy tờ gì") is AsksOfNoProcedure's.
// So is a child named alone that Search finds nothing for ("con tôi", "bé
// nhà tôi", "my kid"; "con" alone finds the birth registration): ForWhom.
func (c *Catalog) ForWhomOnly(query string) bool {
	return c.ForWhom(query) != ""
}

// Whom a procedure is for, named with no procedure (ForWhom).
const (
	PersonSpouse = "spouse"
	PersonParent = "parent" // or a grandparent
	PersonChild  = "child"
)

// ForWhom is whom query names a procedure for when it names no procedure
// (ForWhomOnly): PersonSpouse, PersonParent (a grandparent too: "cho mẹ",
// "ông tôi"), PersonChild ("con tôi", "cho bé", "my kid"); the first
// typed of several ("vợ chồng", "bố mẹ"). "" when it names a procedure or
// asks of none.
func (c *Catalog) ForWhom(query string) string {
	ws := c.wordsOf(query)
	if p := c.onlyPerson(ws, whom); p != "" {
		return p
	}
	if c.onlyPerson(ws, childAlone) != "" && len(c.Search(query)) == 0 {
		return PersonChild
	}
	return ""
}

// ForWhomGuides are the guides of what is most often done for person
// (ForWhom), best first: what the volunteer is offered to tap, found by
// the words a volunteer types for it (forWhomDone).
func (c *Catalog) ForWhomGuides(person string) []*Guide {
	var gs []*Guide
	for _, q := range forWhomDone[person] {
		if found := c.Search(q); len(found) > 0 && !slices.Contains(gs, found[0]) {
			gs = append(gs, found[0])
		}
	}
	return gs
}

// forWhomDone are what is most often done for each person, as a volunteer
// types it, best first: a child's birth, ID card (under 14, "khai hộ"),
// passport, a copy of the birth extract (school, a lost certificate); a
// parent's or grandparent's ID card, household health insurance, VNeID,
// death; a spouse's marriage, residence after it, death.
var forWhomDone = map[string][]string{
	PersonChild:  {"khai sinh cho con", "căn cước cho con", "hộ chiếu cho con", "bản sao giấy khai sinh cho con"},
	PersonParent: {"căn cước cho mẹ", "gia hạn bhyt cho mẹ", "định danh vneid cho mẹ", "khai tử cho bố"},
	PersonSpouse: {"đăng ký kết hôn", "thường trú cho vợ", "tạm trú cho vợ", "khai tử cho chồng"},
}

// whom are the folded words naming whom a procedure is for that name no
// procedure alone (ForWhomOnly), with whom they name; not a child's
// ("con", "bé", "baby"), whose birth is registered: childAlone.
var whom = map[string]string{}

// childAlone are the folded words naming a child, whom a procedure is for:
// alone, they name no procedure when Search finds none ("con tôi").
var childAlone = map[string]string{}

func init() {
	for _, w := range strings.Fields(`chong vo husband wife spouse`) {
		whom[w] = PersonSpouse
	}
	for _, w := range strings.Fields(`bo me ba ong mother father mom mum dad parent parents
		grandma grandmother grandpa grandfather`) {
		whom[w] = PersonParent
	}
	for _, w := range strings.Fields(`con be tre child children kid kids son sons daughter daughters baby babies`) {
		childAlone[w] = PersonChild
	}
}

// onlyPerson is whom the folded words name, of persons, when they name
// no more than that (fillers, a place after it), else "".
func (c *Catalog) onlyPerson(ws []string, persons map[string]string) string {
	for i := len(ws) - 1; i > 0; i-- { // without a place after them
		if placeAt(ws, i) {
			return c.onlyPerson(ws[:i], persons)
		}
	}
	i := slices.IndexFunc(ws, func(w string) bool { return persons[w] != "" })
	if i < 0 || len(ws) >= 2 && c.isPhrase(ws) {
		return ""
	}
	if kept, d := withoutFillers(ws, c.englishQuery(ws), nil, nil); len(kept) > 0 || d.question || d.fee {
		return ""
	}
	return persons[ws[i]]
}

// A place typed after a procedure, folded, starts with a word that puts a
// place after it ("ở", "tại", "in", "at": whatever follows, "tại phường",
// "ở quê", "at the police station"), with "thuộc" followed by a unit (alone
// it is as often "thuốc"); or with a unit's word ("phường", "xã", "P.5": "p",
// "UBND"; a village's, "thôn", "xóm"; in English "ward"), or two words of unitPairs ("thị trấn", "khu
// phố"), followed by its name or number; or with a unit abbreviated with
// its number ("p5", "q10"); or with a unit's office followed by a unit
// ("công an phường 5").
var (
	unitWords    = map[string]bool{}
	prepositions = map[string]bool{}
	unitPairs    = map[string]bool{"thi tran": true, "thi xa": true, "thanh pho": true, "uy ban": true, "dac khu": true, "khu pho": true}
	offices      = map[string]bool{"cong an": true, "uy ban": true}
	// abroad: words of a procedure done outside Vietnam, or with a
	// foreigner (folded).
	abroad = []string{"dai su quan", "lanh su", "nuoc ngoai", "embassy", "consulate", "abroad", "overseas",
		"foreign", "foreigner", "foreigners"}
)

func init() {
	for _, w := range strings.Fields("phuong xa quan huyen tinh tp tx tt p q x f ubnd ward commune district province city town village thon xom") {
		unitWords[w] = true
	}
	for _, w := range strings.Fields("o tai thuoc tren in at") {
		prepositions[w] = true
	}
}

// English fillers: in a question, for whom, and the words of a question.
// Those that could be Vietnamese syllables are for English queries only.
func init() {
	for _, w := range strings.Fields(`i me my mine your our his her their its it s d ll m ve re am are be was
		we us he him she they them
		want wants wanted need needs needed like would could should will shall may might must
		get getting got make do did done doing can help to for of on an the with about please
		how what when where which who whom why this that there here any some just also
		apply applying service services many day days time free ready requirements requirement required
		papers paperwork t cannot into have has had having report reported reporting`) {
		englishFiller(w)
	}
	// The people a procedure is done for ("passport for my baby"): kept
	// when a guide's name holds them ("register baby").
	for _, w := range strings.Fields(`baby babies child children kid kids son sons daughter daughters mother father mom mum dad
		parent parents grandma grandmother grandpa grandfather wife husband spouse family someone resident`) {
		keptIfNamed[englishFiller(w)] = true
	}
	// What happened, and the papers asked after a procedure's name: kept
	// when a guide's name holds them ("lost ID card", "add documents to
	// VNeID"), else dropped ("lost my passport", "passport documents").
	for _, w := range strings.Fields("lost document documents") {
		keptIfNamed[englishFiller(w)] = true
	}
	asking["document"], asking["documents"] = true, true
}

// englishFiller makes w, folded, an English filler (for English queries
// only when it could be a Vietnamese syllable) and returns it folded.
func englishFiller(w string) string {
	w = words(w)[0]
	englishWords[w] = true
	switch {
	case fillers[w]: // "can", "be", "me": Vietnamese fillers too
	case syllable(w):
		englishFillers[w] = true
	default:
		fillers[w] = true
	}
	return w
}

// placeAt says whether a place begins at ws[i].
func placeAt(ws []string, i int) bool {
	if unitAt(ws, i) {
		return true
	}
	if !prepositions[ws[i]] || i+1 == len(ws) {
		return false
	}
	return ws[i] != "thuoc" || unitAt(ws, i+1)
}

// unitAt says whether a unit's word (or pair) with a name or number after
// it, or a unit abbreviated with its number, begins at ws[i].
func unitAt(ws []string, i int) bool {
	w := ws[i]
	switch {
	case w == "xa" && i+1 < len(ws) && ws[i+1] == "hoi":
		return false // "xã hội" (society: "bảo hiểm xã hội", "mạng xã hội"); a commune named "Hội …" is cut as typed (placesCut)
	case w == "tinh" && i+1 < len(ws) && ws[i+1] == "trang":
		return false // "tình trạng" (status: "xác nhận tình trạng hôn nhân"); no province is named "Trạng …"
	case unitWords[w]:
		return i+1 < len(ws)
	case i+1 < len(ws) && unitPairs[w+" "+ws[i+1]]:
		return i+2 < len(ws)
	case i+2 < len(ws) && offices[w+" "+ws[i+1]]:
		return unitAt(ws, i+2) // "công an phường 5"
	case len(w) >= 2 && strings.IndexByte("pqx", w[0]) >= 0:
		_, err := strconv.Atoi(w[1:])
		return err == nil
	}
	return false
}

// purposeMarks are the words that open why a procedure is done, folded:
// "để", "đi", "to", "for".
var purposeMarks = map[string]bool{"de": true, "di": true, "to": true, "for": true}

// purposeRetry is Search of the folded words before a purpose that names
// somewhere abroad ("làm hộ chiếu đi nước ngoài", "lý lịch tư pháp để đi
// nước ngoài", "passport to travel abroad"): going abroad is why the
// procedure is done in Vietnam, not where. Nothing when the words abroad
// are not in such a purpose ("khai sinh tại đại sứ quán", "kết hôn có yếu
// tố nước ngoài") or make a marriage one with a foreigner ("get married to
// a foreigner": another procedure than the guide's, NoGuide).
func (c *Catalog) purposeRetry(ws []string) []*Guide {
	for i, w := range ws {
		if i == 0 || !purposeMarks[w] || ws[i-1] == "yeu" || namesAbroad(ws[:i]) || !namesAbroad(ws[i:]) {
			continue
		}
		if holds(ws[:i], marriageWords) && holds(ws[i:], foreignWords) {
			return nil
		}
		return c.searchWords(ws[:i])
	}
	return nil
}

// namesAbroad says whether the folded words name somewhere abroad.
func namesAbroad(ws []string) bool {
	return holds(ws, abroad)
}

// holds says whether the folded words hold one of phrases, folded.
func holds(ws, phrases []string) bool {
	joined := " " + strings.Join(ws, " ") + " "
	for _, p := range phrases {
		if strings.Contains(joined, " "+p+" ") {
			return true
		}
	}
	return false
}

// unguided are procedures volunteers ask for that no guide covers, though
// words of a guide's names half name them, folded: a vehicle's or land's
// transfer ("sang tên xe": not the new motorbike's first registration),
// which selling one or buying one used is ("bán xe máy", "mua xe cũ":
// "bán" began "bằng" lái, and the driving licence's renewal answered);
// the driving test and a first licence, taken at a test centre ("thi bằng
// lái", "học lái xe", "sát hạch", "giấy phép lái xe lần đầu": "thi" is
// also "thì", a filler, and the licence's exchange answered, "đăng ký thi
// bằng lái" the papers' integration into VNeID). A
// query holding one finds nothing; and NoGuide says so, as of a query that
// names somewhere abroad or a foreigner ("kết hôn với người nước ngoài",
// "đăng ký kết hôn có yếu tố nước ngoài": another procedure than the
// marriage of two Vietnamese citizens, whose guide says not to choose it).
var unguided = append([]string{"sang ten", "transfer motorbike", "motorbike transfer", "transfer motorcycle", "motorcycle transfer",
	"transfer vehicle", "vehicle transfer", "transfer car", "car transfer", "transfer ownership", "ownership transfer"},
	folded("bán xe", "bán ô tô", "bán oto", "mua xe cũ", "mua lại xe", "sell motorbike", "sell my motorbike", "sell car", "sell my car",
		"thi bằng lái", "thi gplx", "thi giấy phép lái xe", "thi lái xe", "học bằng lái", "học lái xe", "sát hạch",
		"bằng lái lần đầu", "lái xe lần đầu", "gplx lần đầu", "driving test", "driving exam", "first driving licence", "first driving license")...)

// unguidedAlone are procedures no guide covers whose words are also said
// beside one a guide covers, as its purpose or its party, folded: a visa
// ("visa", "thị thực": the mission of the country visited issues it),
// a divorce ("ly hôn", "ly dị": a court's), the land title ("sổ đỏ", "sổ
// hồng"), a paternity ("nhận cha con") or a guardianship ("giám hộ")
// registered. Asked for alone ("xin visa", "gia hạn visa", "ly dị") such a
// query finds nothing, and NoGuide says so: "visa" listed the judicial
// record by its English alias's "via", "thị thực" the certified copy by
// "thực", "ly dị" six guides by "lý" and "đi", "sổ đỏ" seven, "sổ hồng"
// the ID card ("hỏng"), "giám hộ" the household health insurance. Typed
// with a procedure a guide covers ("lý lịch tư pháp để xin visa", "người
// giám hộ làm căn cước cho trẻ") it is searched as before.
// So are a signature's and a contract's certification ("chứng thực chữ
// ký", "chứng thực hợp đồng"), which the certified copy's guide says not
// to choose: searched, they found that guide alone. So are vaccination
// ("tiêm chủng" found the household business by its "mở tiệm"), social
// insurance and the social allowance ("bảo hiểm xã hội" listed the five
// guides naming "bảo hiểm"; "trợ cấp xã hội" the unemployment benefit)
// and a tax ("thuế", read "tax": taxWord), declared too ("khai báo thuế"
// listed the three guides of "khai báo", a stay's declarations). So are a
// vehicle lost or stolen, which is reported to the police ("mất xe",
// "xe máy bị mất" found the driving licence's guide, the one guide
// covering a loss whose names say "xe"), and a house or land sold or
// bought ("mua nhà" found the household health insurance, "bán nhà" the
// civil status extract); "xác nhận độc thân để mua nhà" is searched.
// The longer phrase of the same start comes first.
var unguidedAlone = folded("visa", "visas", "thị thực", "ly hôn", "ly dị", "divorce", "sổ đỏ", "sổ hồng",
	"nhận cha con", "nhận cha cho con", "nhận cha mẹ con", "nhận mẹ con", "xác nhận cha con", "giám hộ",
	"chứng thực chữ ký", "chứng thực hợp đồng",
	"tiêm chủng", "tiêm phòng", "tiêm vắc xin", "tiêm vaccine", "vắc xin", "vaccine", "vaccines", "vaccination", "vaccinations",
	"bảo hiểm xã hội", "bhxh", "social insurance", "trợ cấp xã hội", "bảo trợ xã hội", "tax", "taxes",
	"khai báo tax", "kê khai tax",
	"mất xe máy", "mất xe", "xe máy bị mất", "xe bị mất", "mất ô tô", "mất cắp xe máy", "mất cắp xe",
	"trộm xe máy", "trộm xe", "xe máy bị trộm", "xe bị trộm",
	"mua bán nhà đất", "mua bán nhà", "mua bán đất", "bán nhà", "mua nhà", "bán đất", "mua đất")

// notUnguided are the words after a phrase of unguidedAlone that make it
// another, folded: "thì thực hiện" (then do), "chứng thực chữ ký số" (a
// digital signature's certificate).
var notUnguided = map[string]string{"thi thuc": "hien", "chung thuc chu ki": "so"}

// vehiclePapers end a vehicle's paper before "xe" (bằng lái, giấy phép
// lái, đăng ký, giấy tờ, biển số, cà vẹt), folded: "bằng lái xe bị mất",
// "giấy đăng ký xe bị mất" are the paper's loss, not the vehicle's, and a
// phrase of unguidedAlone beginning "xe" after one is searched as typed.
var vehiclePapers = map[string]bool{"lai": true, "ki": true, "to": true, "so": true, "vet": true, "cavet": true, "gplx": true}

// withoutUnguided returns ws without the words of unguidedAlone, and
// whether there were any.
func withoutUnguided(ws []string) (rest []string, ok bool) {
next:
	for i := 0; i < len(ws); i++ {
		for _, p := range unguidedAlone {
			n := len(strings.Fields(p))
			if i+n <= len(ws) && strings.Join(ws[i:i+n], " ") == p && (i+n == len(ws) || notUnguided[p] == "" || ws[i+n] != notUnguided[p]) &&
				(i == 0 || !strings.HasPrefix(p, "xe ") || !vehiclePapers[ws[i-1]]) {
				ok = true
				i += n - 1
				continue next
			}
		}
		rest = append(rest, ws[i])
	}
	return rest, ok
}

// unguidedOnly says whether the folded words ask for a procedure of
// unguidedAlone and none a guide covers: without its words they find
// nothing ("xin visa") or no guide clearly ("cấp sổ đỏ": "cấp" alone is
// twelve guides'), or with them nothing ("gia hạn visa" is no health
// insurance card's).
func (c *Catalog) unguidedOnly(ws []string) bool {
	rest, ok := withoutUnguided(ws)
	if !ok {
		return false
	}
	n := len(c.searchQuery(rest))
	return n == 0 || n > clearly || len(c.searchQuery(ws)) == 0
}

// Procedures no guide covers, told apart from those a guide covers done
// for going abroad (a passport, a judicial record, a certified copy, the
// marital status certificate to marry a foreigner: walk W1 was told not to
// follow the passport guide for "làm hộ chiếu đi nước ngoài"), folded:
// one done at a mission abroad, and a marriage with a foreigner or a
// Vietnamese living abroad ("Việt kiều": the marriage guide says not to
// choose that procedure); but the marital status certificate, "giấy xác
// nhận độc thân" too, asked for one.
var (
	missionAbroad  = []string{"dai su quan", "lanh su", "lanh su quan", "co quan dai dien", "embassy", "consulate"}
	marriageWords  = []string{"ket hon", "lay vo", "lay chong", "cuoi vo", "cuoi chong", "marriage", "married", "marry", "marrying"}
	foreignWords   = []string{"nuoc ngoai", "viet kieu", "foreign", "foreigner", "foreigners"}
	maritalCertify = []string{"tinh trang hon nhan", "doc than", "xntthn", "xnhn", "marital status", "single status"}
)

// The foreigner of a marriage is named by nationality too, or the
// marriage by the country it is done in ("kết hôn với người Hàn Quốc",
// "lấy chồng Đài Loan", "đăng ký kết hôn ở Nhật", "marry a Korean",
// "get married in Japan"), folded: the countries most Vietnamese marriages
// with a foreigner involve, in Vietnamese after a word that leads to a
// person's or a place's country (countryLeads: "người", "quốc tịch",
// "chồng", "vợ", "ở", "tại"; "phường Mỹ Đình" names no country), and
// English's adjectives and names (not "Thai": "trạng thái").
// A country's name of one syllable ("Mỹ", "Lào", "Đức", "Nga") is a given
// name too ("chồng Đức", "vợ Nga") and begins a place's or a word's
// ("người Mỹ Tho", "ở Lào Cai", "người lao động"): it is a country only
// after a person's or a place's word (syllableLeads), last or before a
// filler, a preposition or "gốc" ("người Mỹ cần giấy gì", "người Nhật ở
// Hà Nội", "người Mỹ gốc Việt"). "Anh" is too often "older brother" ("cho
// người anh") to be England. "Hàn" is seldom a given name and "chồng Hàn"
// is how a Korean husband is said (spouseCountries): after a spouse's word
// too ("lấy chồng Hàn", "kết hôn với chồng Hàn"), last or before a filler.
var (
	syllableLeads   = folded("người", "quốc tịch", "ở", "tại", "bên")
	countryLeads    = append(folded("chồng", "vợ", "bạn trai", "bạn gái", "người yêu", "con rể", "con dâu", "khách"), syllableLeads...)
	afterCountry    = folded("gốc")
	spouseCountries = folded("Hàn")
	countries       = folded("Hàn Quốc", "Hàn", "Triều Tiên", "Trung Quốc", "Đài Loan", "Hồng Kông", "Hong Kong", "Nhật Bản", "Nhật",
		"Mỹ", "Hoa Kỳ", "Úc", "Pháp", "Đức", "Anh Quốc", "Nga", "Canada", "Singapore", "Malaysia", "Thái Lan", "Lào",
		"Campuchia", "Cam-pu-chia", "Philippines", "Ấn Độ", "Indonesia", "Hà Lan", "Thụy Điển", "Na Uy", "Tây Ban Nha")
	englishCountries = folded("Korean", "Chinese", "Taiwanese", "Japanese", "American", "Australian", "French",
		"German", "Canadian", "British", "Singaporean", "Malaysian", "Laotian", "Cambodian", "Russian",
		"Filipino", "Indian", "Indonesian", "Dutch", "Swedish", "Norwegian",
		"Korea", "China", "Taiwan", "Japan", "America", "USA", "Australia", "France", "Germany", "Canada", "Britain",
		"England", "UK", "Singapore", "Malaysia", "Thailand", "Laos", "Cambodia", "Russia", "Philippines", "India", "Indonesia")
)

// folded returns each phrase's search words, joined by spaces.
func folded(phrases ...string) []string {
	out := make([]string, len(phrases))
	for i, p := range phrases {
		out[i] = strings.Join(words(p), " ")
	}
	return out
}

// marriesForeigner says whether the folded words ask for a marriage with a
// foreigner or abroad, named so or by a country, but for the marital
// status certificate asked for it, which a guide covers.
func marriesForeigner(ws []string) bool {
	if !holds(ws, marriageWords) || holds(ws, maritalCertify) {
		return false
	}
	if holds(ws, foreignWords) || holds(ws, englishCountries) {
		return true
	}
	for i := range ws {
		for _, p := range countries {
			if countryAt(ws, i, strings.Fields(p)) {
				return true
			}
		}
	}
	return false
}

// countryAt says whether country, folded, is named at ws[i] as a person's
// or a place's: after one of countryLeads, or, when one syllable, after
// one of syllableLeads and last or before a filler, a preposition or
// afterCountry.
func countryAt(ws []string, i int, country []string) bool {
	end := i + len(country)
	if end > len(ws) || !slices.Equal(ws[i:end], country) {
		return false
	}
	before := " " + strings.Join(ws[:i], " ")
	after := func(leads []string) bool {
		return slices.ContainsFunc(leads, func(p string) bool { return strings.HasSuffix(before, " "+p) })
	}
	if len(country) > 1 || !syllable(country[0]) {
		return after(countryLeads)
	}
	leads := syllableLeads
	if slices.Contains(spouseCountries, country[0]) {
		leads = countryLeads
	}
	return after(leads) && (end == len(ws) || fillers[ws[end]] || prepositions[ws[end]] || slices.Contains(afterCountry, ws[end]))
}

// NoGuide says whether query, which Search found nothing for, asks for a
// procedure no guide covers yet (unguided, at a mission abroad, a marriage
// with a foreigner, or a procedure for a foreigner: ForForeigner, "tạm
// trú cho chồng Hàn Quốc"): the volunteer is told so, not to type fewer
// words, which would find the guide of a procedure that looks alike. It
// reads the words only. A spouse of a foreign nationality with no
// procedure ("chồng Hàn") is ForeignSpouseOnly's.
func (c *Catalog) NoGuide(query string) bool {
	ws := c.wordsOf(query)
	if holds(ws, unguided) || holds(ws, missionAbroad) || marriesForeigner(ws) || c.unguidedOnly(ws) {
		return true
	}
	kind, _ := c.foreigner(ws)
	return kind == foreignersOwn
}

// A copy of the extract of a marriage with a foreigner ("trích lục kết hôn
// với người Hàn Quốc", "bản sao giấy kết hôn với người nước ngoài") is the
// extract-copy procedure's: the Law on Civil Status (Art. 63) gives a copy
// of any civil-status event of the person's that was registered, foreign
// element or not (trich-luc-ho-tich's sources). extractWords say such a
// copy is asked for, folded.
var extractWords = folded("trích lục", "bản sao", "sao lục", "extract", "copy")

// A marriage certificate lost or asked for again ("mất giấy kết hôn với
// chồng Hàn", "lost my marriage certificate, husband is korean") is not
// issued again: a copy of the marriage extract answers for it, as for a
// marriage of two Vietnamese citizens ("mất giấy kết hôn"). marriagePapers
// are the certificate's names, folded; said with the words of a loss or
// reissue (lossWords), the extract-copy guide answers. Not the marriage
// registered again ("đăng ký lại kết hôn", another procedure), nor another
// paper lost ("mất hộ chiếu, kết hôn với chồng Hàn").
var marriagePapers = folded("giấy kết hôn", "giấy đăng ký kết hôn", "giấy chứng nhận kết hôn", "giấy hôn thú",
	"hôn thú", "marriage certificate", "marriage certificates", "certificate of marriage", "marriage paper",
	"marriage papers")

// foreignMarriageCopy is Search of the folded words of a marriage with a
// foreigner: nothing, but for a copy of its extract, which the guides
// naming a copy answer ("chứng thực bản sao giấy kết hôn…": the certified
// copy of the paper held); the extract-copy guide when the words find
// none of them ("xin trích lục kết hôn với người nước ngoài"); the
// extract-copy guide too for its certificate lost or asked for again
// (marriagePapers). Never the marriage guide of two Vietnamese citizens.
func (c *Catalog) foreignMarriageCopy(ws []string) []*Guide {
	if !holds(ws, extractWords) {
		if len(lossWords(ws)) == 0 || !holds(ws, marriagePapers) {
			return nil
		}
		return slices.DeleteFunc(c.searchQuery(words("trích lục kết hôn")), func(g *Guide) bool { return !c.namesCopy(g) })
	}
	found := slices.DeleteFunc(c.searchQuery(ws), func(g *Guide) bool { return !c.namesCopy(g) })
	if len(found) == 0 {
		found = slices.DeleteFunc(c.searchQuery(words("trích lục kết hôn")), func(g *Guide) bool { return !c.namesCopy(g) })
	}
	return found
}

// namesCopy says whether one of g's names holds one of extractWords.
func (c *Catalog) namesCopy(g *Guide) bool {
	for _, e := range c.index {
		if e.guide == g && slices.ContainsFunc(e.names, func(n []string) bool { return holds(n, extractWords) }) {
			return true
		}
	}
	return false
}

// A spouse named by a foreign nationality ("chồng Hàn", "vợ Trung Quốc",
// "chồng người Hàn Quốc", "vợ quốc tịch Trung Quốc", "chồng là người
// nước ngoài", "chồng tôi là người Hàn", "chồng Việt kiều", "korean
// husband", "my husband is korean") is a marriage with a foreigner, whose
// words name no guide. Typed alone, nothing is found and ForeignSpouseOnly
// says so: the volunteer is asked which procedure. Typed with a procedure,
// the procedure is that foreigner's ("tạm trú cho chồng Hàn Quốc": a
// foreigner's temporary residence is declared by the host, Law 47/2014
// Art. 33; "mất hộ chiếu của chồng Hàn": their embassy's passport) or
// becomes one with a foreign element ("khai sinh cho con, chồng Hàn Quốc":
// Law on Civil Status Art. 35) – another procedure than the citizen's
// guide: nothing is found and ForForeigner says so. So too for a parent
// of the child named a foreigner ("bố là người nước ngoài"), a foreigner
// the procedure is for ("cho người nước ngoài", "của người Hàn Quốc",
// "for a foreigner") and a paper only a foreigner holds ("thẻ tạm trú").
// Not for a paper of the resident's own (residentsOwn: "hộ chiếu cho tôi,
// chồng Hàn Quốc", "xác nhận tình trạng hôn nhân, chồng Hàn Quốc"), searched
// without the spouse. Not a spouse somewhere abroad ("chồng ở Hàn Quốc",
// "chồng đi Nhật": a place's lead is no spouse's), nor a given name ("chồng
// Đức", "vợ Nhật": countryAt).
var (
	spouses        = folded("chồng", "vợ", "con rể", "con dâu")
	spouseLinks    = folded("", "là", "người", "quốc tịch", "là người", "người quốc tịch", "là người quốc tịch") // "" : "chồng Hàn"
	possessives    = folded("", "tôi", "mình", "em", "của tôi", "của mình", "của em")                            // "chồng tôi là người Hàn"
	parents        = folded("bố", "cha", "mẹ", "ba", "má")
	personLinks    = folded("người", "là người", "quốc tịch", "là người quốc tịch")      // "bố là người nước ngoài"; not "mẹ Nhật"
	forPerson      = folded("cho người", "của người", "cho khách", "của khách", "khách") // "tạm trú cho người nước ngoài", "lưu trú khách Hàn Quốc"
	foreignerPaper = folded("thẻ tạm trú", "temporary residence card")                   // Law 47/2014 Art. 36: foreigners'
	foreigners     = append(slices.Clone(foreignWords), countries...)
	englishSpouses = folded("husband", "wife", "spouse")
	englishForeign = append(folded("foreign", "foreigner", "foreigners"), englishCountries...)
	englishFor     = folded("for", "for a", "for an", "for the", "for my")
)

// A paper of the resident's own, asked for beside a foreign spouse: named
// so ("cho tôi", "của tôi", "for me"; not "con của tôi", whose "của tôi"
// is the child's), or one no one but the resident holds: the marital status
// certificate to marry the foreigner (a Vietnamese citizen's, Decree
// 123/2015 Art. 21-23; xac-nhan-hon-nhan), a copy of an extract of the
// resident's civil status (Law on Civil Status Art. 63, foreign element or
// not). Never the birth of the couple's child ("khai sinh cho con"), which
// has a foreign element whoever asks.
var (
	selfMarks  = folded("cho tôi", "của tôi", "cho mình", "của mình", "bản thân", "chính tôi", "for me", "for myself", "my own", "myself")
	ownPapers  = append(folded("trích lục", "sao lục", "extract"), maritalCertify...)
	childWords = folded("con", "bé", "em bé", "cháu", "trẻ", "baby", "babies", "child", "children", "kid", "kids", "son", "daughter",
		"newborn", "khai sinh", "chứng sinh", "birth")
)

// residentsOwn says whether the folded words, a foreign spouse taken out,
// ask for a paper of the resident's own.
func residentsOwn(rest []string) bool {
	if holds(rest, ownPapers) {
		return true
	}
	if holds(rest, childWords) {
		return false
	}
	for i := range rest {
		for _, m := range selfMarks {
			w := strings.Fields(m)
			if i+len(w) > len(rest) || !slices.Equal(rest[i:i+len(w)], w) {
				continue
			}
			if w[0] == "cua" && i > 0 && (whom[rest[i-1]] != "" || holds(rest[i-1:i], childWords)) {
				continue // "con của tôi", "mẹ của tôi": theirs
			}
			return true
		}
	}
	return false
}

// A query's foreigner: what Search reads of a foreign spouse, a foreign
// parent or a foreigner the procedure is for.
type foreignKind int

const (
	noForeigner     foreignKind = iota
	foreignerAlone              // "chồng Hàn", "my husband is korean": which procedure? (ForeignSpouseOnly)
	foreignersOwn               // "tạm trú cho chồng Hàn Quốc": no guide (ForForeigner)
	residentsBeside             // "hộ chiếu cho tôi, chồng Hàn Quốc": searched without the spouse
)

// foreigner reads the folded words' foreigner: its kind, and the words
// without it.
func (c *Catalog) foreigner(ws []string) (foreignKind, []string) {
	if holds(ws, foreignerPaper) {
		return foreignersOwn, ws
	}
	rest, ok := withoutForeigner(ws, c.englishQuery(ws))
	switch {
	case !ok:
		return noForeigner, ws
	case residentsOwn(rest):
		return residentsBeside, rest
	}
	if kept, _ := withoutFillers(rest, c.englishQuery(ws), nil, nil); len(kept) == 0 {
		return foreignerAlone, rest
	}
	return foreignersOwn, rest
}

// foreignSpouseSearch is Search of the folded words but for a foreigner
// named in them, and whether there was one: nothing, but for a paper of the
// resident's own, which the words without the foreigner find.
func (c *Catalog) foreignSpouseSearch(ws []string) (found []*Guide, ok bool) {
	kind, rest := c.foreigner(ws)
	if kind == residentsBeside {
		return c.searchQuery(rest), true
	}
	return nil, kind != noForeigner
}

// ForeignSpouseOnly says whether query names a spouse of a foreign
// nationality and no procedure ("chồng Hàn", "vợ Trung Quốc", "con dâu
// Trung Quốc", "korean husband"): Search finds nothing, and the volunteer
// is to be asked which procedure, told that a foreigner's have no guide.
func (c *Catalog) ForeignSpouseOnly(query string) bool {
	ws := c.wordsOf(query)
	if onlySmallTalk(ws, query) || marriesForeigner(ws) {
		return false
	}
	kind, _ := c.foreigner(ws)
	return kind == foreignerAlone
}

// ForForeigner says whether query asks for a procedure for a foreigner, or
// one a foreign spouse or parent gives a foreign element ("tạm trú cho
// chồng Hàn Quốc", "khai sinh cho con, chồng Hàn Quốc", "mất hộ chiếu của
// chồng Hàn", "passport for a foreigner"): Search finds nothing, NoGuide
// says there is no guide yet, and the volunteer is told why.
func (c *Catalog) ForForeigner(query string) bool {
	ws := c.wordsOf(query)
	if onlySmallTalk(ws, query) || holds(ws, unguided) || c.onlyPerson(ws, whom) != "" || marriesForeigner(ws) {
		return false
	}
	kind, _ := c.foreigner(ws)
	return kind == foreignersOwn
}

// withoutForeigner returns the folded words without a foreign spouse or
// parent, or a foreigner the procedure is for, and whether there was one.
// Not one in why the procedure is done ("hộ chiếu để đi làm cho người Hàn
// Quốc": the resident's passport), after "để" or, in English, "to" (folded
// "tờ" too: "giấy tờ").
func withoutForeigner(ws []string, english bool) ([]string, bool) {
	for i := range ws {
		if ws[i] == "de" || english && ws[i] == "to" {
			break
		}
		if n := foreignSpouseAt(ws, i); n > 0 {
			return slices.Concat(ws[:i], ws[i+n:]), true
		}
	}
	return ws, false
}

// foreignSpouseAt is the number of words of a spouse or a parent named by a
// foreign nationality, or of a foreigner a procedure is for, beginning at
// ws[i]; 0 when none does.
func foreignSpouseAt(ws []string, i int) int {
	// English: "korean husband", "foreign wife", "husband is korean", "for a foreigner".
	if i+1 < len(ws) && slices.Contains(englishForeign, ws[i]) && slices.Contains(englishSpouses, ws[i+1]) {
		return 2
	}
	if i+2 < len(ws) && slices.Contains(englishSpouses, ws[i]) && ws[i+1] == "is" && slices.Contains(englishForeign, ws[i+2]) {
		return 3
	}
	for _, f := range englishFor {
		if n := len(strings.Fields(f)); i+n < len(ws) && strings.Join(ws[i:i+n], " ") == f &&
			slices.Contains(folded("foreigner", "foreigners"), ws[i+n]) {
			return n + 1
		}
	}
	for _, p := range forPerson {
		if j := i + len(strings.Fields(p)); j <= len(ws) && strings.Join(ws[i:j], " ") == p {
			if n := foreignAt(ws, j); n > 0 {
				return j + n - i
			}
		}
	}
	if n := personAt(ws, i, spouses, possessives, spouseLinks); n > 0 {
		return n
	}
	return personAt(ws, i, parents, possessives, personLinks)
}

// personAt is the number of words of one of persons, one of possessives
// and one of links followed by a foreigner (foreignAt) beginning at ws[i];
// 0 when none does.
func personAt(ws []string, i int, persons, possessives, links []string) int {
	at := func(j int, p string) int {
		w := strings.Fields(p)
		if j+len(w) > len(ws) || !slices.Equal(ws[j:j+len(w)], w) {
			return -1
		}
		return j + len(w)
	}
	for _, person := range persons {
		j := at(i, person)
		if j < 0 {
			continue
		}
		for _, pos := range possessives {
			k := at(j, pos)
			if k < 0 {
				continue
			}
			for _, l := range links {
				m := at(k, l)
				if m < 0 {
					continue
				}
				if n := foreignAt(ws, m); n > 0 {
					return m + n - i
				}
			}
		}
	}
	return 0
}

// foreignAt is the number of words naming a foreigner beginning at ws[i]
// ("nước ngoài", "Việt kiều", a country named as a person's: countryAt);
// 0 when none does.
func foreignAt(ws []string, i int) int {
	for _, p := range foreigners {
		w := strings.Fields(p)
		if i+len(w) > len(ws) || !slices.Equal(ws[i:i+len(w)], w) {
			continue
		}
		if slices.Contains(foreignWords, p) || countryAt(ws, i, w) {
			return len(w)
		}
	}
	return 0
}

// abbreviations are typed for words of the guides' names, folded: "dvc"
// is "dịch vụ công" ("dvc khai tử" as "dịch vụ công khai tử"; "cổng dvc"
// the portal's login); and as volunteers text, "dk", "dki", "dky", "đk"
// are "đăng ký", "ko", "kg", "khg" "không", "dc", "đc" "được", "sđt"
// "số điện thoại" ("dki thuong tru", "vneid ko dang nhap dc", "đổi sđt
// vneid"); and as the one-stop staff write civil status on their forms,
// "ks" is "khai sinh", "kt" "khai tử", "gks" "giấy khai sinh" ("dang ky
// KS", "KT cho bố", "sửa tên trên GKS").
var abbreviations = map[string][]string{
	"ks": {"khai", "sinh"}, "kt": {"khai", "tu"}, "gks": {"giay", "khai", "sinh"},
	"dkks": {"dang", "ki", "khai", "sinh"}, "dkkt": {"dang", "ki", "khai", "tu"}, // đăng ký khai sinh, khai tử
	"cmt":  {"cmnd"},       // chứng minh thư: the old ID card, CMND
	"ttru": {"tam", "tru"}, // tạm trú ("ttru" found the traffic fine, by "truy")
	"dvc":  {"dich", "vu", "cong"},
	"dk":   {"dang", "ki"}, "dki": {"dang", "ki"}, "dky": {"dang", "ki"},
	"ko": {"khong"}, "kg": {"khong"}, "khg": {"khong"},
	"dc":  {"duoc"},
	"sdt": {"so", "dien", "thoai"},
}

// notTypos are everyday words a typo away from a word of a guide's name
// that mean something else, folded: "thuốc" (medicine) is not "thực" of
// chứng thực — "bán thuốc" names no guide; "tách" (splitting a household,
// tách hộ, which no guide covers) is not "tích" or "trích".
var notTypos = map[string]bool{"thuoc": true, "tach": true}

// A paper lost, or asked for again: "mất hộ chiếu", "bị mất căn cước",
// "cấp lại thẻ bảo hiểm y tế", "làm lại bằng lái", "i lost the bhyt card".
// Such a query is answered first by a guide that covers a paper's loss or
// reissue, one of whose names is itself such a query and names a paper
// ("cấp lại hộ chiếu", "mất căn cước", "lost passport"; papers); and the
// words saying the loss are matched by that guide's, whichever they are:
// "mất hộ chiếu" finds the passport guide by its "cấp lại hộ chiếu". A lost
// job ("mất việc") is no paper: a guide so named does not answer every
// "mất …" a word of its names half matches ("mất tạm trú": trung tâm).
// When no such guide matches, the query is searched as typed, the loss's
// words matched as any other; a guide that names the paper and not its
// loss is not offered then (buying the household's health insurance, for a
// lost BHYT card): the volunteer is told no guide matches, as for any
// procedure without one.
//
// reissuePairs and reissueWords say it in any place of a query, folded.
// "Làm lại" and "xin lại" are also "do again" ("làm lại thanh toán",
// "làm lại thông báo lưu trú"): a reissue only before a paper ("làm lại
// thẻ bhyt", "xin lại giấy tờ hộ tịch"). "Mất" (folded "mat") is also a
// death ("người nhà mất", "bố mất": deaths), "mật" (mật khẩu, mật mã) and
// "mặt" (khuôn mặt, tiền mặt, mặt trước): it is a loss after lossVerbs
// ("bị mất", "đánh mất", "làm mất", "lỡ làm mất"), or first in the query,
// but for fillers that name no one ("cho hỏi"), with what was lost after
// it ("mất hộ chiếu"; not "mẹ mất", "mất khẩu", nor "mất bao lâu", a filler
// phrase). "Báo mất", "trình báo mất", "thông báo mất" before a paper
// report its loss: the guide covering the loss answers ("báo mất hộ
// chiếu": the passport guide, whose problem "Hộ chiếu cũ bị mất" says how
// the loss is reported on the portal); not "bảo mật" (security).
var (
	reissuePairs = map[string]bool{"cap lai": true, "lam lai": true, "xin lai": true, "that lac": true}
	// doAgain are the reissuePairs that are a reissue only before a paper.
	doAgain      = map[string]bool{"lam lai": true, "xin lai": true}
	reissueWords = map[string]bool{"lost": true, "lose": true, "replace": true, "replacement": true, "reissue": true}
	lossVerbs    = map[string]bool{"bi": true, "danh": true, "lam": true, "lo": true}
	// persons are the fillers that name someone other than the one
	// typing: "mẹ mất" is as often a death.
	persons = map[string]bool{}
	// notLost follow a "mat" that is "mật" or "mặt".
	notLost = map[string]bool{"khau": true, "ma": true, "truoc": true, "sau": true}
	// papers are the words of a paper lost or reissued, folded, alone or
	// as a pair: "thẻ", "giấy", "bằng" (lái), "sổ", "căn cước", "hộ chiếu",
	// "bản sao", "card", "certificate"; a civil-status paper named by its
	// event ("làm lại khai sinh" is its copy); and a password ("mật khẩu").
	papers = map[string]bool{}
)

func init() {
	for _, w := range strings.Fields("be con ba ong bo me chau em anh chi nguoi chong vo") {
		persons[w] = true
	}
	for _, p := range []string{"the", "giay", "bang", "so", "cccd", "cmnd", "cmt", "gplx", "bhyt", "cavet", "can cuoc",
		"ho chieu", "ban sao", "trich luc", "chung minh", "passport", "card", "licence", "license", "certificate",
		"mat khau", "mk", "passcode", "password", "khai sinh", "khai tu", "ket hon", "ho tich", "chung tu"} {
		papers[p] = true
	}
}

// paperAt says whether a paper begins at ws[i], or after fillers, a
// classifier or "đăng ký" ("làm lại cho bà cái thẻ", "làm lại đăng ký kết
// hôn").
func paperAt(ws []string, i int) bool {
	for i < len(ws) && !paperStarts(ws, i) {
		switch {
		case fillers[ws[i]] || ws[i] == "cai" || ws[i] == "chiec":
			i++
		case ws[i] == "dang" && i+1 < len(ws) && ws[i+1] == "ki":
			i += 2
		default:
			return false
		}
	}
	return i < len(ws)
}

// paperStarts says whether a paper's word, or pair of words, begins at
// ws[i].
func paperStarts(ws []string, i int) bool {
	return papers[ws[i]] || i+1 < len(ws) && papers[ws[i]+" "+ws[i+1]]
}

// namesPaper says whether ws, folded, name a paper.
func namesPaper(ws []string) bool {
	for i := range ws {
		if paperStarts(ws, i) {
			return true
		}
	}
	return false
}

// A relative's "mất" at the end or before the death's words is a death:
// "bố mất", "nhà có người mất", "bố tôi mất", "mẹ mất cần làm gì", "bố mất
// làm giấy chứng tử", "xoá thường trú người mất". deaths writes it
// deathWord, in a query as in the guides' names: it is matched by a
// death's name ("người nhà mất"), not by any "mất", "mật" or "mặt" ("mất
// thẻ bhyt", "mật khẩu", "tiền mặt"), nor is it a loss. "Mẹ mất căn cước"
// is not a death.
const deathWord = "~mat"

var (
	// relatives say who died ("bố", "người thân", "bà cụ"); betweenDeath
	// may stand between them and "mất" ("bố tôi mới mất").
	relatives    = map[string]bool{}
	betweenDeath = map[string]bool{}
	// deathWords, after "mất", say a death: "khai tử", "chứng tử", "tử
	// tuất", "mai táng", "xoá"/"cắt" khẩu, "làm gì", "rồi", "làm sao".
	deathWords = map[string]bool{}
)

func init() {
	for _, w := range strings.Fields("be con ba ong bo me chau em anh chi nguoi cha ma chong vo cu noi ngoai than nha") {
		relatives[w] = true
	}
	for _, w := range strings.Fields("toi minh moi da vua cung nay ay oi co") {
		betweenDeath[w] = true
	}
	for _, w := range strings.Fields("tu tuat tang xoa cat gi roi sao") {
		deathWords[w] = true
	}
}

// deaths returns ws, folded, with a "mất" that is a relative's death
// written deathWord, the relative's words before it dropped ("chồng mất",
// "nhà có người mất", "người nhà mất": deathWord).
func deaths(ws []string) []string {
	var out []string
	for i, w := range ws {
		if w != "mat" || !death(ws, i) {
			out = append(out, w)
			continue
		}
		for len(out) > 0 && (relatives[out[len(out)-1]] || betweenDeath[out[len(out)-1]]) {
			out = out[:len(out)-1]
		}
		out = append(out, deathWord)
	}
	return out
}

// death says whether ws[i], "mat", is a relative's death.
func death(ws []string, i int) bool {
	j := i - 1
	for j >= 0 && betweenDeath[ws[j]] {
		j--
	}
	if j < 0 || !relatives[ws[j]] {
		return false
	}
	if i+1 == len(ws) || placeAt(ws, i+1) { // "mẹ mất ở quê", "người nhà mất trên điện thoại"
		return true
	}
	for _, w := range ws[i+1 : min(len(ws), i+6)] {
		if deathWords[w] {
			return true
		}
	}
	return false
}

// lossWords are the words of ws, folded, that say a paper was lost or is
// asked for again; none when ws says neither.
func lossWords(ws []string) map[string]bool {
	var loss map[string]bool
	add := func(w string) {
		if loss == nil {
			loss = map[string]bool{}
		}
		loss[w] = true
	}
	for i := 0; i < len(ws); i++ {
		switch {
		case damageAt(ws, i) && damagedPaper(ws, i):
			for _, w := range ws[i : i+damageLen(ws, i)] {
				add(w)
			}
			i += damageLen(ws, i) - 1
		case i+1 < len(ws) && reissuePairs[ws[i]+" "+ws[i+1]] && (!doAgain[ws[i]+" "+ws[i+1]] || paperAt(ws, i+2)):
			add(ws[i])
			add(ws[i+1])
			i++
		case reissueWords[ws[i]]:
			add(ws[i])
		case ws[i] == "mat" && !inFillerPhrase(ws, i) && (i+1 == len(ws) || !notLost[ws[i+1]]):
			j := i - 1 // the word before, but for fillers that name no one
			for j >= 0 {
				if fillers[ws[j]] && !persons[ws[j]] && !lossVerbs[ws[j]] {
					j--
				} else if j >= 1 && fillerPhrases[ws[j-1]+" "+ws[j]] {
					j -= 2
				} else {
					break
				}
			}
			switch {
			case j >= 0 && lossVerbs[ws[j]]:
				add(ws[j])
				add("mat")
			case j >= 0 && ws[j] == "bao" && paperAt(ws, i+1): // "báo mất hộ chiếu"; not "bảo mật"
				if j > 0 && (ws[j-1] == "trinh" || ws[j-1] == "thong") {
					add(ws[j-1])
				}
				add("bao")
				add("mat")
			case j < 0 && i+1 < len(ws):
				add("mat")
			}
		}
	}
	return loss
}

// Damage: "hỏng" (folded "hong"; with "bị" before it, "bị hỏng"),
// "broken", "damaged" said of the thing named — last in the query, after
// the thing ("cccd hỏng", "thẻ bhyt của mẹ bị hỏng", "my id card is
// broken") or first before a paper ("hỏng thẻ bhyt", "damaged id card").
// Said of a paper, it is the paper's loss (lossWords): a guide covering
// the paper's loss or damage answers ("thẻ bhyt bị hỏng": cap-lai-the-bhyt,
// "khai sinh bị hỏng": trich-luc-ho-tich), or none — not the household
// insurance, which names the card and not its damage. Said of anything
// else ("vneid bị hỏng", "thanh toán online bị hỏng"), the query is
// searched as typed and, when it finds nothing, without the damage's words
// (Search): once "hỏng" was a word of a guide's name it was no longer read
// as a typo of another, and such queries found nothing. "Hồng" after "sổ",
// "hoa" or "màu" at the head of the thing (the land title, a rose or a
// commission, pink) is no damage ("ngân hàng số hỏng" is); nor is "số"
// after "ký" (chữ ký số, digital signing) a paper. A paper torn, crumbled
// or smudged ("rách", "nát", "nhoè"; "torn") is damaged as a broken one is
// (review 24S: "giấy khai sinh bị rách" found the birth registration); the
// Vietnamese ones (bareDamage), folded, say it where "hỏng" does — "rạch"
// is also a canal ("khai sinh ở Rạch Giá").
var (
	damageWords = map[string]bool{"hong": true, "broken": true, "damaged": true, "rach": true, "nat": true, "nhoe": true, "torn": true}
	bareDamage  = map[string]bool{"hong": true, "rach": true, "nat": true, "nhoe": true}
	// events are the papers named by their event, which also name their
	// procedure: a paper damaged only when nothing else follows ("khai sinh
	// bị hỏng", not "khai sinh liên thông bị hỏng").
	events    = map[string]bool{"khai sinh": true, "khai tu": true, "ket hon": true, "ho tich": true}
	notDamage = map[string]bool{"so": true, "hoa": true, "mau": true}
)

// damageLen is how many words from ws[i] say damage: 2 for "bị hỏng", 1
// for "hỏng", "broken", "damaged", 0 for none.
func damageLen(ws []string, i int) int {
	if ws[i] == "bi" && i+1 < len(ws) && damageWords[ws[i+1]] {
		return 2
	}
	if damageWords[ws[i]] {
		return 1
	}
	return 0
}

// damageAt says whether damage said of the thing named begins at ws[i].
func damageAt(ws []string, i int) bool {
	n := damageLen(ws, i)
	switch {
	case n == 0:
		return false
	case n == 1 && ws[i] == "hong" && i > 0 && notDamage[ws[i-1]] && thingAt(ws) == i-1:
		return false
	case n == 2 || !bareDamage[ws[i]]:
		return true
	}
	// A bare "hỏng": last, first before a paper, or right after a paper.
	return i+1 == len(ws) || i == 0 && paperAt(ws, 1) || i > 0 && paperBefore(ws, i)
}

// damagedPaper says whether the damage at ws[i] is said of a paper. In
// Vietnamese the thing named comes first, its paper at its head, but for
// fillers and a loss's or reissue's words ("thẻ bhyt của mẹ bị hỏng",
// "khai sinh bị hỏng", "xin lại giấy tờ hộ tịch bị hỏng", "bảo hiểm y tế
// hỏng"), or right after "hỏng" ("hỏng thẻ bhyt"); a procedure at the head
// is no paper ("cải chính hộ tịch bị hỏng", "ngân hàng số hỏng"). In
// English the paper is named before, but for fillers ("my id card is
// broken"), or within three words after ("damaged health insurance card").
func damagedPaper(ws []string, i int) bool {
	from := i + damageLen(ws, i)
	if !bareDamage[ws[from-1]] {
		if paperAt(ws, from) || namesPaper(ws[from:min(len(ws), from+3)]) {
			return true
		}
		j := i
		for j > 0 && (fillers[ws[j-1]] || englishFillers[ws[j-1]]) && !papers[ws[j-1]] {
			j--
		}
		return paperBefore(ws, j)
	}
	if i == 0 {
		return paperAt(ws, from)
	}
	start := thingAt(ws)
	if start >= i {
		return false
	}
	if start+2 <= i && events[ws[start]+" "+ws[start+1]] {
		return !slices.ContainsFunc(ws[start+2:i], func(w string) bool { return !fillers[w] })
	}
	return paperAt(ws[:i], start) || strings.Join(ws[start:min(i, start+4)], " ") == "bao hiem y te"
}

// thingAt is where the thing a query names begins: after the fillers and
// the words of a loss or reissue ("cho hỏi", "bị mất", "xin lại").
func thingAt(ws []string) int {
	i := 0
next:
	for i < len(ws) {
		for n := min(longestFiller, len(ws)-i); n >= 2; n-- {
			if p := strings.Join(ws[i:i+n], " "); fillerPhrases[p] || reissuePairs[p] {
				i += n
				continue next
			}
		}
		lost := ws[i] == "mat" && (i+1 == len(ws) || !notLost[ws[i+1]])
		if !fillers[ws[i]] && !lossVerbs[ws[i]] && !lost && !reissueWords[ws[i]] {
			break
		}
		i++
	}
	return i
}

// paperBefore says whether a paper's word, or pair, ends at ws[i-1], or
// the health insurance whose card it is ("bảo hiểm y tế bị hỏng", "health
// insurance damaged"); "số" after "ký" (chữ ký số) is no "sổ".
func paperBefore(ws []string, i int) bool {
	switch {
	case i >= 2 && (papers[ws[i-2]+" "+ws[i-1]] || ws[i-2]+" "+ws[i-1] == "y te"):
		return true
	case i >= 1 && ws[i-1] == "insurance":
		return true
	case i >= 1 && papers[ws[i-1]]:
		return ws[i-1] != "so" || i < 2 || ws[i-2] != "ki"
	}
	return false
}

// damagedPaperIn says whether ws say a paper damaged (damagedPaper).
func damagedPaperIn(ws []string) bool {
	for i := range ws {
		if damageAt(ws, i) && damagedPaper(ws, i) {
			return true
		}
	}
	return false
}

// withoutDamage returns ws without the words saying damage (damageAt);
// ok when there were some, and other words remain.
func withoutDamage(ws []string) (rest []string, ok bool) {
	for i := 0; i < len(ws); i++ {
		if damageAt(ws, i) {
			i += damageLen(ws, i) - 1
			ok = true
			continue
		}
		rest = append(rest, ws[i])
	}
	return rest, ok && len(rest) > 0
}

// Trouble: a vague "it does not work" said of what is named ("vneid
// không được", "vneid bị lỗi", "lỗi vneid", "không vào được vneid", "app
// bị treo", "có vấn đề", "not working"), folded. Said of an app or an
// account, it is read as its damage is (Search): the account guides found
// without it answer alone, a short choice — "không được" was matched by
// the password's "không đăng nhập được VNeID" and "lỗi", "treo" by
// nothing. A trouble that names itself ("không đăng nhập được", "bị
// khoá") is a guide's name, and a procedure in trouble ("tạm trú bị lỗi")
// is searched as typed.
var troubles = map[string]bool{}

// longestTrouble is the most words of a trouble.
var longestTrouble = 1

func init() {
	for _, p := range []string{"loi", "bi loi", "gap loi", "bao loi", "khong duoc", "khong vao duoc", "khong mo duoc",
		"khong chay", "khong hoat dong", "khong dung duoc", "khong su dung duoc", "bi treo", "treo", "bi do",
		"truc trac", "bi truc trac", "co van de", "bi van de", "error", "errors", "not working", "doesn t work",
		"does not work", "don t work", "isn t working", "is not working", "crash", "crashes", "crashed"} {
		troubles[p] = true
		longestTrouble = max(longestTrouble, len(strings.Fields(p)))
	}
}

// withoutTrouble returns ws without the words of a trouble; ok when there
// were some, and other words remain.
func withoutTrouble(ws []string) (rest []string, ok bool) {
next:
	for i := 0; i < len(ws); i++ {
		for n := min(longestTrouble, len(ws)-i); n >= 1; n-- {
			if troubles[strings.Join(ws[i:i+n], " ")] {
				i += n - 1
				ok = true
				continue next
			}
		}
		rest = append(rest, ws[i])
	}
	return rest, ok && len(rest) > 0
}

// troubleRetry is Search of the folded words without a trouble said of an
// app or an account: the account guides found without it, or none when
// it is not one, or the words are a phrase of a guide's name as typed.
func (c *Catalog) troubleRetry(ws []string) []*Guide {
	rest, ok := withoutTrouble(ws)
	if !ok || c.isPhrase(ws) {
		return nil
	}
	// What is in trouble is a guide's name, or two words of one ("vneid",
	// "thanh toán"): not "lệ" of "Lê Lợi", nor "nhận nhắc" of "nhận lời
	// nhắc" ("lời", folded, is "lỗi").
	// A fee's words are what is in trouble when a guide's name holds them
	// ("nộp phí bị lỗi": the payment's "nộp phí").
	fee := func(p string) bool { return feeWords[p] }
	if kept, _ := withoutFillers(rest, c.englishQuery(rest), fee, nil); !c.isName(kept) && (len(kept) < 2 || !c.isPhrase(kept)) {
		return nil
	}
	found := c.searchWords(deaths(rest))
	if len(found) == 0 || found[0].Procedure() {
		return nil
	}
	return slices.DeleteFunc(found, (*Guide).Procedure)
}

// inFillerPhrase says whether ws[i] is a word of a filler phrase ("mất bao
// lâu", "có mất phí không").
func inFillerPhrase(ws []string, i int) bool {
	for from := max(0, i-longestFiller+1); from <= i; from++ {
		for to := i + 1; to <= min(len(ws), from+longestFiller); to++ {
			if to-from >= 2 && fillerPhrases[strings.Join(ws[from:to], " ")] {
				return true
			}
		}
	}
	return false
}

// search is Search of the folded words, place and all; uncovered says a
// guide not covering the loss they say matched them (rank).
func (c *Catalog) search(words []string) (found []*Guide, uncovered bool) {
	loss := lossWords(words)
	english := c.englishQuery(words)
	kept, d := withoutFillers(words, english, nil, loss)
	// A fee's or a person's words, and the others kept if named, are kept
	// when each is a word of some guide's name ("register baby": the birth
	// registration's "baby").
	// A child's words ("trẻ em") only where a guide's name holds them with
	// the words around them ("thẻ bhyt trẻ em"); else they say whom for
	// ("hộ chiếu trẻ em": "trẻ" is not the wallet's "trên").
	withChild, _ := withoutFillers(words, english, func(p string) bool { return children[p] }, loss)
	childNamed := c.isPhrase(withChild)
	named := func(p string) bool {
		if children[p] {
			return childNamed
		}
		return !slices.ContainsFunc(strings.Fields(p), func(w string) bool { return !c.words[w] })
	}
	bare := slices.DeleteFunc(slices.Clone(words), func(w string) bool {
		return !loss[w] && !feeWords[w] && !asking[w] && !keptIfNamed[w] && !englishWords[w] && (fillers[w] || english && englishFillers[w])
	})
	trimmed := trimFillers(words, english)
	onlyFillers := fillersOnly(kept, d)
	switch {
	case c.isPhrase(words): // as typed: "lệ phí", "get married"
	case len(trimmed) < len(words) && len(trimmed) >= 2 && slices.ContainsFunc(trimmed[1:len(trimmed)-1], func(w string) bool { return fillers[w] }) &&
		c.isPhrase(trimmed):
		words = trimmed // but for the fillers at its ends, with one inside: "làm chứng minh nhân dân" (mình)
	case len(bare) >= 2 && len(bare) < len(words) && len(bare) > len(kept) && c.isPhrase(bare):
		words = bare // but for its filler words: "làm trên cổng dịch vụ công"
	case onlyFillers && len(kept) > 0: // "là gì", "thủ tục gì"
		return nil, false
	case len(kept) > 0:
		if d.named { // "pay fees online", "how to pay the fee online", "register baby", "lost ID card"
			if withFee, _ := withoutFillers(words, english, named, loss); len(withFee) > len(kept) {
				found, uncovered = c.rank(withFee, loss)
				if len(found) > 0 {
					return found, false
				}
			}
		}
		words = kept
	case d.question || d.fee && d.generic:
		return nil, false // asked of no procedure (AsksOfNoProcedure): "how much", "bao lâu", "phí dịch vụ"
	case d.named: // "cách nộp lệ phí online": paying fees; "i just had a baby"
		if withFee, _ := withoutFillers(words, english, named, loss); len(withFee) > 0 {
			words = withFee
		}
	case onlyFillers:
		return nil, false // no procedure named (OnlyFillers): "thủ tục", "cách làm", "là gì"
	}
	found, more := c.rank(words, loss)
	if onlyFillers && len(found) > clearly {
		// A phrase of many names ("trực tuyến", "online", "dịch vụ công"
		// of every procedure's "dịch vụ công toàn trình"): only a guide
		// one of whose names is fillers only names it ("dịch vụ công trực
		// tuyến": the portal's login), or none.
		found = slices.DeleteFunc(found, func(g *Guide) bool { return !c.namedByFillers(g, words) })
		if len(found) > clearly {
			return nil, false
		}
	}
	return found, uncovered || more
}

// whatWords ask what a thing is ("khai sinh là gì", "thủ tục gì", "là cái
// gì"): no fillers beside a procedure's name ("số điện thoại của bà là
// gì" is no search of a phone number), but with fillers only they name
// no procedure either: alone, "là gì" found twelve guides by look-alikes
// of "la" and "gi".
var whatWords = map[string]bool{"la": true, "gi": true, "cai": true}

// fillersOnly says whether kept, the words of a query without its fillers
// (withoutFillers, which dropped d), name no procedure: none is left but
// whatWords, and none of the fillers dropped is kept if named ("lệ phí":
// paying fees; "baby").
func fillersOnly(kept []string, d dropped) bool {
	return !d.named && !slices.ContainsFunc(kept, func(w string) bool { return !whatWords[w] })
}

// namedByFillers says whether one of g's names holds words and is fillers
// only ("dịch vụ công trực tuyến").
func (c *Catalog) namedByFillers(g *Guide, words []string) bool {
	for _, e := range c.index {
		if e.guide != g {
			continue
		}
		for _, name := range e.names {
			kept, _ := withoutFillers(name, false, nil, nil)
			if len(kept) == 0 && strings.Contains(" "+strings.Join(name, " ")+" ", " "+strings.Join(words, " ")+" ") {
				return true
			}
		}
	}
	return false
}

// trimFillers returns words without the fillers at either end.
func trimFillers(words []string, english bool) []string {
	filler := func(w string) bool { return fillers[w] || english && englishFillers[w] }
	for len(words) > 0 && filler(words[0]) {
		words = words[1:]
	}
	for len(words) > 0 && filler(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return words
}

// rank returns the guides whose names hold words, best first. When loss
// has the words saying a loss or reissue (lossWords), the guides covering
// a paper's loss answer first, their names matching the loss's words
// whichever they are if the words name something else too ("bị mất" alone
// is matched as typed); when none matches, the words are matched as typed
// by every guide. uncovered says a guide not covering the loss matched the
// other words.
func (c *Catalog) rank(words []string, loss map[string]bool) (found []*Guide, uncovered bool) {
	if len(words) == 0 {
		return nil, false
	}
	// A word that is a word of some guide's names is read as typed: only a
	// typo of no known word is looked for among look-alikes ("khau" of "hộ
	// khẩu" is not a typo of "khai", "khsi" is).
	known := make([]bool, len(words))
	for i, w := range words {
		known[i] = c.words[w] || notTypos[w]
	}
	if loss != nil {
		matched := loss
		if !slices.ContainsFunc(words, func(w string) bool { return !loss[w] }) {
			matched = nil
		}
		var rest []string // the words but the loss's
		var restKnown []bool
		for i, w := range words {
			if !loss[w] {
				rest, restKnown = append(rest, w), append(restKnown, known[i])
			}
		}
		found := c.ranked(func(e entry) int {
			if !e.reissue {
				uncovered = uncovered || len(rest) > 0 && e.score(rest, restKnown, nil) > 0
				return 0
			}
			return e.score(words, known, matched)
		})
		if len(found) > 0 {
			return found, uncovered
		}
	}
	return c.ranked(func(e entry) int { return e.score(words, known, nil) }), uncovered
}

// ranked returns the guides scored above 0, best first (ties in list
// order), but for those far below the best.
func (c *Catalog) ranked(score func(entry) int) []*Guide {
	type hit struct {
		g     *Guide
		score int
		order int
	}
	var hits []hit
	best := 0
	for i, e := range c.index {
		if s := score(e); s > 0 {
			hits = append(hits, hit{e.guide, s, i})
			best = max(best, s)
		}
	}
	// Hits far below the best are look-alikes ("khau" for "khai"), not answers.
	hits = slices.DeleteFunc(hits, func(h hit) bool { return 2*h.score < best })
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.score != b.score {
			return b.score - a.score
		}
		return a.order - b.order
	})
	out := make([]*Guide, len(hits))
	for i, h := range hits {
		out[i] = h.g
	}
	return out
}

// isName says whether words are one of some guide's names.
func (c *Catalog) isName(words []string) bool {
	for _, e := range c.index {
		for _, name := range e.names {
			if slices.Equal(name, words) {
				return true
			}
		}
	}
	return false
}

// isPhrase says whether words, as typed, are a phrase of some guide's name.
func (c *Catalog) isPhrase(words []string) bool {
	return strings.Contains(c.nameText, " "+strings.Join(words, " ")+" ")
}

// score is 0 when the guide does not match the words; known says which of
// them match only as typed or as a beginning, not as a typo; loss which
// say a loss or a reissue, matched by a guide covering one.
func (e entry) score(words []string, known []bool, loss map[string]bool) int {
	total := 0
	for i, w := range words {
		best := 0
		if loss[w] && e.reissue {
			best = 3
		}
		for _, name := range e.names {
			for _, nw := range name {
				s := wordScore(w, nw)
				if known[i] && s == 1 {
					s = 0
				}
				// A unit's word is a place ("khai sinh ở xã"): not the
				// beginning of another word ("xác"), nor a typo of one.
				if unitWords[w] && s < 3 {
					s = 0
				}
				best = max(best, s)
			}
		}
		if best == 0 {
			total = 0
			break
		}
		total += best
	}
	// The words typed as a phrase of a name ("ly lich" in "ly lich tu phap"),
	// or run together ("khaisinh").
	joined, compact := strings.Join(words, " "), compact(words)
	phrase := 0
	for i, name := range e.names {
		switch {
		case joined == strings.Join(name, " "):
			phrase = max(phrase, 6*len(words)) // the very name: "thuong tru", "vneid"
		case copyOnly(name, words): // a copy of the paper typed, not it
		case strings.Contains(" "+strings.Join(name, " ")+" ", " "+joined+" "):
			phrase = max(phrase, 4*len(words))
		case len(compact) >= 4 && strings.Contains(e.compact[i], compact):
			phrase = max(phrase, 3*len(words)+1)
		}
	}
	// The words, their typos read, typed as a phrase of a name ("kahi tu":
	// khai tử; "thuong chu", "tr" and "ch" mixed up: thường trú) beat the
	// same words matched here and there in another name.
	if len(words) >= 2 {
		for _, name := range e.names {
		window:
			for start := 0; start+len(words) <= len(name); start++ {
				sum, typo, inTitle := 0, false, true
				for j, w := range words {
					nw := name[start+j]
					inTitle = inTitle && slices.Contains(e.title, nw)
					s := wordScore(w, nw)
					if trCh(w, nw) {
						s = 1
					}
					if s == 0 || known[j] && s == 1 && !trCh(w, nw) || unitWords[w] && s < 3 {
						continue window
					}
					typo = typo || s == 1
					sum += s
				}
				if inTitle { // as below
					sum += 2
				}
				if len(words) == len(name) { // the very name, as above
					sum += 2 * len(words)
				}
				if typo {
					total = max(total, sum+2*len(words))
				}
			}
		}
	}
	if total == 0 && phrase == 0 {
		return 0
	}
	// The title naming every word beats an alias doing so.
	inTitle := 0
	for _, w := range words {
		if slices.Contains(e.title, w) {
			inTitle++
		}
	}
	if inTitle == len(words) {
		total += 2
	}
	return total + phrase
}

// copyVerbs make a copy of a paper, folded: a name that is one of them
// and a paper ("sao y căn cước") is a copy's, not the paper's.
// copyVerbWords are their words, cut once: copyOnly runs for every name a
// query is scored against.
var (
	copyVerbs     = folded("sao y", "chứng thực", "công chứng")
	copyVerbWords = func() [][]string {
		var vs [][]string
		for _, v := range copyVerbs {
			vs = append(vs, strings.Fields(v))
		}
		return vs
	}()
)

// copyOnly says whether name, folded, is one of copyVerbs followed by a
// paper other than a copy ("sao y căn cước"; not "chứng thực bản sao")
// and words name that paper without the verb ("căn cước"): the paper
// alone asks for the paper, not a copy of it ("căn cước" listed the
// certified copy second).
func copyOnly(name, words []string) bool {
	for i, vw := range copyVerbWords {
		if len(name) > len(vw) && slices.Equal(name[:len(vw)], vw) && namesPaper(name[len(vw):]) &&
			!holds(name[len(vw):], extractWords) && !holds(words, copyVerbs[i:i+1]) {
			return true
		}
	}
	return false
}

// wordScore compares a typed word with a word of a name: 3 equal, 2 its
// beginning or another ending of it, 1 within a typo or two (two
// neighbouring letters swapped count as one); 0 not alike.
func wordScore(typed, word string) int {
	switch {
	case typed == word:
		return 3
	case len(typed) >= 2 && strings.HasPrefix(word, typed):
		return 2
	case len(typed) >= 7 && sameStem(typed, word):
		return 2
	case len(typed) >= 6 && englishStem(typed) != typed && englishStem(typed) == englishStem(word):
		return 2
	case len(typed) >= 4 && swapped(typed, word):
		return 1
	case len(typed) >= 4 && abs(len(typed)-len(word)) <= 2:
		allowed := 1
		if len(typed) >= 8 {
			allowed = 2
		}
		if levenshtein.ComputeDistance(typed, word) <= allowed {
			return 1
		}
	}
	return 0
}

// trCh says whether typed is word with "tr" and "ch" mixed up at its
// start ("chu" for "trú"), a mistake of the northern accent.
func trCh(typed, word string) bool {
	return len(typed) > 2 && len(word) == len(typed) && typed[2:] == word[2:] &&
		(typed[:2] == "ch" && word[:2] == "tr" || typed[:2] == "tr" && word[:2] == "ch")
}

// sameStem says whether typed, but for its last one or two letters (six
// at least kept), begins word: English endings the titles do not use
// ("register" for "registration", "licences" for "licence"). Vietnamese
// syllables are too short to be caught by it.
func sameStem(typed, word string) bool {
	n := max(6, len(typed)-2)
	return len(word) >= n && typed[:n] == word[:n]
}

// englishStem is w, an English word of the "-ify" family, cut to its
// stem and "if" ("certification", "certified", "certify": "certif"), a
// plural in "-ies" its singular ("copies": "copy"), or w: "copy
// certification" found nothing, "certified copy" the certified copy.
// Vietnamese syllables end in none of these.
func englishStem(w string) string {
	for _, end := range []string{"ifications", "ification", "ified", "ifies", "ifying", "ify"} {
		if stem, ok := strings.CutSuffix(w, end); ok && len(stem) >= 3 {
			return stem + "if"
		}
	}
	if stem, ok := strings.CutSuffix(w, "ies"); ok && len(stem) >= 3 { // "copies": copy
		return stem + "y"
	}
	return w
}

// swapped says whether a is b with two neighbouring letters swapped
// ("khia", "thuogn").
func swapped(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
