package storage_test

import (
	"bytes"
	"context"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// The words CorrectCommuneQuery reads a slip against (read once per
// process from the embedded files) are those of the commune_names table,
// in every province: a reading made of words the table lacks finds
// nothing, and a word the table has but the files no longer do is never
// offered.
func TestUnitWordsAreTheTablesWords(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	var rows []struct {
		Province string `db:"province_code"`
		Search   string `db:"search"`
	}
	if err := st.DB().Select(&rows, `SELECT c.province_code, n.search FROM commune_names n JOIN communes c ON c.code = n.commune_code`); err != nil {
		t.Fatal(err)
	}
	counts := map[string]map[string]int{"": {}}
	for _, r := range rows {
		if counts[r.Province] == nil {
			counts[r.Province] = map[string]int{}
		}
		for _, w := range strings.Fields(r.Search) {
			if w == "|" { // between the name's parts, no word
				continue
			}
			counts[""][w]++
			counts[r.Province][w]++
		}
	}
	for province, byWord := range counts {
		words, n, err := storage.UnitWords(province)
		if err != nil {
			t.Fatal(err)
		}
		if len(words) != len(byWord) {
			t.Errorf("province %q: %d words read from the files, %d in the table", province, len(words), len(byWord))
		}
		for i, w := range words {
			if byWord[w] != n[i] {
				t.Errorf("province %q: %q counted %d times from the files, %d in the table", province, w, n[i], byWord[w])
				break
			}
		}
	}
}

// The units were seeded once, into empty tables: a later change to the
// embedded list or to vntext.Fold (the sort names, the searched text) left
// a database seeded before with the old rows, and the slips read from the
// files against a table that no longer matched them. A start now seeds
// again whatever differs from what the files and Fold give; a commune the
// database holds and the list no longer has stops the start, named.
func TestSeedFollowsTheUnitList(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	db := st.DB()
	// A start on a database seeded from these files changes nothing.
	var logs bytes.Buffer
	if err := st.Migrate(ctx, slog.New(slog.NewTextHandler(&logs, nil))); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(logs.String(), "units seeded") {
		t.Fatalf("a start seeded the units of a database seeded from the same files: %s", logs.String())
	}
	var want []string
	if err := db.Select(&want, `SELECT commune_code || label || search FROM commune_names ORDER BY 1`); err != nil {
		t.Fatal(err)
	}
	// As seeded by an older list, or an older Fold.
	for _, q := range []string{
		`UPDATE commune_names SET search = ' an hoi tay cu ' WHERE commune_code = '26882' AND is_current`,
		`DELETE FROM commune_names WHERE id IN (SELECT id FROM commune_names WHERE NOT is_current LIMIT 3)`,
		`UPDATE communes SET sort_name = 'zzz', name = 'Phường Cũ' WHERE code = '26882'`,
		`UPDATE provinces SET sort_name = 'zzz' WHERE code = '52'`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	logs.Reset()
	if err := st.Migrate(ctx, slog.New(slog.NewTextHandler(&logs, nil))); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "units seeded again") {
		t.Errorf("the units seeded again without a word: %s", logs.String())
	}
	var got []string
	if err := db.Select(&got, `SELECT commune_code || label || search FROM commune_names ORDER BY 1`); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("after a start, commune_names has %d rows, not the %d the files give", len(got), len(want))
	}
	var name, sortName, provinceSort string
	if err := db.QueryRow(`SELECT c.name, c.sort_name, p.sort_name FROM communes c, provinces p WHERE c.code = '26882' AND p.code = '52'`).Scan(&name, &sortName, &provinceSort); err != nil {
		t.Fatal(err)
	}
	if name != "Phường An Hội Tây" || sortName != "phuong an hoi tay" || provinceSort != "gia lai" {
		t.Errorf("after a start: commune %q sorted as %q, province sorted as %q", name, sortName, provinceSort)
	}

	// A commune the list no longer has: the start stops, saying which.
	if _, err := db.Exec(`INSERT INTO communes (code, province_code, name, kind, sort_name) VALUES ('99999', '52', 'Xã Đã Bỏ', 'xã', 'xa da bo')`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE provinces SET sort_name = 'zzz' WHERE code = '52'`); err != nil {
		t.Fatal(err)
	}
	err := st.Migrate(ctx, slog.New(slog.DiscardHandler))
	if err == nil || !strings.Contains(err.Error(), "99999") {
		t.Fatalf("a start with a commune the list lost: %v", err)
	}
}
