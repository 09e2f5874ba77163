package guides

import (
	"os"
	"strings"
	"testing"
)

// TestSubmitStep: a dossier guide marks the step at which the resident
// submits (`submits: true`), so the bot knows a case before it has no
// dossier yet and a case past it may have one. One step at most, and only
// in a dossier guide: an account task or a payment submits no dossier.
func TestSubmitStep(t *testing.T) {
	read := func(name string) string {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	ks := read("khai-sinh.yaml")
	g, errs := parse("khai-sinh.yaml", []byte(ks))
	if len(errs) > 0 || g.SubmitStep() < 0 || g.Steps[g.SubmitStep()].ID != "nop" {
		t.Fatalf("khai-sinh: submit step %d (%v), want its step nop", g.SubmitStep(), errs)
	}
	twice := strings.Replace(ks, "  - id: dinh-kem\n", "  - id: dinh-kem\n    submits: true\n", 1)
	if _, errs := parse("khai-sinh.yaml", []byte(twice)); len(errs) != 1 || !strings.Contains(errs[0].Msg, "submits: only one step") || errs[0].Line == 0 {
		t.Errorf("two submitting steps: %v", errs)
	}
	acct := strings.Replace(read("vneid-muc-2.yaml"), "  - id: dang-ky\n", "  - id: dang-ky\n    submits: true\n", 1)
	if _, errs := parse("vneid-muc-2.yaml", []byte(acct)); len(errs) != 1 || !strings.Contains(errs[0].Msg, "submits: only a dossier") || errs[0].Line == 0 {
		t.Errorf("a submitting step in an account task: %v", errs)
	}
	if g, _ := parse("bhyt-ho-gia-dinh.yaml", []byte(read("bhyt-ho-gia-dinh.yaml"))); g.SubmitStep() != -1 {
		t.Errorf("a guide that marks none: %d, want -1", g.SubmitStep())
	}

	// The shipped guides whose own text names the step that submits.
	c := shippedCatalog(t)
	for id, step := range map[string]string{
		"chung-thuc": "nop", "dang-ky-xe": "to-khai", "doi-gplx": "nop-le-phi", "ho-chieu": "nop",
		"ket-hon": "nop-hen-ky", "khai-bao-tam-vang": "gui", "khai-sinh": "nop", "khai-tu": "nop",
		"ly-lich-tu-phap": "gui", "tam-tru": "gui", "the-can-cuoc": "gui-ho-so", "thong-bao-luu-tru": "gui",
		"thuong-tru": "gui", "trich-luc-ho-tich": "nop", "xac-nhan-hon-nhan": "nop",
	} {
		g, ok := c.Guide(id)
		if !ok {
			t.Errorf("no guide %s", id)
			continue
		}
		if i := g.SubmitStep(); i < 0 || g.Steps[i].ID != step {
			t.Errorf("%s: submit step %d, want %s", id, i, step)
		}
	}
}
