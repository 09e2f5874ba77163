package guides

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/dvcbot/dvcbot/vntext"
)

// Limits that keep every screen within Telegram's (4,096 characters a
// message) and readable on a phone; buttons show titles and labels.
const (
	maxGuideTitle = 80
	maxStepTitle  = 60
	maxLabel      = 40
	maxStepText   = 1200
	maxTip        = 400
	maxFix        = 800
	maxItem       = 200
	maxInfo       = 400 // description, fee, processing, tracking
	maxShort      = 60  // fee_short: one line on a phone
	maxSteps      = 20
	maxErrors     = 6
	maxItems      = 12
)

var (
	guideID  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,23}$`)
	partID   = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,15}$`)
	tthcCode = regexp.MustCompile(`^[0-9]\.[0-9]{6}$`)
	lineMsg  = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	srcDate  = regexp.MustCompile(`^\d{4}(?:-\d{2}(?:-\d{2})?)?$`)
)

// wording is phrasing a native reader asked to change, and one name for
// one thing on every screen.
var wording = []struct {
	bad *regexp.Regexp
	say string
}{
	{regexp.MustCompile(`chỉ chỉ`), `"chỉ chỉ": write "chỉ cần chỉ ô để nhập"`},
	{regexp.MustCompile(`(?i)mức [12]\b`), `write "mức độ 1/2", as on every other screen`},
}

// reviewerMarkers are the words of a reviewer's doubt, folded. They belong
// in the YAML's metadata (`unconfirmed`, `notes`), never in what a volunteer
// reads beside a resident: the checker refuses them in user text.
var reviewerMarkers = []string{
	"chua kiem chung", "chua xac minh", "chua duoc xac nhan", "theo bao chi", "bao chi nam", "huong dan cu",
	"unverified", "unconfirmed", "not verified", "not confirmed", "press report", "press reports",
	"older guide", "older guides",
}

// parse decodes and validates one file. The guide is nil when the file could
// not be decoded at all. The guide's style findings (Catalog.Review) are
// kept on it.
func parse(file string, data []byte) (*Guide, Errors) {
	data = []byte(vntext.NFC(string(data)))
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlErrors(file, err)
	}
	var g Guide
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&g); err != nil {
		return nil, yamlErrors(file, err)
	}
	g.file, g.root = file, &root
	v := &validator{file: file, root: &root}
	v.guide(&g)
	g.style = v.style
	return &g, v.errs
}

// yamlErrors turns the YAML library's "line N: …" messages into Errors.
func yamlErrors(file string, err error) Errors {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	var out Errors
	for _, m := range msgs {
		// The library quotes a value cut after a few bytes, maybe in the
		// middle of a Vietnamese letter: drop the broken bytes.
		m = strings.ToValidUTF8(m, "")
		e := Error{File: file, Msg: strings.TrimPrefix(m, "yaml: ")}
		if sm := lineMsg.FindStringSubmatch(m); sm != nil {
			e.Line, _ = strconv.Atoi(sm[1])
			e.Msg = sm[2]
		}
		out = append(out, e)
	}
	return out
}

// validator collects problems, each placed at the line of the YAML node its
// path leads to (or of the nearest parent that exists, for a missing field).
type validator struct {
	file  string
	root  *yaml.Node
	errs  Errors // the file cannot be used
	style Errors // the file can be used, but `guides check` refuses it
}

func (v *validator) errorf(at []any, format string, args ...any) {
	v.errs = append(v.errs, Error{File: v.file, Line: lineOf(v.root, at), Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) stylef(at []any, format string, args ...any) {
	v.style = append(v.style, Error{File: v.file, Line: lineOf(v.root, at), Msg: fmt.Sprintf(format, args...)})
}

// lineOf walks path (map keys and sequence indexes) from the document root.
func lineOf(n *yaml.Node, p []any) int {
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := n.Line
	for _, step := range p {
		var next *yaml.Node
		switch k := step.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == k {
						next = n.Content[i+1]
						line = n.Content[i].Line
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && k < len(n.Content) {
				next = n.Content[k]
				line = next.Line
			}
		}
		if next == nil {
			return line
		}
		n = next
	}
	return line
}

func at(p []any, more ...any) []any { return append(append([]any{}, p...), more...) }

func (v *validator) guide(g *Guide) {
	if !guideID.MatchString(g.ID) {
		v.errorf([]any{"id"}, "id %q: want 2–24 characters of a-z, 0-9 and -", g.ID)
	} else if want := g.ID + ".yaml"; path.Base(v.file) != want {
		v.errorf([]any{"id"}, "id %q: the file must be named %s", g.ID, want)
	}
	if g.TTHC != "" && !tthcCode.MatchString(g.TTHC) {
		v.errorf([]any{"tthc"}, "tthc %q: want a procedure code like 1.001193", g.TTHC)
	}
	if !slices.Contains(Kinds, g.Kind) {
		v.errorf([]any{"kind"}, "kind %q: want one of %s", g.Kind, strings.Join(Kinds, ", "))
	}
	seenKPI := map[string]bool{}
	for i, k := range g.Counts {
		switch {
		case !slices.Contains(KPIs, k):
			v.errorf([]any{"counts", i}, "counts: unknown KPI %q: want some of %s", k, strings.Join(KPIs, ", "))
		case seenKPI[k]:
			v.errorf([]any{"counts", i}, "counts: %q is listed twice", k)
		}
		seenKPI[k] = true
	}
	v.text([]any{"title"}, g.Title, maxGuideTitle, true)
	v.text([]any{"description"}, g.Description, maxInfo, true)
	if len(g.Aliases) == 0 {
		v.errorf([]any{"aliases"}, "aliases: give the words volunteers type for this procedure")
	}
	for i, a := range g.Aliases {
		if vntext.Fold(a) == "" {
			v.errorf([]any{"aliases", i}, "alias %d is empty", i+1)
		}
	}
	if !slices.Contains(Categories, g.Category) {
		v.errorf([]any{"category"}, "category %q: want one of %s", g.Category, strings.Join(Categories, ", "))
	}
	v.text([]any{"offline_help"}, g.OfflineHelp, maxInfo, false)
	if g.Essential && (g.OfflineHelp.Vi == "" || g.OfflineHelp.En == "") {
		v.stylef([]any{"essential"}, "offline_help: an essential service says whether it is online only and what the centre does for a resident who cannot do it online (vi and en)")
	}
	v.text([]any{"portal", "name"}, g.Portal.Name, maxGuideTitle, true)
	v.url([]any{"portal", "url"}, g.Portal.URL, true)
	if g.Portal.Channel != "" && !slices.Contains(Channels, g.Portal.Channel) {
		v.errorf([]any{"portal", "channel"}, "portal.channel %q: want one of %s (leave it out for a web portal)", g.Portal.Channel, strings.Join(Channels, ", "))
	}
	switch {
	case (g.Kind == KindDossier || g.Mode != "") && g.Mode != ModeFull && g.Mode != ModePartial:
		v.errorf([]any{"mode"}, "mode %q: want %s or %s", g.Mode, ModeFull, ModePartial)
	case g.Mode != "" && (g.Kind == KindAccount || g.Kind == KindPayment):
		v.errorf([]any{"mode"}, "mode: only a dossier has one (this guide's kind is %s)", g.Kind)
	}
	if g.Kind != KindDossier && g.Followup != nil {
		v.errorf([]any{"followup"}, "followup: only a dossier has a result to follow (this guide's kind is %s)", g.Kind)
	}
	if g.VNeIDLevel < 0 || g.VNeIDLevel > 2 {
		v.errorf([]any{"vneid_level"}, "vneid_level %d: want 0, 1 or 2", g.VNeIDLevel)
	}
	if len(g.Prerequisites) > maxItems {
		v.errorf([]any{"prerequisites"}, "%d prerequisites: at most %d fit on one screen", len(g.Prerequisites), maxItems)
	}
	ids := map[string]bool{}
	for i, it := range g.Prerequisites {
		p := []any{"prerequisites", i}
		v.id(at(p, "id"), it.ID, ids)
		v.text(at(p, "text"), it.Text, maxItem, true)
		if toVolunteer(it.Text) {
			v.stylef(at(p, "text"), "%s: a checklist item is something the resident must have; what the volunteer must do goes in a step's text or tip", name(at(p, "text")))
		}
	}
	if len(g.Steps) == 0 || len(g.Steps) > maxSteps {
		v.errorf([]any{"steps"}, "%d steps: want 1 to %d", len(g.Steps), maxSteps)
	}
	ids = map[string]bool{}
	submits, pays := -1, -1
	for i, s := range g.Steps {
		v.step([]any{"steps", i}, &s, ids)
		switch {
		case !s.Submits:
		case g.Kind != KindDossier:
			v.errorf([]any{"steps", i, "submits"}, "steps[%d].submits: only a dossier is submitted (this guide's kind is %s)", i, g.Kind)
		case submits >= 0:
			v.errorf([]any{"steps", i, "submits"}, "steps[%d].submits: only one step submits the dossier (steps[%d] does already)", i, submits)
		default:
			submits = i
		}
		switch {
		case !s.Pays:
		case g.Kind != KindDossier || !g.CountsToward("payment_online"):
			v.errorf([]any{"steps", i, "pays"}, "steps[%d].pays: only a dossier that counts toward payment_online has a step that pays its fee online (this guide's kind is %s, counts %s)", i, g.Kind, strings.Join(g.Counts, ", "))
		case pays >= 0:
			v.errorf([]any{"steps", i, "pays"}, "steps[%d].pays: only one step pays the fee online (steps[%d] does already)", i, pays)
		default:
			pays = i
		}
	}
	v.text([]any{"fee_short"}, g.FeeShort, maxShort, true)
	v.text([]any{"fee"}, g.Fee, maxInfo, true)
	switch {
	case g.FeeFree && g.Kind != KindDossier:
		v.errorf([]any{"fee_free"}, "fee_free: only a dossier has a \"submitted and paid online\" outcome to leave out (this guide's kind is %s)", g.Kind)
	case g.FeeFree && g.CountsToward("payment_online"):
		v.errorf([]any{"fee_free"}, "fee_free: a procedure that never carries a fee cannot count toward payment_online (counts)")
	case g.Kind == KindDossier && !g.FeeFree && g.CountsToward("dossier_online") && !g.CountsToward("payment_online"):
		// The outcome screen offers "submitted and paid online": a fee
		// paid online (a late registration's) counts as one.
		v.errorf([]any{"counts"}, "counts: a dossier that may be paid online counts toward payment_online when it was; add payment_online, or fee_free: true if the procedure never carries a fee")
	}
	if g.ProcessingDays < 0 || g.ProcessingDays > 60 {
		v.errorf([]any{"processing_days"}, "processing_days %d: want 0 to 60 working days", g.ProcessingDays)
	}
	v.text([]any{"processing"}, g.Processing, maxInfo, true)
	v.text([]any{"tracking"}, g.Tracking, maxInfo, true)
	if len(g.Sources) == 0 {
		v.errorf([]any{"sources"}, "sources: name at least one page the facts come from")
	}
	for i, s := range g.Sources {
		p := []any{"sources", i}
		v.url(at(p, "url"), s.URL, true)
		switch {
		case s.Date == "":
			v.stylef(at(p, "url"), "sources[%d]: give the source's own date (date: YYYY-MM-DD, YYYY-MM or YYYY)", i)
		case !srcDate.MatchString(s.Date):
			v.errorf(at(p, "date"), "sources[%d].date %q: want the source's own date, YYYY-MM-DD, YYYY-MM or YYYY", i, s.Date)
		}
		if s.Opened != "" {
			if _, err := time.Parse(time.DateOnly, s.Opened); err != nil {
				v.errorf(at(p, "opened"), "sources[%d].opened %q: want a date like 2026-11-29", i, s.Opened)
			}
		}
	}
	for fact, note := range g.Unconfirmed {
		if !slices.Contains(UnconfirmedFacts, fact) {
			v.errorf([]any{"unconfirmed", fact}, "unconfirmed: %q is not a fact it can name: want some of %s", fact, strings.Join(UnconfirmedFacts, ", "))
		} else if strings.TrimSpace(note) == "" {
			v.errorf([]any{"unconfirmed", fact}, "unconfirmed.%s: say for reviewers what is not confirmed", fact)
		}
	}
	checked, err := time.Parse(time.DateOnly, g.CheckedOn)
	if err != nil {
		v.errorf([]any{"checked_on"}, "checked_on %q: want a date like 2026-11-27", g.CheckedOn)
	} else if checked.After(time.Now().AddDate(0, 0, 1)) {
		v.errorf([]any{"checked_on"}, "checked_on %s is in the future", g.CheckedOn)
	}
	if review, err := time.Parse(time.DateOnly, g.ReviewBy); err != nil {
		v.errorf([]any{"review_by"}, "review_by %q: want the date by which the guide must be checked again, like 2027-05-29", g.ReviewBy)
	} else if !checked.IsZero() && (!review.After(checked) || review.After(checked.AddDate(0, MaxAge, 0))) {
		v.errorf([]any{"review_by"}, "review_by %s: want a date after checked_on and at most %d months later", g.ReviewBy, MaxAge)
	}
}

func (v *validator) step(p []any, s *Step, ids map[string]bool) {
	v.id(at(p, "id"), s.ID, ids)
	v.text(at(p, "title"), s.Title, maxStepTitle, true)
	v.text(at(p, "text"), s.Text, maxStepText, true)
	v.text(at(p, "tip"), s.Tip, maxTip, false)
	v.url(at(p, "link"), s.Link, false)
	if s.Unconfirmed != "" && strings.TrimSpace(s.Unconfirmed) == "" {
		v.errorf(at(p, "unconfirmed"), "unconfirmed: say for reviewers what is not confirmed")
	}
	if s.Subguide != "" && !guideID.MatchString(s.Subguide) {
		v.errorf(at(p, "subguide"), "subguide %q is not a guide id", s.Subguide)
	}
	if s.Channel != "" && !slices.Contains(Channels, s.Channel) {
		v.errorf(at(p, "channel"), "%s %q: want one of %s, where this step happens (leave it out when it is the guide's portal.channel)",
			name(at(p, "channel")), s.Channel, strings.Join(Channels, ", "))
	}
	if len(s.Errors) > maxErrors {
		v.errorf(at(p, "errors"), "%d errors: at most %d fit as buttons", len(s.Errors), maxErrors)
	}
	if s.Subguide == "" {
		v.buttonBelow(at(p, "text"), s.Text)
		v.buttonBelow(at(p, "tip"), s.Tip)
	}
	eids := map[string]bool{}
	for j, e := range s.Errors {
		q := at(p, "errors", j)
		v.id(at(q, "id"), e.ID, eids)
		v.text(at(q, "label"), e.Label, maxLabel, true)
		v.text(at(q, "fix"), e.Fix, maxFix, true)
		if e.Subguide != "" && !guideID.MatchString(e.Subguide) {
			v.errorf(at(q, "subguide"), "subguide %q is not a guide id", e.Subguide)
		}
		if s.Subguide == "" && e.Subguide == "" {
			v.buttonBelow(at(q, "fix"), e.Fix)
		}
	}
}

// toVolunteer reports whether a text speaks to the volunteer ("Bạn hiểu –
// …", "You understand – …"): an instruction, not a checklist item.
func toVolunteer(t Text) bool {
	return strings.HasPrefix(t.Vi, "Bạn ") || strings.HasPrefix(t.En, "You ")
}

// buttonBelow refuses "button below" in a text that has no sub-guide
// button below it.
func (v *validator) buttonBelow(p []any, t Text) {
	if strings.Contains(vntext.Fold(t.Vi), "nut ben duoi") || strings.Contains(strings.ToLower(t.En), "button below") {
		v.stylef(p, "%s: it says \"button below\", but no sub-guide is offered there: set subguide (on the step, or on the error)", name(p))
	}
}

func (v *validator) id(p []any, id string, seen map[string]bool) {
	switch {
	case !partID.MatchString(id):
		v.errorf(p, "id %q: want 1–16 characters of a-z, 0-9 and -", id)
	case seen[id]:
		v.errorf(p, "id %q is used twice", id)
	}
	seen[id] = true
}

// text checks that both languages are there (when required) and fit.
func (v *validator) text(p []any, t Text, limit int, required bool) {
	if !required && t.Vi == "" && t.En == "" {
		return
	}
	for _, l := range []struct{ lang, s string }{{"vi", t.Vi}, {"en", t.En}} {
		n := utf8.RuneCountInString(strings.TrimSpace(l.s))
		switch {
		case n == 0:
			v.errorf(at(p, l.lang), "%s: the %s text is missing", name(p), l.lang)
		case n > limit:
			v.errorf(at(p, l.lang), "%s: the %s text has %d characters, at most %d fit", name(p), l.lang, n, limit)
		}
		v.userText(at(p, l.lang), l.s)
	}
}

// userText checks words a volunteer reads: no reviewer's doubt (it goes in
// `unconfirmed` or `notes`), and the new tone-mark style (hoà, not hòa).
func (v *validator) userText(p []any, s string) {
	folded := " " + vntext.Fold(s) + " "
	for _, m := range reviewerMarkers {
		if strings.Contains(folded, " "+m+" ") {
			v.stylef(p, "%s: %q is a reviewer's note: mark the step or fact `unconfirmed` instead, and keep the text calm", name(p), m)
			return
		}
	}
	for _, w := range wording {
		if w.bad.MatchString(s) {
			v.stylef(p, "%s: %s", name(p), w.say)
		}
	}
	if old := vntext.OldStyleTones(s); len(old) > 0 {
		v.stylef(p, "%s: %q: write tone marks in the new style (hoà, khoá, huỷ, thuỷ), as the portals do", name(p), strings.Join(old, ", "))
	}
}

func (v *validator) url(p []any, s string, required bool) {
	if s == "" {
		if required {
			v.errorf(p, "%s: the address is missing", name(p))
		}
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		v.errorf(p, "%s: %q is not a web address (want https://…)", name(p), s)
	}
}

// name writes a path the way a person reads it: steps[2].errors[0].fix.
func name(p []any) string {
	var b strings.Builder
	for _, s := range p {
		switch k := s.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(k)
		case int:
			fmt.Fprintf(&b, "[%d]", k)
		}
	}
	return b.String()
}

// crossCheck checks what involves several files: unique ids and sub-guides
// that exist.
func crossCheck(gs []*Guide) Errors {
	var errs Errors
	byID := map[string]*Guide{}
	for _, g := range gs {
		if other, ok := byID[g.ID]; ok && g.ID != "" {
			errs = append(errs, Error{File: g.file, Line: lineOf(g.root, []any{"id"}), Msg: fmt.Sprintf("id %q is also the id of %s", g.ID, other.file)})
		}
		byID[g.ID] = g
	}
	check := func(g *Guide, id string, p []any) {
		if _, ok := byID[id]; id != "" && (!ok || id == g.ID) {
			errs = append(errs, Error{File: g.file, Line: lineOf(g.root, p),
				Msg: fmt.Sprintf("%s: no other guide has id %q", name(p), id)})
		}
	}
	for _, g := range gs {
		for i, s := range g.Steps {
			check(g, s.Subguide, []any{"steps", i, "subguide"})
			for j, e := range s.Errors {
				check(g, e.Subguide, []any{"steps", i, "errors", j, "subguide"})
			}
		}
	}
	return errs
}
