package privacy

import "testing"

// Walk W1 (review 25): notes opening with a common English given name as
// their subject were stored ("Mary forgot her password", "John cannot log
// in", "Sarah is under 16"): only a kin word after the subject made it a
// person (review 25C). A given name most English speakers bear is one
// without it; a word that is no such name still needs the kin word.
func TestReview25LEnglishGivenNameAsSubject(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "Mary forgot her password", want: "name", name: true, rest: "forgot her password"},
		{text: "John cannot log in", want: "name", name: true, rest: "cannot log in"},
		{text: "Sarah is under 16", want: "name", name: true, rest: "is under 16"},
		{text: "Tom says the menu is called Tiện ích now", want: "name", name: true, rest: "says the menu is called Tiện ích now"},
		{text: "OTP failed. Emily needs a new SIM", want: "name", name: true, rest: "OTP failed. needs a new SIM"},
		// Not names.
		{text: "Samsung cannot install VNeID", rest: "="},
		{text: "Zalo says the code expired", rest: "="},
		{text: "Will needs a signature", rest: "="},
		{text: "Mark the box before submitting", rest: "="},
		{text: "Portal is down", rest: "="},
	})
}
