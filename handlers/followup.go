package handlers

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/privacy"
	"github.com/dvcbot/dvcbot/render"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/vntext"
	"github.com/dvcbot/dvcbot/workdays"
)

// The resident's side of a case. When a case whose resident agreed to be
// followed up closes with a dossier code, the volunteer gets a slip (a
// photo with a QR code of the web page, or without PUBLIC_URL of the bot's
// deep link) and the plain links to hand
// over. Whoever opens the link first in Telegram (/start <token>) is the
// follow-up's resident: they see the procedure, the dossier code, how to
// track it and the expected date; they give their own consent to
// reminders, and may rate the help (1–5) with a short comment. A second
// person opening the same link sees the same information, and is told the
// reminders go to whoever opened it first.
//
// Nothing about the resident is kept but their chat id and language (in
// the followups row); /forget deletes it at once. Every button names the
// case it acts on and is checked against the follow-up's resident, so
// presses work whenever they come (a reminder days later) and a double tap
// changes nothing the second time.

// flowFollowup is storage's name for it: forgetting a follow-up from its
// web page ends the comment question that names its case.
const flowFollowup = storage.FollowupFlow

// flowReceived is the flow of a chat whose "received?" question ("✓ Đúng,
// đã nhận kết quả" / "↩ Chưa nhận, quay lại") is open for some of its
// dossiers (storage.ReceivedFlow), at screenReceived: it takes no typed
// text (what is typed is read as with no question open), and /cancel
// closes it (cancelReceived). A flow of its own: the version before it
// reads it as no flow, not as the comment question.
const flowReceived = storage.ReceivedFlow

// Screens of the follow-up flows kept in the conversation row: only the
// comment waits for typed text.
const (
	screenComment  = "comment"
	screenReceived = "received"
)

// followupState is the follow-up flow's data in the conversation row
// (storage.ForgetFollowup reads "c").
type followupState struct {
	Case int64 `json:"c"`
	// Typed: a thanks typed once the comment question had closed
	// (typedThanks), offered as the comment, kept only with its button
	// ("keepc"); checked as a comment before it is held here.
	Typed string `json:"t,omitempty"`
	// Offer: the text that offered Typed (offerComment's key), to offer it
	// again as it was when the question is drawn again below a command
	// (commentRedrawn); "" on a row written before review 31: the thanks'.
	Offer string `json:"o,omitempty"`
}

// receivedState is flowReceived's data (storage.ForgetFollowup reads "q").
type receivedState struct {
	// Asked: the cases whose "received?" question is open, each with the
	// messages it is on (none yet for one sent as a new message whose id
	// the runtime has not told: Sent).
	Asked map[int64][]int `json:"q"`
	// Note: what the chat kept in no flow when the question opened, or
	// was given since (storage.Tx.KeepAfterFlow): a team member's report
	// on screen (tallyAfter), read as it would be with no question open
	// (reportOnScreen), and the chat's again once the question closes.
	Note json.RawMessage `json:"n,omitempty"`
}

// questionTrack begins the Track of a "received?" question sent as a new
// message, before its case: its id is kept among the question's messages
// (Sent).
const questionTrack = "q"

// readsNoText reports whether the chat is at the "received?" question
// only: it takes no typed text, nor is it the comment question, so what
// is typed, and what is not read, is answered as with no question open.
//
// A row that 4853ef6 (never released) wrote for it, at the follow-up
// flow's screenReceived, is read as one too.
func readsNoText(conv storage.Conversation) bool {
	return conv.Flow == flowReceived || conv.Flow == flowFollowup && conv.Step == screenReceived
}

// askedReceived notes that the "received?" question about caseID is
// open, on message msg (the pressed one, edited into it), or on a new
// message whose id Sent will tell (msg 0). The questions open for other
// dossiers stay open. A chat in another flow (a team member mid-case
// pressing their relative's dossier's button) stays in it: /cancel is
// that flow's. A chat in no flow keeps what it noted there (a report on
// screen) beside the question.
func (h *Handlers) askedReceived(r *request, caseID int64, msg int) error {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	var st receivedState
	switch {
	case readsNoText(conv):
		if err := conv.Decode(&st); err != nil {
			return err
		}
	case conv.Flow != "":
		return nil
	default:
		var after tallyAfter
		if err := conv.Decode(&after); err != nil {
			return err
		}
		if after.Made {
			st.Note = conv.Data
		}
	}
	if st.Asked == nil {
		st.Asked = map[int64][]int{}
	}
	ids := st.Asked[caseID]
	if ids == nil {
		ids = []int{} // open, its message still to be told
	}
	if msg != 0 && !slices.Contains(ids, msg) {
		ids = append(ids, msg)
	}
	st.Asked[caseID] = ids
	_, err = r.tx.SaveConversation(r.ctx, r.chat, flowReceived, screenReceived, st, 0)
	return err
}

// answeredReceived is a press that answers the "received?" question about
// caseID, or asks it again: that question is no longer open (a press of
// "✓ Đã nhận" opens it again), the other dossiers' stay. A comment
// question left open ends, as at any other press.
func (h *Handlers) answeredReceived(r *request, caseID int64) error {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return nil
	case err != nil:
		return err
	case !readsNoText(conv) && conv.Flow == flowFollowup:
		return r.tx.EndConversation(r.ctx, r.chat)
	case !readsNoText(conv):
		return nil
	}
	var st receivedState
	if err := conv.Decode(&st); err != nil {
		return err
	}
	delete(st.Asked, caseID)
	if len(st.Asked) == 0 {
		return leaveReceived(r.ctx, r.tx, r.chat, st)
	}
	_, err = r.tx.SaveConversation(r.ctx, r.chat, flowReceived, screenReceived, st, 0)
	return err
}

// leaveReceived closes the chat's "received?" questions (st): the chat is
// in no flow again, with the note it kept beside them.
func leaveReceived(ctx context.Context, tx *storage.Tx, chat int64, st receivedState) error {
	if err := tx.EndConversation(ctx, chat); err != nil {
		return err
	}
	if len(st.Note) == 0 {
		return nil
	}
	return tx.KeepAfterFlow(ctx, chat, st.Note)
}

// leaveFollowupFlows ends the comment question, or closes the "received?"
// questions, open in the chat (conv): another screen (a reminder, another
// follow-up button) leaves them.
func leaveFollowupFlows(ctx context.Context, tx *storage.Tx, chat int64, conv storage.Conversation) error {
	switch {
	case readsNoText(conv):
		var st receivedState
		if err := conv.Decode(&st); err != nil {
			return err
		}
		return leaveReceived(ctx, tx, chat, st)
	case conv.Flow == flowFollowup:
		return tx.EndConversation(ctx, chat)
	}
	return nil
}

// besideReceived runs typed, a coordinator's words read as with no
// question open (a period, a commune's name: their report), in a chat at
// the "received?" questions (conv): a report made at once leaves them open,
// its note kept beside them (as askedReceived keeps it); a tally screen
// left to answer turns the chat to that flow, and the questions close
// (unbuttonClosedQuestions).
func (h *Handlers) besideReceived(r *request, conv storage.Conversation, typed func(*request) (bool, error)) (bool, error) {
	done, err := typed(r)
	if !done || err != nil || !readsNoText(conv) {
		return done, err
	}
	now, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return true, err
	}
	if now.Flow != "" {
		return true, nil
	}
	var st receivedState
	if err := conv.Decode(&st); err != nil {
		return true, err
	}
	var after tallyAfter
	if err := now.Decode(&after); err != nil {
		return true, err
	}
	if after.Made {
		st.Note = now.Data
	}
	_, err = r.tx.SaveConversation(r.ctx, r.chat, flowReceived, screenReceived, st, 0)
	return true, err
}

// receivedMessages are the messages the "received?" questions open in the
// chat (conv) are on, none when it is not at them.
func receivedMessages(conv storage.Conversation) ([]int, error) {
	if !readsNoText(conv) {
		return nil, nil
	}
	var st receivedState
	if err := conv.Decode(&st); err != nil {
		return nil, err
	}
	return st.messages(), nil
}

// messages are the messages the open questions are on, by case.
func (st receivedState) messages() []int {
	var ids []int
	for _, c := range slices.Sorted(maps.Keys(st.Asked)) {
		ids = append(ids, st.Asked[c]...)
	}
	return ids
}

// unbuttonClosedQuestions takes the buttons off the messages of the
// "received?" questions that were open when the update came (asked) and
// that it closed, whatever closed them (another follow-up button, /start,
// /forget, another flow begun): a question left with live buttons looks
// open while /cancel says nothing is. The pressed message, and one this
// update edits already, are left to what the update draws on them. A
// press that still comes from a question closed so (it left the phone
// before) is an explicit answer and is taken as one.
func (r *request) unbuttonClosedQuestions(asked []int) error {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	open, err := receivedMessages(conv)
	if err != nil {
		return err
	}
	for _, id := range asked {
		if slices.Contains(open, id) || id == r.liveMessage() || r.touches(id) {
			continue
		}
		// About no follow-up (no topic: the wrapping at the end of Handle
		// leaves a tagged reply as it is): the edit shows no dossier, and
		// withdrawn with the follow-up the update shows (another dossier's,
		// erased before the outbox sends it) it would leave the question
		// with live buttons.
		r.replies = append(r.replies, bot.About{Reply: bot.EditButtons{ChatID: r.chat, MessageID: id}})
	}
	return nil
}

// unbuttonLeftComment takes the buttons off the message the comment
// question was on when the update came (request.commentOn) once the chat
// is no longer at it there: the question drawn again below (text refused
// or not read, a star count typed, a star pressed on another screen), or
// closed (the comment kept, another screen, /forget). Its stars and "Không
// nhận xét" would reopen or answer a question the chat moved on from: one
// copy of the question is live, the last. The pressed message, and one
// this update edits already, are left to what the update draws on them.
func (r *request) unbuttonLeftComment() error {
	id := r.commentOn
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	if atComment(conv) && conv.MessageID == id || id == r.liveMessage() || r.touches(id) {
		return nil
	}
	// About no follow-up, as unbuttonClosedQuestions's: withdrawn with a
	// follow-up erased, it would leave the question with live buttons.
	// First (after a press's answer), as commentAgain's: the screen the
	// update draws is the last thing that changes.
	i := 0
	if len(r.replies) > 0 {
		if _, ok := r.replies[0].(bot.Answer); ok {
			i = 1
		}
	}
	r.replies = slices.Insert(r.replies, i, bot.Reply(bot.About{Reply: bot.EditButtons{ChatID: r.chat, MessageID: id}}))
	return nil
}

// commentTrack begins the Track of a copy of the comment question sent as
// a new message, before the conversation's version it was drawn at
// (request.trackComment, commentSent).
const commentTrack = "c"

// trackComment readies the comment question, saved at version ver, to be
// drawn as a new message: its id comes back (Sent, commentSent).
func (r *request) trackComment(ver int) {
	r.track, r.trackAs = ver, commentTrack
}

// commentSent notes that the copy of the comment question drawn at version
// ver is message msg: the message the question is on, for the next copy to
// take its buttons off (unbuttonLeftComment, commentAgain). A copy whose id
// comes once the chat moved on — the question drawn again, or closed,
// before Telegram took this one (a slow connection, an outage) — loses its
// buttons now: nothing knew its id to take them off then.
func commentSent(ctx context.Context, tx *storage.Tx, chat int64, ver, msg int) error {
	if err := tx.ScreenSent(ctx, chat, ver, msg); err != nil {
		return err
	}
	conv, err := tx.Conversation(ctx, chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	if atComment(conv) && conv.MessageID == msg {
		// The question is on it: its dossier's card, if still on screen.
		var st followupState
		if err := conv.Decode(&st); err != nil {
			return err
		}
		return onScreenSent(ctx, tx, chat, st.Case, msg)
	}
	// Untagged, as questionSent's: the edit shows no dossier.
	return bot.Enqueue(ctx, tx.SQL(), bot.EditButtons{ChatID: chat, MessageID: msg})
}

// questionSent keeps message msg among those the "received?" question
// about caseID is on, while it is open. A question closed before Telegram
// told its id (/cancel, another follow-up button, a reminder: none of them
// knew the message) loses its buttons now, as it would have then — unless
// the flow the chat is in has its screen on that message.
func questionSent(ctx context.Context, tx *storage.Tx, chat, caseID int64, msg int) error {
	// A question asked about one dossier is its card on screen; one /lang
	// replaced (closing the question) loses its buttons there.
	if replaced, err := tx.OnScreenSent(ctx, chat, caseID, msg); err != nil || replaced {
		if err != nil {
			return err
		}
		return bot.Enqueue(ctx, tx.SQL(), bot.EditButtons{ChatID: chat, MessageID: msg})
	}
	conv, err := tx.Conversation(ctx, chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	switch {
	case readsNoText(conv):
		var st receivedState
		if err := conv.Decode(&st); err != nil {
			return err
		}
		ids, open := st.Asked[caseID]
		if slices.Contains(ids, msg) {
			return nil
		}
		if open {
			st.Asked[caseID] = append(ids, msg)
			_, err = tx.SaveConversation(ctx, chat, flowReceived, screenReceived, st, 0)
			return err
		}
	case conv.Flow != "" && conv.MessageID == msg:
		return nil // another flow's screen
	}
	// Answered or closed meanwhile. Untagged: the edit shows no dossier.
	return bot.Enqueue(ctx, tx.SQL(), bot.EditButtons{ChatID: chat, MessageID: msg})
}

// WithPublicURL sets the public address of the web server (PUBLIC_URL):
// the slip then also gives PUBLIC_URL/f/<token>, the resident's page.
func WithPublicURL(u string) Option {
	return func(h *Handlers) { h.publicURL = strings.TrimRight(u, "/") }
}

// isFollowupToken tells a follow-up link's payload from an invite code (12
// characters): a token is 16–64 characters of the deep-link alphabet.
// Anything else goes to the invites, which refuse it.
func isFollowupToken(payload string) bool {
	return len(payload) >= 16 && invitePayload.MatchString(payload)
}

// DeepLink is the bot's link of a follow-up: the slip's QR code without
// PUBLIC_URL, else offered on the web page.
func (h *Handlers) DeepLink(token string) string {
	return "https://t.me/" + h.botUsername + "?start=" + token
}

// WebLink is the resident's page, or "" when PUBLIC_URL is not set.
func (h *Handlers) WebLink(token string) string {
	if h.publicURL == "" {
		return ""
	}
	return h.publicURL + "/f/" + token
}

// dueText says when the result is expected: a date, "(có thể thay đổi)" after it
// when it is an estimate; "" when unknown.
func dueText(t *locales.Localizer, f storage.Followup) string {
	if !f.DueOn.Valid {
		return ""
	}
	d := t.Date(f.DueOn.Time)
	if !f.DueKnown {
		d += " " + t.T("followup.estimate")
	}
	return d
}

// followupDetails is what the resident is shown: the procedure, the code,
// the expected date and how to track the result.
func (h *Handlers) followupDetails(t *locales.Localizer, f storage.Followup) string {
	title, tracking := f.GuideID, ""
	if g, ok := h.guides.Guide(f.GuideID); ok {
		title, tracking = g.Title.In(t.Lang()), g.Tracking.In(t.Lang())
	}
	lines := []string{
		t.T("followup.procedure", locales.Data{"Guide": title}),
		t.T("followup.code", locales.Data{"Code": f.DossierCode}),
	}
	if f.CodeCorrected {
		// The slip in the resident's hand may carry the old code, and
		// a chat that opens the link after the correction was told
		// nothing of it (codeCorrected).
		lines = append(lines, t.T("followup.code_corrected_note"))
	}
	if due := dueText(t, f); due != "" {
		lines = append(lines, t.T("followup.due", locales.Data{"Due": due}))
	} else {
		lines = append(lines, t.T("followup.due_unknown"))
	}
	if tracking != "" {
		lines = append(lines, t.T("followup.tracking", locales.Data{"Tracking": tracking}))
	}
	return strings.Join(lines, "\n")
}

// followupAbout is the first line of every follow-up screen shown after a
// press or a typed answer: which dossier it is about. A chat may hold
// several follow-ups (a daughter with her mother's and her father's), and
// an edited message loses the lines that named it.
func (h *Handlers) followupAbout(t *locales.Localizer, f storage.Followup) string {
	title := f.GuideID
	if g, ok := h.guides.Guide(f.GuideID); ok {
		title = g.Title.In(t.Lang())
	}
	return t.T("followup.about", locales.Data{"Code": f.DossierCode, "Guide": title})
}

// showAbout shows a follow-up's screen under the line that names it.
func (h *Handlers) showAbout(r *request, f storage.Followup, text string, kb bot.Keyboard) {
	r.show(h.followupAbout(r.t, f)+"\n\n"+text, kb)
}

// followupLinks are the lines of a summary that hand the follow-up over:
// the deep link and, with PUBLIC_URL, the web page.
func (h *Handlers) followupLinks(t *locales.Localizer, f storage.Followup) string {
	text := t.T("followup.links", locales.Data{"Link": h.DeepLink(f.Token)})
	if web := h.WebLink(f.Token); web != "" {
		text += "\n" + t.T("followup.web_link", locales.Data{"Link": web})
	}
	return text
}

// slipPhoto is the slip the volunteer shows or forwards to the resident:
// always in Vietnamese (the resident's language, whatever the volunteer
// uses), a QR code of the follow-up page (with PUBLIC_URL) or else of the
// deep link, the procedure, the code, the date and how to check the
// result. The outbox keeps what the slip says; it is drawn when it is sent
// (slipDrawing). A slip that cannot be drawn is dropped then, logged: the
// summary that follows has the same links.
func (h *Handlers) slipPhoto(chat int64, volunteer *locales.Localizer, f storage.Followup) bot.Reply {
	t := h.texts.For("vi")
	title, tracking := f.GuideID, ""
	if g, ok := h.guides.Guide(f.GuideID); ok {
		title, tracking = g.Title.In("vi"), g.Tracking.In("vi")
	}
	due := dueText(t, f)
	if due == "" {
		due = t.T("followup.slip_no_date")
	}
	// Many residents do not use Telegram: with a web page, the QR code
	// opens it in any phone's browser, and the page offers the reminders
	// in Telegram; else the QR code is the bot's deep link.
	// The note says when the resident is asked, as the question they
	// agree to in Telegram does (consentAsk).
	link, scan := h.DeepLink(f.Token), "followup.slip_scan"
	if web := h.WebLink(f.Token); web != "" {
		link, scan = web, "followup.slip_scan_web"
	}
	if !f.DueOn.Valid {
		scan += "_no_date"
	}
	scan = t.T(scan, locales.Data{"Days": checkInDays})
	spec, err := json.Marshal(render.SlipData{
		Title: title,
		Fields: []render.Field{
			{Label: t.T("followup.slip_code"), Value: f.DossierCode, OneLine: true},
			{Label: t.T("followup.slip_due"), Value: due},
		},
		Note:   strings.TrimSpace(tracking + "\n" + scan),
		Footer: link,
		Link:   link,
	})
	if err != nil {
		panic(err) // strings only: json.Marshal cannot fail
	}
	return bot.Photo{ChatID: chat, Name: "phieu-theo-doi-" + strconv.FormatInt(f.CaseID, 10) + ".png",
		Drawing: slipDrawing, Spec: spec, Caption: volunteer.T("followup.slip_caption", locales.Data{"Case": f.CaseID})}
}

// slipDrawing is the drawing (bot.RegisterDrawing) of a follow-up slip:
// its spec is render.SlipData as JSON.
const slipDrawing = "followup-slip"

func init() {
	bot.RegisterDrawing(slipDrawing, func(spec []byte) ([]byte, error) {
		var d render.SlipData
		if err := json.Unmarshal(spec, &d); err != nil {
			return nil, err
		}
		return render.Slip(d)
	})
}

// followupTopic is what the replies that show a case's follow-up — its
// dossier code — are about (bot.About): the slip and summary the volunteer
// gets, the resident's screens and reminders. Forgetting the follow-up
// withdraws those the bot still holds (withdrawFollowups).
func followupTopic(caseID int64) string { return "followup:" + strconv.FormatInt(caseID, 10) }

// withdrawFollowups takes back what the bot still holds of the cases'
// follow-ups, within the transaction that forgets them at the word of the
// resident of chat (0: someone with the link who never opened it in
// Telegram): the replies about them in the outbox — one still to be sent (a
// reminder waiting out a Telegram outage) is not sent after the resident
// said to forget, one kept after it was dropped goes now — and what the
// chat sent in updates that failed and are kept to be looked at (a comment
// typed while the database was down).
func withdrawFollowups(ctx context.Context, tx *storage.Tx, cases []int64, chat int64) error {
	topics := make([]string, len(cases))
	for i, c := range cases {
		topics[i] = followupTopic(c)
	}
	if err := bot.Withdraw(ctx, tx.SQL(), topics...); err != nil || chat == 0 {
		return err
	}
	return bot.ClearParked(ctx, tx.SQL(), chat)
}

// forgottenElsewhere is what forgetting follow-ups outside any update of
// their resident's chat does besides (storage.Storage.WhenForgotten: the
// link's web page, retention): what the bot holds of them is withdrawn
// (withdrawFollowups), and the messages of the chat where a question about
// them was open (asked: the comment question, the "received?" question)
// lose their buttons, as /forget's update takes them off
// (unbuttonLeftComment, unbuttonClosedQuestions): the question is closed,
// and its buttons would only answer that the follow-up is gone.
func forgottenElsewhere(ctx context.Context, tx *storage.Tx, cases []int64, chat int64, asked []int) error {
	if err := withdrawFollowups(ctx, tx, cases, chat); err != nil {
		return err
	}
	for _, id := range asked {
		// Untagged, as questionSent's: the edit shows no dossier, and it
		// is not withdrawn with the follow-up.
		if err := bot.Enqueue(ctx, tx.SQL(), bot.EditButtons{ChatID: chat, MessageID: id}); err != nil {
			return err
		}
	}
	return nil
}

// codeCorrected tells the follow-up's resident, in their language, that
// the volunteer replaced the dossier code the chat was shown (old) with the
// right one: they may have noted the wrong one from the screen they opened
// at the counter. Nothing goes to a chat that never opened the link; to
// one that blocked the bot, nothing goes now: the code it was shown is
// kept (storage.Tx.CodeUntold), and the correction said when it comes back
// (untoldCodes, greet). The message shows the code, so forgetting the
// follow-up withdraws it like the other screens (followupTopic).
func (h *Handlers) codeCorrected(r *request, old, f storage.Followup) (bot.Reply, bool, error) {
	if !old.ResidentChat.Valid || old.DossierCode == f.DossierCode {
		return nil, false, nil
	}
	if old.Blocked {
		return nil, false, r.tx.CodeUntold(r.ctx, f.CaseID, old.DossierCode)
	}
	// In the language the reminders use: one chosen with /lang since the
	// link was opened, else the one it was opened in.
	chosen, err := chatLanguage(r.ctx, r.tx, old.ResidentChat.Int64)
	if err != nil {
		return nil, false, err
	}
	if old.CodeUntoldFrom.Valid { // corrected again before they heard of the first
		if err := r.tx.CodeTold(r.ctx, f.CaseID); err != nil {
			return nil, false, err
		}
	}
	shown := cmp.Or(old.CodeUntoldFrom.String, old.DossierCode)
	if shown == f.DossierCode {
		return nil, false, nil
	}
	t := h.texts.For(cmp.Or(chosen, old.ResidentLang.String))
	// A message about this dossier: another one's card is no longer the
	// last the chat received.
	if err := r.tx.OffScreenBut(r.ctx, old.ResidentChat.Int64, f.CaseID); err != nil {
		return nil, false, err
	}
	return h.codeCorrectedMessage(t, old.ResidentChat.Int64, shown, f), true, nil
}

// codeCorrectedMessage says in chat that the follow-up's dossier code the
// chat was shown (old) was corrected.
func (h *Handlers) codeCorrectedMessage(t *locales.Localizer, chat int64, old string, f storage.Followup) bot.Reply {
	return bot.About{Topic: correctionTopic(f.CaseID, old), Reply: bot.Message{ChatID: chat,
		Text: h.followupAbout(t, f) + "\n\n" + t.T("followup.code_corrected", locales.Data{"Old": old, "Code": f.DossierCode})}}
}

// correctionTopic is what a message that tells a correction of a case's
// dossier code, shown to the chat as old, is about: the follow-up
// (followupTopic), and the correction itself (fixPrefix, the case, old),
// so that one Telegram refused because the resident had just blocked the
// bot is kept to be said when they come back (codesRefused).
func correctionTopic(caseID int64, old string) string {
	return followupTopic(caseID) + bot.TopicSep + fixPrefix(caseID) + old
}

// fixPrefix begins the topic of a case's code correction (correctionTopic).
func fixPrefix(caseID int64) string { return "fix:" + strconv.FormatInt(caseID, 10) + ":" }

// codesRefused keeps, for a chat Telegram says has blocked the bot, the
// code corrections it was sent and did not get — refused with the block's
// refusal (the correction went at the very moment the resident blocked
// the bot, before the bot knew), or still waiting behind it —: they are
// taken back from the outbox, and the code the chat was shown is kept
// (storage.Tx.CodeUntold) to be said when it comes back, as a correction
// made while the bot knew of the block is. A correction Telegram took
// before the block is not said again.
func (h *Handlers) codesRefused(ctx context.Context, tx *storage.Tx, chat int64) error {
	fs, err := tx.FollowupsOfChat(ctx, chat)
	if err != nil || len(fs) == 0 {
		return err
	}
	prefixes := make([]string, len(fs))
	for i, f := range fs {
		prefixes[i] = fixPrefix(f.CaseID)
	}
	topics, err := bot.TakeBack(ctx, tx.SQL(), prefixes...)
	if err != nil {
		return err
	}
	for _, topic := range topics { // oldest first: the first code shown is kept
		for _, f := range fs {
			if old, ok := strings.CutPrefix(topic, fixPrefix(f.CaseID)); ok {
				if err := tx.CodeUntold(ctx, f.CaseID, old); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// untoldCodes says to a chat coming back (unblocking the bot) the dossier
// codes corrected while it had blocked the bot (codeCorrected), in the
// language the reminders use, and clears them.
func (h *Handlers) untoldCodes(ctx context.Context, tx *storage.Tx, chat int64) ([]bot.Reply, error) {
	fs, err := tx.FollowupsOfChat(ctx, chat)
	if err != nil {
		return nil, err
	}
	if !slices.ContainsFunc(fs, func(f storage.Followup) bool { return f.CodeUntoldFrom.Valid }) {
		return nil, nil
	}
	chosen, err := chatLanguage(ctx, tx, chat)
	if err != nil {
		return nil, err
	}
	var out []bot.Reply
	for _, f := range fs {
		if !f.CodeUntoldFrom.Valid {
			continue
		}
		if err := tx.CodeTold(ctx, f.CaseID); err != nil {
			return nil, err
		}
		if err := tx.OffScreenBut(ctx, chat, f.CaseID); err != nil { // as codeCorrected
			return nil, err
		}
		out = append(out, h.codeCorrectedMessage(h.texts.For(cmp.Or(chosen, f.ResidentLang.String)), chat, f.CodeUntoldFrom.String, f))
	}
	return out, nil
}

// chatLanguage is the language a chat chose with /lang ("" if none): a
// resident's messages are in it, before the one their link was opened in.
func chatLanguage(ctx context.Context, tx *storage.Tx, chat int64) (string, error) {
	u, err := tx.User(ctx, chat)
	if errors.Is(err, storage.ErrNotFound) {
		return "", nil
	}
	return u.Language, err
}

// openFollowup is /start <token>: the link a volunteer handed over. A
// token of no token's length lost or gained characters (typed off the
// slip, cut when copied): answered as a link mistyped, as one shorter
// than a token is, not as one whose follow-up ended.
func (h *Handlers) openFollowup(r *request, token string) error {
	if !storage.TokenLength(len(token)) {
		return h.mistypedLink(r)
	}
	f, err := r.tx.FollowupByTokenTx(r.ctx, token)
	if errors.Is(err, storage.ErrNotFound) {
		r.say(r.t.T("followup.not_found"), nil)
		return nil
	}
	if err != nil {
		return err
	}
	r.about = followupTopic(f.CaseID)
	details := h.followupDetails(r.t, f)
	if f.VolunteerID == r.user.TelegramID {
		// The volunteer trying the link must not take the resident's place.
		// The note that the code was corrected is the resident's: the
		// volunteer made the correction.
		own := f
		own.CodeCorrected = false
		r.say(r.t.T("followup.own_case", locales.Data{"Case": f.CaseID})+"\n\n"+h.followupDetails(r.t, own), nil)
		return nil
	}
	if r.member() && !f.ResidentChat.Valid {
		// Another member of a team (a coordinator checking a slip, the
		// volunteer at the next desk) takes the resident's place only when
		// they say it is their own dossier.
		r.say(r.t.T("followup.member_ask", locales.Data{"Case": f.CaseID})+"\n\n"+details, bot.Keyboard{{{
			Text: r.t.T("followup.member_mine"),
			Data: callback{flow: flowFollowup, action: "mine", arg: token}.String()}}})
		return nil
	}
	return h.claimFollowup(r, f, details, r.say)
}

// followupMine is a team member's "this is my dossier" under a follow-up
// link they opened: the token again, as the link gave it.
func (h *Handlers) followupMine(r *request, token string) error {
	f, err := r.tx.FollowupByTokenTx(r.ctx, token)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && f.VolunteerID == r.user.TelegramID) {
		r.answer(r.t.T("followup.gone"))
		r.show(r.t.T("followup.gone"), nil)
		return nil
	}
	if err != nil {
		return err
	}
	r.about = followupTopic(f.CaseID)
	return h.claimFollowup(r, f, h.followupDetails(r.t, f), r.show)
}

// claimFollowup makes the chat the follow-up's resident, unless another
// chat is, and shows with out what comes next.
func (h *Handlers) claimFollowup(r *request, f storage.Followup, details string, out func(string, bot.Keyboard)) error {
	claimed, err := r.tx.ClaimFollowup(r.ctx, f.CaseID, r.chat, r.t.Lang(), h.now())
	if err != nil {
		return err
	}
	if !claimed {
		// While the result is awaited, the reminders go to the other
		// account, which may leave the dossier to this one. After, none
		// goes and no screen offers the hand-over: that is not said, nor,
		// once the result is noted, that the page can say it came.
		taken, takenWeb := "followup.taken", "followup.taken_web"
		switch f.Status {
		case storage.FollowupWaiting:
			if f.Consent.Valid && !f.Consent.Bool {
				// "Không, cảm ơn" there: no reminder goes to anyone, and
				// the hand-over is still offered.
				taken = "followup.taken_no_reminders"
			}
		case storage.FollowupReceived:
			taken, takenWeb = "followup.taken_received", "followup.taken_web_received"
		default:
			taken = "followup.taken_ended"
		}
		text := r.t.T("followup.greeting") + "\n\n" + details + "\n\n" + r.t.T(taken)
		if web := h.WebLink(f.Token); web != "" {
			// The page answers whoever holds the link: the result received,
			// the stars, without the other account.
			text += "\n\n" + r.t.T(takenWeb, locales.Data{"Link": web})
		}
		out(text+h.englishHint(r), nil)
		r.listShown() // a dossier not the chat's: none of its own is on screen
		return nil
	}
	f.ResidentChat.Int64, f.ResidentChat.Valid = r.chat, true
	if err := h.leaveCase(r, 0); err != nil { // a case on screen is paused, not lost
		return err
	}
	if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
		return err
	}
	text, kb := h.followupNext(r, f)
	out(r.t.T("followup.greeting")+"\n\n"+details+"\n\n"+text+h.englishHint(r), kb)
	r.cardShown(f.CaseID)
	return nil
}

// englishHint is a line, in English, for a resident whose Telegram is in
// English and who never chose a language: the bot speaks Vietnamese first
// (many Vietnamese keep Telegram in English, which has no Vietnamese of
// its own), and says how to switch.
func (h *Handlers) englishHint(r *request) string {
	if r.user.Language != "" || r.t.Lang() == "en" || !strings.HasPrefix(strings.ToLower(r.tgLang), "en") ||
		!slices.Contains(locales.Languages, "en") {
		return ""
	}
	return "\n\n" + h.texts.For("en").T("followup.english_hint")
}

// consentAwaited: f's resident has not yet answered whether they want the
// reminders (followupNext asks it before anything else).
func consentAwaited(f storage.Followup) bool {
	return !f.Consent.Valid && f.Status == storage.FollowupWaiting
}

// reminderAwaited: a reminder of f was sent and its answer is awaited.
func reminderAwaited(f storage.Followup) bool {
	return f.Reminds() && f.RemindersSent > 0 && !f.NextReminderOn.Valid
}

// followupNext is what the resident is asked next: the reminder consent,
// then the rating, else what the follow-up stands at.
func (h *Handlers) followupNext(r *request, f storage.Followup) (string, bot.Keyboard) {
	id := strconv.FormatInt(f.CaseID, 10)
	data := func(action, arg string) string {
		return callback{flow: flowFollowup, action: action, arg: arg}.String()
	}
	switch {
	case consentAwaited(f):
		r.consentCard = f.CaseID // a plain "có" typed under it answers it (typedConsent)
		// The answer names the language of the question it answers: its
		// version is what the resident read, whatever /lang says later.
		read := id + "." + r.t.Lang()
		return consentAsk(r.t, f, h.now()), bot.Keyboard{
			{{Text: r.t.T("followup.consent_yes"), Data: data("yes", read)}},
			{{Text: r.t.T("followup.consent_no"), Data: data("no", read)}},
			// The result may come early, or the link be opened late: it
			// can be said to have come here, as on the web page. No
			// question about the result stands above it: the button names
			// the result ("✓ Đã nhận" next to "✓ Đồng ý nhận nhắc" read as
			// "OK"), as everywhere but under the reminder's question.
			{{Text: r.t.T("followup.result_got"), Data: data("got", id)}},
			{{Text: r.t.T("followup.pass_button"), Data: data("pass", id)}},
		}
	case reminderAwaited(f):
		// A reminder's answer is awaited: its question and buttons again.
		// The reminder may have been deleted, or never arrived (the bot was
		// blocked that day).
		// The reminder may have come to a relative's chat: the hand-over
		// goes with it, as on every screen while the result is awaited
		// (the relative told the link is taken is told to ask for it).
		return r.t.T("followup.status_asked_again") + "\n" + r.t.T("followup.forget_hint"), bot.Keyboard{
			{{Text: r.t.T("followup.reminder_got"), Data: data("got", id)}},
			{{Text: r.t.T("followup.reminder_not"), Data: data("not", id)}},
			{{Text: r.t.T("followup.reminder_problem"), Data: data("prob", id)}},
			{{Text: r.t.T("followup.pass_button"), Data: data("pass", id)}},
		}
	case !f.Rating.Valid:
		// Where the follow-up stands is said first — the answer just given,
		// the day asked again after "Chưa", a problem reported, the last
		// "Chưa" —: a resident who never rates would not see it else. The
		// result can be said to have come here whenever it comes, as on the
		// web page: before the first reminder (it came early), and after
		// one, whose message lost its buttons with the answer.
		text, kb := r.t.T("followup.rate_ask"), bot.Keyboard{starRow(id, 0)}
		if f.Status != storage.FollowupReceived {
			text = h.statusLine(r, f) + "\n\n" + text
			kb = append(kb, []bot.Button{{Text: r.t.T("followup.result_got"), Data: data("got", id)}})
		}
		if b, ok := problemButton(r, f); ok { // as below, once rated
			kb = append(kb, []bot.Button{b})
		}
		if f.Status == storage.FollowupWaiting && f.Consent.Valid && !f.Consent.Bool {
			// "Không, cảm ơn" tapped by mistake is put right at once, not
			// only after a rating.
			kb = append(kb, []bot.Button{{Text: r.t.T("followup.consent_later"), Data: data("yes", id+"."+r.t.Lang())}})
		} else if b, ok := stopButton(r, f); ok {
			kb = append(kb, []bot.Button{b})
		}
		if f.Status == storage.FollowupWaiting {
			// Agreed at the counter, not rated yet: the grandson who opened
			// his grandmother's link can leave it to her now, not only
			// once he has rated.
			kb = append(kb, []bot.Button{{Text: r.t.T("followup.pass_button"), Data: data("pass", id)}})
		}
		return text, kb
	}
	// Rated: the stars stay, the one given marked, to rate again as on
	// the web page — from /start too, not only from an older message.
	kb := bot.Keyboard{starRow(id, int(f.Rating.Int16))}
	if f.Status != storage.FollowupReceived { // the result can be said to have come whenever it comes
		kb = append(kb, []bot.Button{{Text: r.t.T("followup.result_got"), Data: data("got", id)}})
	}
	if b, ok := problemButton(r, f); ok {
		kb = append(kb, []bot.Button{b})
	}
	if f.Status == storage.FollowupWaiting && !f.Consent.Bool {
		// "No, thanks" pressed by mistake, or a mind changed: the reminder
		// can still be asked for, as long as the result is awaited.
		kb = append(kb, []bot.Button{{Text: r.t.T("followup.consent_later"), Data: data("yes", id+"."+r.t.Lang())}})
	} else if b, ok := stopButton(r, f); ok {
		kb = append(kb, []bot.Button{b})
	}
	if f.Status == storage.FollowupWaiting {
		kb = append(kb, []bot.Button{{Text: r.t.T("followup.pass_button"), Data: data("pass", id)}})
	}
	return h.statusLine(r, f) + "\n" + r.t.T("followup.rate_again", locales.Data{"Rating": f.Rating.Int16}) +
		"\n" + r.t.T("followup.forget_hint"), kb
}

// problemButton is "⚠ Có vướng mắc" under a follow-up that can still
// report a problem (storage.Tx.Problem), as its web page offers it: while
// the result is awaited, and after the reminders ended without it (the
// result may still not come, and the volunteer can be told as long as the
// follow-up is kept). It asks first (probask), as the web page does: a
// mis-tap beside the stars or "📬 Đã nhận kết quả" — likelier on a slow
// phone, whose buttons move as the message is redrawn — would alarm the
// volunteer and the coordinators, with no undo. Until review 34 it told
// them at once after the reminders ended. Only the reminder's own
// question reports at once: it asked.
func problemButton(r *request, f storage.Followup) (bot.Button, bool) {
	if f.Status != storage.FollowupWaiting && f.Status != storage.FollowupEnded {
		return bot.Button{}, false
	}
	return bot.Button{Text: r.t.T("followup.reminder_problem"),
		Data: callback{flow: flowFollowup, action: "probask", arg: strconv.FormatInt(f.CaseID, 10)}.String()}, true
}

// problemAsk is the question "⚠ Có vướng mắc" asks while the result is
// awaited, saying the reminders stop to a resident they go to.
func problemAsk(t *locales.Localizer, f storage.Followup) string {
	ask := t.T("followup.problem_ask")
	if f.Reminds() {
		ask += " " + t.T("followup.problem_ask_reminders")
	}
	return ask
}

// problemKeyboard answers problemAsk: report it (the reminder's "prob"),
// or back with nothing recorded (probno).
func problemKeyboard(r *request, f storage.Followup) bot.Keyboard {
	id := strconv.FormatInt(f.CaseID, 10)
	data := func(action string) string { return callback{flow: flowFollowup, action: action, arg: id}.String() }
	return bot.Keyboard{
		{{Text: r.t.T("followup.problem_confirm"), Data: data("prob")}},
		{{Text: r.t.T("followup.problem_back"), Data: data("probno")}},
	}
}

// typedProblem answers what a resident types that reads as a problem
// with the dossier (saysProblem: "hồ sơ bị trả về, yêu cầu bổ sung giấy
// tờ"): each of the chat's dossiers that can still report one is offered
// the question "⚠ Có vướng mắc" asks, naming it, in a message of its own.
// The words are not kept (nor passed on): the button alone tells. false
// when the text does not read so, or no dossier of the chat can report.
func (h *Handlers) typedProblem(r *request) (bool, error) {
	if r.member() || !saysProblem(r.text) {
		return false, nil
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil {
		return false, err
	}
	open := reportable(r, fs)
	if f, ok := onScreen(fs); ok && len(fs) > 1 {
		// Several dossiers: the words are about the one on screen — most
		// often the problem it has just reported, told in more words
		// ("bị trả về, thiếu giấy chứng sinh"). Until review 29 the others
		// still open were offered instead, and one pressed reported a
		// problem its dossier did not have.
		if f.Status == storage.FollowupProblem {
			r.about = followupTopic(f.CaseID)
			text, kb := h.followupNext(r, f)
			r.say(h.followupAbout(r.t, f)+"\n\n"+r.t.T("followup.typed_problem_reported")+"\n\n"+text, kb)
			r.cardShown(f.CaseID)
			return true, nil
		}
		if slices.ContainsFunc(open, func(o storage.Followup) bool { return o.CaseID == f.CaseID }) {
			open = []storage.Followup{f}
		}
	}
	if len(open) == 0 {
		return false, nil
	}
	if len(open) > 1 {
		r.say(r.t.T("followup.typed_problem_which", locales.Data{"Count": len(open)}), nil)
	}
	for _, f := range open {
		h.offerProblem(r, f, r.t.T("followup.typed_problem"))
	}
	r.cardsShown(open)
	return true, nil
}

// offerProblem asks, in a message of its own naming f's dossier, whether
// the problem the resident typed is to be reported (problemAsk), lead
// above the question ("" for none).
func (h *Handlers) offerProblem(r *request, f storage.Followup, lead string) {
	if lead != "" {
		lead += "\n\n"
	}
	r.replies = append(r.replies, bot.About{Topic: followupTopic(f.CaseID), Reply: bot.Message{ChatID: r.chat,
		Text:     h.followupAbout(r.t, f) + "\n\n" + lead + problemAsk(r.t, f),
		Keyboard: problemKeyboard(r, f)}})
	r.cardShown(f.CaseID)
}

// reportable are those of fs that can still report a problem
// (problemButton).
func reportable(r *request, fs []storage.Followup) []storage.Followup {
	var open []storage.Followup
	for _, f := range fs {
		if _, ok := problemButton(r, f); ok {
			open = append(open, f)
		}
	}
	return open
}

// typedPersonal says whether text holds what a resident's comment may not
// (a phone number, an ID, a name: privacy.NoteProblem), as commentRefused
// reads it — its length aside.
func typedPersonal(text string) bool {
	refused := commentRefused(text)
	return refused != "" && refused != "long"
}

// stopButton is "🔕 Không cần nhắc nữa" under a dossier whose reminder the
// resident agreed to while its result is awaited: a consent is taken back
// as easily as it was given (until review 30 only /forget, which erases
// everything, stopped the reminder). "🔔 Đổi ý" then asks for it again. It
// names the language of the card, as the consent's answer does: the
// version recorded is the question in that language.
func stopButton(r *request, f storage.Followup) (bot.Button, bool) {
	if f.Status != storage.FollowupWaiting || !f.Consent.Bool {
		return bot.Button{}, false
	}
	return bot.Button{Text: r.t.T("followup.stop_button"),
		Data: callback{flow: flowFollowup, action: "stop", arg: strconv.FormatInt(f.CaseID, 10) + "." + r.t.Lang()}.String()}, true
}

// statusLine says where the follow-up stands: whether and when the
// resident is asked, or how it ended.
func (h *Handlers) statusLine(r *request, f storage.Followup) string {
	var s string
	switch {
	case f.Status != storage.FollowupWaiting:
		s = r.t.T("followup.status_" + f.Status)
	case !f.Consent.Bool:
		s = r.t.T("followup.status_no_reminders")
	case f.NextReminderOn.Valid && askedBy(f.NextReminderOn.Time, h.now()):
		// Due today or already (consent given after the day): the next
		// round of the reminder job, within its hours.
		s = r.t.T("followup.status_remind_soon")
	case f.NextReminderOn.Valid:
		day, known := askDay(f.NextReminderOn.Time)
		next := r.t.Date(day)
		// The first ask follows the estimated due date; any ask counted
		// into a year whose days off are not announced (after "Chưa" over
		// Tết, five working days after a dossier without a date) may move.
		if !known || f.RemindersSent == 0 && !f.DueKnown && f.DueOn.Valid {
			next += " " + r.t.T("followup.estimate")
		}
		s = r.t.T("followup.status_remind", locales.Data{"Due": next})
	case f.RemindersSent > 0:
		s = r.t.T("followup.status_asked")
	default:
		s = r.t.T("followup.status_no_date")
	}
	return s
}

// askDay is the day a reminder planned for day is asked: reminders go on
// working days, so one planned for a weekend or a holiday (the first
// question of a result due on a Friday is planned for the Saturday; a
// follow-up made before without a date, a week after it was made) goes on
// the next working day. known is false when that day is in a year whose
// days off are not announced (workdays: an estimate): it was counted over
// them, or may become a day off, and is shown "(có thể thay đổi)".
func askDay(day time.Time) (time.Time, bool) {
	cal := workdays.Default()
	working, known := cal.IsWorkingDay(day)
	if !working {
		d, k := cal.AddWorkingDays(day, 1)
		return d, known && k
	}
	return day, known
}

// askedBy says whether a reminder planned for day is asked by now's day
// (Vietnam time).
func askedBy(day, now time.Time) bool {
	ask, _ := askDay(day)
	return ask.Format(time.DateOnly) <= now.In(vietnam).Format(time.DateOnly)
}

// consentAsk is the reminder question: to be asked on the first working day
// after the due date (the result may come any time on the due date), or,
// for a dossier with no due date, after checkInDays working days. Agreeing
// leaves the day planned as it is (SetResidentConsent), so the question
// says when the bot really asks once that is no longer the first one: the
// planned day passed (the link opened late, or taken over after a
// question) — the sweep's next round —, a question awaits its answer —
// shown at once —, or "Chưa" planned the next day.
func consentAsk(t *locales.Localizer, f storage.Followup, now time.Time) string {
	switch {
	case f.NextReminderOn.Valid && askedBy(f.NextReminderOn.Time, now):
		return t.T("followup.consent_ask_soon")
	case f.RemindersSent > 0 && !f.NextReminderOn.Valid:
		return t.T("followup.consent_ask_now")
	case f.RemindersSent > 0:
		day, known := askDay(f.NextReminderOn.Time)
		next := t.Date(day)
		if !known {
			next += " " + t.T("followup.estimate")
		}
		return t.T("followup.consent_ask_on", locales.Data{"Day": next})
	case !f.DueOn.Valid:
		return t.T("followup.consent_ask_later", locales.Data{"Days": checkInDays})
	}
	return t.T("followup.consent_ask")
}

// residentConsentVersion names the reminder question the resident read:
// its language and a hash of its words, like the volunteer's consent.
func residentConsentVersion(t *locales.Localizer, f storage.Followup, now time.Time) string {
	sum := sha256.Sum256([]byte(consentAsk(t, f, now)))
	return t.Lang() + "-" + hex.EncodeToString(sum[:4])
}

// followupPress takes a press on a follow-up button: the consent answer,
// a rating, "no comment", an answer to a reminder, or a team member's
// "this is my dossier". Only the follow-up's resident may press the
// others; a press that changes nothing (a double tap, an old message) is
// answered and shows where things stand.
func (h *Handlers) followupPress(r *request, cb callback) error {
	switch cb.action {
	case "mine":
		return h.followupMine(r, cb.arg)
	case "forget":
		return h.forgetPress(r, cb.arg)
	}
	idText, arg, _ := strings.Cut(cb.arg, ".")
	id, _ := strconv.ParseInt(idText, 10, 64)
	f, err := r.tx.FollowupOfCase(r.ctx, id)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && f.ResidentChat.Int64 != r.chat) {
		r.answer(r.t.T("followup.gone"))
		// A hand-over tapped again (a double tap on its confirmation, or
		// its question's "Không" pressed late) finds the chat passed it
		// already: the message keeps the link to forward.
		handOver := cb.action == "pass" || cb.action == "passyes" || cb.action == "passno"
		if !handOver || err != nil {
			h.goneBelow(r)
		}
		return nil
	}
	if err != nil {
		return err
	}
	r.about = followupTopic(f.CaseID)
	r.cardShown(f.CaseID) // the pressed message shows this dossier
	now := h.now()
	// Whatever the resident presses, their language is kept current for
	// the reminders.
	if _, err := r.tx.ClaimFollowup(r.ctx, f.CaseID, r.chat, r.t.Lang(), now); err != nil {
		return err
	}
	if cb.action == "keepc" {
		// Read before the question ends: it holds the words offered.
		return h.keepOffered(r, f, arg)
	}
	if h.secondTap(f, cb.action, r.liveMessage(), now) {
		// Taken as the first tap left it: the message stays as it drew it.
		r.answer(r.t.T("followup.noted_already"))
		return nil
	}
	if on, pressed := int(f.OnScreen.Int32), r.liveMessage(); pressed != 0 && on > 0 && on != pressed && !r.touches(on) &&
		(on > pressed || pressed == int(f.OffScreen.Int32)) {
		// Pressed on an older copy of the dossier's card than the one on
		// screen (/start drew it again below), it acts on the dossier as
		// it stands and draws it on the pressed message: the newer copy
		// loses its buttons, one live card — until review 31 both kept
		// theirs, each offering what the other had just changed. So does
		// a press on the copy whose buttons such a press took off, a tap
		// that left the phone before they went: it drew that copy again
		// with its buttons, beside the other's — until review 32. A press
		// on a newer message (a reminder's) leaves the older card as it
		// is: its buttons (the hand-over) are those the reminder's answer
		// has not. Untagged, as questionSent's: the edit shows no dossier.
		r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: on})
		if err := r.tx.SetOffScreen(r.ctx, f.CaseID, on); err != nil {
			return err
		}
	}
	switch cb.action {
	case "rate":
	case "got", "gotyes", "gotback":
		// This dossier's "received?" question is answered (or asked
		// again); the other dossiers' stay open.
		if err := h.answeredReceived(r, f.CaseID); err != nil {
			return err
		}
	default:
		// A comment question left open is over once the resident turns to
		// another screen: what they type next ("đã nhận rồi", a question)
		// is not kept as their comment on the help, in place of the one
		// kept. Rating again asks again. So is a "received?" question.
		if err := h.endFollowupConversation(r); err != nil {
			return err
		}
	}
	switch cb.action {
	case "yes", "no":
		if f.Status != storage.FollowupWaiting && (!f.Consent.Valid || f.Consent.Bool != (cb.action == "yes")) {
			// The reminder question left open above while the result was
			// said to have come (typed "đã nhận", on the web page), or a
			// problem reported: nothing is left to remind of, and nothing
			// is recorded. Said so, and the question gives way to where the
			// dossier stands.
			return h.alreadyNoted(r, f, "consent")
		}
		// Answered already: only a "no" may become a "yes" (the button
		// under where the follow-up stands), while the result is awaited.
		if f.Consent.Valid && (f.Consent.Bool || cb.action == "no" || f.Status != storage.FollowupWaiting) {
			if f.Consent.Bool == (cb.action == "yes") {
				// The same answer again (a double tap): taken, as the
				// first was.
				r.answer(r.t.T("followup.noted_already"))
			} else {
				r.answer(r.t.T("button.stale"))
			}
			break
		}
		read := r.t
		if slices.Contains(locales.Languages, arg) {
			read = h.texts.For(arg)
		}
		if err := r.tx.SetResidentConsent(r.ctx, f.CaseID, r.chat, cb.action == "yes", residentConsentVersion(read, f, now), now); err != nil {
			return err
		}
		f.Consent.Bool, f.Consent.Valid = cb.action == "yes", true
		r.consentCard = f.CaseID // the answer: the same one typed next is taken already
	case "stop":
		switch {
		case f.Status != storage.FollowupWaiting:
			// The result came, or a problem was reported, since the card
			// was drawn: no reminder is left to stop.
			return h.alreadyNoted(r, f, "consent")
		case !f.Consent.Bool:
			r.answer(r.t.T("followup.noted_already")) // a double tap
		default:
			read := r.t
			if slices.Contains(locales.Languages, arg) {
				read = h.texts.For(arg)
			}
			if err := r.tx.SetResidentConsent(r.ctx, f.CaseID, r.chat, false, residentConsentVersion(read, f, now), now); err != nil {
				return err
			}
			f.Consent.Bool = false
			r.answer(r.t.T("followup.stopped"))
		}
	case "rate":
		n, err := strconv.Atoi(arg)
		if err != nil || n < 1 || n > 5 {
			r.answer(r.t.T("button.stale"))
			break
		}
		if f.Rating.Valid && int(f.Rating.Int16) == n {
			r.answer(r.t.T("followup.rated_already"))
		} else if err := r.tx.RateCase(r.ctx, f.CaseID, n, now); err != nil {
			return err
		}
		f.Rating.Int16, f.Rating.Valid = int16(n), true
		return h.askComment(r, f)
	case "skip":
		if err := h.endFollowupConversation(r); err != nil {
			return err
		}
		if err := h.redrawn(r, f, now); err != nil {
			return err
		}
		text, kb := h.followupNext(r, f) // as /start shows it: the stars to rate again
		h.showAbout(r, f, r.t.T("followup.thanks")+"\n\n"+text, kb)
		return nil
	case "uncomment":
		if err := r.tx.SetFollowupComment(r.ctx, f.CaseID, ""); err != nil {
			return err
		}
		if err := h.endFollowupConversation(r); err != nil {
			return err
		}
		if err := h.redrawn(r, f, now); err != nil {
			return err
		}
		text, kb := h.followupNext(r, f)
		h.showAbout(r, f, r.t.T("followup.comment_deleted")+"\n\n"+text, kb)
		return nil
	case "got", "gotyes", "gotback", "not", "prob":
		return h.reminderAnswer(r, f, cb.action)
	case "pass", "passyes":
		if f.Status != storage.FollowupWaiting {
			// Offered only while the result is awaited: an older screen's
			// button (or its confirmation) after "Đã nhận" (or a problem
			// reported, or the last reminder unanswered) must not take the
			// dossier from the chat that said so. Where it stands instead.
			r.answer(r.t.T("button.stale"))
			break
		}
		if cb.action == "pass" {
			// Asked first, on the same message: one tap (a mis-tap, by an
			// elderly resident on a small screen) took the reminders away.
			h.showAbout(r, f, r.t.T("followup.pass_ask"), bot.Keyboard{
				{{Text: r.t.T("followup.pass_confirm"), Data: callback{flow: flowFollowup, action: "passyes", arg: idText}.String()}},
				{{Text: r.t.T("followup.pass_cancel"), Data: callback{flow: flowFollowup, action: "passno", arg: idText}.String()}},
			})
			return nil
		}
		return h.passFollowup(r, f)
	case "probask":
		if _, ok := problemButton(r, f); !ok {
			// The result came meanwhile (or the problem was reported on
			// the page): nobody is told, as at the reminder's button.
			return h.alreadyNoted(r, f, "prob")
		}
		h.showAbout(r, f, problemAsk(r.t, f), problemKeyboard(r, f))
		return nil
	case "passno", "probno":
		// The hand-over, or the problem report, not confirmed: the dossier
		// as it stands, below.
	default:
		r.answer(r.t.T("button.stale"))
	}
	text, kb := h.followupNext(r, f)
	h.showAbout(r, f, text, kb)
	return nil
}

// secondTap tells whether a press of action on f's card came so soon
// after its consent was given or taken back (WithTapGuard) that it is the
// second tap of a double tap, landed on the button the first tap's screen
// put where the pressed one was: "🔔 Đổi ý" sits in the row of "🔕 Không
// cần nhắc nữa" (and back), the stars in the row of "✓ Đồng ý nhận nhắc",
// "📬 Đã nhận kết quả" in the row of "Không, cảm ơn". Taken, it undid what
// the first tap did (until review 31), rated the help with whatever star
// it hit, or drew a question over the answer just given. The same button again (a tap that left
// the phone before the edit came) is answered by its own case.
//
// So is a press of another button on the message where the comment
// question was answered ("Không nhận xét", keep the comment, clear it) that
// soon after (Followup.RedrawnAt): the card drawn there put "📬 Đã nhận kết
// quả" where "Không nhận xét" was, "⚠ Có vướng mắc" (or 🔕) where "🗑 Xoá
// nhận xét" was, and the second tap drew its question over the thanks —
// until review 32. The stars stand in the first row of both: not guarded.
func (h *Handlers) secondTap(f storage.Followup, action string, pressed int, now time.Time) bool {
	if h.tapGuard <= 0 {
		return false
	}
	if f.RedrawnAt.Valid && pressed != 0 && pressed == int(f.OnScreen.Int32) && action != "rate" {
		if since := now.Sub(f.RedrawnAt.Time); since >= 0 && since < h.tapGuard {
			return true
		}
	}
	if !f.ConsentAt.Valid {
		return false
	}
	switch {
	case action == "yes" && f.Consent.Valid && !f.Consent.Bool:
	case action == "stop" && f.Consent.Bool:
	case action == "rate", action == "got", action == "probask", action == "pass":
		// The stars where "✓ Đồng ý" was, "📬 Đã nhận kết quả" where
		// "Không, cảm ơn" was: a question drawn over the answer just given.
	default:
		return false
	}
	since := now.Sub(f.ConsentAt.Time)
	return since >= 0 && since < h.tapGuard
}

// redrawn notes that the answer to the comment question drew f's card on
// the pressed message now (secondTap).
func (h *Handlers) redrawn(r *request, f storage.Followup, now time.Time) error {
	if h.tapGuard <= 0 || r.liveMessage() == 0 {
		return nil
	}
	return r.tx.SetRedrawn(r.ctx, f.CaseID, now)
}

// goneBelow answers a press on an old message of a follow-up this chat no
// longer has (retention deleted it months after it ended — nothing takes
// the buttons off the cards left in the chat —, /forget, the web page's
// erase, or it was left to a relative): the message keeps its text, the
// dossier code the resident may still need to look the dossier up on the
// portal (until review 30 it was replaced by "không còn", the code gone
// from the chat with it), loses its buttons, and a message below says why
// and where to turn.
func (h *Handlers) goneBelow(r *request) {
	if id := r.liveMessage(); id != 0 && !r.edits(id) {
		r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: id})
	}
	r.say(r.t.T("followup.gone_card"), nil)
}

// passFollowup leaves the follow-up to the relative it belongs to (a son
// opened his mother's link first): this chat stops being its resident, the
// replies about it still to be sent here are withdrawn, and the link is
// shown to forward; whoever opens it next is asked again. Opening the link
// again here takes it back.
func (h *Handlers) passFollowup(r *request, f storage.Followup) error {
	if _, err := r.tx.PassFollowup(r.ctx, f.CaseID, r.chat); err != nil {
		return err
	}
	if err := h.endFollowupConversation(r); err != nil {
		return err
	}
	if err := withdrawFollowups(r.ctx, r.tx, []int64{f.CaseID}, 0); err != nil {
		return err
	}
	h.showAbout(r, f, r.t.T("followup.passed", locales.Data{"Link": h.DeepLink(f.Token)}), nil)
	return nil
}

// askComment puts the chat at the comment question (typed, or "no
// comment").
func (h *Handlers) askComment(r *request, f storage.Followup) error {
	if err := h.leaveCase(r, 0); err != nil { // a case on screen is paused, not lost
		return err
	}
	ver, err := r.tx.SaveConversation(r.ctx, r.chat, flowFollowup, screenComment, followupState{Case: f.CaseID}, r.liveMessage())
	if err != nil {
		return err
	}
	if r.liveMessage() == 0 {
		// Asked in a new message (a star count typed): its id comes back
		// (Sent), for the next copy to take its buttons off.
		r.trackComment(ver)
	}
	h.showAbout(r, f, h.commentAsk(r, f), h.commentKeyboard(r, f))
	r.cardShown(f.CaseID)
	return nil
}

// commentAsk is the comment question; a comment kept before (a rating
// given again) is shown back, as the web page's box shows it, to be kept,
// replaced or cleared.
func (h *Handlers) commentAsk(r *request, f storage.Followup) string {
	ask := r.t.T("followup.comment_ask", locales.Data{"Max": storage.MaxComment})
	if f.Comment.Valid {
		ask = r.t.T("followup.comment_kept_ask", locales.Data{"Comment": f.Comment.String, "Max": storage.MaxComment})
	}
	return r.t.T("followup.rated", locales.Data{"Rating": f.Rating.Int16}) + "\n" + ask
}

// commentKeyboard keeps the stars under the comment question: a star
// tapped by mistake on a small screen (1★ beside 2★) can be put right, as
// on the web page. With a comment kept: keep it, or clear it.
func (h *Handlers) commentKeyboard(r *request, f storage.Followup) bot.Keyboard {
	id := strconv.FormatInt(f.CaseID, 10)
	data := func(action string) string { return callback{flow: flowFollowup, action: action, arg: id}.String() }
	if f.Comment.Valid {
		return bot.Keyboard{starRow(id, int(f.Rating.Int16)),
			{{Text: r.t.T("followup.comment_keep"), Data: data("skip")}},
			{{Text: r.t.T("followup.comment_delete"), Data: data("uncomment")}}}
	}
	return bot.Keyboard{starRow(id, int(f.Rating.Int16)), {{Text: r.t.T("followup.comment_skip"), Data: data("skip")}}}
}

// starRow is the rating's five buttons; the one given, if any, is marked.
func starRow(id string, given int) []bot.Button {
	row := make([]bot.Button, 5)
	for i := range row {
		label := strconv.Itoa(i+1) + "★"
		if i+1 == given {
			label = "✓" + label
		}
		row[i] = bot.Button{Text: label, Data: callback{flow: flowFollowup, action: "rate", arg: id + "." + strconv.Itoa(i+1)}.String()}
	}
	return row
}

func (h *Handlers) endFollowupConversation(r *request) error {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if errors.Is(err, storage.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	return leaveFollowupFlows(r.ctx, r.tx, r.chat, conv)
}

// followupText takes the typed comment: checked like every note (no
// names, ID or phone numbers, dates, e-mail), refused with the reason and
// asked again.
func (h *Handlers) followupText(r *request, conv storage.Conversation) error {
	var st followupState
	if err := conv.Decode(&st); err != nil {
		return err
	}
	f, err := r.tx.FollowupOfCase(r.ctx, st.Case)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && f.ResidentChat.Int64 != r.chat) {
		r.say(r.t.T("followup.gone"), nil)
		return r.tx.EndConversation(r.ctx, r.chat)
	}
	if err != nil {
		return err
	}
	r.about = followupTopic(f.CaseID)
	if n, rest, ok := typedStars(r.text); ok {
		// "5 sao" at the comment question: the rating again, not a
		// comment.
		return h.rateTyped(r, f, n, rest)
	}
	if saysStopReminders(r.text) && !saysReceived(r.text) {
		// "đừng nhắc tôi nữa" at the comment question: no comment on the
		// help, but the reminder taken back. The question ends; the
		// rating stays.
		if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
			return err
		}
		return h.stopReminders(r, []storage.Followup{f})
	}
	if saysCallBack(r.text) {
		// "gọi lại cho tôi" at the comment question: a plea for help, not
		// a comment on it (kept as one until review 29). The question
		// ends (its buttons go: unbuttonLeftComment); the rating stays.
		if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
			return err
		}
		return h.callBack(r, []storage.Followup{f})
	}
	// The dossier's own code is no phone or ID number to refuse (until
	// review 30 it was): a comment naming it is checked without it, and
	// the code alone is no comment. Another dossier's code (the chat's
	// other one) is not let in: it would outlive that one's erasure here.
	checked := r.text
	if own, rest := ownCodes(r.text, []storage.Followup{f}); len(own) > 0 {
		if !vntext.HasWord(rest) {
			return h.commentAgain(r, conv, r.t.T("followup.comment_code"))
		}
		checked = rest
	}
	problem := privacy.NoteProblem(checked)
	if problem == "blank" {
		// "👍", "…": a resident's way of saying they have nothing to add,
		// taken as "no comment", a comment kept staying, as the web page
		// takes it.
		if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
			return err
		}
		text, kb := h.followupNext(r, f)
		r.say(h.followupAbout(r.t, f)+"\n\n"+r.t.T("followup.thanks")+"\n\n"+text, kb)
		r.cardShown(f.CaseID)
		return nil
	}
	if problem != "" {
		// Refused with the reason, and asked again below: the copy above
		// loses its buttons (commentAgain).
		return h.commentAgain(r, conv, r.t.T("followup.comment_"+problem, locales.Data{"Max": storage.MaxComment}))
	}
	if !vntext.HasWord(r.text) {
		// Keyboard mash ("asdfgh;;;"): no comment on the help, and not
		// "Đã ghi nhận nhận xét". Asked again, gently.
		return h.commentAgain(r, conv, r.t.T("followup.comment_unclear"))
	}
	if guides.Courtesy(r.text) == guides.Greeting {
		// "xin chào", "hello": greeted, as outside any question
		// (answerSmallTalk), not kept as the comment — in place of the one
		// given before, until review 26D. The question stays open below.
		return h.commentAgain(r, conv, r.t.T("followup.comment_greeting"))
	}
	if f.Comment.String != "" && guides.Courtesy(r.text) == guides.Thanks {
		// A bare thanks ("cảm ơn cháu", "thank you") where a comment is
		// kept: most likely the reply to "Cảm ơn ông/bà đã chấm", not a
		// new comment — until review 32 it replaced the one kept at once.
		// Offered, with the button that keeps it; the comment kept stays.
		if conv.MessageID != 0 && !r.edits(conv.MessageID) {
			r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: conv.MessageID})
		}
		return h.offerComment(r, f, "followup.typed_thanks_keep")
	}
	if asksTheBot(r.text) && !saysProblem(r.text) {
		// "bot này dùng thế nào", "how do I use this bot?": most likely a
		// question, which the bot cannot answer; kept as the comment only
		// with the button that keeps it (offerComment), the question open.
		if conv.MessageID != 0 && !r.edits(conv.MessageID) {
			r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: conv.MessageID})
		}
		return h.offerComment(r, f, "followup.comment_question")
	}
	// Words that say the result came are asked about as when typed
	// outside a question (typedReceived): for each dossier of the chat
	// whose result is not noted — in a chat following two, "đã nhận rồi"
	// at one's question may mean the other. Text that only says it ("Đã
	// nhận rồi ạ", typed while the question stood, which it does until
	// another screen: days, for one left unanswered at the counter) is no
	// comment on the help, and "Đã ghi nhận nhận xét" read as the result
	// noted while nothing was: the question ends, a comment kept before
	// stays. Text that says more is a comment, kept, and when a part of it
	// only says the result came ("Nhận được rồi, rối quá", "Đã nhận, cám ơn
	// các bạn"), the result is asked about below it: no comment is lost.
	// Not only the dossier on screen, this one (onScreen): the comment
	// question asked about the help, and words about a result answer
	// nothing it asked (as typedReceived, each awaited dossier is asked).
	var awaited []storage.Followup
	if clauseOnlySaysReceived(r.text) {
		fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
		if err != nil {
			return err
		}
		awaited = awaitedFollowups(fs)
	}
	if len(awaited) > 0 && conv.MessageID != 0 {
		// The "received?" question asked below is the one live question:
		// the comment question above gives way (its stars come again
		// below, where the dossier is shown as /start shows it).
		r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: conv.MessageID})
	}
	if len(awaited) > 0 && onlySaysReceived(r.text) {
		if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
			return err
		}
		return h.askReceived(r, awaited)
	}
	if err := r.tx.SetFollowupComment(r.ctx, f.CaseID, r.text); err != nil {
		return err
	}
	if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
		return err
	}
	// The thanks first, then the dossier named as every follow-up
	// screen names it: a chat may follow several.
	text, kb := h.followupNext(r, f)
	r.say(r.t.T("followup.comment_kept")+"\n\n"+h.followupAbout(r.t, f)+"\n"+text, kb)
	r.cardShown(f.CaseID)
	if _, ok := problemButton(r, f); ok && saysProblem(r.text) {
		// "hồ sơ bị trả về…" at the comment question: kept as the
		// comment, and the report offered below it, as typed elsewhere.
		h.offerProblem(r, f, r.t.T("followup.typed_problem"))
	}
	return h.askReceived(r, awaited)
}

// rateTyped takes a star count typed (typedStars) as the star button
// takes it: the rating kept (the same one again changes nothing), then the
// comment question; words typed after the stars are the comment, held to
// its rules as when typed at the question (followupText).
func (h *Handlers) rateTyped(r *request, f storage.Followup, n int, rest string) error {
	if !f.Rating.Valid || int(f.Rating.Int16) != n {
		if err := r.tx.RateCase(r.ctx, f.CaseID, n, h.now()); err != nil {
			return err
		}
	}
	f.Rating.Int16, f.Rating.Valid = int16(n), true
	if rest == "" {
		return h.askComment(r, f)
	}
	return h.commentTyped(r, f, rest)
}

// commentTyped takes text typed outside the comment question as the
// comment on f's help, as if typed at it (followupText): checked, kept or
// asked again.
func (h *Handlers) commentTyped(r *request, f storage.Followup, text string) error {
	if err := h.leaveCase(r, 0); err != nil { // a case on screen is paused, not lost
		return err
	}
	if _, err := r.tx.SaveConversation(r.ctx, r.chat, flowFollowup, screenComment, followupState{Case: f.CaseID}, 0); err != nil {
		return err
	}
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil {
		return err
	}
	r.text = text
	return h.followupText(r, conv)
}

// typedRating answers a star count typed outside any question ("5 sao"):
// the rating of the chat's dossier — its one, or its one not rated yet —
// as the star button takes it (rateTyped). With several not rated, it is
// the dossier on screen (onScreen: the card the resident was looking at,
// its link's, a reminder's), named in the answer as every rating screen
// names it, so that a wrong guess is seen and put right with the stars;
// with none on screen, which is not guessed: each is shown, short, with its
// stars (every one rated already: each to rate again, as the line above
// them says). false when the text is no star count, or the chat follows
// nothing.
func (h *Handlers) typedRating(r *request) (bool, error) {
	n, rest, ok := typedStars(r.text)
	if r.member() || !ok {
		return false, nil
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil || len(fs) == 0 {
		return false, err
	}
	var unrated []storage.Followup
	for _, f := range fs {
		if !f.Rating.Valid {
			unrated = append(unrated, f)
		}
	}
	// Every one rated: the stars are a rating again, of any of them — not
	// "N dossiers not rated yet", under cards that say each is rated.
	which := "followup.typed_rating_which"
	switch {
	case len(fs) == 1:
		unrated = fs
	case len(unrated) == 0:
		unrated, which = fs, "followup.typed_rating_which_rated"
	}
	if f, ok := onScreen(fs); ok && len(unrated) > 1 {
		unrated = []storage.Followup{f}
	}
	if len(unrated) == 1 {
		r.about = followupTopic(unrated[0].CaseID)
		return true, h.rateTyped(r, unrated[0], n, rest)
	}
	r.say(r.t.T(which, locales.Data{"Count": len(unrated)}), nil)
	h.showShort(r, unrated)
	return true, nil
}

// typedThanks answers a thanks or praise typed outside any question
// (saysThanks) by a chat following one dossier, or several with one on
// screen (onScreen: the thanks is for the help with the dossier just
// looked at), or one rated without a comment: once rated, it is offered as
// the comment (offerComment: kept only with its button, so a wrong guess
// keeps nothing); before, it is thanked in a few words with the stars
// below — a comment goes with a rating. false otherwise.
func (h *Handlers) typedThanks(r *request) (bool, error) {
	if r.member() || !saysThanks(r.text) {
		return false, nil
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil || len(fs) == 0 {
		return false, err
	}
	if f, ok := onScreen(fs); ok {
		fs = []storage.Followup{f}
	}
	if len(fs) > 1 {
		var open []storage.Followup
		for _, f := range fs {
			if f.Rating.Valid && !f.Comment.Valid {
				open = append(open, f)
			}
		}
		if len(open) != 1 {
			return false, nil
		}
		fs = open
	}
	f := fs[0]
	r.about = followupTopic(f.CaseID)
	if f.Rating.Valid {
		return true, h.offerComment(r, f, "followup.typed_thanks_keep")
	}
	text, kb := h.followupNext(r, f)
	key := "followup.typed_thanks_rate"
	if consentAwaited(f) || reminderAwaited(f) { // no stars below yet: a question first
		key = "followup.typed_thanks_later"
	}
	r.say(r.t.T(key)+"\n\n"+h.followupAbout(r.t, f)+"\n"+text, kb)
	r.cardShown(f.CaseID)
	return true, nil
}

// offerComment answers a thanks typed once f is rated and its comment
// question closed (/cancel, "Không nhận xét", another dossier's erased
// since: the words may have been meant for it): the comment question again,
// the words shown back with a button that keeps them — nothing is kept
// before. Words the comment's checks refuse are not held: the refusal is
// said, as at the question. key says why the words are offered, not kept
// (the thanks, or a question asked at the comment question).
func (h *Handlers) offerComment(r *request, f storage.Followup, key string) error {
	if err := h.leaveCase(r, 0); err != nil { // a case on screen is paused, not lost
		return err
	}
	st := followupState{Case: f.CaseID}
	refused := commentRefused(r.text)
	if refused == "" {
		st.Typed, st.Offer = r.text, key
	}
	ver, err := r.tx.SaveConversation(r.ctx, r.chat, flowFollowup, screenComment, st, 0)
	if err != nil {
		return err
	}
	r.trackComment(ver) // the question drawn again below a command takes this copy's buttons off (commentAgain)
	if refused != "" {
		r.say(r.t.T("followup.comment_"+refused, locales.Data{"Max": storage.MaxComment})+"\n\n"+
			h.followupAbout(r.t, f)+"\n"+h.commentAsk(r, f), h.commentKeyboard(r, f))
		r.cardShown(f.CaseID)
		return nil
	}
	r.say(h.offerScreen(r, f, st))
	r.cardShown(f.CaseID)
	return nil
}

// offerScreen is the comment question that offers st's words (Typed) as
// the comment, with the button that keeps them (offerComment).
func (h *Handlers) offerScreen(r *request, f storage.Followup, st followupState) (string, bot.Keyboard) {
	kb := append(bot.Keyboard{{{Text: r.t.T("followup.comment_keep_typed"),
		Data: callback{flow: flowFollowup, action: "keepc", arg: strconv.FormatInt(f.CaseID, 10) + "." + commentMark(st.Typed)}.String()}}},
		h.commentKeyboard(r, f)...)
	return r.t.T(cmp.Or(st.Offer, "followup.typed_thanks_keep"), locales.Data{"Comment": st.Typed}) + "\n\n" + h.followupAbout(r.t, f), kb
}

// commentMark names the words an offer shows (offerComment) in its keep
// button's data: the press keeps them only while they are the words held.
func commentMark(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:4])
}

// keepOffered is "✓ Giữ làm nhận xét" pressed: the words its message
// offers (mark: their commentMark, "" on a button drawn before review 27B)
// are kept as f's comment while they are the ones the open question holds.
// A double tap finds them kept already, and is answered so. A tap on an
// older offer, whose words another offer replaced (or a question asked
// again without them), is out of date: the question stays open below,
// this copy loses its buttons — keeping the newer words there would keep
// what the tapped message did not show. Once the question closed, the
// dossier is shown as it stands, as before.
func (h *Handlers) keepOffered(r *request, f storage.Followup, mark string) error {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	var st followupState
	at := atComment(conv)
	if at {
		if err := conv.Decode(&st); err != nil {
			return err
		}
	}
	switch {
	case at && st.Case == f.CaseID && st.Typed != "" && (mark == "" || commentMark(st.Typed) == mark):
		if err := r.tx.SetFollowupComment(r.ctx, f.CaseID, st.Typed); err != nil {
			return err
		}
		if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
			return err
		}
		f.Comment.String, f.Comment.Valid = st.Typed, true
	case mark != "" && f.Comment.Valid && commentMark(f.Comment.String) == mark:
		// Kept by the first tap of a double tap: said so, the screen it
		// drew as it was.
		r.answer(r.t.T("followup.comment_kept"))
	case at:
		r.answer(r.t.T("button.stale"))
		if id := r.liveMessage(); id != 0 {
			r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: id})
		}
		return nil
	default:
		// Another screen since: where the dossier stands.
		r.answer(r.t.T("button.stale"))
		text, kb := h.followupNext(r, f)
		h.showAbout(r, f, text, kb)
		return nil
	}
	text, kb := h.followupNext(r, f)
	h.showAbout(r, f, r.t.T("followup.comment_kept")+"\n\n"+text, kb)
	return nil
}

// commentRefused is why text cannot be kept as a comment ("" when it
// can): too long, or what personal data it seems to hold
// (privacy.NoteProblem), as at the comment question.
func commentRefused(text string) string {
	if utf8.RuneCountInString(text) > storage.MaxComment {
		return "long"
	}
	if p := privacy.NoteProblem(text); p != "" && p != "blank" {
		return p
	}
	return ""
}

// typedAgain answers what a resident typed that is read as nothing else:
// the note, then their follow-ups with their buttons — one as /start shows
// it, several each by its name line, where it stands and its buttons (the
// long cards of a daughter's two dossiers on every line typed buried the
// chat). false when the chat is a team member's or follows nothing.
//
// Not the dossier on screen alone (onScreen): the words were not
// understood, and the list lets the resident pick; it records nothing, and
// leaves no dossier on screen (a star count typed next asks which).
func (h *Handlers) typedAgain(r *request) (bool, error) {
	if r.member() {
		return false, nil
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil || len(fs) == 0 {
		return false, err
	}
	// A phone number typed ("số tôi 0903…") is said not kept, as at the
	// comment question: nothing of the words is. The code of one of the
	// chat's dossiers is none: that dossier is asked about, its card
	// shown, the others' not.
	own, rest := ownCodes(r.text, fs)
	personal := ""
	if typedPersonal(rest) {
		personal = r.t.T("followup.typed_personal") + " "
	}
	if len(own) == 1 {
		r.say(personal+r.t.T("followup.typed_code", locales.Data{"Code": own[0].DossierCode}), nil)
		return true, h.showFollowups(r, own)
	}
	if len(fs) == 1 || slices.ContainsFunc(fs, func(f storage.Followup) bool { return f.CodeUntoldFrom.Valid }) {
		// A correction to tell is told as /start tells it.
		return h.followupsAgain(r, personal+r.t.T("followup.typed"))
	}
	r.say(personal+r.t.T("followup.typed_several"), nil)
	h.showShort(r, fs)
	return true, nil
}

// ownCodes are those of fs whose dossier code text holds — typed by the
// resident to ask about it, copied off a card, the slip or the portal's SMS,
// in any case, after a label ("Mã hồ sơ:"), alone or in a sentence — and
// text without those codes: a code the bot showed them is no personal data
// to warn of (until review 30 its digits read as a phone or ID number).
func ownCodes(text string, fs []storage.Followup) ([]storage.Followup, string) {
	var own []storage.Followup
	mine := func(code string) bool {
		i := slices.IndexFunc(fs, func(f storage.Followup) bool { return f.DossierCode == code })
		if i < 0 {
			return false
		}
		if !slices.ContainsFunc(own, func(f storage.Followup) bool { return f.CaseID == fs[i].CaseID }) {
			own = append(own, fs[i])
		}
		return true
	}
	var rest []string
	for _, w := range strings.Fields(text) {
		if !mine(strings.ToUpper(strings.Trim(w, ".,;:!?()[]{}\"'“”‘’«»*`"))) {
			rest = append(rest, w)
		}
	}
	if len(own) == 0 {
		// Typed with spaces, as the portal's SMS parts it ("G22.50 251202
		// 0003"): read whole.
		if code, problem := privacy.DossierCode(text); problem == "" && privacy.LooksLikeDossierCode(text) && mine(code) {
			return own, ""
		}
	}
	return own, strings.Join(rest, " ")
}

// showShort shows each of fs by its name line, where it stands and its
// buttons, in a message of its own (each withdrawn with its follow-up);
// while its result is awaited, with the date it is expected, what a
// resident typing to the bot most often asks ("bao giờ có kết quả"; until
// review 30 only /start's long cards said it).
func (h *Handlers) showShort(r *request, fs []storage.Followup) {
	for _, f := range fs {
		text, kb := h.followupNext(r, f)
		head := h.followupAbout(r.t, f)
		if due := dueText(r.t, f); due != "" && f.Status == storage.FollowupWaiting {
			head += "\n" + r.t.T("followup.due", locales.Data{"Due": due})
		}
		r.replies = append(r.replies, bot.About{Topic: followupTopic(f.CaseID),
			Reply: bot.Message{ChatID: r.chat, Text: head + "\n\n" + text, Keyboard: kb}})
	}
	r.cardsShown(fs)
}

// cancelComment is /cancel at the comment question: "Cancelled" alone read
// as the stars just given being cancelled, while the rating is kept. The
// comment is skipped, the rating said kept (with the comment sent before,
// if any), and the dossier shown below as /start shows it; the question
// above loses its buttons (the screen below has them).
func (h *Handlers) cancelComment(r *request, conv storage.Conversation) error {
	var st followupState
	if err := conv.Decode(&st); err != nil {
		return err
	}
	if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
		return err
	}
	f, err := r.tx.FollowupOfCase(r.ctx, st.Case)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && (f.ResidentChat.Int64 != r.chat || !f.Rating.Valid)) {
		r.say(r.t.T("cancel.done"), nil)
		return nil
	}
	if err != nil {
		return err
	}
	if conv.MessageID != 0 {
		r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: conv.MessageID})
	}
	r.about = followupTopic(f.CaseID)
	text, kb := h.followupNext(r, f)
	// A comment sent before (a rating given again) stays too, and is said
	// to: "no comment" alone read as if it were gone.
	cancelled := "followup.comment_cancelled"
	if f.Comment.String != "" {
		cancelled = "followup.comment_cancelled_kept"
	}
	r.say(r.t.T(cancelled, locales.Data{"Rating": f.Rating.Int16})+"\n\n"+h.followupAbout(r.t, f)+"\n"+text, kb)
	r.cardShown(f.CaseID)
	return nil
}

// cancelReceived is /cancel while the "received?" question is open: "Không
// có việc gì đang dở" read as if the question on screen were nothing. The
// question is closed — its buttons go from every message it is on, nothing
// is recorded — and the answer says how to tell later that the result came
// (the button under the dossier, shown below as /start shows it, where the
// reminders stand). A question whose dossier was noted or erased meanwhile
// is only closed: /cancel then answers as with nothing open.
func (h *Handlers) cancelReceived(r *request, conv storage.Conversation) error {
	var st receivedState
	if err := conv.Decode(&st); err != nil {
		return err
	}
	if err := leaveReceived(r.ctx, r.tx, r.chat, st); err != nil {
		return err
	}
	for _, m := range st.messages() {
		r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: m})
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil {
		return err
	}
	// The button to press later is named as it is on the screens shown
	// below: "📬 Đã nhận kết quả", or the reminder's "✓ Đã nhận" while its
	// answer is awaited (followupNext draws both).
	var labels []string
	for _, f := range fs {
		if _, open := st.Asked[f.CaseID]; !open || f.Status == storage.FollowupReceived {
			continue
		}
		_, kb := h.followupNext(r, f)
		if l := gotLabel(kb); l != "" && !slices.Contains(labels, l) {
			labels = append(labels, l)
		}
	}
	if len(labels) == 0 {
		return h.cancelNothing(r)
	}
	r.say(r.t.N("followup.received_cancelled", len(fs), locales.Data{"Button": strings.Join(labels, "” / “")}), nil)
	return h.showFollowups(r, fs)
}

// gotLabel is the label of kb's button that says the result came ("got"),
// "" if it has none.
func gotLabel(kb bot.Keyboard) string {
	for _, row := range kb {
		for _, b := range row {
			if cb := parseCallback(b.Data); cb.flow == flowFollowup && cb.action == "got" {
				return b.Text
			}
		}
	}
	return ""
}

// commentSentAgain answers a resident's comment sent again once it was
// kept (no answer seen on a slow connection): it is said kept, as it is,
// not told off as typed text the bot does not read.
func (h *Handlers) commentSentAgain(r *request) (bool, error) {
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil {
		return false, err
	}
	for _, f := range fs {
		// "Đã nhận rồi" kept as the comment and typed again says the
		// result came, while it is not noted: typedReceived asks.
		if f.Comment.Valid && f.Comment.String == r.text && (f.Status == storage.FollowupReceived || !onlySaysReceived(r.text)) {
			r.about = followupTopic(f.CaseID)
			r.say(h.followupAbout(r.t, f)+"\n\n"+r.t.T("followup.comment_kept"), nil)
			return true, nil
		}
	}
	return false, nil
}

// commentTypedAgain answers a comment typed after the comment question
// closed, on the chat's one dossier that has a comment ("Bạn tình nguyện
// viên hướng dẫn rất kỹ" after "Bạn hướng dẫn tận tình"): it was told the
// bot reads no typed text — untrue, and unkind to praise. It is told the
// dossier has a comment, shown it, and put at the comment question, where
// the comment sent again replaces it. A question (asksTheBot) or text with no
// word is no comment: it is answered as before. A chat that also follows
// a dossier rated without a comment meant that one: the words are offered
// as its comment (offerComment), and the comment kept stays (walk W1: a
// thanks for the dossier just rated was offered to replace another's).
func (h *Handlers) commentTypedAgain(r *request) (bool, error) {
	text := strings.TrimSpace(r.text)
	// A question is no comment, with or without its mark ("mã hồ sơ của
	// tôi là gì", "bao giờ có kết quả": asksTheBot): until review 32 one
	// typed without it was thanked as a second comment and left the chat
	// at the comment question, where a "cảm ơn" typed next replaced the
	// comment kept. The dossier is shown instead (typedAgain).
	if asksTheBot(text) || !vntext.HasWord(text) {
		return false, nil
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil {
		return false, err
	}
	var commented, open []storage.Followup
	for _, f := range fs {
		switch {
		case f.Comment.Valid:
			commented = append(commented, f)
		case f.Rating.Valid:
			open = append(open, f)
		}
	}
	// Another dossier on screen (a link opened since, its stars below) is
	// the one the words are about, if any: they are not offered to, nor
	// said to replace, another's comment (until 2026-12-05 small talk
	// typed under a new dossier's stars was offered as the comment of one
	// rated before).
	elsewhere := func(f storage.Followup) bool {
		on, ok := onScreen(fs)
		return ok && on.CaseID != f.CaseID
	}
	if len(open) == 1 && len(commented) > 0 {
		if elsewhere(open[0]) {
			return false, nil
		}
		r.about = followupTopic(open[0].CaseID)
		return true, h.offerComment(r, open[0], "followup.typed_thanks_keep")
	}
	if len(commented) != 1 || len(open) > 0 || elsewhere(commented[0]) {
		return false, nil
	}
	f := commented[0]
	r.about = followupTopic(f.CaseID)
	if err := h.leaveCase(r, 0); err != nil {
		return false, err
	}
	ver, err := r.tx.SaveConversation(r.ctx, r.chat, flowFollowup, screenComment, followupState{Case: f.CaseID}, 0)
	if err != nil {
		return false, err
	}
	r.trackComment(ver) // its id comes back (Sent): the next copy takes this one's buttons off
	// Checked as a comment first (docs/privacy.md): until review 29 words
	// with a phone number were asked to be sent again, and only then
	// refused. Said at once, and that nothing was kept.
	note := r.t.T("followup.comment_given")
	switch refused := commentRefused(text); refused {
	case "":
	case "long":
		note = r.t.T("followup.comment_long", locales.Data{"Max": storage.MaxComment})
	default:
		note = r.t.T("followup.typed_personal")
	}
	ask := r.t.T("followup.comment_kept_ask", locales.Data{"Comment": f.Comment.String, "Max": storage.MaxComment})
	r.say(note+"\n\n"+h.followupAbout(r.t, f)+"\n"+ask, h.commentKeyboard(r, f))
	return true, nil
}

// typedConsent takes a plain yes or no typed under the reminder question
// ("có", "đồng ý", "vâng ạ", "ok"; "không", "không cần", "no thanks":
// typedYesNo) as its button: elderly residents type. Only when that
// question is the card on screen (storage.Followup.OnScreenConsent: not a
// hand-over's or a problem's question on the same dossier) and is the
// chat's one reminder question still open; recorded with the version of
// the question in the language it was drawn in (the chat's: /lang draws
// the card again). Typed again once answered (a double "có"), it is said
// taken; the other answer then is not taken ("ok" after "không" most
// likely acknowledges it: the button under "không" asks for the reminders
// after all). false otherwise: the words are read as before ("không nhận
// được" is no "không").
func (h *Handlers) typedConsent(r *request, conv storage.Conversation) (bool, error) {
	yes, ok := typedYesNo(r.text)
	if r.member() || !ok || conv.Flow != "" {
		return false, nil
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil {
		return false, err
	}
	f, on := onScreen(fs)
	if !on || !f.OnScreenConsent {
		return false, nil
	}
	r.about = followupTopic(f.CaseID)
	switch {
	case consentAwaited(f):
		if slices.ContainsFunc(fs, func(o storage.Followup) bool { return o.CaseID != f.CaseID && consentAwaited(o) }) {
			return false, nil // another dossier's question open too: which, the buttons say
		}
	case f.Consent.Valid && f.Consent.Bool == yes:
		r.say(h.followupAbout(r.t, f)+"\n\n"+r.t.T("followup.noted_already"), nil)
		return true, nil
	default:
		return false, nil
	}
	if err := h.consentTyped(r, f, yes); err != nil {
		return false, err
	}
	return true, nil
}

// consentTyped records f's reminder question answered by words typed (yes
// or no) and draws its card below, the one live card (the one above
// loses its buttons), with what was noted.
func (h *Handlers) consentTyped(r *request, f storage.Followup, yes bool) error {
	now := h.now()
	if _, err := r.tx.ClaimFollowup(r.ctx, f.CaseID, r.chat, r.t.Lang(), now); err != nil {
		return err
	}
	// The version of the question the card asked (or that 🔔 answers), in
	// the chat's language: the card on screen is drawn in it.
	if err := r.tx.SetResidentConsent(r.ctx, f.CaseID, r.chat, yes, residentConsentVersion(r.t, f, now), now); err != nil {
		return err
	}
	if old := int(f.OnScreen.Int32); old > 0 {
		// The question above is answered: its buttons go (one live card).
		r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: old})
	}
	f.Consent.Bool, f.Consent.Valid = yes, true
	key := "followup.typed_consent_no"
	if yes {
		key = "followup.typed_consent_yes"
	}
	text, kb := h.followupNext(r, f)
	r.say(r.t.T(key)+"\n\n"+h.followupAbout(r.t, f)+"\n"+text, kb)
	r.cardShown(f.CaseID)
	r.consentCard = f.CaseID
	return nil
}

// typedCallBack answers a resident's plea to be called back typed outside
// any question (saysCallBack: "nhờ cháu gọi lại 0903…"): callBack. false
// when the text does not read so, or the chat follows nothing.
func (h *Handlers) typedCallBack(r *request) (bool, error) {
	if r.member() || !saysCallBack(r.text) {
		return false, nil
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil || len(fs) == 0 {
		return false, err
	}
	return true, h.callBack(r, fs)
}

// typedStopReminders answers a resident's words asking the bot to stop
// its reminders, typed outside any question (saysStopReminders):
// stopReminders. false when the text does not read so, or the chat
// follows nothing.
func (h *Handlers) typedStopReminders(r *request) (bool, error) {
	if r.member() || !saysStopReminders(r.text) {
		return false, nil
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil || len(fs) == 0 {
		return false, err
	}
	return true, h.stopReminders(r, fs)
}

// typedRemindMe answers a resident's words asking for the reminders,
// typed outside any question (saysRemindMe: "nhắc tôi", "ok nhắc đi"),
// as "🔔 Đổi ý" (or "✓ Đồng ý nhận nhắc" under the question not answered
// yet) does: until review 31 they were told the bot works with its
// buttons. The dossier is the one on screen if its reminders are off (or
// not asked yet) while its result is awaited, else the chat's one such
// dossier; with several, and none on screen, each is shown with its
// button, nothing recorded. With none, it says the reminders are on
// already, or that none can go (the results noted, or the reminders
// over), those on shown with the day they ask. false when the text does
// not read so, or the chat follows nothing.
func (h *Handlers) typedRemindMe(r *request) (bool, error) {
	if r.member() || !saysRemindMe(r.text) {
		return false, nil
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil || len(fs) == 0 {
		return false, err
	}
	off := func(f storage.Followup) bool { return f.Status == storage.FollowupWaiting && !f.Consent.Bool }
	var open []storage.Followup
	for _, f := range fs {
		if off(f) {
			open = append(open, f)
		}
	}
	if f, ok := onScreen(fs); ok && off(f) {
		open = []storage.Followup{f}
	}
	switch len(open) {
	case 0:
		var on []storage.Followup
		for _, f := range fs {
			if f.Reminds() {
				on = append(on, f)
			}
		}
		if len(on) == 0 {
			r.say(r.t.T("followup.remind_none"), nil)
			return true, nil
		}
		// Each named, with the day it asks (its status line).
		r.say(r.t.T("followup.remind_already"), nil)
		h.showShort(r, on)
		return true, nil
	case 1:
	default:
		r.say(r.t.T("followup.remind_which", locales.Data{"Count": len(open)}), nil)
		h.showShort(r, open)
		return true, nil
	}
	f := open[0]
	r.about = followupTopic(f.CaseID)
	if err := h.consentTyped(r, f, true); err != nil {
		return false, err
	}
	return true, nil
}

// stopReminders takes back the consent of each of fs whose reminder is
// agreed while its result is awaited — the words say "me", not which
// dossier —, as its card's "🔕 Không cần nhắc nữa" does (and answers "no"
// to the reminder question of each still asking it), and shows each
// below with "🔔 Đổi ý" to ask for it again (the card on screen above
// loses its buttons: one live card). None left to stop is said so.
func (h *Handlers) stopReminders(r *request, fs []storage.Followup) error {
	now := h.now()
	var stopped []storage.Followup
	for _, f := range fs {
		if _, ok := stopButton(r, f); !ok && !consentAwaited(f) {
			// Its reminder question still open is answered "no", as
			// "Không, cảm ơn" would (typedConsent takes only a plain "không"
			// there).
			continue
		}
		if err := r.tx.SetResidentConsent(r.ctx, f.CaseID, r.chat, false, residentConsentVersion(r.t, f, now), now); err != nil {
			return err
		}
		if old := int(f.OnScreen.Int32); old > 0 && !r.edits(old) {
			r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: old})
		}
		f.Consent.Bool, f.Consent.Valid = false, true
		stopped = append(stopped, f)
	}
	if len(stopped) == 0 {
		r.say(r.t.T("followup.stop_none"), nil)
		return nil
	}
	note := r.t.T("followup.typed_stopped")
	if len(stopped) > 1 {
		r.say(note, nil)
		h.showShort(r, stopped)
		r.listShown()
		return nil
	}
	f := stopped[0]
	r.about = followupTopic(f.CaseID)
	text, kb := h.followupNext(r, f)
	r.say(note+"\n\n"+h.followupAbout(r.t, f)+"\n"+text, kb)
	r.cardShown(f.CaseID)
	return nil
}

// callBack tells a resident who asked to be called back that dvcbot
// calls nobody and keeps no phone number (one typed is not kept: nothing
// of the words is), and what helps: the commune's help point, and, for
// the dossier on screen (else each of fs) that can still report a problem,
// the question "⚠ Có vướng mắc" asks, to tell the volunteer first. Until
// review 29 such words were offered as a comment, or kept as one.
func (h *Handlers) callBack(r *request, fs []storage.Followup) error {
	_, rest := ownCodes(r.text, fs) // the chat's own codes are no personal data
	if f, ok := onScreen(fs); ok {
		fs = []storage.Followup{f}
	}
	note := r.t.T("followup.call_back")
	if typedPersonal(rest) {
		note = r.t.T("followup.typed_personal") + " " + note
	}
	open := reportable(r, fs)
	switch len(open) {
	case 0:
		r.say(note, nil)
		return nil
	case 1:
	default:
		r.say(note+"\n\n"+r.t.T("followup.call_back_which", locales.Data{"Count": len(open)}), nil)
		note = ""
	}
	for _, f := range open {
		h.offerProblem(r, f, note)
	}
	r.cardsShown(open)
	return nil
}

// commentAgain draws the comment question the chat is at (conv) again as
// a new message, below an answer given while it stood open (/help,
// /lang, /new, a greeting typed), note first when not "": until review
// 26D /help and /lang left it far above, and the resident's next words —
// "bot này dùng thế nào" — were kept as the comment without their seeing
// they would be, in place of the one given before. The copy above loses
// its buttons (one live copy); a thanks offered to keep (Typed) is
// offered no more: what was typed since replaced it.
func (h *Handlers) commentAgain(r *request, conv storage.Conversation, note string) error {
	return h.commentDrawn(r, conv, note, false)
}

// commentRedrawn is commentAgain below what answered no words typed at
// the question (a command: /help, /lang, /new; a sticker): words offered
// to keep (offerComment) are offered again, with their button — until
// review 31 they went, the question drawn as if nothing had been typed,
// while the offer said /help tells how to use the bot.
func (h *Handlers) commentRedrawn(r *request, conv storage.Conversation, note string) error {
	return h.commentDrawn(r, conv, note, true)
}

// commentDrawn is commentAgain, the words offered kept when offered is set.
func (h *Handlers) commentDrawn(r *request, conv storage.Conversation, note string, offered bool) error {
	var st followupState
	if err := conv.Decode(&st); err != nil {
		return err
	}
	f, err := r.tx.FollowupOfCase(r.ctx, st.Case)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && f.ResidentChat.Int64 != r.chat) {
		if note != "" {
			r.say(note, nil) // what was not read is said, with no question to ask again
		}
		return r.tx.EndConversation(r.ctx, r.chat)
	}
	if err != nil {
		return err
	}
	if conv.MessageID != 0 && !r.edits(conv.MessageID) {
		r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: conv.MessageID})
	}
	next := followupState{Case: f.CaseID}
	if offered && st.Typed != "" {
		next.Typed, next.Offer = st.Typed, st.Offer
	}
	ver, err := r.tx.SaveConversation(r.ctx, r.chat, flowFollowup, screenComment, next, 0)
	if err != nil {
		return err
	}
	r.trackComment(ver) // its id comes back (Sent): the next copy takes this one's buttons off
	if note != "" {
		note += "\n\n"
	}
	r.about = followupTopic(f.CaseID) // it names the dossier: forgetting it takes this back
	if next.Typed != "" {
		text, kb := h.offerScreen(r, f, next)
		r.say(note+text, kb)
	} else {
		r.say(note+h.followupAbout(r.t, f)+"\n"+h.commentAsk(r, f), h.commentKeyboard(r, f))
	}
	r.cardShown(f.CaseID)
	return nil
}

// commentBelow is commentAgain once a command was answered, when the chat
// is still at the comment question.
func (h *Handlers) commentBelow(r *request) error {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil || !atComment(conv) {
		return ignoreGone(err)
	}
	return h.commentRedrawn(r, conv, "")
}

// atComment reports whether conv is the comment question.
func atComment(conv storage.Conversation) bool {
	return conv.Flow == flowFollowup && conv.Step == screenComment
}

// again in the follow-up flow: the comment question once more, below the
// note (a sticker, an edited message, text over the limit: not read), its
// copy above losing its buttons, words offered to keep still offered
// (commentRedrawn).
func (h *Handlers) followupAgain(r *request, conv storage.Conversation, note string) error {
	return h.commentRedrawn(r, conv, note)
}

// forget is /forget: a resident's follow-ups (chat id, dossier code,
// comment) are deleted at their press; the cases stay, anonymous. A chat
// that holds several (a daughter with her mother's and her father's) is
// asked which, or all: the web page erases one, and so can the chat. A
// chat that holds one is asked first too (forgetAskOne): /forget is in the
// resident's menu, and one mis-tap erased the follow-up for ever — until
// review 30 it went at once.
func (h *Handlers) forget(r *request) error {
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil {
		return err
	}
	switch len(fs) {
	case 0:
		return h.forgetAll(r, r.say, "")
	case 1:
		text, kb := h.forgetAskOne(r, fs[0])
		r.sayForget(fs[0].CaseID, text, kb)
		// The question is the dossier's card on screen: a screen of it
		// sent below since (/cancel's, /start's, a reminder) makes it out
		// of date (forgetOnePress).
		r.cardShown(fs[0].CaseID)
		return h.forgetAsked(r, 0)
	}
	text, kb := h.forgetAsk(r, fs)
	r.sayForget(0, text, kb)
	r.listShown()
	return h.forgetAsked(r, 0)
}

// forgetTrack begins the Track of /forget's question sent as a new
// message, before the case it asks about (none for the list of several):
// its id is kept among the messages /cancel takes the buttons off, and,
// for one dossier, as the message its card is on (forgetSent).
const forgetTrack = "f"

// forgetOpen is what a chat in no flow keeps (storage.Tx.KeepAfterFlow)
// while /forget's question is open there: /cancel closes it
// (cancelForget), where it said nothing was in progress, the question
// keeping its buttons. A press of its buttons closes it too
// (forgetAnswered); so does a flow begun, or a report kept (their state
// replaces this).
type forgetOpen struct {
	Open bool `json:"forget_asked,omitempty"`
	// On: the messages the question is on (none yet for one sent as a new
	// message whose id the runtime has not told: forgetSent), those asked
	// before and still open among them.
	On []int `json:"forget_on,omitempty"`
}

// sayForget sends /forget's question about caseID (0: the list of
// several) as a new message, tracked for its id (forgetTrack).
func (r *request) sayForget(caseID int64, text string, kb bot.Keyboard) {
	track := forgetTrack
	if caseID != 0 {
		track += strconv.FormatInt(caseID, 10)
	}
	r.replies = append(r.replies, bot.Message{ChatID: r.chat, Text: text, Keyboard: kb, Track: track})
}

// forgetAsked notes that /forget's question is open in the chat, on
// message msg (the pressed one, drawn again into it), or on a new message
// whose id forgetSent will tell (msg 0). A chat in a flow (at the comment
// or "received?" question, mid-case) keeps it: /cancel is that flow's.
func (h *Handlers) forgetAsked(r *request, msg int) error {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	if conv.Flow != "" {
		return nil
	}
	var st forgetOpen
	if err := conv.Decode(&st); err != nil {
		return err
	}
	st.Open = true
	if msg != 0 && !slices.Contains(st.On, msg) {
		st.On = append(st.On, msg)
	}
	return r.tx.KeepAfterFlow(r.ctx, r.chat, st)
}

// forgetAnswered notes that a button of /forget's question on the pressed
// message was pressed: that question is no longer open there (what the
// press draws again opens it again: forgetAsked). Others still open stay.
func (h *Handlers) forgetAnswered(r *request) error {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil || conv.Flow != "" {
		return ignoreGone(err)
	}
	var st forgetOpen
	if err := conv.Decode(&st); err != nil || !st.Open {
		return err
	}
	st.On = slices.DeleteFunc(st.On, func(id int) bool { return id == r.liveMessage() })
	if len(st.On) == 0 {
		st = forgetOpen{}
	}
	return r.tx.KeepAfterFlow(r.ctx, r.chat, st)
}

// forgetSent notes that /forget's question about caseID (0: the list of
// several) is message msg: its card on screen, for one dossier
// (onScreenSent), and, while the question is open, among the messages
// /cancel takes the buttons off.
func forgetSent(ctx context.Context, tx *storage.Tx, chat, caseID int64, msg int) error {
	if caseID != 0 {
		if err := onScreenSent(ctx, tx, chat, caseID, msg); err != nil {
			return err
		}
	}
	conv, err := tx.Conversation(ctx, chat)
	if err != nil || conv.Flow != "" {
		return ignoreGone(err)
	}
	var st forgetOpen
	if err := conv.Decode(&st); err != nil || !st.Open || slices.Contains(st.On, msg) {
		return err
	}
	st.On = append(st.On, msg)
	return tx.KeepAfterFlow(ctx, chat, st)
}

// cancelForget is /cancel while /forget's question is open (forgetOpen):
// "Không có việc gì đang dở để huỷ" read as if the question on screen were
// nothing, its 🗑 still there. The question is closed — its buttons go,
// nothing is erased — and the answer says so, the dossiers shown below as
// /start shows them (a press of the one dossier's 🗑 since is out of date:
// forgetOnePress). false when no such question is open, or the chat
// follows nothing any more (erased on the web page meanwhile: the
// question's buttons go all the same, and /cancel answers as with nothing
// open).
func (h *Handlers) cancelForget(r *request, conv storage.Conversation) (bool, error) {
	var st forgetOpen
	if err := conv.Decode(&st); err != nil || !st.Open {
		return false, err
	}
	if err := r.tx.KeepAfterFlow(r.ctx, r.chat, struct{}{}); err != nil {
		return false, err
	}
	for _, id := range st.On {
		r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: id})
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil || len(fs) == 0 {
		return false, err
	}
	r.say(r.t.N("followup.forget_cancelled", len(fs)), nil)
	return true, h.showFollowups(r, fs)
}

// forgetAskOne asks a chat that follows one dossier whether to erase it,
// naming it by its code as its button does: "🗑" and "Không xoá", as in
// the list of several (forgetAsk), the "🗑" naming the case ("one.").
func (h *Handlers) forgetAskOne(r *request, f storage.Followup) (string, bot.Keyboard) {
	data := func(arg string) string {
		return callback{flow: flowFollowup, action: "forget", arg: arg + "." + r.t.Lang()}.String()
	}
	r.about = followupTopic(f.CaseID) // it names the dossier: erasing it takes this back
	shown := forgetCodes(r.t, []storage.Followup{f})[f.CaseID]
	return r.t.T("followup.forget_ask_one", locales.Data{"Code": shown}), bot.Keyboard{
		{{Text: forgetOneLabel(r.t, shown), Data: data("one." + strconv.FormatInt(f.CaseID, 10))}},
		{{Text: r.t.T("followup.forget_keep_button"), Data: data(keepArg([]storage.Followup{f}, r.t.Lang()))}},
	}
}

// forgetOnePress takes "🗑" of forgetAskOne's question about caseID. It
// erases only while the question is live: the dossier still the chat's
// one, no screen of it sent below the question since (/cancel's, /start's,
// a reminder that came: a card on a newer message; a message not sent yet
// leaves it live, and a press that edits an older card takes its buttons
// off, as any newer copy's: followupPress). Pressed once the
// follow-up is gone (a second tap, the web page's erase) or out of date,
// it says so and the question loses its buttons; the message keeps its
// text (after a second tap, the goodbye).
func (h *Handlers) forgetOnePress(r *request, caseID int64, listLang string) error {
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(fs, func(f storage.Followup) bool { return f.CaseID == caseID })
	unbutton := func() {
		if id := r.liveMessage(); id != 0 {
			r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: id})
		}
	}
	switch {
	case i < 0 && len(fs) == 0:
		r.answer(r.t.T("followup.forget_already"))
		unbutton()
		return nil
	case i < 0:
		r.answer(r.t.T("followup.gone"))
		unbutton()
		return nil
	case len(fs) > 1:
		// Another link was opened since: which, as /forget asks now.
		r.answer(r.t.T("button.stale"))
		r.show(h.forgetAsk(r, fs))
		r.listShown()
		return h.forgetAsked(r, r.liveMessage())
	}
	if on := fs[i].OnScreen; !on.Valid || int(on.Int32) > r.liveMessage() {
		r.answer(r.t.T("followup.forget_ask_stale"))
		unbutton()
		return nil
	}
	return h.forgetAll(r, r.show, listLang)
}

// forgetAll erases every follow-up of the chat and says so with out;
// listLang is the language of the list pressed, if any (languageForgotten).
func (h *Handlers) forgetAll(r *request, out func(string, bot.Keyboard), listLang string) error {
	if err := h.endFollowupConversation(r); err != nil {
		return err
	}
	// What is erased is said: a comment only where one was kept.
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil {
		return err
	}
	commented := ""
	if slices.ContainsFunc(fs, func(f storage.Followup) bool { return f.Comment.String != "" }) {
		commented = "_comment"
	}
	cases, err := r.tx.ForgetResident(r.ctx, r.chat)
	if err == nil {
		err = withdrawFollowups(r.ctx, r.tx, cases, r.chat)
	}
	if err == nil {
		// The question pressed, if any: its second tap leaves what this
		// one says (forgetPress).
		err = r.tx.ForgottenOn(r.ctx, cases, r.liveMessage(), h.now())
	}
	if err != nil {
		return err
	}
	lang, err := h.languageForgotten(r, listLang)
	if err != nil {
		return err
	}
	switch n := len(cases); {
	case n == 0:
		out(r.t.T("followup.forget_nothing")+lang, nil)
	case n == 1:
		out(r.t.T("followup.forgotten"+commented)+lang, nil)
	default:
		out(r.t.T("followup.forgotten_all"+commented, locales.Data{"Count": n})+lang, nil)
	}
	return nil
}

// languageForgotten is the line said after what /forget erased when the
// chat's chosen language went with it (a guest's row, storage's
// ForgetResident): from the next message on, the bot writes in its
// default language, as to anyone it does not know — the choice is not
// kept, it was erased on purpose —, and the last words in the chosen one
// say so, and how to choose it again. "" when nothing changes.
//
// listLang is the language of /forget's list whose button was pressed ("" for
// /forget typed): a press that comes once the chat's data went (a second
// tap of "Delete all", "Keep them" after it) finds no chosen language, yet
// edits the message that said the line — the list drawn in the chosen
// language says it still, or it would be lost from the chat.
func (h *Handlers) languageForgotten(r *request, listLang string) (string, error) {
	chosen := r.user.Language
	if chosen == "" {
		chosen = listLang
	}
	if chosen == "" || chosen == h.texts.Default() {
		return "", nil
	}
	if _, err := r.tx.User(r.ctx, r.chat); !errors.Is(err, storage.ErrNotFound) {
		return "", err // kept (someone of a team): nil
	}
	return "\n\n" + r.t.T("followup.forgotten_language", locales.Data{
		"Default": h.texts.For(h.texts.Default()).T("lang.name"), "Code": chosen}), nil
}

// forgetAsk lists the chat's follow-ups, each with its button, then "all"
// and "keep them".
func (h *Handlers) forgetAsk(r *request, fs []storage.Followup) (string, bot.Keyboard) {
	// Each button names the list's language: a press that comes after the
	// chat's data went (a second tap of "all", whose first erased the
	// chosen language with the rest) is answered in it (forgetPress).
	data := func(arg string) string {
		return callback{flow: flowFollowup, action: "forget", arg: arg + "." + r.t.Lang()}.String()
	}
	lines := []string{r.t.T("followup.forget_which", locales.Data{"Count": len(fs)})}
	var kb bot.Keyboard
	// The list shows every code: erasing any of them takes it back.
	topics := make([]string, len(fs))
	for i, f := range fs {
		topics[i] = followupTopic(f.CaseID)
	}
	r.about = strings.Join(topics, bot.TopicSep)
	shown := forgetCodes(r.t, fs)
	for _, f := range fs {
		lines = append(lines, "• "+h.followupAbout(r.t, f))
		kb = append(kb, []bot.Button{{Text: forgetOneLabel(r.t, shown[f.CaseID]),
			Data: data(strconv.FormatInt(f.CaseID, 10))}})
	}
	kb = append(kb,
		// "All" names what it lists (how many, the newest case): a link
		// opened since is not erased by a list that did not show it.
		[]bot.Button{{Text: r.t.T("followup.forget_all_button", locales.Data{"Count": len(fs)}),
			Data: data(listed(fs))}},
		[]bot.Button{{Text: r.t.T("followup.forget_keep_button"), Data: data(keepArg(fs, r.t.Lang()))}})
	return strings.Join(lines, "\n"), kb
}

// keepArg is the argument of "Không xoá" under /forget's question about
// fs (oldest first), its buttons in language lang: the cases it shows,
// newest first ("keep.<case>.<case>…"), so that a press on the message
// one of them was erased from — the second tap landing on the next row,
// a change of mind sent before the answer came — leaves what the erase
// said (keepPress). Until review 34 it named none ("keep") and wrote
// "nothing is kept" over the goodbye; until review 35 it named the
// newest only, and wrote "Không xoá gì… như trước" over what the erase of
// another said. The cases that do not fit Telegram's 64 bytes of callback
// data are not named, the oldest first, and ".more" says so: pressed,
// such a list says what is kept (keepPress).
func keepArg(fs []storage.Followup, lang string) string {
	fits := func(arg string) bool {
		return len(callback{flow: flowFollowup, action: "forget", arg: arg + "." + lang}.String()) <= callbackDataMax
	}
	arg := "keep"
	for i := len(fs) - 1; i >= 0; i-- {
		next := arg + "." + strconv.FormatInt(fs[i].CaseID, 10)
		if !fits(next) || i > 0 && !fits(next+keepMore) {
			return arg + keepMore
		}
		arg = next
	}
	return arg
}

// keepMore ends the argument of a "Không xoá" that does not name every
// case its question shows (keepArg).
const keepMore = ".more"

// callbackDataMax is how many bytes of callback data Telegram carries.
const callbackDataMax = 64

// keepPress takes "Không xoá" of /forget's question; kept is what its
// argument names after "keep" (keepArg): "" (a button drawn before review
// 34), or the cases it showed, newest first, each after a ".". On the
// message one of them was erased from (a late tap), what the erase said
// stays: the pop-up says the rest is kept, or, when nothing is left,
// that it is erased already. Else a list of which one is gone (erased on
// its web page since, or from another message), or that did not name
// them all, says how many are still kept — "as before" would be untrue
// of what went —; a list as it stands, that nothing was erased.
func (h *Handlers) keepPress(r *request, kept, listLang string) error {
	named, more := strings.CutSuffix(kept, keepMore)
	var cases []string
	if named != "" {
		cases = strings.Split(named[1:], ".")
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil {
		return err
	}
	for _, c := range cases {
		// Erased from this very message (as forgottenHere tells, whose
		// pop-up, "erased already", is said only when nothing is left).
		id, err := strconv.ParseInt(c, 10, 64)
		if err != nil || r.liveMessage() == 0 {
			break
		}
		from, err := r.tx.ForgottenFrom(r.ctx, id)
		if err != nil {
			return err
		}
		if from != r.liveMessage() {
			continue
		}
		if len(fs) > 0 {
			r.answer(r.t.T("followup.forget_kept_rest"))
		} else {
			r.answer(r.t.T("followup.forget_already"))
		}
		return nil
	}
	if len(fs) == 0 {
		// Pressed after "all" (or the last one) erased them: nothing is
		// followed any more, not "as before". The message it edits may
		// be the goodbye: what it said of the language stays. It may
		// say so already (an edit that changes nothing is not sent):
		// the press is answered all the same.
		r.answer(r.t.T("followup.forget_already"))
		lang, err := h.languageForgotten(r, listLang)
		if err != nil {
			return err
		}
		r.show(r.t.T("followup.forget_nothing")+lang, nil)
		return nil
	}
	gone := more
	for _, c := range cases {
		id, _ := strconv.ParseInt(c, 10, 64)
		gone = gone || !slices.ContainsFunc(fs, func(f storage.Followup) bool { return f.CaseID == id })
	}
	switch {
	case gone:
		r.show(r.t.N("followup.forget_kept_left", len(fs)), nil)
	case len(fs) == 1:
		r.show(r.t.T("followup.forget_kept_one"), nil)
	default:
		r.show(r.t.T("followup.forget_kept"), nil)
	}
	return nil
}

// buttonWidth is how many characters a full-width inline button shows on a
// phone before Telegram cuts the rest with "…" (locales.TestButtonLabelsFit).
const buttonWidth = 36

// forgetOneLabel is the /forget button of one dossier, naming its code as
// shown (forgetCodes). One too long for a phone names the code by its end:
// cut at the end, two codes of one office and day (their last digits
// differ) would read the same.
func forgetOneLabel(t *locales.Localizer, shown string) string {
	return t.T("followup.forget_one_button", locales.Data{"Code": shown})
}

// forgetCodes is how /forget names each of the chat's dossiers fs, by
// case: on its button, in its question, and in what it says once the
// dossier is erased (forgetPress). A code is named as forgetOneCode cuts it
// to fit a button, unless another of fs's codes ends so too — two offices'
// dossiers of one day and number, or, in English, whose button keeps only
// the last digits, two days' —: then by more of its end, from a separator
// on (codeEnd), up to the whole code: cut as for one dossier, such two had
// buttons that read the same, and an erase cannot be undone. Two names
// of one length then differ, and names of two lengths read differently
// too; the part that differs comes first, where a phone shows it. (Two
// dossiers with one code cannot be told apart by it.)
func forgetCodes(t *locales.Localizer, fs []storage.Followup) map[int64]string {
	shown := make(map[int64]string, len(fs))
	for _, f := range fs {
		name := forgetOneCode(t, f.DossierCode)
		if tail, cut := strings.CutPrefix(name, "…"); cut {
			if end, cut := codeEnd(f.DossierCode, utf8.RuneCountInString(tail), fs); cut {
				name = "…" + end
			} else {
				name = f.DossierCode
			}
		}
		shown[f.CaseID] = name
	}
	return shown
}

// codeEnd is the shortest end of code, n characters long or more, that no
// other code among fs ends with: its last n characters, else the end from
// a separator on, else the whole code (cut false).
func codeEnd(code string, n int, fs []storage.Followup) (end string, cut bool) {
	c := []rune(code)
	endsOther := func(n int) bool {
		end := string(c[len(c)-n:])
		return slices.ContainsFunc(fs, func(f storage.Followup) bool {
			return f.DossierCode != code && strings.HasSuffix(f.DossierCode, end)
		})
	}
	if n >= len(c) {
		return code, false
	}
	if !endsOther(n) {
		return string(c[len(c)-n:]), true
	}
	for i := len(c) - n - 1; i > 0; i-- {
		if strings.ContainsRune(codeSeparators, c[i-1]) && !endsOther(len(c)-i) {
			return string(c[i:]), true
		}
	}
	return code, false
}

// codeSeparators part a dossier code's fields: an end of it shown is cut
// after one.
const codeSeparators = ".-/"

// forgetOneCode is code as forgetOneLabel shows it when no other dossier
// of the chat is to be told from it: whole, or by its end.
func forgetOneCode(t *locales.Localizer, code string) string {
	label := t.T("followup.forget_one_button", locales.Data{"Code": code})
	over := utf8.RuneCountInString(label) - buttonWidth
	if over <= 0 {
		return code
	}
	c := []rune(code)
	keep := max(len(c)-over-1, 4) // "…" takes one
	if keep >= len(c) {
		return code
	}
	// Cut after a separator where one leaves a tail that fits: "…251203-0007",
	// not "…26-251203-0007", an office's "H26" cut in two.
	tail := c[len(c)-keep:]
	for i, ch := range tail {
		if strings.ContainsRune(codeSeparators, ch) && i < len(tail)-4 {
			tail = tail[i+1:]
			break
		}
	}
	return "…" + string(tail)
}

// listed is the "all" button's argument for a list of follow-ups: how
// many, and the newest case.
func listed(fs []storage.Followup) string {
	return "all." + strconv.Itoa(len(fs)) + "." + strconv.FormatInt(fs[len(fs)-1].CaseID, 10)
}

// forgetPress takes a button of /forget's question: one follow-up of a
// list (by its case), "all", "keep", or "🗑" of the question about a chat's
// one dossier ("one." and its case: forgetOnePress). What it says once a follow-up is erased names it
// by its procedure and the end of its code its button showed
// (forgottenTail), not the code: nothing of it is to be kept, not even in
// a reply waiting to be sent.
func (h *Handlers) forgetPress(r *request, arg string) error {
	if err := h.forgetAnswered(r); err != nil {
		return err
	}
	var listLang string
	if i := strings.LastIndexByte(arg, '.'); i >= 0 && slices.Contains(locales.Languages, arg[i+1:]) {
		// The list's language (forgetAsk), for a chat that has no
		// chosen language (any more): it edits the list.
		listLang = arg[i+1:]
		if r.user.Language == "" {
			r.t = h.texts.For(listLang)
		}
		arg = arg[:i]
	}
	if kept, ok := strings.CutPrefix(arg, "keep"); ok && (kept == "" || kept[0] == '.') {
		return h.keepPress(r, kept, listLang)
	}
	if one, ok := strings.CutPrefix(arg, "one."); ok {
		id, _ := strconv.ParseInt(one, 10, 64)
		return h.forgetOnePress(r, id, listLang)
	}
	if strings.HasPrefix(arg, "all.") {
		if again, err := h.forgottenHere(r, arg[strings.LastIndexByte(arg, '.')+1:]); err != nil || again {
			// The second tap of a double tap: the first erased what the
			// list showed from this very message, and what it said there
			// stays — until review 33 "dvcbot không giữ…" replaced it, the
			// words that said what went lost. The pop-up says it.
			return err
		}
		fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
		if err != nil {
			return err
		}
		if len(fs) > 1 && listed(fs) != arg {
			// Another link was opened since the list was drawn: the list
			// again, as it stands.
			r.answer(r.t.T("button.stale"))
			r.show(h.forgetAsk(r, fs))
			return h.forgetAsked(r, r.liveMessage())
		}
		return h.forgetAll(r, r.show, listLang)
	}
	id, _ := strconv.ParseInt(arg, 10, 64)
	f, err := r.tx.FollowupOfCase(r.ctx, id)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && f.ResidentChat.Int64 != r.chat) {
		// Erased since the list was drawn (on the web page, or a double
		// tap): said, and the list again with what is left, not a screen
		// without the others' buttons.
		if again, err := h.forgottenHere(r, arg); err != nil || again {
			// Erased from this very message: the second tap of a double
			// tap. What the first tap said stays — until review 32 it gave
			// way to "không còn" and the list again; until review 33 when
			// the second tap left the phone before the first's edit
			// reached Telegram, the update carrying the list with its
			// buttons. The pop-up says it.
			return err
		}
		r.answer(r.t.T("followup.gone"))
		fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
		if err != nil {
			return err
		}
		switch len(fs) {
		case 0:
			lang, err := h.languageForgotten(r, listLang) // as "keep" after the erase
			if err != nil {
				return err
			}
			r.show(r.t.T("followup.gone")+lang, nil)
		case 1:
			r.show(r.t.T("followup.gone")+"\n\n"+r.t.T("followup.forget_hint"), nil)
		default:
			text, kb := h.forgetAsk(r, fs)
			r.show(r.t.T("followup.gone")+"\n\n"+text, kb)
			return h.forgetAsked(r, r.liveMessage())
		}
		return nil
	}
	if err != nil {
		return err
	}
	// Named as its button named it, told from the chat's others, before
	// they are read no more.
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil {
		return err
	}
	tail := forgottenTail(r.t, f, fs)
	others, err := r.tx.ForgetChatFollowup(r.ctx, r.chat, f.CaseID)
	if err == nil {
		err = withdrawFollowups(r.ctx, r.tx, []int64{f.CaseID}, r.chat)
	}
	if err == nil {
		err = r.tx.ForgottenOn(r.ctx, []int64{f.CaseID}, r.liveMessage(), h.now())
	}
	if err != nil {
		return err
	}
	title := f.GuideID
	if g, ok := h.guides.Guide(f.GuideID); ok {
		title = g.Title.In(r.t.Lang())
	}
	forgotten := "followup.forgotten_one"
	if f.Comment.String != "" {
		forgotten += "_comment" // a comment only where one was kept
	}
	text := r.t.T(forgotten, locales.Data{"Guide": title, "Tail": tail})
	if others > 0 {
		text += "\n" + r.t.N("followup.forget_others", others)
	} else {
		lang, err := h.languageForgotten(r, listLang) // the last one: the chat went with it
		if err != nil {
			return err
		}
		text += lang
	}
	r.show(text, nil)
	return nil
}

// forgottenTail is the end of f's code that forgetPress names it by once
// erased, f being one of the chat's dossiers fs: the end its button showed
// (forgetCodes), the same that tells it from the others; for a code the
// button showed whole (a short one), its end from its last 4 characters on,
// as long as it must be to tell it from the others — the erased code is
// not written whole again where a part of it tells which it was.
func forgottenTail(t *locales.Localizer, f storage.Followup, fs []storage.Followup) string {
	if !slices.ContainsFunc(fs, func(o storage.Followup) bool { return o.CaseID == f.CaseID }) {
		fs = append(fs, f)
	}
	if tail, cut := strings.CutPrefix(forgetCodes(t, fs)[f.CaseID], "…"); cut {
		return tail
	}
	end, _ := codeEnd(f.DossierCode, 4, fs)
	return end
}

// forgottenHere reports whether the follow-up of case (a case number, as
// /forget's buttons carry it) was erased from the message pressed, by a
// press of /forget's question there (storage.Tx.ForgottenOn): this press
// is the second tap of a double tap, whatever buttons the update says the
// message has (the first's edit may not have reached Telegram yet). It is
// answered by a pop-up, "erased already", and the message left as the
// first tap drew it. A follow-up erased elsewhere (its web page) while the
// question was on screen is not: that press is told so on the message.
func (h *Handlers) forgottenHere(r *request, caseArg string) (bool, error) {
	id, err := strconv.ParseInt(caseArg, 10, 64)
	msg := r.liveMessage()
	if err != nil || msg == 0 {
		return false, nil
	}
	from, err := r.tx.ForgottenFrom(r.ctx, id)
	if err != nil || from != msg {
		return false, err
	}
	r.answer(r.t.T("followup.forget_already"))
	return true, nil
}

// Reminders. A reminder job (the lead's, on River) finds what is due with
// storage.DueReminders, and for each one, in one transaction: calls
// tx.ReminderSent(ctx, rm.CaseID, rm.N, now) and, only when it reports
// true, sends Handlers.ReminderMessage(rm). The three buttons come back as
// presses to followupPress ("got", "not", "prob").

// askAgainDays is how many working days after "not yet" the resident is
// asked again; checkInDays, how many after the case a resident whose
// dossier has no due date (its guide gives no working-day count) is first
// asked whether the result came — the question they agreed to says so.
const (
	askAgainDays = 3
	checkInDays  = 5
)

// ReminderMessage is the reminder a job sends to a resident: in their
// language, the procedure, the code and the question, with three buttons
// (received / not yet / a problem).
func (h *Handlers) ReminderMessage(rm storage.Reminder) bot.Message {
	t := h.texts.For(rm.Language)
	title := rm.GuideID
	if g, ok := h.guides.Guide(rm.GuideID); ok {
		title = g.Title.In(t.Lang())
	}
	id := strconv.FormatInt(rm.CaseID, 10)
	data := func(action string) string { return callback{flow: flowFollowup, action: action, arg: id}.String() }
	// Asked after the due date, which it names (an estimate or not: the
	// slip said "dự kiến" for both); "Chưa" then means the result is late.
	question := t.T("followup.reminder_no_date") // asked after checkInDays: nothing is "due"
	if rm.DueOn.Valid {
		question = t.T("followup.reminder", locales.Data{"Due": t.Date(rm.DueOn.Time)})
	}
	// Named as every follow-up screen names its dossier, on a line of its
	// own: a title holds brackets of its own.
	return bot.Message{ChatID: rm.Chat,
		Text: t.T("followup.about", locales.Data{"Code": rm.DossierCode, "Guide": title}) + "\n\n" + question,
		Keyboard: bot.Keyboard{
			{{Text: t.T("followup.reminder_got"), Data: data("got")}},
			{{Text: t.T("followup.reminder_not"), Data: data("not")}},
			{{Text: t.T("followup.reminder_problem"), Data: data("prob")}},
		}}
}

// reminderAnswer takes a press on a reminder's buttons.
func (h *Handlers) reminderAnswer(r *request, f storage.Followup, action string) error {
	now := h.now()
	var text string
	var kb bot.Keyboard
	switch action {
	case "got":
		// Asked first, on the same message: it stops the reminders and
		// the problem report, and "⚠ Có vướng mắc" is two buttons below —
		// a mis-tap costs nothing. (An undo would need the follow-up as
		// it was, which nothing keeps.)
		if f.Status == storage.FollowupReceived {
			return h.alreadyNoted(r, f, action)
		}
		h.showAbout(r, f, receivedAsk(r.t, f), receivedKeyboard(r, f))
		return h.askedReceived(r, f.CaseID, r.liveMessage())
	case "gotback":
		// Not received after all: the screen as it was, nothing recorded
		// (a reminder awaiting its answer shows its question again).
		text, kb := h.followupNext(r, f)
		h.showAbout(r, f, text, kb)
		return nil
	case "gotyes":
		ok, err := r.tx.Received(r.ctx, f.CaseID, now)
		if err != nil {
			return err
		}
		// "No more reminders" only to whom they went.
		reminded := f.Reminds()
		if !ok {
			// Noted already (the result is "received" whatever else it
			// stood at): a second tap, or an older copy of the question
			// tapped late. Answered so, and the message drawn as the first
			// tap drew it — its thanks stay in the chat, where /start's
			// screen would take them away.
			r.answer(r.t.T("followup.noted_already"))
			reminded = remindedWhenNoted(r, f)
		}
		text = r.t.T("followup.received_no_reminders")
		if reminded {
			text = r.t.T("followup.received")
		}
		f.Status = storage.FollowupReceived
		if !f.Rating.Valid {
			next, kb := h.followupNext(r, f)
			h.showAbout(r, f, text+"\n\n"+next, kb)
			return nil
		}
	case "not":
		next, known := workdays.Default().AddWorkingDays(now, askAgainDays)
		ok, again, err := r.tx.NotYet(r.ctx, f.CaseID, next, now, vietnam)
		if err != nil {
			return err
		}
		if !ok {
			// Said already (a second tap, an older copy of the question):
			// answered as noted, and the message says what the first tap
			// said — the day asked again, or that no reminder comes —,
			// which /start's screen would take away.
			switch {
			case f.Reminds() && f.RemindersSent > 0 && f.NextReminderOn.Valid:
				next, known = askDay(f.NextReminderOn.Time)
				again = true
			case f.Status == storage.FollowupEnded: // only the last "Chưa" ends it
				again = false
			default:
				return h.alreadyNoted(r, f, action)
			}
			r.answer(r.t.T("followup.noted_already"))
		}
		if again && !f.Consent.Bool {
			// The reminders were stopped while this question stood open
			// (review 30): "Chưa" is recorded, and no question promised.
			text = r.t.T("followup.status_no_reminders")
		} else if again {
			date := r.t.Date(next)
			if !known { // counted over days off not announced yet (Tết of 2027)
				date += " " + r.t.T("followup.estimate")
			}
			text = r.t.T("followup.ask_again", locales.Data{"Date": date})
			// Where a resident tired of being asked is: the reminders can
			// be stopped here (review 30). One row, not where "Chưa" was:
			// a second tap of it lands on nothing.
			if b, ok := stopButton(r, f); ok {
				kb = bot.Keyboard{{b}}
			}
		} else {
			// Said on the reminder's message, which names the dossier only:
			// how to check it goes with it.
			text = r.t.T("followup.no_more_reminders")
			if g, ok := h.guides.Guide(f.GuideID); ok && g.Tracking.In(r.t.Lang()) != "" {
				text += "\n" + r.t.T("followup.tracking", locales.Data{"Tracking": g.Tracking.In(r.t.Lang())})
			}
		}
	case "prob":
		ok, err := r.tx.Problem(r.ctx, f.CaseID, now)
		if err != nil {
			return err
		}
		var volunteer bool
		var coordinators int
		switch {
		case ok:
			volunteer, coordinators, err = h.tellProblem(r, f)
		case f.Status == storage.FollowupProblem:
			// Reported already (a second tap, an older copy, the web
			// page): nobody is told again. Answered as noted, and the
			// message says who was told, as the first report said it.
			r.answer(r.t.T("followup.noted_already"))
			_, volunteer, coordinators, err = h.problemNotices(r.ctx, r.tx, f)
		default:
			return h.alreadyNoted(r, f, action)
		}
		if err != nil {
			return err
		}
		// Who was told, as it is: the commune may have no coordinator on
		// the bot, the volunteer may have left the team, or both.
		switch {
		case volunteer && coordinators > 0:
			text = r.t.T("followup.problem_sent")
		case volunteer:
			text = r.t.T("followup.problem_sent_volunteer")
		case coordinators > 0:
			text = r.t.T("followup.problem_sent_coordinator")
		default:
			text = r.t.T("followup.problem_nobody")
		}
	}
	h.showAbout(r, f, text, kb)
	return nil
}

// remindedWhenNoted tells whether the first tap of "✓ Đúng" on f, whose
// result is noted already, said the reminders stop (they went to the chat
// then): the follow-up ended no longer says it. The pressed message does —
// the question it answered, asked as the first tap answered it, or the
// thanks that tap drew —; else the reminders were agreed to.
func remindedWhenNoted(r *request, f storage.Followup) bool {
	if m := r.cb.Message.Message; m != nil {
		// "received" holds "received_no_reminders": read first.
		for _, line := range []struct {
			key      string
			reminded bool
		}{{"followup.received", true}, {"followup.received_no_reminders", false},
			{"followup.received_ask", true}, {"followup.received_ask_no_reminders", false}} {
			if strings.Contains(m.Text, r.t.T(line.key)) {
				return line.reminded
			}
		}
	}
	return f.Consent.Valid && f.Consent.Bool
}

// receivedAsk is the question before "received" is recorded, saying what
// confirming ends: the reminders only for a resident they go to (not to
// one who declined them, or whose reminders ended), the problem report
// for all.
func receivedAsk(t *locales.Localizer, f storage.Followup) string {
	if f.Reminds() {
		return t.T("followup.received_ask")
	}
	return t.T("followup.received_ask_no_reminders")
}

// receivedKeyboard is the answer to the question before "received" is
// recorded: back with nothing recorded (gotback), or yes (gotyes). Back
// comes first, where "✓ Đã nhận" was on the reminder: a second tap that
// lands after the question replaced the reminder's buttons goes back,
// and does not confirm what the question asks first (until review 28
// "yes" sat there).
func receivedKeyboard(r *request, f storage.Followup) bot.Keyboard {
	id := strconv.FormatInt(f.CaseID, 10)
	data := func(action string) string { return callback{flow: flowFollowup, action: action, arg: id}.String() }
	return bot.Keyboard{
		{{Text: r.t.T("followup.received_back"), Data: data("gotback")}},
		{{Text: r.t.T("followup.received_yes"), Data: data("gotyes")}},
	}
}

// typedReceived answers a resident's "đã nhận rồi" / "received" typed
// outside any question (saysReceived): before the first reminder no button
// says so, and after one the reminder may be far up the chat. Each of the
// chat's dossiers whose result is not noted gets the question "✓ Đã nhận"
// asks, naming it, in a message of its own (a daughter following her
// mother's and her father's confirms the one that came); a chat whose
// results are all noted is told so, its follow-ups shown as /start shows
// them. false when the text does not say it, or the chat follows nothing.
func (h *Handlers) typedReceived(r *request) (bool, error) {
	if r.member() || !saysReceived(r.text) {
		return false, nil
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil || len(fs) == 0 {
		return false, err
	}
	awaited := awaitedFollowups(fs)
	if len(awaited) == 0 {
		r.say(r.t.T("followup.typed_received_noted"), nil)
		return true, h.showFollowups(r, fs)
	}
	// Each awaited dossier is asked about, the dossier on screen (onScreen)
	// no more than the others: a result comes days after the card the
	// resident was shown last (the link opened at the counter), and may well
	// be the other dossier's; asking only about that card's would hide the
	// other's question, where asking each records nothing until its
	// "Đúng, đã nhận".
	return true, h.askReceived(r, awaited)
}

// awaitedFollowups are those of fs whose result is not noted.
func awaitedFollowups(fs []storage.Followup) []storage.Followup {
	var awaited []storage.Followup
	for _, f := range fs {
		if f.Status != storage.FollowupReceived {
			awaited = append(awaited, f)
		}
	}
	return awaited
}

// askReceived asks what "✓ Đã nhận" asks about each of awaited, naming it,
// in a message of its own, after a line that says why when there are
// several.
// Each is open until answered, and /cancel closes it (askedReceived).
func (h *Handlers) askReceived(r *request, awaited []storage.Followup) error {
	if len(awaited) > 1 {
		r.say(r.t.T("followup.typed_received_which", locales.Data{"Count": len(awaited)}), nil)
	}
	for _, f := range awaited {
		r.replies = append(r.replies, bot.About{Topic: followupTopic(f.CaseID), Reply: bot.Message{ChatID: r.chat,
			Text: h.followupAbout(r.t, f) + "\n\n" + receivedAsk(r.t, f), Keyboard: receivedKeyboard(r, f),
			Track: questionTrack + strconv.FormatInt(f.CaseID, 10)}})
		if err := h.askedReceived(r, f.CaseID, 0); err != nil {
			return err
		}
		r.cardShown(f.CaseID)
	}
	r.cardsShown(awaited)
	return nil
}

// alreadyNoted answers a reminder button whose answer was already taken (a
// second tap that left the phone before the first one's edit arrived): the
// follow-up drawn as /start shows it, so the stars the first tap offered
// stay under the message. Another answer that ended the follow-up (the
// result came, said on a newer message or on the web page) is not this
// one: it is said not to be recorded, the screen says where the dossier
// stands first and, for a problem, where to get help — nobody was told.
func (h *Handlers) alreadyNoted(r *request, f storage.Followup, action string) error {
	text, kb := h.followupNext(r, f)
	same := map[string]bool{"got": f.Status == storage.FollowupReceived, "prob": f.Status == storage.FollowupProblem,
		"not": f.Status == storage.FollowupWaiting || f.Status == storage.FollowupEnded}
	if same[action] {
		r.answer(r.t.T("followup.noted_already"))
		h.showAbout(r, f, text, kb)
		return nil
	}
	r.answer(r.t.T("followup.answered_before"))
	var first []string
	if status := h.statusLine(r, f); !strings.Contains(text, status) {
		first = append(first, status)
	}
	if action == "prob" {
		first = append(first, r.t.T("followup.problem_after_end"))
	}
	if len(first) > 0 {
		text = strings.Join(first, "\n") + "\n\n" + text
	}
	h.showAbout(r, f, text, kb)
	return nil
}

// tellProblem tells the volunteer who helped and their coordinators, each
// in their language, that a resident has a problem with a case: its number
// and procedure (not the dossier code), so someone can help. It says
// whether the volunteer was told, and how many coordinators were.
func (h *Handlers) tellProblem(r *request, f storage.Followup) (volunteer bool, coordinators int, err error) {
	notices, volunteer, coordinators, err := h.problemNotices(r.ctx, r.tx, f)
	for _, m := range notices {
		r.replies = append(r.replies, m)
	}
	return volunteer, coordinators, err
}

// problemFromPage tells the volunteer and the coordinators of a problem
// the follow-up's web page reported (storage.WhenProblem), as the
// reminder's button does: the notices go into the outbox with the page's
// transaction.
func (h *Handlers) problemFromPage(ctx context.Context, tx *storage.Tx, f storage.Followup) error {
	notices, _, _, err := h.problemNotices(ctx, tx, f)
	for _, m := range notices {
		if err == nil {
			err = bot.Enqueue(ctx, tx.SQL(), m)
		}
	}
	return err
}

// problemNotices are the messages that tell of a problem with f's case.
func (h *Handlers) problemNotices(ctx context.Context, tx *storage.Tx, f storage.Followup) (notices []bot.Message, volunteer bool, coordinators int, err error) {
	contacts, err := tx.ProblemContacts(ctx, f.CaseID)
	if err != nil {
		return nil, false, 0, err
	}
	// An administrator who helped is kept with no role of a team (they
	// come from the configuration), which ProblemContacts takes for a
	// member who left: they are told too.
	if h.admins[f.VolunteerID] && (len(contacts) == 0 || contacts[0].ID != f.VolunteerID) {
		u, err := tx.User(ctx, f.VolunteerID)
		if err != nil && !errors.Is(err, storage.ErrNotFound) {
			return nil, false, 0, err
		}
		contacts = append([]storage.Contact{{ID: f.VolunteerID, Language: u.Language}}, contacts...)
	}
	g, _ := h.guides.Guide(f.GuideID)
	for i, c := range contacts {
		t := h.texts.For(c.Language)
		title := f.GuideID
		if g != nil {
			title = g.Title.In(t.Lang())
		}
		key := "followup.problem_coordinator"
		if i == 0 && c.ID == f.VolunteerID {
			key, volunteer = "followup.problem_volunteer", true
		} else {
			coordinators++
		}
		notices = append(notices, bot.Message{ChatID: c.ID, Text: t.T(key, locales.Data{"Case": f.CaseID, "Guide": title})})
	}
	return notices, volunteer, coordinators, nil
}

// dueDate is when a dossier submitted at `at` should have its result,
// after days working days (weekends, holidays and the swapped Saturdays of
// the workdays calendar); known is false outside the calendar's years: the
// date is then shown "(có thể thay đổi)".
func dueDate(at time.Time, days int) (due time.Time, known bool) {
	return workdays.Default().Due(at, days)
}

// RedateEstimates counts again, with the calendar as it is now, the due
// dates that were estimates (counted over a year whose days off were not
// announced: Tết 2027) of the dossiers not asked about yet, and says how
// many changed. Run at start: the calendar (workdays/holidays.yaml) changes
// with a deploy, and once a year's schedule is announced, a date the
// resident was told "có thể thay đổi" becomes the announced one — the
// first question moving with it — instead of keeping the old estimate and
// its mark for good. What "có thể thay đổi" says may move it is the
// calendar: the working days are those the date was counted with when the
// code was kept (the guide's then), not the guide's of today — a guide
// updated since (its result promised in 5 working days, not 3) does not
// move a date told already. A follow-up kept before they were stored
// (migration 00025) is counted with its guide's, as before.
func (h *Handlers) RedateEstimates(ctx context.Context) (int, error) {
	n := 0
	err := h.store.InTx(ctx, func(tx *storage.Tx) error {
		es, err := tx.Estimates(ctx)
		if err != nil {
			return err
		}
		for _, e := range es {
			days := int(e.Days.Int16)
			if !e.Days.Valid {
				g, _ := h.guides.Guide(e.GuideID)
				days = guideDays(g)
			}
			if days == 0 { // no count to count with: the date stays
				continue
			}
			due, known := dueDate(e.Received, days)
			if !known && due.Format(time.DateOnly) == e.DueOn.Format(time.DateOnly) {
				continue
			}
			ok, err := tx.RedateEstimate(ctx, e.CaseID, e.DueOn, due, known)
			if err != nil {
				return err
			}
			if ok {
				n++
			}
		}
		return nil
	})
	return n, err
}

// addWorkingDaysFrom is the day n working days after from (Vietnam time).
func addWorkingDaysFrom(from time.Time, n int) time.Time {
	d, _ := workdays.Default().AddWorkingDays(from, n)
	return d
}

// guideDays is the guide's working-day count to its result (0: none).
func guideDays(g *guides.Guide) int {
	if g == nil {
		return 0
	}
	return g.ProcessingDays
}
