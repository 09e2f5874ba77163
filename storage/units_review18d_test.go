package storage_test

import (
	"context"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// typoReadings are slips and what CorrectCommuneQuery reads them as
// (province "" : everywhere).
var typoReadings = []struct{ typed, province, read string }{
	{"an hoi tey", "", "an hoi tay"},
	{"phuogn 12 go vap", "", "phuong 12 go vap"},
	{"quy nhonn", "52", "quy nhon"},
	{"gia lia", "", "gia lai"},
	{"xqzw kjv", "", ""},
	{"an hoi tey", "52", ""},
}

// BenchmarkCorrectCommuneQuery is a slip read (the reading found), and a
// query with no word near any name's (the answer of most no-matches).
func BenchmarkCorrectCommuneQuery(b *testing.B) {
	st := storagetest.Open(b)
	ctx := context.Background()
	for _, q := range []struct{ name, typed, province string }{
		{"slip", "an hoi tey", ""},
		{"slip_in_province", "quy nhonn", "52"},
		{"nothing_near", "xqzw kjv", ""},
	} {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				err := st.InTx(ctx, func(tx *storage.Tx) error {
					_, err := tx.CorrectCommuneQuery(ctx, q.typed, q.province)
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Review 18, item 3: CorrectCommuneQuery read the words of every unit's
// name from the database at each search that found nothing (a scan of
// commune_names, tens of milliseconds an update). It reads them once per
// process, from the files the table is seeded from; the slips are read
// as before.
func TestCorrectCommuneQueryReadsTheSameSlips(t *testing.T) {
	st := storagetest.Open(t)
	ctx := context.Background()
	for _, c := range typoReadings {
		err := st.InTx(ctx, func(tx *storage.Tx) error {
			read, err := tx.CorrectCommuneQuery(ctx, c.typed, c.province)
			if err == nil && read != c.read {
				t.Errorf("CorrectCommuneQuery(%q, %q) = %q, want %q", c.typed, c.province, read, c.read)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// The words read once are the table's, with the same counts, in the same
// order (the most common reading first): everywhere and in a province.
func TestUnitWordsAreTheTables(t *testing.T) {
	st := storagetest.Open(t)
	for _, province := range []string{"", "79", "52", "01", "96"} {
		var rows []struct {
			Word  string `db:"word"`
			Count int    `db:"n"`
		}
		err := st.DB().Select(&rows, `
			SELECT w AS word, count(*) AS n
			FROM commune_names n JOIN communes c ON c.code = n.commune_code,
			     unnest(string_to_array(trim(n.search), ' ')) w
			WHERE w NOT IN ('', '|') AND ($1 = '' OR c.province_code = $1)
			GROUP BY w
			ORDER BY n DESC, w COLLATE "C"`, province)
		if err != nil {
			t.Fatal(err)
		}
		words, counts, err := storage.UnitWords(province)
		if err != nil {
			t.Fatal(err)
		}
		if len(words) != len(rows) {
			t.Fatalf("province %q: %d words, the table has %d", province, len(words), len(rows))
		}
		for i, r := range rows {
			if words[i] != r.Word || counts[i] != r.Count {
				t.Fatalf("province %q, word %d: %q×%d, the table's %q×%d", province, i, words[i], counts[i], r.Word, r.Count)
			}
		}
	}
}
