package handlers

import (
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// TestBuiltTextIDsExist checks the text ids the wizard builds from codes
// (outcomes, reasons, categories, phases, refusals): a missing one would
// show users the raw id.
func TestBuiltTextIDsExist(t *testing.T) {
	texts, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, o := range outcomes {
		ids = append(ids, "outcome."+o)
	}
	for _, r := range reasons {
		ids = append(ids, "reason."+r)
	}
	for _, c := range guides.Categories {
		ids = append(ids, "category."+c)
	}
	for _, p := range []string{storage.PhaseChecklist, storage.PhaseSteps, storage.PhaseOutcome, storage.PhaseReason, storage.PhaseDossier} {
		ids = append(ids, "resume.phase_"+p)
	}
	for _, p := range []string{"format", "number"} {
		ids = append(ids, "case.dossier_"+p)
	}
	for _, p := range []string{"long", "email", "number", "date"} {
		ids = append(ids, "case.note_"+p)
	}
	for _, p := range []string{"email", "number", "date"} {
		ids = append(ids, "case.query_"+p)
	}
	for _, m := range []string{guides.ModeFull, guides.ModePartial} {
		ids = append(ids, "mode."+modeKey(m))
	}
	for _, lang := range locales.Languages {
		for _, id := range ids {
			if got := texts.For(lang).T(id); got == id || got == "" {
				t.Errorf("%s: no text %q", lang, id)
			}
		}
	}
}

func TestDossierCode(t *testing.T) {
	tests := []struct{ in, code, problem string }{
		{" 000.00.12.h26-251127-0001 ", "000.00.12.H26-251127-0001", ""},
		{"H26.99-251127-0001", "H26.99-251127-0001", ""},
		{"G22.99.1-2511270001", "G22.99.1-2511270001", ""},
		{"abc 123 456", "ABC123456", ""},
		{"2511270001", "", "number"},   // 10 digits: a phone number
		{"001099012345", "", "number"}, // 12 digits: an ID card
		{"12345", "", "format"},
		{"KHAISINH", "", "format"},
		{"mã: 123456", "123456", ""},
		{"mã: 12*456", "", "format"},
		{"1234567890123", "1234567890123", ""},                     // 13 digits is neither
		{"Mã hồ sơ: H26.99‑251127–0001", "H26.99-251127-0001", ""}, // a label, and dashes from a PDF
		{"#G22.99-2511270001", "G22.99-2511270001", ""},
		{"ＨＳ２５１１２７０００１", "HS2511270001", ""}, // full width
		{"CCCD 001099012345", "", "number"},
		{"sdt 0912345678", "", "number"},
		{"0912/345/678", "", "number"},
		{"12/05/1985", "", "format"},
	}
	for _, tt := range tests {
		code, problem := dossierCode(tt.in)
		if code != tt.code || problem != tt.problem {
			t.Errorf("dossierCode(%q) = %q, %q; want %q, %q", tt.in, code, problem, tt.code, tt.problem)
		}
	}
}

func TestNoteProblem(t *testing.T) {
	tests := map[string]string{
		"Cổng treo khi chọn xã":         "",
		"OTP không về sau 3 lần":        "",
		"lỗi mã 500 lúc 10:45":          "",
		"sđt 0912 345 678":              "number",
		"0912.345.678":                  "number",
		"CCCD 001099012345":             "number",
		"email lan.nguyen@gmail.com":    "email",
		string(make([]rune, maxNote+1)): "long",
	}
	for in, want := range tests {
		if got := noteProblem(in); got != want {
			t.Errorf("noteProblem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAddWorkingDays(t *testing.T) {
	at := func(day, hour int) time.Time { return time.Date(2026, 11, day, hour, 0, 0, 0, vietnam) }
	tests := []struct {
		from time.Time
		n    int
		want string
	}{
		{at(27, 16), 3, "2026-12-02"}, // Friday afternoon: Mon, Tue, Wed
		{at(27, 20), 3, "2026-12-03"}, // Friday evening: received Monday
		{at(28, 10), 3, "2026-12-03"}, // Saturday: received Monday
		{at(30, 9), 1, "2026-12-01"},  // Monday morning
		{at(30, 9), 10, "2026-12-14"},
	}
	for _, tt := range tests {
		if got := addWorkingDays(tt.from, tt.n).Format(time.DateOnly); got != tt.want {
			t.Errorf("addWorkingDays(%v, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}
