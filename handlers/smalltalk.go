package handlers

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/vntext"
)

// answerSmallTalk answers a text typed outside any flow that only greets
// or thanks (guides.Courtesy): a volunteer's "xin chào" is shown how to
// start (as on the pick screen), a guest's is greeted as /start greets
// them, a thanks is answered in kind — a resident's "cảm ơn ạ" after
// rating was told the bot cannot read typed messages. false when the text
// is something else.
func (h *Handlers) answerSmallTalk(r *request) (bool, error) {
	switch guides.Courtesy(r.text) {
	case guides.Greeting:
		if r.member() {
			r.say(r.t.T("case.search_courtesy"), nil)
			return true, nil
		}
		return true, h.greet(r)
	case guides.Thanks:
		key := "smalltalk.thanks"
		if !r.member() {
			fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
			if err != nil {
				return true, err
			}
			key = "smalltalk.thanks_guest" // most likely a resident whose follow-up ended
			if len(fs) > 0 {
				key = "smalltalk.thanks_resident"
			}
		}
		r.say(r.t.T(key), nil)
		return true, nil
	}
	return false, nil
}

// saysReceived says whether a resident's typed text says the result came
// ("đã nhận rồi cháu ơi", "nhan duoc roi", "có kết quả rồi", "received",
// "I got it"): a short text with such words, without a word that denies or
// asks ("chưa nhận", "không", "bao giờ nhận được", "not yet", a question
// mark). What it answers is a question, so a text taken for it by mistake
// records nothing.
func saysReceived(text string) bool {
	if strings.Contains(text, "?") {
		return false
	}
	ws := vntext.Words(text)
	if len(ws) == 0 || len(ws) > 12 {
		return false
	}
	said := false
	for i, w := range ws {
		if receivedDenied[w] {
			return false
		}
		if receivedWords[w] || i+1 < len(ws) && receivedPairs[w+" "+ws[i+1]] {
			said = true
		}
	}
	return said
}

// onlySaysReceived is saysReceived for text typed where a comment on the
// help is asked: every word says the result came or names or addresses
// someone ("đã nhận rồi cháu ơi", "nhận được kết quả rồi ạ", "got it"),
// with the polite particles residents open with ("dạ", "vâng", "à", "ừ").
// A word typed with diacritics is matched as typed, one typed without
// any folded: folded, "rối quá", "quá ổn", "còn kẹt", "chỉ có
// giấy", "bận quá" read as words of "đã nhận rồi ạ", and the comment was
// lost. A thanks is not among the words: it is what the question asks
// for, a comment. A sentence that says more ("đã nhận được sự hỗ trợ
// nhiệt tình", "nhận được rồi, rối quá") is a comment.
func onlySaysReceived(text string) bool {
	if !saysReceived(text) {
		return false
	}
	for _, w := range typedWords(text) {
		if !receivedOnly[w] && (vntext.Fold(w) != w || !receivedOnlyFolded[w]) {
			return false
		}
	}
	return true
}

// clauseOnlySaysReceived says whether a part of text — between commas,
// stops, "nhưng", "but" — only says the result came: a comment that also
// says it ("Nhận được rồi, rối quá", "Đã nhận, cám ơn các bạn nhiều"),
// kept as the comment and the result asked about too.
func clauseOnlySaysReceived(text string) bool {
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",.;:!?\n", r) }) {
		for _, clause := range receivedBut.Split(part, -1) {
			if onlySaysReceived(clause) {
				return true
			}
		}
	}
	return false
}

// typedWords are the words of s as typed: lower case, NFC, without the
// punctuation.
func typedWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(vntext.NFC(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// The words of saysReceived, folded (vntext.Fold): a word, a pair of
// words, and the words that deny or ask; and those onlySaysReceived lets
// stand beside them, as typed and folded.
var (
	receivedWords      = map[string]bool{}
	receivedPairs      = map[string]bool{}
	receivedDenied     = map[string]bool{}
	receivedOnly       = map[string]bool{}
	receivedOnlyFolded = map[string]bool{}
	receivedBut        = regexp.MustCompile(`(?i)\s(?:nhưng|but)\s`)
)

func init() {
	for _, w := range strings.Fields("received recieved got arrived came") {
		receivedWords[w] = true
	}
	for _, p := range strings.Split("da nhan,nhan roi,nhan duoc,nhan dc,nhan kq,nhan ket,co ket,co kq,lay roi,da lay,kq roi,qua roi", ",") {
		receivedPairs[p] = true
	}
	english := " received recieved got it the result results i have ive has already arrived came yes ok okay"
	for _, w := range strings.Fields("đã nhận rồi được đc dc có kết quả kq lấy giấy dạ vâng à ừ ạ nhé nhá nhe nha ơi cháu con em anh chị bà ông bác cô " +
		"các bạn mình tôi tui" + english) {
		receivedOnly[w] = true
	}
	for _, w := range strings.Fields("da nhan roi duoc dc co ket qua kq lay giay vang u a nhe nha oi chau con em anh chi ba ong bac co " +
		"cac ban minh toi tui" + english) {
		receivedOnlyFolded[w] = true
	}
	for _, w := range strings.Fields("chua khong ko k kh hong hok kg bao nao sao gi dau neu not no yet never haven hasn didn don doesn when how where what why if") {
		receivedDenied[w] = true
	}
}

// saysProblem says whether a resident's typed text reads as a problem with
// their dossier, the ones its web page names beside "⚠ Báo hồ sơ có vướng
// mắc": sent back, more papers asked for, refused, past its date ("hồ sơ
// bị trả về, yêu cầu bổ sung giấy tờ", "bị từ chối rồi", "quá hạn mà vẫn
// chưa có kết quả", "my application was rejected"). "Chưa nhận được"
// alone is a reminder's "Chưa", not a problem. What it answers is a
// question, so a text taken for it by mistake records nothing.
func saysProblem(text string) bool {
	folded := " " + vntext.Fold(text) + " "
	for _, p := range problemPhrases {
		if strings.Contains(folded, " "+p+" ") {
			return true
		}
	}
	return false
}

// problemPhrases are saysProblem's words, folded (vntext.Fold): "trả
// về" only of a dossier sent back ("bị trả về", "trả lại hồ sơ"), not a
// result sent home; "problem" only as one had, not "no problem".
var problemPhrases = strings.Split("bi tra ve,bi tra lai,ho so tra ve,tra ve ho so,tra lai ho so,yeu cau bo sung,phai bo sung,"+
	"can bo sung,bo sung giay,bo sung ho so,tu choi,khong duoc duyet,khong duyet,khong hop le,bi loi,bi huy,sai thong tin,"+
	"qua han,tre han,tre hen,vuong mac,khong nhan duoc ket qua,van chua co ket qua,van chua co kq,"+
	"returned,sent back,rejected,refused,declined,more papers,more documents,additional documents,overdue,"+
	"a problem,have problem,has problem,problem with", ",")

// typedStars reads a star count typed as the rating ("5 sao", "5*", "năm
// sao", "4★", "3/5", "cho 4 sao nhé", "2 stars", "⭐⭐⭐⭐⭐"): the count, and
// what follows it (", very kind"), the comment, as typed, without the
// polite words that only end the rating ("nhé", "ạ"). A bare number is
// not read: it answers nothing asked.
func typedStars(text string) (n int, rest string, ok bool) {
	text = strings.TrimSpace(vntext.NFC(text))
	if strings.Contains(text, "?") { // "ba sao chưa có?": asked, not rated
		return 0, "", false
	}
	if m := starEmoji.FindStringSubmatch(text); m != nil {
		n, rest = strings.Count(m[1], "★")+strings.Count(m[1], "⭐"), m[2]
	} else if m := starCount.FindStringSubmatch(text); m != nil {
		n, rest = starWords[strings.ToLower(m[1])], m[2]
	} else {
		return 0, "", false
	}
	if n < 1 || n > 5 {
		return 0, "", false
	}
	rest = strings.TrimSpace(strings.TrimLeft(rest, ",.;:!-–— "))
	for _, w := range typedWords(rest) {
		if !starFillers[w] {
			return n, rest, true
		}
	}
	return n, "", true
}

var (
	starCount = regexp.MustCompile(`(?i)^(?:(?:cho|chấm|cham|chấm điểm|đánh giá|danh gia|rate|i give|give)\s+)?` +
		`([1-5]|một|mot|hai|ba|bốn|bon|năm|nam|one|two|three|four|five)\s*(?:sao|\*|★|⭐\x{FE0F}?|/\s*5|stars?|điểm|diem)` +
		`((?:[\s,.;:!\-–—].*)?)$`)
	starEmoji = regexp.MustCompile(`^((?:[★⭐]\x{FE0F}?){1,5})((?:[\s,.;:!\-–—].*)?)$`)
	starWords = map[string]int{"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "một": 1, "mot": 1, "one": 1, "hai": 2, "two": 2,
		"ba": 3, "three": 3, "bốn": 4, "bon": 4, "four": 4, "năm": 5, "nam": 5, "five": 5}
	starFillers = map[string]bool{}
)

func init() {
	for _, w := range strings.Fields("nhé nhe nha nhá ạ à ok okay please a luôn luon sao") {
		starFillers[w] = true
	}
}

// saysThanks says whether a resident's typed text thanks or praises the
// help ("Cháu tình nguyện viên rất nhiệt tình, cảm ơn cháu", "very kind"):
// the comment the rating asks for. A question is not one.
func saysThanks(text string) bool {
	if strings.Contains(text, "?") || !vntext.HasWord(text) {
		return false
	}
	folded := " " + vntext.Fold(text) + " "
	for _, p := range thanksPhrases {
		if strings.Contains(folded, " "+p+" ") {
			return true
		}
	}
	return false
}

// thanksPhrases are saysThanks's words, folded (vntext.Fold).
var thanksPhrases = strings.Split("cam on,cam ong,thank,thanks,thank you,nhiet tinh,tan tinh,chu dao,tan tam,de thuong,"+
	"gioi qua,rat tot,tot lam,rat hay,nhanh gon,kind,helpful,great,excellent", ",")

// asksTheBot says whether text typed where a comment on the help is asked
// reads as a question rather than a comment ("bot này dùng thế nào", "làm
// sao để xem hồ sơ", "how do I use this bot?"): a question mark, a
// Vietnamese question word, or an English sentence that opens as a
// question. A comment that asks something is still one: such text is
// offered, not refused.
func asksTheBot(text string) bool {
	if strings.Contains(text, "?") {
		return true
	}
	folded := " " + vntext.Fold(text) + " "
	for _, p := range questionPhrases {
		if strings.Contains(folded, " "+p+" ") {
			return true
		}
	}
	ended := strings.TrimSuffix(strings.TrimSuffix(folded, " a "), " ha ")
	ended = strings.TrimRight(ended, " ") + " "
	for _, p := range questionEnds {
		if strings.HasSuffix(ended, " "+p+" ") {
			return true
		}
	}
	ws := strings.Fields(folded)
	if len(ws) < 2 || !questionOpeners[ws[0]] {
		return false
	}
	// "Cán bộ nhiệt tình lắm", "Cần thêm người", "Đó là…" fold to "can",
	// "do": an English question only when a subject follows ("Can I…",
	// "Do you…"). Until review 30 they were offered as questions.
	return !vietnameseOpeners[ws[0]] || questionSubjects[ws[1]]
}

var (
	// questionPhrases are asksTheBot's Vietnamese words, folded.
	questionPhrases = strings.Split("the nao,lam sao,bao gio,khi nao,o dau,cai gi,la gi,tai sao,vi sao,bao lau,dung sao,dung gi", ",")
	// questionEnds are its Vietnamese words that ask only at the end ("xem
	// ở đây được không", not "được không cần đi lại").
	questionEnds = strings.Split("duoc khong,dc khong,duoc ko,dc ko,phai khong,chua,khong", ",")
	// questionOpeners are the English words a question opens with.
	questionOpeners = map[string]bool{"how": true, "what": true, "when": true, "where": true, "why": true, "which": true,
		"who": true, "can": true, "could": true, "do": true, "does": true, "is": true, "are": true, "will": true, "should": true}
	// vietnameseOpeners are the questionOpeners Vietnamese words fold to
	// (cán, cần, căn; đó, đỡ, độ).
	vietnameseOpeners = map[string]bool{"can": true, "do": true}
	// questionSubjects are the words after "can" or "do" that make an
	// English question of them; none a Vietnamese word folds to.
	questionSubjects = map[string]bool{"i": true, "you": true, "we": true, "they": true, "he": true, "she": true, "it": true,
		"this": true, "that": true, "there": true, "my": true, "your": true, "our": true, "someone": true, "anyone": true, "somebody": true}
)

// saysCallBack says whether a resident's typed text asks to be called or
// contacted back ("nhờ cháu gọi lại 0903…", "gọi cho tôi nhé", "liên hệ
// lại giúp tôi", "please call me back"): a plea for help, not a comment on
// the help — dvcbot keeps no phone number and calls nobody.
func saysCallBack(text string) bool {
	folded := " " + vntext.Fold(strings.Join(typedWords(text), " ")) + " "
	for _, p := range callBackPhrases {
		if strings.Contains(folded, " "+p+" ") {
			return true
		}
	}
	return false
}

// callBackPhrases are saysCallBack's words, folded (vntext.Fold).
var callBackPhrases = strings.Split("goi lai,goi cho toi,goi cho minh,goi cho chau,goi cho em,goi cho bac,goi cho co,goi cho chu,"+
	"goi dien cho,goi dien lai,goi toi,goi giup toi,lien he lai,lien lac lai,lien he voi toi,lien he cho toi,lien he toi,"+
	"lien lac voi toi,lien lac cho toi,call me,call back,callback,phone me,ring me,give me a call,contact me", ",")

// saysStopReminders says whether a resident's typed text asks the bot to
// stop its reminders ("không cần nhắc nữa", "đừng nhắn nhắc tôi nữa",
// "thôi khỏi nhắc", "please stop the reminders", "STOP" alone): a consent
// taken back.
// A complaint that none came ("sao không nhắc tôi") or a question about
// when ("khi nào thì nhắc") is not one: "không nhắc" alone is not among
// the words.
func saysStopReminders(text string) bool {
	words := typedWords(text)
	if len(words) == 1 && words[0] == "stop" {
		return true // "STOP", as an SMS list is left
	}
	folded := " " + vntext.Fold(strings.Join(words, " ")) + " "
	for _, p := range stopReminderPhrases {
		if strings.Contains(folded, " "+p+" ") {
			return true
		}
	}
	return false
}

// stopReminderPhrases are saysStopReminders's words, folded (vntext.Fold).
var stopReminderPhrases = strings.Split("khong can nhac,khong can nhan nhac,khong can nhan hoi,khong can nhan tin,"+
	"dung nhac,dung nhan nhac,dung nhan hoi,dung nhan tin,thoi nhac,thoi nhan nhac,ngung nhac,ngung nhan nhac,"+
	"khoi nhac,khoi nhan nhac,tat nhac,tat loi nhac,huy nhac,khong muon nhan nhac,khong muon duoc nhac,"+
	"khong muon nhan loi nhac,stop reminding,stop reminders,stop the reminders,stop the reminder,stop reminder,"+
	"no more reminders,no more reminder,don t remind,dont remind,do not remind,turn off the reminders,turn off reminders", ",")

// typedYesNo reads a plain yes or no typed as the answer to a yes/no
// question ("Có", "đồng ý ạ", "Dạ vâng", "ok", "yes"; "Không", "không cần
// đâu cháu", "không, cảm ơn", "no thanks"): the whole text is just that,
// with the polite words around it ("dạ", "ạ", "nhé", "cháu ơi", "cảm
// ơn"). A longer sentence is not one: "không nhận được" is no "không". A
// word typed without diacritics is matched folded ("co", "khong").
func typedYesNo(text string) (yes, ok bool) {
	if strings.Contains(text, "?") {
		return false, false
	}
	ws := typedWords(text)
	for n := len(ws); n > 1; n = len(ws) {
		if yesNoAround[ws[n-1]] || yesNoAfter[ws[n-1]] {
			ws = ws[:n-1]
		} else if n > 2 && yesNoAfter[ws[n-2]+" "+ws[n-1]] {
			ws = ws[:n-2] // "không, cảm ơn", "no thank you"
		} else {
			break
		}
	}
	for len(ws) > 1 && yesNoAround[ws[0]] {
		ws = ws[1:] // "dạ có", "vâng, không cần"
	}
	phrase := strings.Join(ws, " ")
	if phrase == "" {
		return false, false
	}
	if y, ok := yesNoTyped[phrase]; ok {
		return y, true
	}
	if vntext.Fold(phrase) == phrase { // typed without diacritics
		y, ok := yesNoFolded[phrase]
		return y, ok
	}
	return false, false
}

var (
	// yesNoTyped are typedYesNo's answers as typed, yesNoFolded as typed
	// without diacritics.
	yesNoTyped  = map[string]bool{}
	yesNoFolded = map[string]bool{}
	// yesNoAround are the polite words that may open or end the answer
	// (and are "yes" alone: "Dạ", "Vâng"), yesNoAfter those that may end it.
	yesNoAround = map[string]bool{}
	yesNoAfter  = map[string]bool{}
)

func init() {
	for _, w := range strings.Split("có,có chứ,đồng ý,tôi đồng ý,có đồng ý,đồng ý nhận nhắc,nhận nhắc,có nhận nhắc,muốn,có muốn,tôi muốn,"+
		"được,đc,ừ,ừm,vâng,dạ,dạ vâng,vâng vâng,ok,okay,oke,oki,yes,y,yeah,yep,sure,agree,i agree,of course", ",") {
		yesNoTyped[w] = true
	}
	for _, w := range strings.Split("không,ko,k,kg,kh,hông,không cần,ko cần,k cần,không cần nhắc,không đồng ý,không muốn,không nhận nhắc,"+
		"thôi,thôi không,thôi không cần,thôi khỏi,khỏi,khỏi cần,no,nope,no need,not needed,i don't,don't", ",") {
		yesNoTyped[w] = false
	}
	for w, y := range yesNoTyped {
		yesNoFolded[vntext.Fold(w)] = y
	}
	for _, w := range strings.Fields("dạ vâng ừ da vang") {
		yesNoAround[w] = true
	}
	for _, w := range strings.Split("ạ,a,à,nhé,nhe,nha,nhá,chứ,đâu,dau,ơi,oi,luôn,luon,đi,di,cháu,chau,con,em,bạn,ban,please,thanks,"+
		"cảm ơn,cám ơn,cam on,thank you,thanks you,cảm ơn cháu,cám ơn cháu", ",") {
		yesNoAfter[w] = true
	}
}

// saysRemindMe says whether a resident's typed text plainly asks for the
// reminders ("nhắc tôi", "nhắc lại giúp tôi", "ok nhắc đi", "cứ nhắc
// cháu nhé", "remind me", "turn the reminders back on"): the whole text is
// that, with the polite words around it, as typedYesNo reads a yes. A
// sentence that only speaks of reminding is none: "cảm ơn đã nhắc tôi"
// (a thanks), "sao không nhắc tôi" (a complaint), "nhắc lại giúp tôi mã
// hồ sơ" (repeat the code), "đừng nhắc tôi", a question.
func saysRemindMe(text string) bool {
	if strings.Contains(text, "?") {
		return false
	}
	ws := typedWords(text)
	for len(ws) > 1 && remindBefore[ws[0]] {
		ws = ws[1:] // "ok", "dạ", "có", "cứ", "thôi cứ"
	}
	for n := len(ws); n > 1; n = len(ws) {
		if yesNoAround[ws[n-1]] || yesNoAfter[ws[n-1]] {
			ws = ws[:n-1] // "nhé", "đi", "ạ", "cháu", "please"
		} else if n > 2 && yesNoAfter[ws[n-2]+" "+ws[n-1]] {
			ws = ws[:n-2]
		} else {
			break
		}
	}
	phrase := strings.Join(ws, " ")
	if remindTyped[phrase] {
		return true
	}
	// Typed without diacritics ("nhac toi nhe"), matched folded.
	return vntext.Fold(phrase) == phrase && remindFolded[phrase]
}

var (
	// remindTyped are saysRemindMe's phrases as typed, remindFolded as
	// typed without diacritics; remindBefore the words that may open them.
	remindTyped  = map[string]bool{}
	remindFolded = map[string]bool{}
	remindBefore = map[string]bool{}
)

func init() {
	// The object ("tôi", "giúp tôi", "cho tôi") is part of the phrase, not
	// a polite word dropped: "nhắc lại" alone, with nothing after, is
	// "remind again"; with a thing after, "say again".
	for _, w := range strings.Split("nhắc,nhắc lại,nhắc tiếp,nhắc tôi,nhắc lại tôi,nhắc tôi lại,nhắc giúp,nhắc giúp tôi,nhắc lại giúp,"+
		"nhắc lại giúp tôi,nhắc giúp tôi với,nhắc lại giúp tôi với,nhắc tôi với,nhắc cho tôi,nhắc lại cho tôi,nhắc mình,nhắc lại mình,"+
		"nhắc giúp mình,nhắc lại giúp mình,nhắc cho mình,nhắc em,nhắc lại em,nhắc giúp em,nhắc bà,nhắc ông,nhắc bác,nhắc cô,nhắc chú,"+
		"nhắc tôi nữa,vẫn nhắc tôi,tiếp tục nhắc,tiếp tục nhắc tôi,nhận nhắc,nhận nhắc lại,nhận lại nhắc,nhận lời nhắc,muốn nhận nhắc,"+
		"tôi muốn nhận nhắc,muốn được nhắc,tôi muốn được nhắc,bật nhắc,bật lại nhắc,bật nhắc lại,bật lời nhắc,bật lại lời nhắc,"+
		"mở nhắc,mở lại nhắc,mở lại lời nhắc,đổi ý,tôi đổi ý,đổi ý nhận nhắc,"+
		"remind me,remind me again,keep reminding me,i want reminders,i want the reminders,i want reminders again,"+
		"turn on reminders,turn on the reminders,turn reminders on,turn the reminders on,turn reminders back on,"+
		"turn the reminders back on,reminders on,resume reminders,resume the reminders,start reminders,start the reminders", ",") {
		remindTyped[w] = true
		remindFolded[vntext.Fold(w)] = true
	}
	// "Dạ, cháu cứ nhắc đi ạ": the bot addressed, as residents do. Folded
	// too, but for "dạ", which folds to "đã" ("đã nhắc tôi": it did).
	for _, w := range strings.Fields("ok okay oke oki ừ dạ vâng có cứ thôi vậy thế xin hãy cháu con em bạn please yes") {
		remindBefore[w] = true
		if f := vntext.Fold(w); f != "da" {
			remindBefore[f] = true
		}
	}
}
