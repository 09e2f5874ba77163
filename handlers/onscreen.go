package handlers

import (
	"context"
	"errors"
	"strconv"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/storage"
)

// The dossier on screen. A resident's chat may follow several dossiers (a
// daughter with her mother's and her father's); the one whose card the bot
// showed last — a single card about one dossier: its link's screen, a
// reminder, its "received?" question, a screen drawn after a press on it —
// is the one the resident is looking at, and a star count typed then is
// for it (typedRating), as are "đã nhận rồi" (typedReceived) and a thanks
// (typedThanks); /lang draws that card again below in the new language
// (followupBelow). A list of several since (/start's, typedAgain's,
// "which?"), or a message about another dossier (a code corrected), leaves
// no dossier on screen. It is kept on the follow-up's row
// (storage.Tx.SetOnScreen: a message id, nothing of the resident), so it
// survives a restart and goes with the follow-up (/forget, the web page's
// erase, retention, the hand-over to a relative). Beside it, whether that
// card asks the reminder question, or answers it (request.consentCard,
// storage.Followup.OnScreenConsent): a plain "có" typed answers it then
// (typedConsent), not another question of the dossier (a hand-over's).

// screenTrack begins the Track of a dossier's card sent as a new message,
// before its case: its id is kept as the message the card is on
// (onScreenSent).
const screenTrack = "s"

// screenMark is what an update leaves on screen in the chat, written once
// it is handled (keepOnScreen): set, the card of caseID (0: a list of
// several, no dossier on screen) on message (0 or less: a new message).
type screenMark struct {
	set     bool
	caseID  int64
	message int
}

// cardShown notes that the reply just added (the last) is caseID's card,
// sent as a new message, or else that the pressed message was edited into
// it (or already showed it): the dossier on screen. A new message is
// tracked for its id, unless it carries a track of its own (a comment
// question's copy, a "received?" question), whose Sent notes it too.
func (r *request) cardShown(caseID int64) {
	track := screenTrack + strconv.FormatInt(caseID, 10)
	if n := len(r.replies); n > 0 {
		last := &r.replies[n-1]
		switch m := (*last).(type) {
		case bot.Message:
			if m.Track == "" {
				m.Track = track
				*last = m
			}
			r.screen = screenMark{set: true, caseID: caseID}
			return
		case bot.About:
			if msg, ok := m.Reply.(bot.Message); ok {
				if msg.Track == "" {
					msg.Track = track
					m.Reply = msg
					*last = m
				}
				r.screen = screenMark{set: true, caseID: caseID}
				return
			}
		}
	}
	r.screen = screenMark{set: true, caseID: caseID, message: r.liveMessage()}
}

// listShown notes that several dossiers were shown, each by its card (or a
// question about each): none is on screen.
func (r *request) listShown() {
	r.screen = screenMark{set: true}
}

// cardsShown is cardShown for one of fs, listShown for several.
func (r *request) cardsShown(fs []storage.Followup) {
	switch len(fs) {
	case 0:
	case 1:
		r.cardShown(fs[0].CaseID)
	default:
		r.listShown()
	}
}

// keepOnScreen writes what the update left on screen (cardShown,
// listShown), if anything.
func (r *request) keepOnScreen() error {
	if !r.screen.set {
		return nil
	}
	consent := r.screen.caseID != 0 && r.screen.caseID == r.consentCard
	return r.tx.SetOnScreen(r.ctx, r.chat, r.screen.caseID, r.screen.message, consent)
}

// onScreen is the chat's dossier on screen among fs, if any.
func onScreen(fs []storage.Followup) (storage.Followup, bool) {
	for _, f := range fs {
		if f.OnScreen.Valid {
			return f, true
		}
	}
	return storage.Followup{}, false
}

// onScreenSent notes that a copy of caseID's card sent as a new message is
// message (storage.Tx.OnScreenSent); a copy /lang replaced before its id
// came loses its buttons now, as the one whose id was known did then
// (followupBelow). Untagged, as questionSent's: the edit shows no dossier.
func onScreenSent(ctx context.Context, tx *storage.Tx, chat, caseID int64, message int) error {
	replaced, err := tx.OnScreenSent(ctx, chat, caseID, message)
	if err != nil || !replaced {
		return err
	}
	return bot.Enqueue(ctx, tx.SQL(), bot.EditButtons{ChatID: chat, MessageID: message})
}

// followupBelow draws a resident's dossier on screen again below the
// answer to /lang, in the language now chosen, as drawCaseBelow draws a
// case's screen: the copy above loses its buttons (one live copy of the
// card; a copy whose id is still to come loses them when it comes:
// onScreenSent). A "received?" question open on it closes, as at /start
// (its buttons go: unbuttonClosedQuestions); the comment question is drawn
// again by drawCaseBelow itself. again is false for the second tap of the
// same language's button, which left the phone with the first: the card
// is below already.
func (h *Handlers) followupBelow(r *request, again bool) error {
	if r.member() || (!again && r.liveMessage() != 0) {
		return nil
	}
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	if conv.Flow != "" && !readsNoText(conv) {
		return nil // the comment question, drawn again below already
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil {
		return err
	}
	f, ok := onScreen(fs)
	if !ok {
		return nil
	}
	if err := leaveFollowupFlows(r.ctx, r.tx, r.chat, conv); err != nil {
		return err
	}
	next := int(f.OnScreen.Int32) - 1 // one more copy to come before this one
	if old := int(f.OnScreen.Int32); old > 0 {
		next = 0
		if !r.touches(old) {
			r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: old})
		}
	}
	if err := h.showFollowups(r, []storage.Followup{f}); err != nil {
		return err
	}
	r.screen.message = next
	return nil
}
