package storagetest

import (
	"context"
	"log/slog"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
)

func TestMain(m *testing.M) { Main(m) }

func TestOpenGivesSeededDatabase(t *testing.T) {
	t.Parallel()
	st := Open(t)
	ctx := context.Background()
	var provinces, communes int
	if err := st.DB().GetContext(ctx, &provinces, `SELECT count(*) FROM provinces`); err != nil {
		t.Fatal(err)
	}
	if err := st.DB().GetContext(ctx, &communes, `SELECT count(*) FROM communes`); err != nil {
		t.Fatal(err)
	}
	if provinces != 34 || communes != 3321 {
		t.Errorf("the template has %d provinces and %d communes, want 34 and 3321", provinces, communes)
	}
	// Migrating again is a no-op: the copy carries goose's version table.
	if err := st.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		t.Errorf("Migrate on a copy of the template: %v", err)
	}
}

func TestOpensAreIsolated(t *testing.T) {
	t.Parallel()
	a, b := Open(t), Open(t)
	t.Logf("server: %s", shared.source) // read by TestPrivateServer and TestLocalServer
	ctx := context.Background()
	var nameA, nameB string
	a.DB().GetContext(ctx, &nameA, `SELECT current_database()`)
	b.DB().GetContext(ctx, &nameB, `SELECT current_database()`)
	if nameA == nameB || !strings.HasPrefix(nameA, testPrefix) || !strings.HasPrefix(nameB, testPrefix) {
		t.Fatalf("two Opens share a database or are misnamed: %q, %q", nameA, nameB)
	}
	if _, err := a.DB().ExecContext(ctx, `CREATE TABLE only_in_a (x int); TRUNCATE provinces, communes CASCADE`); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := b.DB().GetContext(ctx, &n, `SELECT count(*) FROM communes`); err != nil {
		t.Fatal(err)
	}
	if n != 3321 {
		t.Errorf("emptying communes in one database left %d in the other, want 3321", n)
	}
	if err := b.DB().GetContext(ctx, &n, `SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'`); err != nil || n != 0 {
		t.Errorf("a table created in one database shows in the other (n=%d, err=%v)", n, err)
	}
}

func TestURLIsDroppedAtCleanup(t *testing.T) {
	t.Parallel()
	var name string
	t.Run("use", func(t *testing.T) {
		u := URL(t)
		ctx := context.Background()
		// Two handles on one database, as a restart test would have.
		for range 2 {
			st, err := storage.Open(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			if err := st.DB().GetContext(ctx, &name, `SELECT current_database()`); err != nil {
				t.Fatal(err)
			}
			st.Close()
		}
		// Left open on purpose: the drop disconnects it.
		st, err := storage.Open(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
	})
	var exists bool
	if err := shared.admin.QueryRow(`SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	if exists {
		t.Errorf("database %s still exists after its test ended", name)
	}
}

func TestTemplateName(t *testing.T) {
	h := schemaHash()
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(h) || h != schemaHash() || h == storage.SchemaHash() {
		t.Fatalf("schemaHash() = %q, want 64 stable hex digits that cover more than storage's", h)
	}
	Open(t)
	if shared.template != "dvcbot_tmpl_"+h[:12] {
		t.Errorf("template %q, want dvcbot_tmpl_%s", shared.template, h[:12])
	}
	var isTemplate bool
	if err := shared.admin.QueryRow(`SELECT datistemplate FROM pg_database WHERE datname = $1`, shared.template).Scan(&isTemplate); err != nil || !isTemplate {
		t.Errorf("%s: datistemplate=%v err=%v", shared.template, isTemplate, err)
	}
}

func TestWithDatabase(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", "postgres://postgres@127.0.0.1:5432/x?sslmode=disable"},
		{"postgres://postgres@/postgres?host=/var/run/postgresql&sslmode=disable", "postgres://postgres@/x?host=/var/run/postgresql&sslmode=disable"},
		{"postgresql://u:p%40ss@db:5433?sslmode=require", "postgresql://u:p%40ss@db:5433/x?sslmode=require"},
		{"host=/tmp user=postgres dbname=postgres", "host=/tmp user=postgres dbname=postgres dbname=x"},
	} {
		if got := withDatabase(tc.in, "x"); got != tc.want {
			t.Errorf("withDatabase(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The private-server path, run in a child test process with the lookups of
// TEST_DATABASE_URL and the local server switched off: the child starts its
// own server, builds the template there, runs the isolation test, and stops
// the server (Main) so that nothing is left in its temp dir (on disk: the
// faster /dev/shm path is what the pgserver tests take).
func TestPrivateServer(t *testing.T) {
	if os.Getenv(envPrivate) == "1" {
		t.Skip("already in the private-server child")
	}
	if testing.Short() {
		t.Skip("starts a private PostgreSQL server")
	}
	tmp := t.TempDir()
	if err := os.Chmod(tmp, 0o755); err != nil { // the server's user must reach it
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^(TestOpensAreIsolated|TestOpenGivesSeededDatabase)$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), envPrivate+"=1", "TMPDIR="+tmp, "PGSERVER_NO_SHM=1", envURL+"=postgres://nobody@192.0.2.1:1/none")
	began := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("child took %v:\n%s", time.Since(began), out)
	if err != nil {
		t.Fatalf("child test process: %v", err)
	}
	if !strings.Contains(string(out), "on a private server (postgres://postgres@127.0.0.1:") {
		t.Errorf("the child did not use a private server")
	}
	left, _ := os.ReadDir(tmp)
	for _, e := range left {
		if strings.HasPrefix(e.Name(), "dvcbot-pg-") {
			t.Errorf("private server directory %s left behind", e.Name())
		}
	}
}

// The local-server path (DVCBOT_TEST_PRIVATE_PG=0), which a machine with
// PostgreSQL's binaries no longer takes by default: a child test process
// finds the server on the local default and runs the isolation test there.
func TestLocalServer(t *testing.T) {
	if os.Getenv(envPrivate) != "" {
		t.Skip("already in a child")
	}
	if testing.Short() {
		t.Skip("runs a child test process")
	}
	reachable := false
	for _, u := range localDefaults() {
		var e env
		if e.connect(context.Background(), u, 2*time.Second) == nil {
			e.admin.Close()
			reachable = true
			break
		}
	}
	if !reachable {
		t.Skip("no PostgreSQL server on the local default to test this path against")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestOpensAreIsolated$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), envPrivate+"=0", envURL+"=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child test process: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "server: the local server postgres://") {
		t.Errorf("the child did not use the local server:\n%s", out)
	}
}

// BenchmarkOpen measures what each Open costs a test: copy the template,
// connect, and at cleanup disconnect and drop the copy.
func BenchmarkOpen(b *testing.B) {
	URL(b) // find the server and build the template outside the timing
	ctx := context.Background()
	for b.Loop() {
		name := testPrefix + randomHex(8)
		if err := shared.createFromTemplate(ctx, name); err != nil {
			b.Fatal(err)
		}
		st, err := storage.Open(ctx, withDatabase(shared.adminURL, name))
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
		if err := shared.drop(ctx, name); err != nil {
			b.Fatal(err)
		}
	}
}
