package guides

// What a volunteer walking the guides in the bot found wrong (review of
// 2026-11-30): each test failed on the guides as they were.

import (
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// nop-phat's checklist item 4 read "Bạn hiểu – nội dung vi phạm … là dữ
// liệu nhạy cảm": an instruction to the volunteer, shown as something the
// resident must bring. Checklist items are what the resident has; what the
// volunteer must do is said in a step. `guides check` refuses it now.
func TestChecklistItemsAreNotInstructions(t *testing.T) {
	c := shippedCatalog(t)
	for _, g := range c.All() {
		for _, p := range g.Prerequisites {
			if toVolunteer(p.Text) {
				t.Errorf("%s: checklist item %s speaks to the volunteer: %q", g.File(), p.ID, p.Text.Vi)
			}
		}
	}
	// and guides check refuses one
	good, err := os.ReadFile("khai-sinh.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const bad = "  - id: rieng-tu\n    text:\n      vi: Bạn hiểu – người dân tự nhập, bạn không ghi lại\n      en: You understand – the resident types it, you do not note it\n"
	src := strings.Replace(string(good), "prerequisites:\n", "prerequisites:\n"+bad, 1)
	if src == string(good) {
		t.Fatal("khai-sinh.yaml has no prerequisites to add to")
	}
	fsys := fstest.MapFS{"khai-sinh.yaml": {Data: []byte(src)}}
	for _, g := range c.All() { // the others, for sub-guides
		if g.ID != "khai-sinh" {
			d, _ := os.ReadFile(g.File())
			fsys[g.File()] = &fstest.MapFile{Data: d}
		}
	}
	withBad, err := Load(fsys)
	if err != nil {
		t.Fatalf("the file no longer loads: %v", err)
	}
	if _, refused := withBad.Review(time.Now()); !slices.ContainsFunc(refused, func(e Error) bool {
		return e.File == "khai-sinh.yaml" && strings.Contains(e.Msg, "checklist item")
	}) {
		t.Errorf("guides check takes a checklist item addressed to the volunteer; refused: %v", refused)
	}
}
