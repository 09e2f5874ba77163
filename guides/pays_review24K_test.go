package guides

import (
	"os"
	"strings"
	"testing"
)

// Review 24K: a dossier guide that counts toward payment_online marks the
// step at which the resident pays the fee online (`pays: true`), so the
// outcome screen can lead with "submitted and paid online" once that step
// was done. One step at most, and only in a dossier guide that counts
// payment_online: elsewhere no case is "paid online" at the outcome.
func TestPayStep(t *testing.T) {
	read := func(name string) string {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	llp := read("ly-lich-tu-phap.yaml")
	g, errs := parse("ly-lich-tu-phap.yaml", []byte(llp))
	if len(errs) > 0 || g.PayStep() < 0 || g.Steps[g.PayStep()].ID != "thanh-toan" {
		t.Fatalf("ly-lich-tu-phap: pay step %d (%v), want its step thanh-toan", g.PayStep(), errs)
	}
	twice := strings.Replace(llp, "  - id: gui\n", "  - id: gui\n    pays: true\n", 1)
	if _, errs := parse("ly-lich-tu-phap.yaml", []byte(twice)); len(errs) != 1 || !strings.Contains(errs[0].Msg, "pays: only one step") || errs[0].Line == 0 {
		t.Errorf("two paying steps: %v", errs)
	}
	for _, tt := range []struct{ file, step, why string }{
		{"ket-hon.yaml", "nop-hen-ky", "fee_free, no payment_online"},
		{"vneid-muc-2.yaml", "dang-ky", "an account task"},
		{"thanh-toan.yaml", "tra-tien", "a payment: its outcome is the payment"},
	} {
		src := read(tt.file)
		marked := strings.Replace(src, "  - id: "+tt.step+"\n", "  - id: "+tt.step+"\n    pays: true\n", 1)
		if marked == src {
			t.Fatalf("%s has no step %s", tt.file, tt.step)
		}
		if _, errs := parse(tt.file, []byte(marked)); len(errs) != 1 || !strings.Contains(errs[0].Msg, "pays: only a dossier that counts toward payment_online") || errs[0].Line == 0 {
			t.Errorf("%s (%s): a paying step gave %v", tt.file, tt.why, errs)
		}
	}
	if g, _ := parse("khai-sinh.yaml", []byte(read("khai-sinh.yaml"))); g.PayStep() != -1 {
		t.Errorf("a guide that marks none: %d, want -1", g.PayStep())
	}

	// The shipped guides whose own text has the resident pay online at a
	// step (its title names the fee, or the step is the payment). khai-sinh
	// and khai-tu are free on time (a late fee only "if the portal asks"),
	// tro-cap-that-nghiep has no payment step: they mark none.
	c := shippedCatalog(t)
	want := map[string]string{
		"bhyt-ho-gia-dinh": "thanh-toan", "cai-chinh-ho-tich": "nop", "chung-thuc": "thanh-toan",
		"dang-ky-ho-kinh-doanh": "nop", "dang-ky-xe": "nop-le-phi", "doi-gplx": "nop-le-phi",
		"ho-chieu": "thanh-toan", "ly-lich-tu-phap": "thanh-toan", "tam-tru": "gui",
		"the-can-cuoc": "thanh-toan", "thuong-tru": "gui", "trich-luc-ho-tich": "nop",
		"xac-nhan-hon-nhan": "nop",
	}
	for _, g := range c.All() {
		i := g.PayStep()
		step, ok := want[g.ID]
		switch {
		case !ok && i >= 0:
			t.Errorf("%s marks step %s as paying", g.ID, g.Steps[i].ID)
		case ok && (i < 0 || g.Steps[i].ID != step):
			t.Errorf("%s: pay step %d, want %s", g.ID, i, step)
		}
	}
}
