package guides

import (
	"slices"
	"testing"
)

// Review 24S: volunteers open a question politely before the procedure
// ("dạ cho em hỏi khai sinh", "em muốn hỏi về…", "cho e hỏi", "anh chị ơi
// cho em hỏi…"): "dạ" and the "hỏi" of "cho em hỏi" were kept as words to
// find, and such queries found nothing. They find what the procedure's
// name alone finds.
func TestPoliteOpenersAreFillers(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, same string }{
		{"dạ cho em hỏi khai sinh", "khai sinh"},
		{"da cho em hoi khai sinh", "khai sinh"},
		{"cho em hỏi thủ tục làm khai sinh", "khai sinh"},
		{"cho e hỏi thủ tục khai tử", "khai tử"},
		{"dạ anh chị ơi cho em hỏi làm căn cước", "căn cước"},
		{"em muốn hỏi về đăng ký tạm trú", "đăng ký tạm trú"},
		{"mình muốn hỏi đăng ký kết hôn", "đăng ký kết hôn"},
		{"cho tui hỏi chút về hộ chiếu", "hộ chiếu"},
		{"dạ cho cháu hỏi lý lịch tư pháp ạ", "lý lịch tư pháp"},
		// An opener before a loss: "làm" of "làm sao để" is no loss.
		{"làm sao để làm lại căn cước", "làm lại căn cước"},
		{"cho em hỏi làm lại thẻ bhyt", "làm lại thẻ bhyt"},
	} {
		got, want := searchIDs(c, tt.query), searchIDs(c, tt.same)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want what %q finds: %v", tt.query, got, tt.same, want)
		}
	}
	// Small talk is still none, and a name holding the words still found.
	for _, q := range []string{"dạ", "dạ vâng", "cho em hỏi", "dạ cho em hỏi ạ", "em muốn hỏi"} {
		if got := searchIDs(c, q); len(got) > 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
	}
}
