package handlers

import "github.com/dvcbot/dvcbot/guides"

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
			if len(fs) > 0 {
				key = "smalltalk.thanks_resident"
			}
		}
		r.say(r.t.T(key), nil)
		return true, nil
	}
	return false, nil
}
