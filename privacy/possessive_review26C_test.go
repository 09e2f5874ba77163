package privacy

import "testing"

// Review 26C: a name said as whose kin it is ("Kevin's son needs a
// passport", "Mary's mother lost her ID card") names a person as "Kevin
// needs a passport for his son" does, and was stored. Whose kin it is when
// no one is named ("the resident's son"), or a thing's possessive
// ("Samsung's app crashed"), is kept.
func TestReview26CPossessiveNameWithKin(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "Kevin's son needs a passport", want: "name", name: true, rest: "son needs a passport"},
		{text: "Mary's mother lost her ID card", want: "name", name: true, rest: "mother lost her ID card"},
		{text: "Kevin’s son needs a passport", want: "name", name: true, rest: "son needs a passport"},
		{text: "Kevin Tran's daughter needs a birth certificate", want: "name", name: true, rest: "daughter needs a birth certificate"},
		{text: "Passport for Brandy's son", want: "name", name: true, rest: "Passport son"},
		{text: "OTP failed. Kevin's son needs a passport", want: "name", name: true, rest: "OTP failed. son needs a passport"},
		// Not names.
		{text: "the resident's son needs a passport", rest: "="},
		{text: "Samsung's app crashed", rest: "="},
		{text: "The resident's son needs a passport", rest: "="},
		{text: "Resident's son needs a passport", rest: "="},
		{text: "Grandma's son needs a passport", rest: "="},
		{text: "Someone's son needs a passport", rest: "="},
		{text: "VNeID's login failed for her son", rest: "="},
		{text: "Apple's phone lost the mother's photo", rest: "="},
		{text: "My Son's Passport Expired", rest: "="},
	})
}
