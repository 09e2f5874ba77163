package localestest

import (
	"fmt"
	"strings"
	"testing"
)

// fakeT records what Load makes of a test: its cleanups and its errors.
type fakeT struct {
	testing.TB
	cleanups []func()
	errors   []string
}

func (f *fakeT) Helper()           {}
func (f *fakeT) Cleanup(fn func()) { f.cleanups = append(f.cleanups, fn) }
func (f *fakeT) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}
func (f *fakeT) Fatal(args ...any) { panic(fmt.Sprint(args...)) }

func (f *fakeT) end() {
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
}

// The texts are parsed once for all the tests of a process, but a text
// missing in one test fails that test, not another that loaded them too,
// before or after.
func TestEachTestFailsOnItsOwnMissingTexts(t *testing.T) {
	a, b, c := &fakeT{TB: t}, &fakeT{TB: t}, &fakeT{TB: t}
	ta, tb := Load(a), Load(b)
	if got := tb.For("vi").T("no.such.text.b"); got != "no.such.text.b" {
		t.Fatalf("a missing text reads %q", got)
	}
	if ta.For("vi").T("format.thousands_sep") != tb.For("vi").T("format.thousands_sep") {
		t.Error("two tests' texts differ")
	}
	a.end()
	b.end()
	tc := Load(c)
	tc.For("en").T("no.such.text.c")
	c.end()
	if len(a.errors) != 0 {
		t.Errorf("the test that asked for no missing text failed: %v", a.errors)
	}
	if len(b.errors) != 1 || !strings.Contains(b.errors[0], "no.such.text.b") {
		t.Errorf("the test that asked for a missing text: %v, want it named", b.errors)
	}
	if len(c.errors) != 1 || !strings.Contains(c.errors[0], "no.such.text.c") || strings.Contains(c.errors[0], "no.such.text.b") {
		t.Errorf("a later test: %v, want its own missing text only", c.errors)
	}
	// Asked once the test has ended (a bot still stopping): nobody is failed.
	tb.For("vi").T("no.such.text.late")
	if len(b.errors) != 1 {
		t.Errorf("a text asked after the test's end failed it: %v", b.errors)
	}
}
