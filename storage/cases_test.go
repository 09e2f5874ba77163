package storage_test

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

func newCase(ctx context.Context, t *testing.T, tx *storage.Tx, volunteer int64, commune, guide string, at time.Time) storage.Case {
	t.Helper()
	c, err := tx.CreateCase(ctx, storage.Case{
		VolunteerID: volunteer, CommuneCode: sql.NullString{String: commune, Valid: commune != ""},
		GuideID: guide, GuideChecked: at, Kind: "dossier", Mode: sql.NullString{String: "toan-trinh", Valid: true}, StepsTotal: 5,
		Phase: storage.PhaseSteps, ConsentVersion: "vi-test", StartedAt: at,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The procedure list counts only each side's latest cases: a busy commune
// starts thousands in 90 days, and /new must not read them all.
func TestFrequentGuidesCountsTheLatest(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	inTx(t, st, func(tx *storage.Tx) error {
		for _, id := range []int64{1, 2} {
			if err := tx.SetMembership(ctx, id, "V", anHoiTay, storage.RoleVolunteer); err != nil {
				return err
			}
		}
		// tam-tru is both sides' most used, but earlier than their two
		// latest.
		at := func(h int) time.Time { return now.Add(time.Duration(h) * time.Hour) }
		newCase(ctx, t, tx, 1, anHoiTay, "tam-tru", at(-6))
		newCase(ctx, t, tx, 1, anHoiTay, "tam-tru", at(-5))
		newCase(ctx, t, tx, 1, anHoiTay, "khai-sinh", at(-2))
		newCase(ctx, t, tx, 1, anHoiTay, "ho-tich", at(-1))
		newCase(ctx, t, tx, 2, anHoiTay, "tam-tru", at(-6))
		newCase(ctx, t, tx, 2, anHoiTay, "ly-lich", at(-4))
		newCase(ctx, t, tx, 2, anHoiTay, "ly-lich", at(-3))
		newCase(ctx, t, tx, 2, anHoiTay, "dat-dai", at(-1))
		commune := sql.NullString{String: anHoiTay, Valid: true}
		for _, c := range []struct {
			sample int
			want   []string
		}{
			// The volunteer's latest two by recency, then the commune's
			// (ly-lich and dat-dai once each: by id).
			{2, []string{"ho-tich", "khai-sinh", "dat-dai", "ly-lich"}},
			{300, []string{"tam-tru", "ho-tich", "khai-sinh", "ly-lich", "dat-dai"}},
		} {
			ids, open, err := tx.FrequentGuides(ctx, 1, commune, now.AddDate(0, 0, -90), c.sample, 10)
			if err != nil {
				return err
			}
			if !slices.Equal(ids, c.want) || open != 4 {
				t.Errorf("FrequentGuides of the latest %d = %v, %d open; want %v, 4 open", c.sample, ids, open, c.want)
			}
		}
		return nil
	})
}

func TestCasesOpenFrequentAndFollowup(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	inTx(t, st, func(tx *storage.Tx) error {
		for _, id := range []int64{1, 2, 3} {
			if err := tx.SetMembership(ctx, id, "V", "26882", storage.RoleVolunteer); err != nil {
				return err
			}
		}
		// Volunteer 1: tam-tru twice, khai-sinh once (more recent); an old
		// case outside the window. Volunteer 2, same commune: ly-lich.
		// Volunteer 3, elsewhere: chung-thuc.
		newCase(ctx, t, tx, 1, anHoiTay, "tam-tru", now.Add(-3*time.Hour))
		newCase(ctx, t, tx, 1, anHoiTay, "tam-tru", now.Add(-2*time.Hour))
		ks := newCase(ctx, t, tx, 1, anHoiTay, "khai-sinh", now.Add(-time.Hour))
		newCase(ctx, t, tx, 1, anHoiTay, "ket-hon", now.AddDate(0, -6, 0))
		newCase(ctx, t, tx, 2, anHoiTay, "ly-lich", now)
		newCase(ctx, t, tx, 3, "", "chung-thuc", now)

		ids, open, err := tx.FrequentGuides(ctx, 1, sql.NullString{String: anHoiTay, Valid: true}, now.AddDate(0, 0, -90), 300, 10)
		if err != nil {
			return err
		}
		if want := []string{"tam-tru", "khai-sinh", "ly-lich"}; !slices.Equal(ids, want) || open != 4 {
			t.Errorf("FrequentGuides = %v, %d open; want %v, 4 open", ids, open, want)
		}
		// Someone with no commune sees only their own.
		if ids, open, err = tx.FrequentGuides(ctx, 3, sql.NullString{}, now.AddDate(0, 0, -90), 300, 10); err != nil || !slices.Equal(ids, []string{"chung-thuc"}) || open != 1 {
			t.Errorf("FrequentGuides without a commune = %v, %d open, %v", ids, open, err)
		}
		// Nothing used of late, nothing open: an empty list, not NULL.
		if ids, open, err = tx.FrequentGuides(ctx, 4, sql.NullString{}, now.AddDate(0, 0, -90), 300, 10); err != nil || len(ids) != 0 || open != 0 {
			t.Errorf("FrequentGuides of someone with no case = %v, %d open, %v", ids, open, err)
		}

		ks.Status, ks.Outcome, ks.FinishedAt = storage.CaseClosed, sql.NullString{String: "submitted", Valid: true}, sql.NullTime{Time: now, Valid: true}
		ks.UpdatedAt = now
		if err := tx.SaveCase(ctx, ks); err != nil {
			return err
		}
		opened, err := tx.OpenCases(ctx, 1, 0, 10)
		if err != nil {
			return err
		}
		if n, _ := tx.CountOpenCases(ctx, 1); len(opened) != 3 || n != 3 || opened[0].GuideID != "tam-tru" {
			t.Errorf("open cases: %d (count %d), first %+v", len(opened), n, opened)
		}
		if page, err := tx.OpenCases(ctx, 1, 2, 10); err != nil || len(page) != 1 || page[0].GuideID != "ket-hon" {
			t.Errorf("second page of open cases: %+v, %v", page, err)
		}
		// A case is only its volunteer's.
		if _, err := tx.Case(ctx, ks.ID, 2); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("another volunteer read case %d: %v", ks.ID, err)
		}
		if _, _, err := tx.Followup(ctx, ks.ID); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("followup before one was saved: %v", err)
		}
		due := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
		if _, err := tx.SaveFollowup(ctx, ks.ID, "H26.99-251127-0001", due, true); err != nil {
			return err
		}
		code, d, err := tx.Followup(ctx, ks.ID)
		if err != nil || code != "H26.99-251127-0001" || !d.Time.Equal(due) {
			t.Errorf("followup = %q %v %v", code, d, err)
		}
		return nil
	})
}
