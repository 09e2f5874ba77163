package locales

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// texts returns every text of a locale file by id, a plural's forms as
// "id#one" and "id#other".
func texts(t *testing.T, lang string) map[string]string {
	t.Helper()
	var raw map[string]any
	if _, err := toml.DecodeFS(files, lang+".toml", &raw); err != nil {
		t.Fatalf("%s.toml: %v", lang, err)
	}
	out := map[string]string{}
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			id := strings.TrimPrefix(prefix+"."+k, ".")
			switch v := v.(type) {
			case string:
				out[id] = v
			case map[string]any:
				if _, plural := v["other"]; plural {
					for form, s := range v {
						out[id+"#"+form], _ = s.(string)
					}
				} else {
					walk(id, v)
				}
			default:
				t.Errorf("%s.toml: %s has unexpected type %T", lang, id, v)
			}
		}
	}
	walk("", raw)
	return out
}

var field = regexp.MustCompile(`\{\{\.(\w+)\}\}`)

func fields(s string) []string {
	var out []string
	for _, m := range field.FindAllStringSubmatch(s, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	slices.Sort(out)
	return out
}

// TestSameFieldsInEveryLanguage: a text whose translation drops or adds a
// field says less (or shows "<no value>") in one language. English may say
// a plural's "one" without its count ("once", "the unused invite link").
func TestSameFieldsInEveryLanguage(t *testing.T) {
	vi, en := texts(t, "vi"), texts(t, "en")
	for id, v := range vi {
		e, ok := en[id]
		if !ok {
			continue // TestSameKeysInEveryLanguage says so
		}
		want, got := fields(v), fields(e)
		if strings.HasSuffix(id, "#one") {
			want = slices.DeleteFunc(want, func(f string) bool { return f == "Count" && !slices.Contains(got, "Count") })
		}
		if !slices.Equal(want, got) {
			t.Errorf("%s: vi has fields %v, en %v", id, fields(v), fields(e))
		}
	}
}

// TestOneWordForOneThing: the words a reader met for the same thing in two
// places (review 12 of the texts). Vietnamese: "TNV" in a report beside
// "Tình nguyện viên"; "VNeID mức 2" beside "mức độ 2"; the web page's
// "góp ý" for what Telegram calls "nhận xét"; "nhắc việc người dân".
// English: "e-mail" beside "email"; the web page "erasing" what /forget
// "deletes"; dossiers "filed" beside "submitted"; "admins" beside the
// role's name "administrator"; "can't" beside "cannot".
func TestOneWordForOneThing(t *testing.T) {
	bad := map[string][]*regexp.Regexp{
		"vi": {regexp.MustCompile(`\bTNV\b`), regexp.MustCompile(`mức [0-9]`), regexp.MustCompile(`(?i)góp ý`),
			regexp.MustCompile(`tỉnh/thành(?:[^ ]| [^p]|$)`), regexp.MustCompile(`nhắc việc`), regexp.MustCompile(`cổng dịch vụ công bằng`)},
		"en": {regexp.MustCompile(`e-mail`), regexp.MustCompile(`(?i)\berase`), regexp.MustCompile(`\bfiled\b`),
			regexp.MustCompile(`\badmins?\b`), regexp.MustCompile(`can't`), regexp.MustCompile(`\baccents\b`)},
	}
	for lang, res := range bad {
		for id, s := range texts(t, lang) {
			for _, re := range res {
				if m := re.FindString(s); m != "" {
					t.Errorf("%s %s: %q in %q", lang, id, m, s)
				}
			}
		}
	}
}

// TestButtonLabelsFit: a full-width inline button on a phone shows about 36
// characters before Telegram cuts it with "…". Labels with a dossier code
// or a guide's title in them are left out: their length is the data's.
func TestButtonLabelsFit(t *testing.T) {
	buttons := []string{
		"button.back", "button.cancel", "button.next", "button.prev", "button.private_chat",
		"case.all_guides", "case.attach_button", "case.attach_no", "case.back", "case.back_to_steps",
		"case.begin", "case.done", "case.end_button", "case.fixed_done", "case.flag", "case.flag_app",
		"case.flag_vneid", "case.info", "case.new_button", "case.no_dossier", "case.no_note",
		"case.not_eligible", "case.other_guide", "case.other_problem", "case.pause", "case.problem",
		"case.problem_other", "case.replace_button", "case.resume_button", "case.skip", "case.to_step",
		"consent.no", "consent.read", "consent.yes",
		"flag.what_button", "flag.what_error", "flag.what_missing", "flag.what_order", "flag.what_other",
		"followup.comment_delete", "followup.comment_keep", "followup.comment_skip",
		"followup.consent_later", "followup.consent_no", "followup.consent_yes",
		"followup.forget_keep_button", "followup.member_mine", "followup.pass_button",
		"followup.reminder_got", "followup.reminder_not", "followup.reminder_problem", "followup.result_got",
		"invite.role_coordinator", "invite.role_volunteer", "invite.share", "invite.whole_province",
		"join.admin_no", "join.admin_yes", "join.move_no", "join.move_yes",
		"leave.no", "leave.yes", "outcome.not_submitted", "outcome.on_the_spot", "outcome.paid",
		"outcome.submitted", "outcome.account.done", "outcome.account.not_done",
		"outcome.payment.done", "outcome.payment.not_done",
		"reason.app_error", "reason.changed_mind", "reason.in_person", "reason.missing_doc",
		"reason.no_account", "reason.no_otp", "reason.no_vneid", "reason.not_eligible",
		"reason.other_reason", "reason.portal_error", "reason.self_later",
		"tally.change_unit", "tally.country", "tally.period_all", "tally.period_lastmonth",
		"tally.period_month", "tally.period_today", "tally.period_week", "tally.period_year",
		"team.close", "team.invites_button", "team.remove_yes", "team.revoke_button", "team.revoke_yes",
		"digest.turn_on", "digest.turn_off",
	}
	const max = 36
	for _, lang := range Languages {
		all := texts(t, lang)
		for _, id := range buttons {
			s, ok := all[id]
			if !ok {
				t.Errorf("%s: no button text %q", lang, id)
				continue
			}
			s = field.ReplaceAllString(s, "9999")
			if n := utf8.RuneCountInString(s); n > max {
				t.Errorf("%s %s: %d characters, a phone cuts it: %q", lang, id, n, s)
			}
		}
	}
}
