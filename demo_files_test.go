package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
)

// `dvcbot demo -files DIR` named each file by its message's id, which
// starts again at every run: a second run wrote over the first's files (a
// case's slip, 6-photo.png, replaced by another case's). A file there
// before is now never written over: the new one takes the next free name,
// which the demo prints. A message edited in the same run is written again
// in place, as before.
func TestDemoFilesOfAnEarlierRunAreKept(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "files")
	read := func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	slip := func(data string) *telegramtest.Message { return &telegramtest.Message{ID: 6, Photo: []byte(data)} }
	sheet := &telegramtest.Message{ID: 7, Document: &telegramtest.File{Name: "bao-cao.xlsx", Data: []byte("sheet 1")}}

	var out bytes.Buffer
	first := fileSaver{dir: dir}
	for _, m := range []*telegramtest.Message{slip("slip of case 1"), sheet, slip("slip of case 1, edited")} {
		if err := first.save(m, &out); err != nil {
			t.Fatal(err)
		}
	}
	if got := read("6-photo.png"); got != "slip of case 1, edited" {
		t.Errorf("the first run's slip, edited: %q", got)
	}

	out.Reset()
	second := fileSaver{dir: dir} // a later run: message ids start again
	if err := second.save(slip("slip of case 2"), &out); err != nil {
		t.Fatal(err)
	}
	sheet.Document.Data = []byte("sheet 2")
	if err := second.save(sheet, &out); err != nil {
		t.Fatal(err)
	}
	if got := read("6-photo.png"); got != "slip of case 1, edited" {
		t.Errorf("the first run's slip was written over: %q", got)
	}
	if got := read("7-bao-cao.xlsx"); got != "sheet 1" {
		t.Errorf("the first run's spreadsheet was written over: %q", got)
	}
	if got := read("6-photo-2.png"); got != "slip of case 2" {
		t.Errorf("the second run's slip: %q", got)
	}
	if got := read("7-bao-cao-2.xlsx"); got != "sheet 2" {
		t.Errorf("the second run's spreadsheet: %q", got)
	}
	for _, name := range []string{"6-photo-2.png", "7-bao-cao-2.xlsx"} {
		if want := "(saved " + filepath.Join(dir, name) + ")\n"; !strings.Contains(out.String(), want) {
			t.Errorf("the demo does not say where it wrote %s: %q", name, out.String())
		}
	}
}
