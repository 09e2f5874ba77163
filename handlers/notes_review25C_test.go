package handlers_test

import "testing"

// Review 25C: a problem note naming the resident by an English given name
// with his kin ("Kevin needs a passport for his son"), or a child by a
// nickname no list knows ("con Sóc", "bé sóc"), was kept. Each is refused
// now, nothing kept; a note of "con số" (a number) is kept word for word.
func TestReview25CNoteNamingKevinOrSocRefused(t *testing.T) {
	notesRefusedThenKept(t, []noteRefusal{
		{"Kevin needs a passport for his son", "case.note_name"},
		{"con Sóc chưa có giấy khai sinh", "case.note_name"},
		{"bé sóc chưa có thẻ BHYT", "case.note_name"},
	}, "con số định danh của bé chưa có, hẹn quay lại")
}
