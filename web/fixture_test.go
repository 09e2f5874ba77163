package web

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

func TestMain(m *testing.M) { storagetest.Main(m) }

// fixture is a real database (storagetest: PostgreSQL, a fresh clone per
// test) with follow-ups made the way the bot makes them: a volunteer's
// case, then SaveFollowup.
type fixture struct {
	store *storage.Storage
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	st := storagetest.Open(t)
	if err := st.InTx(context.Background(), func(tx *storage.Tx) error {
		return tx.SetMembership(context.Background(), 1, "V", "26882", storage.RoleVolunteer) // Phường An Hội Tây
	}); err != nil {
		t.Fatal(err)
	}
	return &fixture{store: st}
}

// add makes a case of guide with a follow-up of code, due on due (zero:
// unknown; known: counted from the holidays file, else an estimate), and
// returns its link's token.
func (f *fixture) add(t testing.TB, guide, code string, due time.Time, known bool) string {
	t.Helper()
	ctx := context.Background()
	var token string
	err := f.store.InTx(ctx, func(tx *storage.Tx) error {
		started := now.Add(-time.Hour)
		c, err := tx.CreateCase(ctx, storage.Case{
			VolunteerID: 1, CommuneCode: sql.NullString{String: "26882", Valid: true},
			GuideID: guide, GuideChecked: started, Kind: "dossier", Mode: sql.NullString{String: "toan-trinh", Valid: true},
			StepsTotal: 5, Phase: storage.PhaseSteps, ConsentVersion: "vi-test", StartedAt: started,
		})
		if err != nil {
			return err
		}
		fu, err := tx.SaveFollowup(ctx, c.ID, code, due, known)
		token = fu.Token
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// read is the follow-up as storage has it now.
func (f *fixture) read(t testing.TB, token string) FollowupPage {
	t.Helper()
	p, err := f.store.FollowupByToken(context.Background(), token)
	if err != nil {
		t.Fatalf("read the follow-up back: %v", err)
	}
	return p
}

// purge removes the follow-up the way a resident's /forget does: the link
// is opened in Telegram (the resident's chat is kept), then forgotten.
func (f *fixture) purge(t testing.TB, token string) {
	t.Helper()
	ctx := context.Background()
	p := f.read(t, token)
	chat := 900000 + p.CaseID
	err := f.store.InTx(ctx, func(tx *storage.Tx) error {
		if _, err := tx.ClaimFollowup(ctx, p.CaseID, chat, "vi", now); err != nil {
			return err
		}
		cases, err := tx.ForgetResident(ctx, chat)
		if err == nil && len(cases) != 1 {
			t.Errorf("/forget removed the follow-ups of cases %v, want one", cases)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// comment is the follow-up's stored comment ("" when none).
func (f *fixture) comment(t testing.TB, token string) string {
	t.Helper()
	var c sql.NullString
	if err := f.store.DB().Get(&c, `SELECT comment FROM followups WHERE token = $1`, token); err != nil {
		t.Fatal(err)
	}
	return c.String
}
