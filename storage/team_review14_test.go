package storage_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// A search typed in /team finds a member by the beginnings of the words of
// their name or commune, diacritics or not; every word typed must be found.
func TestMatchesMember(t *testing.T) {
	for _, c := range []struct {
		search, name, commune string
		want                  bool
	}{
		{"tuan", "Tuấn", "Phường Quy Nhơn", true},
		{"TUẤN", "Tuấn", "", true},
		{"duc", "Nguyễn Đức", "", true},
		{"dung quy", "Dũng", "Phường Quy Nhơn Bắc", true},
		{"quy nhon bac", "Lan", "Phường Quy Nhơn Bắc", true},
		{"quy nhon bac", "Lan", "Phường Quy Nhơn", false},
		{"uan", "Tuấn", "", false}, // the beginning of a word, not any part
		{"tuan lan", "Tuấn", "", false},
		{"an", "Tuấn", "Phường Quy Nhơn", false},
	} {
		if got := storage.MatchesMember(c.search, c.name, c.commune); got != c.want {
			t.Errorf("MatchesMember(%q, %q, %q) = %v, want %v", c.search, c.name, c.commune, got, c.want)
		}
	}
}
