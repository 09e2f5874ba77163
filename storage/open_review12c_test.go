package storage_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A schema named after the application (search_path=dvcbot) is a usual
// run-time parameter in DATABASE_URL. When the database or the user of the
// same name is missing (a stack's first start, a typo), the server's answer
// — `database "dvcbot" does not exist`, `role "dvcbot" does not exist` —
// quotes the parameter's value, and was hidden as "the server refused a
// run-time parameter … quote the password": the operator was sent to look
// at the wrong thing. Only a parameter the server refused is hidden.
func TestOpenShowsAMissingDatabaseBesideASearchPath(t *testing.T) {
	t.Parallel()
	base, err := url.Parse(storagetest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	const name = "dvcbot_review12c_missing"
	for _, c := range []struct{ what, said string }{
		{"database", `database "` + name + `" does not exist`},
		{"user", `role "` + name + `" does not exist`},
	} {
		u := *base
		q := u.Query()
		q.Set("search_path", name)
		u.RawQuery = q.Encode()
		if c.what == "database" {
			u.Path = "/" + name
		} else {
			u.User = url.User(name)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		st, err := storage.Open(ctx, u.String())
		cancel()
		if err == nil {
			st.Close()
			t.Fatalf("a missing %s: opened", c.what)
		}
		if errors.Is(err, storage.ErrRefusedParameter) || !strings.Contains(err.Error(), c.said) {
			t.Errorf("a missing %s with search_path=%s: %v; want the server's %q", c.what, name, err, c.said)
		}
	}
	// A parameter the server refuses is still hidden.
	u := *base
	q := u.Query()
	q.Set("horse", "battery")
	u.RawQuery = q.Encode()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st, err := storage.Open(ctx, u.String())
	if err == nil {
		st.Close()
		t.Fatal("horse=battery: opened")
	}
	if !errors.Is(err, storage.ErrRefusedParameter) || strings.Contains(err.Error(), "horse") || strings.Contains(err.Error(), "battery") {
		t.Errorf("horse=battery: %v; want ErrRefusedParameter, without the pair", err)
	}
}
