package handlers

import (
	"testing"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// TestBuiltTextIDsExist checks the text ids the wizard builds from codes
// (outcomes, reasons, categories, phases, refusals): a missing one would
// show users the raw id.
func TestBuiltTextIDsExist(t *testing.T) {
	texts, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for kind, os := range outcomesOf {
		for _, o := range os {
			if kind == guides.KindDossier {
				ids = append(ids, "outcome."+o)
			} else {
				ids = append(ids, "outcome."+kind+"."+o)
			}
		}
		ids = append(ids, "case.reason_ask."+kind)
	}
	for _, rs := range reasonsOf {
		for _, r := range rs {
			ids = append(ids, "reason."+r)
		}
	}
	ids = append(ids, "reason."+reasonNotEligible)
	for _, c := range append(guides.Categories, guides.Essential) {
		ids = append(ids, "category."+c)
	}
	for _, p := range []string{storage.PhaseChecklist, storage.PhaseSteps, storage.PhaseOutcome, storage.PhaseReason, storage.PhaseDossier} {
		ids = append(ids, "resume.phase_"+p)
	}
	for _, p := range []string{"format", "number"} {
		ids = append(ids, "case.dossier_"+p)
	}
	for _, p := range []string{"long", "blank", "email", "number", "date", "secret", "plate", "penalty", "address", "name"} {
		ids = append(ids, "case.note_"+p)
	}
	for _, p := range []string{"email", "number", "date", "secret", "plate", "penalty", "name", "name_dropped"} {
		ids = append(ids, "case.query_"+p)
	}
	for _, p := range []string{"long", "email", "number", "date", "secret", "plate", "penalty", "address", "name"} {
		ids = append(ids, "followup.comment_"+p, "web.comment_"+p) // a resident's comment, in Telegram or on the page
	}
	for _, p := range []string{guides.PersonChild, guides.PersonParent, guides.PersonSpouse} {
		ids = append(ids, "case.no_procedure_"+noProcedureFor+"_"+p) // whom for, no procedure (guides.ForWhom)
	}
	for _, m := range []string{guides.ModeFull, guides.ModePartial} {
		ids = append(ids, "mode."+modeKey(m))
	}
	for _, lang := range locales.Languages {
		for _, id := range ids {
			if got := texts.For(lang).T(id); got == id || got == "" {
				t.Errorf("%s: no text %q", lang, id)
			}
		}
	}
}
