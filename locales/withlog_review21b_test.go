package locales

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// A catalog WithLog another logger gives the same texts and tells only
// that logger of a text it lacks: the catalog it came from keeps its own.
func TestWithLogKeepsTheTextsAndTellsItsOwnLog(t *testing.T) {
	var first, second bytes.Buffer
	c, err := Load("vi", slog.New(slog.NewTextHandler(&first, nil)))
	if err != nil {
		t.Fatal(err)
	}
	d := c.WithLog(slog.New(slog.NewTextHandler(&second, nil)))
	if d.Default() != "vi" {
		t.Errorf("default %q, want vi", d.Default())
	}
	for _, lang := range Languages {
		if got, want := d.For(lang).T("format.thousands_sep"), c.For(lang).T("format.thousands_sep"); got != want || got == "format.thousands_sep" {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
		if d.For(lang).Lang() != lang {
			t.Errorf("For(%s) is in %s", lang, d.For(lang).Lang())
		}
	}
	if got := d.For("en").T("no.such.text"); got != "no.such.text" {
		t.Errorf("a missing text reads %q, want its id", got)
	}
	if !strings.Contains(second.String(), "no.such.text") {
		t.Errorf("the new log was not told of the missing text: %q", second.String())
	}
	if first.Len() != 0 {
		t.Errorf("the first catalog's log was told of the second's missing text: %q", first.String())
	}
}
