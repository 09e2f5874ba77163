package handlers

import (
	"encoding/json"
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/storage"
)

var update = flag.Bool("update", false, "rewrite the generated parts of the docs")

// TestScreenGraphsInDocs keeps the graphs of the flows in the docs true: they
// are drawn from the screen tables, and a change of a table without the
// docs fails here (go test ./handlers -run TestScreenGraphsInDocs -update
// redraws them).
func TestScreenGraphsInDocs(t *testing.T) {
	for _, doc := range []struct{ file, name, graph string }{
		{"../docs/wizard.md", "case flow", graph(caseScreens, caseScreenOrder)},
		{"../docs/architecture.md", "invite flow", graph(inviteScreens, inviteScreenOrder)},
		{"../docs/team.md", "team flow", graph(teamScreens, teamScreenOrder)},
		{"../docs/reports.md", "tally flow", graph(tallyScreens, tallyScreenOrder)},
	} {
		data, err := os.ReadFile(doc.file)
		if err != nil {
			t.Fatal(err)
		}
		block := regexp.MustCompile("(?s)(<!-- " + doc.name + ": generated[^\n]*-->\n```mermaid\n)(.*?)(```)")
		m := block.FindSubmatch(data)
		if m == nil {
			t.Fatalf("%s has no generated %s graph (a <!-- %s: generated … --> line, then a mermaid block)", doc.file, doc.name, doc.name)
		}
		if string(m[2]) == doc.graph {
			continue
		}
		if !*update {
			t.Errorf("%s: the %s graph is out of date; run go test ./handlers -run TestScreenGraphsInDocs -update", doc.file, doc.name)
			continue
		}
		out := block.ReplaceAllLiteral(data, []byte(string(m[1])+doc.graph+string(m[3])))
		if err := os.WriteFile(doc.file, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestEveryScreenNamesItsTargets: every screen an action may lead to exists,
// action names fit callback data, and the buttons valid at any version
// have names no other screen uses.
func TestEveryScreenNamesItsTargets(t *testing.T) {
	for name, s := range caseScreens {
		for act, a := range s.on {
			for _, to := range a.to {
				if _, ok := caseScreens[to]; !ok && to != leadsNowhere {
					t.Errorf("case flow: %s --%s--> %s: no such screen", name, act, to)
				}
			}
			if strings.ContainsAny(act, ":") || len(act) > 12 {
				t.Errorf("case flow: action %q does not fit callback data", act)
			}
		}
	}
	// The buttons of messages valid at any version are found by action name
	// alone: no other screen may use their names.
	for name, s := range caseScreens {
		if s.anyVersion {
			for act := range s.on {
				for other, o := range caseScreens {
					if _, clash := o.on[act]; clash && other != name {
						t.Errorf("case flow: action %q of %s is also on %s", act, name, other)
					}
				}
			}
		}
	}
	for name, s := range inviteScreens {
		for act, a := range s.on {
			for _, to := range a.to {
				if _, ok := inviteScreens[to]; !ok && to != leadsNowhere {
					t.Errorf("invite flow: %s --%s--> %s: no such screen", name, act, to)
				}
			}
		}
	}
	for name, s := range teamScreens {
		for act, a := range s.on {
			for _, to := range a.to {
				if _, ok := teamScreens[to]; !ok && to != leadsNowhere {
					t.Errorf("team flow: %s --%s--> %s: no such screen", name, act, to)
				}
			}
		}
	}
}

// TestSubPagesFitAPhone: every guide, shown as a sub-guide, is cut into
// pages of at most subPageSize characters in both languages, the blank line
// between steps included.
func TestSubPagesFitAPhone(t *testing.T) {
	edge := &guides.Guide{Description: guides.Text{Vi: strings.Repeat("a", subPageSize/2-1)}}
	for _, extra := range []int{0, 1} { // a step that just fits beside the description, and one that does not
		edge.Steps = []guides.Step{{Title: guides.Text{Vi: "T"}, Text: guides.Text{Vi: strings.Repeat("b", subPageSize/2-len("1. T: ")-1+extra)}}}
		pages := subPages(edge, "vi")
		if want := 1 + extra; len(pages) != want {
			t.Errorf("a step of %d characters beside a description of %d: %d pages, want %d", utf8.RuneCountInString(edge.Steps[0].Text.Vi), subPageSize/2-1, len(pages), want)
		}
		for i, p := range pages {
			if n := utf8.RuneCountInString(p); n > subPageSize {
				t.Errorf("edge case, page %d: %d characters, at most %d", i+1, n, subPageSize)
			}
		}
	}
	c, err := guides.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range c.All() {
		for _, lang := range []string{"vi", "en"} {
			for i, p := range subPages(g, lang) {
				if n := utf8.RuneCountInString(p); n > subPageSize {
					t.Errorf("%s (%s) page %d: %d characters, at most %d fit a phone", g.ID, lang, i+1, n, subPageSize)
				}
			}
		}
	}
}

// The case flow names its case where storage looks for it, so that SeeUser
// reads the case with the conversation (one round trip less per press).
func TestCaseStateNamesTheCaseWhereStorageLooks(t *testing.T) {
	data, err := json.Marshal(caseState{Case: 42})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]int64
	if err := json.Unmarshal(data, &m); err != nil || m[storage.ConversationCaseKey] != 42 {
		t.Fatalf("caseState %s has no %q: 42", data, storage.ConversationCaseKey)
	}
}
