package privacy

import "testing"

// Review 29: a code cut short ("H26-251127", its serial missing) was kept
// without a question; the resident could not look it up. What plainly
// lacks a part of Circular 01/2018's shape is said; other shapes are not.
func TestCodeCut(t *testing.T) {
	for typed, want := range map[string]string{
		"H26-251127":                "serial",
		"000.00.12.H26-251127":      "serial",
		"000.00.12.H26-251127-":     "serial",
		"G22.50-251130":             "serial",
		"Mã hồ sơ: h26-251127":      "serial",
		"000.00.12.H26":             "date",
		"000.00.12.H26 251127":      "date", // read without its date: the question catches it
		"G22.50":                    "date",
		"000.00.12.H26-251127-0001": "",
		"G22.50-251130-0001":        "",
		"000.00.12.H26-2511270001":  "",
		"H26-251132":                "", // no day: not the date part
		"H26-001127":                "", // before the Circular
		"BHXH-2026-000123":          "",
		"HS-251127":                 "",
		"T26-0001":                  "",
	} {
		code, problem := DossierCode(typed)
		if problem != "" {
			t.Fatalf("%q: %s", typed, problem)
		}
		if got := CodeCut(code); got != want {
			t.Errorf("CodeCut(%q) (typed %q) = %q, want %q", code, typed, got, want)
		}
	}
}
