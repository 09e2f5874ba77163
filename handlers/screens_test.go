package handlers

import (
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"
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
}
