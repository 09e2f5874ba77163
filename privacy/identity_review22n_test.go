package privacy

import "testing"

// Review 22n: in English, a kin word or a title before a capitalised given
// name is a name ("my mother Lan", "Mr. Tuan"): it was searched and quoted
// back. The kin word stays, the name goes; a title goes with its name.
func TestEnglishKinOrTitleBeforeANameIsAName(t *testing.T) {
	for _, tt := range []struct{ text, rest string }{
		{"my mother Lan lost her bhyt card", "my mother lost her bhyt card"},
		{"mrs Hoa needs a passport", "needs a passport"},
		{"Mr. Tuan lost his ID card", "lost his ID card"},
		{"uncle Ba wants temporary residence", "uncle wants temporary residence"},
		{"her son Minh needs a birth certificate", "her son needs a birth certificate"},
		{"passport for Mrs Nguyen Thi Hoa", "passport"},
		{"birth certificate for my daughter Mai", "birth certificate for my daughter"},
		{"my mother lan lost her card", "my mother lost her card"},
	} {
		if !NamesPerson(tt.text) {
			t.Errorf("NamesPerson(%q) = false", tt.text)
		}
		if rest, dropped := WithoutIdentity(tt.text); !dropped || rest != tt.rest {
			t.Errorf("WithoutIdentity(%q) = %q, %v; want %q", tt.text, rest, dropped, tt.rest)
		}
	}
	for _, text := range []string{
		"my mother lost her bhyt card", "name wrong on birth certificate", "wrong name on birth certificate",
		"son of a veteran", "my son Needs a birth certificate", "my mother an ID card", "my son long ago",
		"Mother and Child health insurance", "my father Needs A Passport", "my daughter can log in",
	} {
		if NamesPerson(text) {
			t.Errorf("NamesPerson(%q) = true", text)
		}
	}
}

// Review 22n: what a search keeps of a text naming someone has no function
// word dangling where the name was ("khai sinh cho" bé Mai), and is empty
// when nothing but pronouns and function words are left ("mình" tên Lan):
// a name alone was typed.
func TestWithoutIdentityLeavesNoDanglingWords(t *testing.T) {
	for _, tt := range []struct{ text, rest string }{
		{"khai sinh cho bé Mai", "khai sinh"},
		{"khai sinh của bé Mai", "khai sinh"},
		{"tạm trú cho chị Lan tại phường 5", "tạm trú tại phường 5"},
		{"tam tru cho chu Ba o 12 Le Loi", "tam tru"},
		{"mình tên Lan", ""},
		{"người dân tên Lan", ""},
		{"ten la Mai", ""},
		{"bé tên: Mai", ""},
		{"named Lan", ""},
		{"my mother Lan", ""},
		{"tôi là bà Tư", ""},
		{"bà Tư muốn làm căn cước", "muốn làm căn cước"},
	} {
		if rest, dropped := WithoutIdentity(tt.text); !dropped || rest != tt.rest {
			t.Errorf("WithoutIdentity(%q) = %q, %v; want %q", tt.text, rest, dropped, tt.rest)
		}
	}
	// Procedure words with "tên" or "name" in them name no one.
	for _, text := range []string{
		"sai tên trên giấy khai sinh", "sai ten tren giay khai sinh", "tên đăng nhập vneid",
		"quên tên đăng nhập vneid", "name wrong on birth certificate", "khai sinh cho con",
	} {
		if rest, dropped := WithoutIdentity(text); dropped {
			t.Errorf("WithoutIdentity(%q) dropped a name: %q", text, rest)
		}
	}
}
