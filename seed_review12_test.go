package main

import (
	"testing"

	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// The seed's residents who answered or rated were followed up, but their
// cases were not marked so (cases.followup_kept, migration 00023): the
// seeded tallies said no dossier was followed while results came in. Now a
// seeded dossier submitted with the resident's yes keeps its code (most of
// them; some close with "Không có mã hồ sơ"), and only those are answered.
func TestSeedMarksDossiersFollowed(t *testing.T) {
	st := storagetest.Open(t)
	seedForTest(t, st, 2000)
	var kept, noCode, answeredNotKept, keptMisplaced int
	err := st.DB().QueryRow(`SELECT
		count(*) FILTER (WHERE followup_kept),
		count(*) FILTER (WHERE NOT followup_kept AND status = 'closed' AND followup_consent AND outcome IN ('submitted', 'paid')),
		count(*) FILTER (WHERE (followup_result IS NOT NULL OR rating IS NOT NULL) AND NOT followup_kept),
		count(*) FILTER (WHERE followup_kept AND NOT (status = 'closed' AND followup_consent AND outcome IN ('submitted', 'paid')))
		FROM cases`).Scan(&kept, &noCode, &answeredNotKept, &keptMisplaced)
	if err != nil {
		t.Fatal(err)
	}
	if kept < 100 || noCode == 0 || noCode > kept || answeredNotKept != 0 || keptMisplaced != 0 {
		t.Errorf("followed %d, yes but no code %d, answered but not followed %d, followed where no code can be %d",
			kept, noCode, answeredNotKept, keptMisplaced)
	}
}
