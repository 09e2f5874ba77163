package guides

import (
	"slices"
	"testing"
)

// A form asked for by its name: "CT01" found both residence guides, but
// "mẫu CT01" or "form CT01" found nothing — "mẫu" and "form" name no guide.
func TestSearchFormByItsName(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, want string }{
		{"mẫu CT01", "tam-tru"},
		{"form CT01", "tam-tru"},
		{"đăng ký tạm trú mẫu CT01", "tam-tru"},
	} {
		got := searchIDs(c, tt.query)
		if len(got) == 0 || !slices.Contains(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %s among them", tt.query, got, tt.want)
		}
	}
}
