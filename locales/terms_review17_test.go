package locales

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Since Decree 42/2022 the online levels are "toàn trình" and "một phần";
// the old "mức độ 3/4" are kept beside them only as what they were
// (docs: domain.md). The tally's case list named a dossier "toàn trình
// (mức độ 4)", as if level 4 still existed, while the text and the summary
// sheet of the same report said "(trước đây: mức độ 4)". A service level
// is named as former wherever a text names one (VNeID's account levels,
// "mức độ 2", are current and not service levels).
func TestLegacyServiceLevelsNamedAsFormer(t *testing.T) {
	levels := map[string]*regexp.Regexp{
		"vi": regexp.MustCompile(`(\S+:? )?mức độ (3|4|\{\{\.Level\}\})`),
		"en": regexp.MustCompile(`(\S+ )?level[ -](3|4|\{\{\.Level\}\})`),
	}
	former := map[string]string{"vi": "đây: ", "en": "formerly "}
	for _, lang := range Languages {
		all := texts(t, lang)
		ids := slices.Sorted(func(yield func(string) bool) {
			for id := range all {
				if !yield(id) {
					return
				}
			}
		})
		for _, id := range ids {
			s := all[id]
			if strings.Contains(s, "VNeID") {
				continue
			}
			for _, m := range levels[lang].FindAllStringSubmatch(s, -1) {
				if !strings.HasSuffix(m[1], former[lang]) {
					t.Errorf("%s: %s names %q as a current level: %q", lang, id, m[0], s)
				}
			}
		}
	}
}

// The resident's Telegram account id was "mã Telegram" in the consent
// question and the erase texts: beside "mã hồ sơ", and read as the login
// code ("mã Telegram") scammers ask people for, a resident told that
// dvcbot "keeps their mã Telegram" could fear the bot had it.
func TestTelegramIDIsNotCalledACode(t *testing.T) {
	for id, s := range texts(t, "vi") {
		if strings.Contains(strings.ToLower(s), "mã telegram") {
			t.Errorf("vi: %s calls the Telegram id a code: %q", id, s)
		}
	}
}
