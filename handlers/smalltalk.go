package handlers

import (
	"github.com/dvcbot/dvcbot/vntext"
)

// Small talk: what people type to a bot that is not a request. A new
// volunteer's first message is often "xin chào"; a resident who has just
// rated the help writes "cảm ơn ạ". Neither names a procedure (a search
// for "xin chào" found three guides by look-alike words), nor is it a
// follow-up answer to be told off as unread.

const (
	talkNone   = iota
	talkHello  // a greeting: answered as /start
	talkThanks // thanks or an acknowledgement: answered in kind
)

// The words, folded. A text is small talk when it has a word of hellos or
// thanks and every other word is one of politeness (addressing the bot,
// "ạ", "nhé", "nhiều").
var (
	hellos = wordSet("chao hello helo hallo hi hey alo aloo")
	thanks = wordSet("cam on camon thanks thank thankyou tks thx ok oke okay okie okela")
	polite = wordSet("xin a nhe nha nhieu lam rat oi bot dvcbot ban em anh chi chau con co chu bac ba ong cac moi nguoi ca so much very you all everyone there good morning buoi sang chieu toi")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range vntext.Words(s) {
		m[w] = true
	}
	return m
}

// smallTalk says whether text is only a greeting or only thanks.
func smallTalk(text string) int {
	words := vntext.Words(text)
	if len(words) == 0 || len(words) > 6 {
		return talkNone
	}
	hello, thank := false, false
	for _, w := range words {
		switch {
		case hellos[w]:
			hello = true
		case thanks[w]:
			thank = true
		case !polite[w]:
			return talkNone
		}
	}
	switch {
	case thank: // "chào, cảm ơn nhé": the thanks is what is meant
		return talkThanks
	case hello:
		return talkHello
	}
	return talkNone
}

// answerSmallTalk answers a text typed outside any flow that is only a
// greeting or thanks; false when it is neither.
func (h *Handlers) answerSmallTalk(r *request) (bool, error) {
	switch smallTalk(r.text) {
	case talkHello:
		return true, h.greet(r)
	case talkThanks:
		key := "smalltalk.thanks"
		if !r.member() {
			fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
			if err != nil {
				return true, err
			}
			if len(fs) > 0 {
				key = "smalltalk.thanks_resident"
			}
		}
		r.say(r.t.T(key), nil)
		return true, nil
	}
	return false, nil
}
