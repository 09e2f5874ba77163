// Package guides is dvcbot's service catalog: one YAML file per public
// procedure (what the resident needs, each screen of the portal, common
// errors and their fixes), loaded and validated at start-up. A file that is
// wrong stops start-up with "file:line: what is wrong"; `dvcbot guides
// check` prints the same list. The shipped guides are embedded in the
// binary; GUIDES_DIR loads another directory instead.
//
// The file format is described in README.md in this directory.
package guides

import (
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/dvcbot/dvcbot/vntext"
)

//go:embed *.yaml
var shipped embed.FS

// Shipped returns the catalog built into the binary.
func Shipped() (*Catalog, error) { return Load(shipped) }

// Modes of online service (Decree 42/2022/NĐ-CP). The legacy levels of
// Decree 43/2011 are derived: một phần ≈ level 3, toàn trình ≈ level 4.
const (
	ModeFull    = "toan-trinh"
	ModePartial = "mot-phan"
)

// Categories group guides on the wizard's first screen, in this order. Their
// names are user-facing texts in locales/ ("category.<id>").
var Categories = []string{"civil", "residence", "justice", "identity", "transport", "insurance", "account", "digital", "business"}

// Essential is the category every guide marked `essential` is also listed
// in: the services Directive 24/CT-TTg (2025-09-13) made fully online.
const Essential = "essential"

// Kinds of help: what the case leaves behind, and so which outcomes it can
// have (handlers) and how reports count it.
const (
	KindDossier = "dossier" // an administrative procedure: a dossier submitted, a result to wait for
	KindAccount = "account" // an account task: VNeID level 2, a password, a signing service, a wallet
	KindPayment = "payment" // a payment: a fee, a fine
)

// Kinds lists the kinds in the order the validator names them.
var Kinds = []string{KindDossier, KindAccount, KindPayment}

// KPIs are what the Youth Union schemes report upward; a guide declares
// which of them a successful case counts toward (`counts`).
var KPIs = []string{
	"dossier_online",    // an online dossier supported
	"payment_online",    // a fee or fine paid online
	"vneid_level2",      // a VNeID account activated at level 2
	"vneid_recovered",   // a VNeID account the resident could use again
	"digital_signature", // a personal digital signature registered
	"epayment_account",  // an e-payment account or wallet opened
}

// Text is a user-facing text in both languages.
type Text struct {
	Vi string `yaml:"vi"`
	En string `yaml:"en"`
}

// In returns the text in lang ("vi" or "en"); Vietnamese is the fallback.
func (t Text) In(lang string) string {
	if lang == "en" && t.En != "" {
		return t.En
	}
	return t.Vi
}

// Portal is where the resident submits.
type Portal struct {
	Name Text   `yaml:"name"`
	URL  string `yaml:"url"`
	// Channel is where the resident does the procedure, which decides where
	// the volunteer is told to check what no source confirmed: a web portal
	// (ChannelWeb, the default), the VNeID app, or another app (a bank's, a
	// wallet's, a signing service's).
	Channel string `yaml:"channel"`
}

// Channels a guide's portal (portal.channel) or one of its steps (channel)
// may name.
const (
	ChannelWeb   = "web"   // a public service web portal
	ChannelVNeID = "vneid" // the VNeID app
	ChannelApp   = "app"   // the provider's own app: a bank, a wallet, a signing service
)

// Channels lists them in the order the validator names them.
var Channels = []string{ChannelWeb, ChannelVNeID, ChannelApp}

// Item is one thing the resident needs before starting.
type Item struct {
	ID   string `yaml:"id"`
	Text Text   `yaml:"text"`
}

// Problem is a common error at a step, with its fix.
type Problem struct {
	ID    string `yaml:"id"`
	Label Text   `yaml:"label"` // short: it is a button
	Fix   Text   `yaml:"fix"`
	// Subguide, when set, is the id of a guide the fix leads to (the
	// password recovery for a forgotten password), offered on the fix's
	// screen before the step's own sub-guide.
	Subguide string `yaml:"subguide"`
}

// Step is one screen of the portal (or one action of the volunteer).
type Step struct {
	ID       string    `yaml:"id"`
	Title    Text      `yaml:"title"`
	Text     Text      `yaml:"text"`
	Link     string    `yaml:"link"`
	Tip      Text      `yaml:"tip"`
	Subguide string    `yaml:"subguide"` // id of a guide this step may need (VNeID, payment)
	Errors   []Problem `yaml:"errors"`
	// Unconfirmed, when set, says for reviewers what on this screen no
	// source confirmed (a button's name, an order). The volunteer sees one
	// calm phrase instead ("this step may look a little different").
	Unconfirmed string `yaml:"unconfirmed"`
	// Channel, when set, is where this step happens, when it is not where
	// the guide's portal is: a step in the VNeID app of a guide done on the
	// web portal. Empty: the guide's (Guide.StepChannel).
	Channel string `yaml:"channel"`
	// Submits marks the step at which the resident submits the dossier
	// (a dossier guide's, one at most): before it the case has no dossier
	// and no code; past it, it may have both (Guide.SubmitStep).
	Submits bool `yaml:"submits"`
	// Pays marks the step at which the resident pays the fee online (a
	// dossier's that counts toward payment_online, one at most): once it
	// was done, the outcome screen leads with "submitted and paid online"
	// (Guide.PayStep).
	Pays bool `yaml:"pays"`
}

// Source is a page or legal text a guide's facts come from.
type Source struct {
	URL    string `yaml:"url"`
	Title  string `yaml:"title"`  // what it is, for a reviewer; never shown (Site is)
	Date   string `yaml:"date"`   // the source's own date: YYYY-MM-DD, YYYY-MM or YYYY
	Opened string `yaml:"opened"` // when a reviewer last read it (YYYY-MM-DD); empty: not opened yet
}

// Site is the host the source is published on, without "www.": how the
// volunteer's screens name it ("thanhnien.vn").
func (s Source) Site() string {
	u, err := url.Parse(s.URL)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// Problem returns the step's error with that id.
func (s *Step) Problem(id string) (*Problem, bool) {
	for i := range s.Errors {
		if s.Errors[i].ID == id {
			return &s.Errors[i], true
		}
	}
	return nil, false
}

// Guide is one procedure.
type Guide struct {
	ID            string   `yaml:"id"`
	TTHC          string   `yaml:"tthc"` // mã thủ tục hành chính, when known
	Kind          string   `yaml:"kind"` // dossier, account or payment
	Counts        []string `yaml:"counts"`
	Title         Text     `yaml:"title"`
	Description   Text     `yaml:"description"`
	Aliases       []string `yaml:"aliases"`
	Category      string   `yaml:"category"`
	Essential     bool     `yaml:"essential"`    // one of Directive 24/CT-TTg's 25 essential online services
	OfflineHelp   Text     `yaml:"offline_help"` // essential services: online only? what the centre does for those who cannot
	Portal        Portal   `yaml:"portal"`
	Mode          string   `yaml:"mode"`        // dossiers only
	VNeIDLevel    int      `yaml:"vneid_level"` // the resident's VNeID level needed: 0 (none), 1 or 2
	Prerequisites []Item   `yaml:"prerequisites"`
	Steps         []Step   `yaml:"steps"`
	FeeShort      Text     `yaml:"fee_short"` // the fee in a few words, said before the resident submits
	Fee           Text     `yaml:"fee"`
	// FeeFree says that the procedure never carries a fee (dossiers): a
	// case of it cannot end "submitted and paid online".
	FeeFree        bool     `yaml:"fee_free"`
	ProcessingDays int      `yaml:"processing_days"` // working days to the result; 0: no reminder date (on the spot, none, or unknown)
	Processing     Text     `yaml:"processing"`
	Tracking       Text     `yaml:"tracking"`
	Sources        []Source `yaml:"sources"`
	CheckedOn      string   `yaml:"checked_on"` // YYYY-MM-DD: when the guide was last compared with its sources
	ReviewBy       string   `yaml:"review_by"`  // YYYY-MM-DD: when it must be compared again
	Order          int      `yaml:"order"`      // place in lists: lower first
	Followup       *bool    `yaml:"followup"`   // dossiers: false when there is no result to wait for (absent: true)
	// Unconfirmed names the facts no source confirmed (fee, processing,
	// tracking), each with a note for reviewers; the volunteer sees a short
	// "check on the portal" beside them.
	Unconfirmed map[string]string `yaml:"unconfirmed"`
	Notes       string            `yaml:"notes"` // for reviewers; never shown

	file  string
	root  *yaml.Node // for the lines of problems found across files; dropped once loaded
	dates [2]int     // the lines of checked_on and review_by, for Review
	style Errors     // what `guides check` refuses in a usable file
}

// UnconfirmedFacts are the facts a guide's `unconfirmed` may name.
var UnconfirmedFacts = []string{"fee", "processing", "tracking"}

// File is the name of the file the guide came from.
func (g *Guide) File() string { return g.file }

// Channel is where the resident does the procedure: ChannelWeb unless the
// portal names another.
func (g *Guide) Channel() string {
	if g.Portal.Channel == "" {
		return ChannelWeb
	}
	return g.Portal.Channel
}

// StepChannel is where the step happens: its own channel, or the guide's.
// The texts of the step's screens that name where the volunteer looks ("this
// step may look a little different on the portal", the ⚑ flag) follow it.
func (g *Guide) StepChannel(s *Step) string {
	if s.Channel != "" {
		return s.Channel
	}
	return g.Channel()
}

// Procedure says whether the guide is an administrative procedure with an
// online mode (toàn trình, một phần); account tasks and payments have none.
func (g *Guide) Procedure() bool { return g.Kind == KindDossier }

// SubmitStep is the index of the step at which the dossier is submitted
// (the step marked `submits`), -1 when the guide marks none: then any step
// of a dossier may be past its submission.
func (g *Guide) SubmitStep() int {
	for i := range g.Steps {
		if g.Steps[i].Submits {
			return i
		}
	}
	return -1
}

// PayStep is the index of the step at which the fee is paid online (the
// step marked `pays`), -1 when the guide marks none.
func (g *Guide) PayStep() int {
	for i := range g.Steps {
		if g.Steps[i].Pays {
			return i
		}
	}
	return -1
}

// OffersFollowup says whether the procedure leaves a dossier the resident
// may want followed (a dossier code, a result to wait for).
func (g *Guide) OffersFollowup() bool {
	return g.Kind == KindDossier && (g.Followup == nil || *g.Followup)
}

// InCategory says whether the guide is listed under category: its own, or
// Essential for the essential services.
func (g *Guide) InCategory(category string) bool {
	return g.Category == category || (category == Essential && g.Essential)
}

// Legacy is the Decree 43/2011 level the mode corresponds to (3 or 4).
func (g *Guide) Legacy() int {
	if g.Mode == ModeFull {
		return 4
	}
	return 3
}

// Checked is the date the guide's facts were last checked.
func (g *Guide) Checked() time.Time {
	t, _ := time.Parse(time.DateOnly, g.CheckedOn)
	return t
}

// Review is the date by which the guide must be compared with the portal
// and its sources again.
func (g *Guide) Review() time.Time {
	t, _ := time.Parse(time.DateOnly, g.ReviewBy)
	return t
}

// pastReview says whether review_by has passed at now: the day ended in
// Vietnam (UTC+7), where the guide's dates are days.
func (g *Guide) pastReview(now time.Time) bool {
	const vietnam = 7 * time.Hour
	return !now.Before(g.Review().Add(24*time.Hour - vietnam))
}

// Counts reports whether a successful case of the guide counts toward kpi.
func (g *Guide) CountsToward(kpi string) bool { return slices.Contains(g.Counts, kpi) }

// Catalog is the loaded set of guides.
type Catalog struct {
	guides []*Guide // by Order, then id
	byID   map[string]*Guide
	index  []entry
	words  map[string]bool // every word of every guide's names, folded (search)
	// The words of the English titles and of the Vietnamese ones, folded:
	// what tells a query in English (englishQuery).
	english, vietnamese map[string]bool
	// The words of the guides' Vietnamese texts written as everyday words
	// (textWords), lower case as written, and their phrases of up to three
	// words, folded: a unit's name that is one of them is no place without
	// its kind (placeBefore, lonePlace).
	written, phrases map[string]bool
	// Every guide's names, each as " word word " between NULs (isPhrase).
	nameText string
}

// Load reads and validates every *.yaml file in fsys. The error lists every
// problem found, each as "file:line: message".
func Load(fsys fs.FS) (*Catalog, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	var (
		errs   Errors
		guides []*Guide
	)
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		g, problems := parse(name, data)
		errs = append(errs, problems...)
		if g != nil {
			guides = append(guides, g)
		}
	}
	if len(names) == 0 {
		errs = append(errs, Error{File: ".", Msg: "no guide files (*.yaml)"})
	}
	errs = append(errs, crossCheck(guides)...)
	if len(errs) > 0 {
		return nil, errs
	}
	for _, g := range guides {
		// A loaded guide keeps of its YAML tree only the lines Review
		// names: the tree is megabytes for the whole catalog.
		g.dates = [2]int{lineOf(g.root, []any{"checked_on"}), lineOf(g.root, []any{"review_by"})}
		g.root = nil
	}
	slices.SortStableFunc(guides, func(a, b *Guide) int {
		if a.Order != b.Order {
			return a.Order - b.Order
		}
		return strings.Compare(a.ID, b.ID)
	})
	// The units' names a search cuts (placeNames) are read now, in the
	// background, not on the first search after a start: about 0.1 s of
	// work and 30 MB allocated once, which would hold that volunteer's
	// update (and its chat) waiting.
	go placeNames()
	return NewCatalog(guides...), nil
}

// Guide returns the guide with that id.
func (c *Catalog) Guide(id string) (*Guide, bool) {
	g, ok := c.byID[id]
	return g, ok
}

// All returns every guide, in list order.
func (c *Catalog) All() []*Guide { return c.guides }

// InCategory returns the guides of one category (or Essential), in list
// order.
func (c *Catalog) InCategory(category string) []*Guide {
	var out []*Guide
	for _, g := range c.guides {
		if g.InCategory(category) {
			out = append(out, g)
		}
	}
	return out
}

// MaxAge is how old a guide's checked_on may be before `guides check` fails:
// a portal changes its screens without notice.
const MaxAge = 12 // months

// Review lists what is wrong with a catalog that loads, on day now: guides
// whose review_by has passed (warnings: due), and what `guides check` and CI
// refuse though the bot can still run (refused): a guide last checked more
// than MaxAge months ago, a reviewer's doubt or an old-style tone mark in
// user text, an undated source. Start-up only logs them.
func (c *Catalog) Review(now time.Time) (due, refused Errors) {
	for _, g := range c.guides {
		refused = append(refused, g.style...)
		if old := g.Checked().AddDate(0, MaxAge, 0); now.After(old) {
			refused = append(refused, Error{File: g.file, Line: g.dates[0],
				Msg: fmt.Sprintf("checked_on %s is over %d months old: compare the guide with the portal and its sources again", g.CheckedOn, MaxAge)})
		} else if g.pastReview(now) {
			due = append(due, Error{File: g.file, Line: g.dates[1],
				Msg: fmt.Sprintf("review_by %s has passed: compare the guide with the portal, then update checked_on and review_by", g.ReviewBy)})
		}
	}
	return due, refused
}

// PastDue returns the guides whose review_by has passed on day now.
func (c *Catalog) PastDue(now time.Time) []*Guide {
	var out []*Guide
	for _, g := range c.guides {
		if g.pastReview(now) {
			out = append(out, g)
		}
	}
	return out
}

// Error is one problem in a guide file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// Errors is every problem found in a catalog, one per line.
type Errors []Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// NewCatalog makes a catalog of guides already built (tests of a changed
// catalog); Load is the way for files.
func NewCatalog(gs ...*Guide) *Catalog {
	c := &Catalog{guides: gs, byID: map[string]*Guide{}, words: map[string]bool{},
		english: map[string]bool{}, vietnamese: map[string]bool{}, written: map[string]bool{}, phrases: map[string]bool{}}
	for _, g := range gs {
		c.byID[g.ID] = g
		c.textWords(g)
		for _, w := range words(g.Title.En) {
			c.english[w] = true
		}
		for _, w := range words(g.Title.Vi) {
			c.vietnamese[w] = true
		}
		for _, a := range g.Aliases { // "làm hộ chiếu online"
			if vntext.Fold(a) != strings.ToLower(a) {
				for _, w := range words(a) {
					c.vietnamese[w] = true
				}
			}
		}
		e := indexGuide(g)
		c.index = append(c.index, e)
		for _, name := range e.names {
			for _, w := range name {
				c.words[w] = true
			}
		}
	}
	var names strings.Builder
	names.WriteByte(0)
	for _, e := range c.index {
		for _, name := range e.names {
			names.WriteString(" " + strings.Join(name, " ") + " \x00")
		}
	}
	c.nameText = names.String()
	return c
}
