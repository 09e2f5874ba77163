package guides

import (
	"strings"
	"testing"
)

// Review 20h checked the household business and wallet guides against their
// sources. These tests hold the fixes a test can hold.

func review20hGuide(t *testing.T, id string) *Guide {
	t.Helper()
	g, ok := shippedCatalog(t).Guide(id)
	if !ok {
		t.Fatalf("no guide %s", id)
	}
	return g
}

func review20hStep(t *testing.T, g *Guide, id string) Step {
	t.Helper()
	for _, s := range g.Steps {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("%s: no step %s", g.ID, id)
	return Step{}
}

func review20hProblem(t *testing.T, g *Guide, step, id string) Problem {
	t.Helper()
	for _, p := range review20hStep(t, g, step).Errors {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("%s: step %s has no error %s", g.ID, step, id)
	return Problem{}
}

// Decree 168/2025 Art. 99 (the only source on it) has the online dossier
// authenticated with a digital signature; no source makes VNeID level 2 the
// way a household business files. The description no longer says so, the
// prerequisites name the signature, the submit step names it, and the
// signature request is not treated as a fault.
func TestHouseholdBusinessSaysNoMoreThanItsSourcesOnAuthentication(t *testing.T) {
	g := review20hGuide(t, "dang-ky-ho-kinh-doanh")
	if strings.Contains(g.Description.Vi, "mức độ 2") || strings.Contains(g.Description.En, "level 2") {
		t.Errorf("description states VNeID level 2 as the way to file: %q", g.Description.Vi)
	}
	signature := false
	for _, p := range g.Prerequisites {
		if strings.Contains(strings.ToLower(p.Text.Vi), "chữ ký số") {
			signature = true
		}
	}
	if !signature {
		t.Error("no prerequisite says to have the digital signature ready")
	}
	if s := review20hStep(t, g, "nop"); !strings.Contains(s.Text.Vi, "chữ ký số") || !strings.Contains(s.Text.En, "digital signature") {
		t.Errorf("step nop does not name the digital signature: %q", s.Text.Vi)
	}
	if p := review20hProblem(t, g, "nop", "chu-ky-so"); !strings.Contains(p.Fix.Vi, "không phải lỗi") || !strings.Contains(p.Fix.En, "not a fault") {
		t.Errorf("chu-ky-so treats the signature as an exception: %q", p.Fix.Vi)
	}
}

// "Many provinces charge less or nothing online" rested on one province's
// page that could not be reopened: the fee says only what the sources show.
func TestHouseholdBusinessFeeNamesNoUnsourcedCut(t *testing.T) {
	g := review20hGuide(t, "dang-ky-ho-kinh-doanh")
	for _, s := range []string{g.FeeShort.Vi, g.Fee.Vi} {
		if strings.Contains(s, "nhiều") || strings.Contains(s, "không thu") {
			t.Errorf("fee claims provinces cut the fee: %q", s)
		}
	}
	for _, s := range []string{g.FeeShort.En, g.Fee.En} {
		if strings.Contains(s, "many") || strings.Contains(s, "nothing") {
			t.Errorf("fee claims provinces cut the fee: %q", s)
		}
	}
	if !strings.Contains(g.FeeShort.Vi, "số tiền") {
		t.Errorf("fee_short does not say to check the amount shown: %q", g.FeeShort.Vi)
	}
}

// Since 2025-07-01 a household business is not bound to the head office's
// commune within a province (Ministry of Finance, Việt Nam News): the paper
// fallbacks do not send the resident to that one commune.
func TestHouseholdBusinessPaperFallbackIsTheNearestCommune(t *testing.T) {
	g := review20hGuide(t, "dang-ky-ho-kinh-doanh")
	for _, e := range [][2]string{{"dang-nhap", "muc-1"}, {"nop", "chu-ky-so"}} {
		p := review20hProblem(t, g, e[0], e[1])
		if strings.Contains(p.Fix.Vi, "nơi đặt trụ sở") || strings.Contains(p.Fix.En, "where the business is based") {
			t.Errorf("%s/%s sends the resident to the head office's commune: %q", e[0], e[1], p.Fix.Vi)
		}
		if !strings.Contains(p.Fix.Vi, "gần nhà") || !strings.Contains(p.Fix.En, "nearest") {
			t.Errorf("%s/%s does not name the nearest commune: %q", e[0], e[1], p.Fix.Vi)
		}
	}
}

// The request form was to be uploaded "if the system asks", with nothing to
// do when it asks and the resident has none: the step says what to do either
// way, and an error leads on when the form is wanted.
func TestHouseholdBusinessRequestFormEitherWay(t *testing.T) {
	g := review20hGuide(t, "dang-ky-ho-kinh-doanh")
	s := review20hStep(t, g, "dinh-kem")
	if !strings.Contains(s.Text.Vi, "không có ô đó") {
		t.Errorf("dinh-kem does not say what to do when there is no field for the form: %q", s.Text.Vi)
	}
	p := review20hProblem(t, g, "dinh-kem", "mau-so-1")
	if !strings.Contains(p.Fix.Vi, "Mẫu số 1") || !strings.Contains(p.Fix.Vi, "✕ Chưa nộp được") {
		t.Errorf("mau-so-1 does not say where the form comes from and how the case ends: %q", p.Fix.Vi)
	}
}

// "Thông tin thuế" left an elderly resident alone: the step says the tax code
// is the representative's personal identification number (Lao Động, Hà Nội
// tax office).
func TestHouseholdBusinessTaxSectionIsExplained(t *testing.T) {
	s := review20hStep(t, review20hGuide(t, "dang-ky-ho-kinh-doanh"), "khai-thong-tin")
	if !strings.Contains(s.Text.Vi, "mã số thuế") || !strings.Contains(s.Text.Vi, "số định danh cá nhân") ||
		!strings.Contains(s.Text.En, "personal identification number") {
		t.Errorf("khai-thong-tin does not explain the tax code: %q", s.Text.Vi)
	}
}
