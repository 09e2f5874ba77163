package web

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
)

// view is what the templates draw. Plain labels come from the localizer
// in the template ({{.L.T "web.code"}}); texts with values are made here.
type view struct {
	L     *locales.Localizer
	Other string // the other language's code
	// OtherURL is this page in the other language.
	OtherURL string
	CSS      template.CSS
	// DocTitle is the <title>: what the page's <h1> says, the site's
	// name, and first whether a form was refused or taken (render sets
	// it). TalkBack reads it as the page opens.
	DocTitle string

	// The page.
	Procedure string
	Code      string
	// CodeCorrected: the volunteer replaced the code after the slip was
	// given; the page says this one is the one to use.
	CodeCorrected bool
	Due           string // the date, or a sentence when unknown
	DueEstimate   bool   // "dự kiến": the date is an estimate
	Tracking      string
	// Unconfirmed, when no source confirmed how to track, says where to
	// look: on the portal, or in the app the procedure was done in.
	Unconfirmed string
	PortalName  string
	PortalURL   string
	Status      string
	// Late, past the expected date with the result not come: what to do.
	Late       string
	CanReceive bool
	// Reminds: reminders go to the resident's Telegram (the "received"
	// question says confirming stops them; to anyone else it does not).
	Reminds     bool
	CanProblem  bool   // while the result is awaited: report a problem
	Rated       string // "this dossier has been rated 4/5", when rated
	Notice      string // after a post
	NotTaken    bool   // the Notice says the post changed nothing
	RateAction  string
	RecvAction  string
	ProbAction  string
	ForgetURL   string // the confirmation before erasing
	TelegramURL string // the bot's deep link, while the reminders can still be had there
	FormToken   string
	Form        form
	Stars       []star
	MaxComment  int

	// The confirmation before erasing: its form, the code's note (where
	// the code is looked up: on the portal, or in the app the procedure
	// was done in), and the way back (also a refused form's, to the page).
	ForgetAction string
	CodeNote     string
	BackURL      string

	// A message page (404, 429, 403, 500; erased), and a second
	// paragraph when it has one.
	Title, Text string
	Note        string
}

// form is the rating form as the resident left it.
type form struct {
	Rating  int
	Comment string
	Error   string
	// Field is the field in error, "rating" or "comment": it is marked
	// invalid, described by the error and focused when the page opens.
	Field string
}

// star is a choice of the rating: its number, drawn "4 ★", and its name
// in words, which a screen reader reads instead ("4 sao").
type star struct {
	N    int
	Name string
}

func (h *Handler) baseView(q *request) *view {
	other := "en"
	if q.t.Lang() == "en" {
		other = "vi"
	}
	link := "?" + url.Values{"lang": {other}}.Encode()
	if tokenShape.MatchString(q.token) {
		link = pageLink(q.r, q.token) + link
	}
	return &view{L: q.t, Other: other, OtherURL: link, CSS: h.css}
}

func (h *Handler) pageView(q *request, p FollowupPage) *view {
	t := q.t
	v := h.baseView(q)
	v.Code, v.CodeCorrected, v.Reminds = p.DossierCode, p.CodeCorrected, p.Reminds
	v.Procedure = t.T("web.procedure_unknown")
	channel := guides.ChannelWeb
	if g, ok := h.guides.Guide(p.GuideID); ok {
		channel = g.Channel()
		v.Procedure = g.Title.In(t.Lang())
		v.Tracking = g.Tracking.In(t.Lang())
		if _, doubt := g.Unconfirmed["tracking"]; doubt {
			v.Unconfirmed = t.T(channelKey("web.tracking_unconfirmed", channel))
		}
		v.PortalName = g.Portal.Name.In(t.Lang())
		v.PortalURL = g.Portal.URL
	}
	v.CodeNote = t.T(channelKey("web.forget_note_code", channel))
	switch {
	case p.DueOn.IsZero():
		v.Due = t.T("web.due_unknown")
	default:
		v.Due = t.Date(p.DueOn)
		v.DueEstimate = !p.DueKnown
	}
	// Past the expected date (the result may come any time on the day
	// itself), in Vietnam, where the date is a day.
	late := !p.DueOn.IsZero() && h.now().In(p.DueOn.Location()).Format(time.DateOnly) > p.DueOn.Format(time.DateOnly)
	switch p.Status {
	case FollowupReceived:
		v.Status = t.T("web.status_received")
	case FollowupProblem:
		v.Status = t.T("web.status_problem")
		v.CanReceive = true
	case FollowupEnded: // reminders stopped, but the result may still come, or not
		v.Status = t.T("web.status_ended")
		v.CanReceive, v.CanProblem = true, true
	case FollowupWaiting:
		v.Status = t.T("web.status_waiting")
		if late {
			v.Status = t.T("web.status_late")
		}
		v.CanReceive, v.CanProblem = true, true
	default:
		v.Status = t.T("web.status_waiting")
		v.CanReceive = true
	}
	if late && v.CanReceive && p.Status != FollowupProblem {
		v.Late = t.T("web.late_hint")
	}
	if h.telegram != nil && p.Status == FollowupWaiting && !p.InTelegram {
		// Someone who has only the page (its link sent by Zalo or SMS,
		// or the slip's QR code scanned) may still want the reminders.
		v.TelegramURL = h.telegram(p.Token)
	}
	if p.Rating > 0 {
		v.Rated = t.T("web.rated_already", locales.Data{"Rating": p.Rating})
	}
	base := pageLink(q.r, q.token)
	v.RateAction, v.RecvAction, v.ProbAction = base+"/rate", base+"/received", base+"/problem"
	v.ForgetURL = base + "/forget?" + url.Values{"lang": {t.Lang()}}.Encode()
	v.FormToken = h.formToken(q.token)
	v.Form = form{Rating: p.Rating, Comment: p.Comment} // rated again, the comment kept is edited, not lost
	v.Stars = nil
	for n := 1; n <= 5; n++ {
		v.Stars = append(v.Stars, star{N: n, Name: t.T("web.star_" + strconv.Itoa(n))})
	}
	v.MaxComment = MaxComment
	return v
}

// channelKey is the text key of a sentence that names where the
// procedure was done: key itself for a web portal, key_<channel> for an
// app (VNeID, another).
func channelKey(key, channel string) string {
	if channel == guides.ChannelWeb {
		return key
	}
	return key + "_" + channel
}

// message draws a page of a title and a sentence: link expired, too many
// tries, a refused form, a failure.
func (h *Handler) message(q *request, status int, title, text string, data locales.Data) {
	v := h.baseView(q)
	v.Title, v.Text = q.t.T(title), q.t.T(text, data)
	h.render(q, status, "message", v)
}

// docTitle is the <title> of the page that template name draws.
func (v *view) docTitle(name string) string {
	t := v.L
	heading := v.Title // a message's
	switch name {
	case "page":
		heading = v.Procedure
	case "forget":
		heading = t.T("web.forget_title")
	case "received":
		heading = t.T("web.received_confirm_title")
	case "problem":
		heading = t.T("web.problem_confirm_title")
	}
	title := heading + " – " + t.T("web.title")
	switch {
	case v.Form.Error != "":
		return t.T("web.title_error") + ": " + title
	case v.Notice != "" && !v.NotTaken:
		return t.T("web.title_done") + ": " + title
	}
	return title
}

func (h *Handler) render(q *request, status int, name string, v *view) {
	v.DocTitle = v.docTitle(name)
	var b bytes.Buffer
	if err := h.tmpl.ExecuteTemplate(&b, name, v); err != nil {
		h.log.Error("web: template", "template", name, "err", err)
		http.Error(q.w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	q.w.Header().Set("Content-Type", "text/html; charset=utf-8")
	q.w.WriteHeader(status)
	q.w.Write(b.Bytes())
}
