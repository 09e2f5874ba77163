package storagetest

import (
	"context"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// reusedState is what a test of Reused reads of its database.
type reusedState struct {
	name            string
	users, communes int
	nextCase        int64
	extra           bool // the table a spoiler made
}

func readReused(t *testing.T, st *storage.Storage) reusedState {
	t.Helper()
	ctx := context.Background()
	var s reusedState
	if err := st.DB().QueryRowContext(ctx, `SELECT current_database(), (SELECT count(*) FROM users), (SELECT count(*) FROM communes),
		nextval(pg_get_serial_sequence('cases', 'id')), to_regclass('spoiler') IS NOT NULL`).
		Scan(&s.name, &s.users, &s.communes, &s.nextCase, &s.extra); err != nil {
		t.Fatal(err)
	}
	return s
}

func exists(t *testing.T, name string) bool {
	t.Helper()
	var ok bool
	if err := shared.admin.QueryRow(`SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&ok); err != nil {
		t.Fatal(err)
	}
	return ok
}

// Not parallel: the tests of this package that are run before the parallel
// ones, so that nothing else takes the database handed on.
func TestReusedIsEmptiedAndHandedOn(t *testing.T) {
	var first reusedState
	t.Run("write", func(t *testing.T) {
		st := Reused(t)
		first = readReused(t, st)
		if _, err := st.DB().Exec(`INSERT INTO users (telegram_id, commune_code) SELECT 1, min(code) FROM communes;
			SELECT setval(pg_get_serial_sequence('cases', 'id'), 4600)`); err != nil {
			t.Fatal(err)
		}
		st.DB().SetMaxOpenConns(1) // put back for the next test
	})
	t.Run("again", func(t *testing.T) {
		st := Reused(t)
		got := readReused(t, st)
		want := reusedState{name: first.name, users: 0, communes: 3321, nextCase: 1}
		if got != want {
			t.Errorf("the second Reused: %+v, want %+v (the first's database, emptied)", got, want)
		}
		if n := st.DB().Stats().MaxOpenConnections; n != storage.MaxConns {
			t.Errorf("the pool handed on keeps %d connections at most, want Open's %d", n, storage.MaxConns)
		}
	})

	for _, spoil := range []struct {
		name string
		do   func(t *testing.T, st *storage.Storage)
	}{
		{"a table made", func(t *testing.T, st *storage.Storage) { mustExec(t, st, `CREATE TABLE spoiler (x int)`) }},
		{"a column added", func(t *testing.T, st *storage.Storage) { mustExec(t, st, `ALTER TABLE users ADD COLUMN spoiler int`) }},
		{"a commune renamed", func(t *testing.T, st *storage.Storage) {
			mustExec(t, st, `UPDATE communes SET name = name WHERE code = (SELECT min(code) FROM communes)`)
		}},
		{"a commune name removed", func(t *testing.T, st *storage.Storage) {
			mustExec(t, st, `DELETE FROM commune_names WHERE id = (SELECT max(id) FROM commune_names)`)
		}},
		{"a transaction left open", func(t *testing.T, st *storage.Storage) {
			tx, err := st.DB().Begin()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.Exec(`INSERT INTO users (telegram_id) VALUES (2)`); err != nil {
				t.Fatal(err)
			}
			// Never ended: the drop ends it.
		}},
	} {
		t.Run(spoil.name, func(t *testing.T) {
			var spoilt string
			t.Run("spoil", func(t *testing.T) {
				st := Reused(t)
				spoilt = readReused(t, st).name
				spoil.do(t, st)
			})
			if exists(t, spoilt) {
				t.Errorf("database %s still exists after its test ended", spoilt)
			}
			st := Reused(t)
			got := readReused(t, st)
			if got.name == spoilt || got.users != 0 || got.communes != 3321 || got.nextCase != 1 || got.extra {
				t.Errorf("after %s: %+v, want another database, as the template", spoil.name, got)
			}
		})
	}
}

func mustExec(t *testing.T, st *storage.Storage, query string) {
	t.Helper()
	if _, err := st.DB().Exec(query); err != nil {
		t.Fatal(err)
	}
}
