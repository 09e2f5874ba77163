package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/pgserver"
)

// volunteersPerCommune spreads the bench's volunteers over communes, so that
// "most used" and the tallies read commune-sized slices, not one huge team.
const volunteersPerCommune = 10

// loadRow is what one chat count measured.
type loadRow struct {
	chats           int
	window          time.Duration // the measured window, as it really lasted
	handledInWindow int64
	p50, p95, p99   time.Duration
	// Over the whole run of this chat count (warm-up, window and the
	// drain after it), from quiet to quiet:
	updates    int64 // handled
	commits    int64 // pg_stat_database.xact_commit of the bot's database
	roundTrips int64
	allocated  uint64
	cases      int64         // cases that reached their summary
	silent     int64         // updates after which no reply came within 2s
	cpu        time.Duration // CPU time of the bot's process
	serverCPU  time.Duration // of the whole PostgreSQL server, when it runs on this machine; else -1
	benchCPU   time.Duration // of this process (the fake Telegram and the volunteers); -1 in-process
	peakRSS    int64         // bytes; -1 when unknown
	peakReset  bool          // peakRSS is this run's own (else: the process's so far)
	round      int           // 1, 2, … with -rounds
	ref        reference     // the round's pgbench (tps 0: none)
}

func (r loadRow) perSecond() float64 { return float64(r.handledInWindow) / r.window.Seconds() }

// benchLoad runs the reference (pgbench) and then, for each chat count,
// that many volunteers running whole birth-registration cases, each waiting
// for the bot's reply before the next tap, as a person would.
func benchLoad(ctx context.Context, cfg config, f benchFlags, stdout, stderr io.Writer) error {
	stderr = &lockedWriter{w: stderr} // the bot's process writes there too
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	where := "DATABASE_URL"
	if cfg.DatabaseURL == "" {
		// Started here, not by startLocal, so that pgbench can be pointed at
		// the very server the bot uses.
		fmt.Fprintln(stderr, "DATABASE_URL is not set: starting a private PostgreSQL server…")
		pg, err := pgserver.Start(ctx, log)
		if err != nil {
			return fmt.Errorf("database: %w (or set DATABASE_URL)", err)
		}
		defer pg.Stop()
		cfg.DatabaseURL = pg.URL()
		where = "private server (pgserver)"
	}
	// The bot's tables start empty at each run, in a database of their own
	// made here and dropped at the end: runs minutes apart on one database
	// slowed as the earlier runs' rows piled up (with autovacuum off, a
	// third between two runs of the same binary, 2026-12-02).
	if scratch, drop, err := scratchDatabase(ctx, cfg.DatabaseURL, "bot"); err != nil {
		fmt.Fprintf(stderr, "bench: the bot's tables go to the database given, with what earlier runs left there: %v\n", err)
	} else {
		defer drop()
		cfg.DatabaseURL = scratch
	}
	// A separate pool for the bench's own look at the server: its round
	// trips are not counted.
	admin, err := sql.Open("postgres", cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer admin.Close()
	admin.SetMaxOpenConns(1)
	var version, fsync, syncCommit, autovacuum string
	var backend int
	if err := admin.QueryRowContext(ctx, `SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('autovacuum'), pg_backend_pid()`).
		Scan(&version, &fsync, &syncCommit, &autovacuum, &backend); err != nil {
		return fmt.Errorf("bench: ask the server: %w", err)
	}
	server := postmasterOf(backend)

	// The first round's reference runs before the bot starts; a later
	// round's beside the bot, idle between two chat counts.
	var (
		ref reference
		tps []string // each round's, for the report
	)
	runRef := func(round int) (err error) {
		if f.reference > 0 {
			fmt.Fprintf(stderr, "reference (round %d): %s…\n", round, referenceName(f.reference, f.scale))
			ref, err = runReference(ctx, cfg.DatabaseURL, f.reference, f.scale, stderr)
			tps = append(tps, fmt.Sprintf("%.0f", ref.tps))
		}
		return err
	}
	if err := runRef(1); err != nil {
		return err
	}

	maxChats := slices.Max(f.chats)
	var (
		users []*telegramtest.User
		track = newTracker()
		b     loadBot
		l     *local
	)
	addUsers := func(srv *telegramtest.Server, cfg *config) {
		for i := range maxChats {
			users = append(users, srv.NewUser(fmt.Sprint("Bench", i), "vi"))
		}
		cfg.TapGuard = 0 // each press once, at once: none a double tap's second
	}
	if f.inProcess {
		dialer := &tripDialer{}
		storage.Dialer = dialer
		l, err = startLocal(ctx, cfg, log, stderr, addUsers, benchSenderOpts, []bot.Option{bot.WithOnHandled(track.handled)})
		storage.Dialer = nil
		if err != nil {
			return err
		}
		b = &inProcessBot{l: l, d: dialer}
	} else {
		if l, err = openLocal(ctx, cfg, log, stderr, addUsers); err != nil {
			return err
		}
		// The bench's own pool keeps no connection: the quiet moments wait
		// for the bot's to close.
		l.store.DB().SetMaxIdleConns(0)
		child, err := startChildBot(ctx, l.cfg, f.cpuprofile, track, stderr)
		if err != nil {
			l.stop()
			return err
		}
		b = child
		l.cleanups = append(l.cleanups, func() {
			if err := child.close(); err != nil {
				fmt.Fprintf(stderr, "bench: the bot process: %v\n", err)
			}
		})
	}
	defer l.stop()
	if err := joinCommunes(ctx, l.store, users); err != nil {
		return err
	}
	script, err := newCaseScript()
	if err != nil {
		return err
	}

	rows := make([]loadRow, 0, len(f.chats)*f.rounds)
	for round := 1; round <= f.rounds; round++ {
		if err := runRound(ctx, f, round, ref, users, script, track, b, admin, server, stderr, &rows); err != nil {
			return err
		}
		if round < f.rounds {
			if err := runRef(round + 1); err != nil {
				return err
			}
		}
	}

	fmt.Fprintf(stdout, "dvcbot bench — %s, %d CPUs, %s, Go %s; PostgreSQL %s, %s (fsync %s, synchronous_commit %s, autovacuum %s)\n",
		cpuModel(), runtime.NumCPU(), runtime.GOARCH, runtime.Version(), version, where, fsync, syncCommit, autovacuum)
	if ref.tps > 0 {
		fmt.Fprintf(stdout, "reference: %s: %s tps\n", ref.how, strings.Join(tps, ", "))
	}
	next := "the next tap at once after the reply"
	if f.pace > 0 {
		next = fmt.Sprintf("the next tap %v after the reply on average (exponential)", f.pace)
	}
	fmt.Fprintf(stdout, "load: each chat a volunteer running whole birth-registration cases (problems, backs, pauses at random), %s; %v measured per chat count\n\n", next, f.duration)
	printRows(stdout, rows)
	if f.rounds > 1 {
		fmt.Fprintf(stdout, "\nmedians of the %d rounds (lowest–highest):\n", f.rounds)
		printMedians(stdout, rows, f.chats)
	}
	fmt.Fprintln(stdout, "\nMarkdown (docs/benchmarks.md):")
	printMarkdown(stdout, rows)
	fmt.Fprintln(stdout, "\nlatency: from the user's send to the runtime's onHandled (the update's transaction committed and its replies sent); commits,")
	fmt.Fprintln(stdout, "round trips, allocations and CPU per update count warm-up and drain too. xact_commit counts every statement run outside a")
	fmt.Fprintln(stdout, "transaction as a commit. cases: cases closed during the chat count's run.")
	if f.inProcess {
		fmt.Fprintln(stdout, "-in-process: allocations, CPU and peak RSS are the whole process, fake Telegram and simulated volunteers included.")
	} else {
		fmt.Fprintln(stdout, "allocations, CPU and peak RSS are the bot's process alone (dvcbot bench-bot); the fake Telegram and the volunteers run in another")
		fmt.Fprintln(stdout, "(bench CPU).")
	}
	fmt.Fprintln(stdout, "PG CPU: the whole PostgreSQL server's processes (/proc; — when the server is not on this machine), other databases' work included.")
	return nil
}

// runRound runs each chat count once, from quiet to quiet, and adds a row
// for each to rows, with the round's reference.
func runRound(ctx context.Context, f benchFlags, round int, ref reference, users []*telegramtest.User, script *caseScript,
	track *tracker, b loadBot, admin *sql.DB, server int, stderr io.Writer, rows *[]loadRow) error {
	before, err := quiet(ctx, admin, b, track, server)
	if err != nil {
		return err
	}
	for _, n := range f.chats {
		fmt.Fprintf(stderr, "%d chats (round %d)…\n", n, round)
		reset := resetPeakRSS(b.pid())
		row, err := runChats(ctx, users[:n], script, track, f.duration, f.pace, heapProfile(f.memprofile, n))
		if err != nil {
			return err
		}
		after, err := quiet(ctx, admin, b, track, server)
		if err != nil {
			return err
		}
		row.round, row.ref = round, ref
		row.updates = after.handled - before.handled
		row.commits = after.commits - before.commits - after.own
		row.roundTrips = after.trips - before.trips
		row.allocated = after.allocated - before.allocated
		row.peakRSS, row.peakReset = peakRSS(b.pid()), reset
		row.cpu = after.cpu - before.cpu
		row.serverCPU, row.benchCPU = cpuDelta(before.serverCPU, after.serverCPU), cpuDelta(before.benchCPU, after.benchCPU)
		if f.inProcess {
			row.benchCPU = -1 // the bot's CPU is the whole process's
		}
		*rows = append(*rows, row)
		before = after
	}
	return nil
}

// joinCommunes makes every user a volunteer, volunteersPerCommune to a
// commune, the communes taken in code order.
func joinCommunes(ctx context.Context, store *storage.Storage, users []*telegramtest.User) error {
	var communes []string
	n := (len(users) + volunteersPerCommune - 1) / volunteersPerCommune
	if err := store.DB().SelectContext(ctx, &communes, `SELECT code FROM communes ORDER BY code LIMIT $1`, n); err != nil {
		return fmt.Errorf("bench: communes: %w", err)
	}
	if len(communes) == 0 {
		return fmt.Errorf("bench: no communes in the database")
	}
	return store.InTx(ctx, func(tx *storage.Tx) error {
		for i, u := range users {
			c := communes[i/volunteersPerCommune%len(communes)]
			if err := tx.SetMembership(ctx, u.ID, u.FirstName, c, storage.RoleVolunteer); err != nil {
				return err
			}
		}
		return nil
	})
}

// snapshot is the cumulative counters at a quiet moment.
type snapshot struct {
	handled, commits, trips int64
	allocated               uint64
	cpu                     time.Duration // the bot's process
	serverCPU, benchCPU     time.Duration // PostgreSQL's processes (-1: not here) and this one's
	// own counts the bench's own statements in the bot's database up to
	// and including the xact_commit reading: each is a transaction there.
	own int64
}

// quiet waits until the bot's pool has let go of its connections, so that
// every server backend of the bot has flushed its statistics (PostgreSQL
// keeps a busy backend's counts for up to ten seconds otherwise, and
// flushes them when it exits), and reads the counters.
func quiet(ctx context.Context, admin *sql.DB, b loadBot, t *tracker, server int) (snapshot, error) {
	if err := b.keepIdle(false); err != nil { // closes the idle connections: the bot is idle
		return snapshot{}, err
	}
	var s snapshot
	deadline := time.Now().Add(5 * time.Second)
	for {
		var others int
		err := admin.QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`).Scan(&others)
		if err != nil {
			return snapshot{}, fmt.Errorf("bench: pg_stat_activity: %w", err)
		}
		s.own++
		if others == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	// A backend leaves pg_stat_activity a moment before its exit flushes
	// its statistics.
	time.Sleep(50 * time.Millisecond)
	s.own++ // the next statement
	if err := admin.QueryRowContext(ctx, `SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`).Scan(&s.commits); err != nil {
		return s, fmt.Errorf("bench: pg_stat_database: %w", err)
	}
	var err error
	if s.trips, s.allocated, err = b.counters(); err != nil {
		return s, err
	}
	s.handled = t.count.Load()
	s.cpu = cpuTime(b.pid())
	s.serverCPU, s.benchCPU = serverCPU(server), cpuTime(os.Getpid())
	return s, b.keepIdle(true)
}

func cpuDelta(before, after time.Duration) time.Duration {
	if before < 0 || after < 0 {
		return -1
	}
	return after - before
}

// procStat reads /proc/PID/stat: the command and the fields after it
// (fields[0] is the state, fields[1] the parent, fields[11:15] utime,
// stime, cutime and cstime, in clock ticks).
func procStat(pid int) (comm string, fields []string, ok bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return "", nil, false
	}
	// The command is in parentheses and may hold spaces.
	head, rest, found := strings.Cut(string(b), ") ")
	_, comm, _ = strings.Cut(head, " (")
	fields = strings.Fields(rest)
	return comm, fields, found && len(fields) >= 15
}

// ticks sums fields of /proc/PID/stat as a duration.
func ticks(fields []string) (time.Duration, bool) {
	var n int64
	for _, f := range fields {
		v, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0, false
		}
		n += v
	}
	return time.Duration(n) * time.Second / clockTicks, true
}

// postmasterOf is the PostgreSQL server process whose backend is pid, or
// 0 when it does not run on this machine (in sight of /proc).
func postmasterOf(backend int) int {
	comm, fields, ok := procStat(backend)
	if !ok || comm != "postgres" {
		return 0
	}
	parent, err := strconv.Atoi(fields[1])
	if err != nil {
		return 0
	}
	if comm, _, ok := procStat(parent); !ok || comm != "postgres" {
		return 0
	}
	return parent
}

// serverCPU is the CPU time the whole server has used so far, or -1: the
// server process's own, its live children's (backends, the checkpointer,
// autovacuum…) and, as it reaps them, its exited children's (cutime). A
// backend reaped while its siblings are read would be in neither sum, and
// a run's connections close just before its last reading (one -rounds 3
// run read 0.10 ms of PostgreSQL per update at 50 chats and 1.23 at 200,
// as if that had happened), so the reading is taken again until the
// server reaped no one meanwhile.
func serverCPU(postmaster int) time.Duration {
	if postmaster == 0 {
		return -1
	}
	parent := strconv.Itoa(postmaster)
	for range 10 {
		_, pm, ok := procStat(postmaster)
		if !ok {
			return -1
		}
		total, ok := ticks(pm[11:15]) // utime, stime, cutime, cstime
		entries, err := os.ReadDir("/proc")
		if !ok || err != nil {
			return -1
		}
		for _, e := range entries {
			if pid, err := strconv.Atoi(e.Name()); err == nil {
				if _, f, ok := procStat(pid); ok && f[1] == parent {
					if d, ok := ticks(f[11:13]); ok {
						total += d
					}
				}
			}
		}
		if _, again, ok := procStat(postmaster); ok && slices.Equal(again[13:15], pm[13:15]) {
			return total
		}
	}
	return -1
}

// cpuTime is the CPU time process pid has used so far, user and system
// (/proc/PID/stat), or -1.
func cpuTime(pid int) time.Duration {
	_, fields, ok := procStat(pid)
	if !ok {
		return -1
	}
	d, ok := ticks(fields[11:13])
	if !ok {
		return -1
	}
	return d
}

// clockTicks is USER_HZ, the unit of /proc's CPU times: 100 on Linux.
const clockTicks = 100

// runChats runs n chats for a warm-up and then the measured window, and
// lets every chat's last update finish. With a pace, each chat pauses that
// long on average after a reply, and starts at a random moment of its first
// pause, so that the chats do not tap in step.
func runChats(ctx context.Context, users []*telegramtest.User, script *caseScript, t *tracker, window, pace time.Duration, atEnd func() error) (loadRow, error) {
	warm := min(max(window/5, 500*time.Millisecond, 2*pace), 3*time.Second+2*pace)
	var (
		stop   = make(chan struct{})
		wg     sync.WaitGroup
		errMu  sync.Mutex
		first  error
		once   sync.Once
		chats  = make([]*chatter, len(users))
		cases  atomic.Int64
		silent atomic.Int64
	)
	for i, u := range users {
		chats[i] = &chatter{u: u, s: script, t: t, rng: rand.New(rand.NewPCG(uint64(len(users)), uint64(i))), pace: pace, cases: &cases, silent: &silent}
		wg.Go(func() {
			if err := chats[i].run(ctx, stop); err != nil {
				errMu.Lock()
				if first == nil {
					first = err
				}
				errMu.Unlock()
				once.Do(func() { close(stop) })
			}
		})
	}
	wait := func(d time.Duration) { // cut short when a chat failed
		select {
		case <-time.After(d):
		case <-stop:
		case <-ctx.Done():
		}
	}
	wait(warm)
	t0, h0 := time.Now(), t.count.Load()
	wait(window)
	t1, h1 := time.Now(), t.count.Load()
	profErr := atEnd()
	once.Do(func() { close(stop) })
	wg.Wait()
	if first != nil {
		return loadRow{}, first
	}
	if profErr != nil {
		return loadRow{}, profErr
	}
	var lat []time.Duration
	for _, c := range chats {
		for _, s := range c.samples {
			if !s.sent.Before(t0) && s.sent.Before(t1) {
				lat = append(lat, s.took)
			}
		}
	}
	if len(lat) == 0 {
		return loadRow{}, fmt.Errorf("bench: no update sent and handled within the %v window (%d chats; %d updates handled in it; %d without a reply within 2s in the whole run)",
			window, len(users), h1-h0, silent.Load())
	}
	slices.Sort(lat)
	return loadRow{
		chats: len(users), window: t1.Sub(t0), handledInWindow: h1 - h0,
		p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99),
		cases: cases.Load(), silent: silent.Load(),
	}, nil
}

// heapProfile returns what writes the heap profile of -memprofile for n
// chats, while they run (nothing without the flag).
func heapProfile(file string, n int) func() error {
	if file == "" {
		return func() error { return nil }
	}
	return func() error {
		out, err := os.Create(fmt.Sprintf("%s.%d", file, n))
		if err != nil {
			return err
		}
		defer out.Close()
		return pprof.Lookup("heap").WriteTo(out, 0)
	}
}

// tracker tells each chat when its update was handled (the runtime's
// onHandled hook), and counts them all.
type tracker struct {
	mu      sync.Mutex
	early   map[int64]time.Time      // handled before anyone waited
	waiting map[int64]chan time.Time // waited for, not yet handled
	count   atomic.Int64
}

func newTracker() *tracker {
	return &tracker{early: map[int64]time.Time{}, waiting: map[int64]chan time.Time{}}
}

func (t *tracker) handled(id int64) {
	now := time.Now()
	t.count.Add(1)
	t.mu.Lock()
	defer t.mu.Unlock()
	if ch, ok := t.waiting[id]; ok {
		delete(t.waiting, id)
		ch <- now
		return
	}
	t.early[id] = now
}

// await returns when update id was handled.
func (t *tracker) await(ctx context.Context, id int64) (time.Time, error) {
	t.mu.Lock()
	if at, ok := t.early[id]; ok {
		delete(t.early, id)
		t.mu.Unlock()
		return at, nil
	}
	ch := make(chan time.Time, 1)
	t.waiting[id] = ch
	t.mu.Unlock()
	timeout := time.NewTimer(2 * time.Minute)
	defer timeout.Stop()
	select {
	case at := <-ch:
		return at, nil
	case <-timeout.C:
		return time.Time{}, fmt.Errorf("bench: update %d not handled within 2 minutes", id)
	case <-ctx.Done():
		return time.Time{}, ctx.Err()
	}
}

// tripDialer counts round trips to the server: a connection's first write
// after a read (or its very first write) starts one, since lib/pq writes
// all of a request's messages before it reads the answer. Connection
// start-up (and its authentication exchange) counts too, as the pool pays
// for it.
type tripDialer struct {
	d     net.Dialer
	trips atomic.Int64
}

func (d *tripDialer) Dial(network, address string) (net.Conn, error) {
	return d.DialContext(context.Background(), network, address)
}

func (d *tripDialer) DialTimeout(network, address string, timeout time.Duration) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return d.DialContext(ctx, network, address)
}

func (d *tripDialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	c, err := d.d.DialContext(ctx, network, address)
	if err != nil {
		return nil, err
	}
	return &tripConn{Conn: c, trips: &d.trips}, nil
}

type tripConn struct {
	net.Conn
	trips   *atomic.Int64
	writing atomic.Bool // the last call was a write
}

func (c *tripConn) Write(b []byte) (int, error) {
	if !c.writing.Swap(true) {
		c.trips.Add(1)
	}
	return c.Conn.Write(b)
}

func (c *tripConn) Read(b []byte) (int, error) {
	c.writing.Store(false)
	return c.Conn.Read(b)
}

// caseScript holds the labels a volunteer looks for on the screens of a
// birth-registration case.
type caseScript struct {
	guide                                      string // the guide's title
	done, problem, back, pause, fixed, begin   string
	consentYes, consentNo, newCase, noDossier  string
	problemOther, problemPick, noteAsk, outAsk string
	outcomes, reasons                          []string
	summaryHead, pick                          string
}

// birthRegistration is the guide the bench's volunteers follow, and the
// Vietnamese texts of its buttons.
func birthRegistration() (*guides.Guide, *locales.Localizer, error) {
	texts, err := locales.Load("vi", nil)
	if err != nil {
		return nil, nil, err
	}
	catalog, err := guides.Shipped()
	if err != nil {
		return nil, nil, err
	}
	g, ok := catalog.Guide("khai-sinh")
	if !ok {
		return nil, nil, fmt.Errorf("bench: no khai-sinh guide in the catalog")
	}
	return g, texts.For("vi"), nil
}

func newCaseScript() (*caseScript, error) {
	g, t, err := birthRegistration()
	if err != nil {
		return nil, err
	}
	noteAsk, _, _ := strings.Cut(t.T("case.note_ask", locales.Data{"Max": 1}), "(")
	summaryHead, _, _ := strings.Cut(t.T("summary.head", locales.Data{"Case": 1}), "#")
	return &caseScript{
		guide: g.Title.Vi,
		done:  t.T("case.done"), problem: t.T("case.problem"), back: t.T("case.back"), pause: t.T("case.pause"),
		fixed: t.T("case.fixed_done"), begin: t.T("case.begin"),
		consentYes: t.T("consent.yes"), consentNo: t.T("consent.no"), newCase: t.T("case.new_button"), noDossier: t.T("case.no_dossier"),
		problemOther: t.T("case.problem_other"), problemPick: t.T("case.problem_pick"), noteAsk: noteAsk, outAsk: t.T("case.outcome_ask"),
		// Most cases are submitted (two in three then ask for the code).
		outcomes: []string{t.T("outcome.submitted"), t.T("outcome.submitted"), t.T("outcome.submitted"), t.T("outcome.paid"),
			t.T("outcome.on_the_spot"), t.T("outcome.not_submitted")},
		reasons:     []string{t.T("reason.no_vneid"), t.T("reason.missing_doc"), t.T("reason.portal_error"), t.T("reason.changed_mind")},
		summaryHead: summaryHead, pick: t.T("case.pick"),
	}, nil
}

// chatter is one simulated volunteer.
type chatter struct {
	u       *telegramtest.User
	s       *caseScript
	t       *tracker
	rng     *rand.Rand
	pace    time.Duration         // mean pause after a reply (0: none)
	screen  *telegramtest.Message // the newest message changed, that has buttons
	samples []sample
	cases   *atomic.Int64
	silent  *atomic.Int64
	codes   int
}

type sample struct {
	sent time.Time
	took time.Duration
}

// run taps until stop is closed; it returns after the last update's reply.
func (c *chatter) run(ctx context.Context, stop <-chan struct{}) error {
	// Without a pace no draw is made: the chats tap as they did before -pace.
	pause := func(draw func() time.Duration) bool {
		if c.pace <= 0 {
			return true
		}
		d := draw()
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			return true
		case <-stop:
			return false
		case <-ctx.Done():
			return false
		}
	}
	if !pause(func() time.Duration { return time.Duration(c.rng.Int64N(int64(c.pace))) }) {
		return ctx.Err()
	}
	for ctx.Err() == nil {
		select {
		case <-stop:
			return nil
		default:
		}
		begin := time.Now()
		id := c.act()
		at, err := c.t.await(ctx, id)
		if err != nil {
			return err
		}
		c.samples = append(c.samples, sample{begin, at.Sub(begin)})
		c.read()
		if !pause(func() time.Duration { return time.Duration(c.rng.ExpFloat64() * float64(c.pace)) }) {
			break
		}
	}
	return ctx.Err()
}

// read takes in the bot's reply. The runtime calls onHandled after the
// update's replies were sent, so they are usually there already; waiting
// on the fake server wakes every waiting chat at each message, which is why
// it comes second.
func (c *chatter) read() {
	got := c.drain()
	if got == 0 {
		if m, err := c.u.Next(2 * time.Second); err == nil {
			c.see(m)
			c.drain()
		} else {
			c.silent.Add(1)
		}
	}
}

func (c *chatter) drain() int {
	n := 0
	for {
		m, err := c.u.Next(0)
		if err != nil {
			return n
		}
		c.see(m)
		n++
	}
}

func (c *chatter) see(m *telegramtest.Message) {
	if strings.HasPrefix(m.Text, c.s.summaryHead) {
		c.cases.Add(1)
	}
	if len(m.Buttons()) > 0 {
		c.screen = m
	} else if c.screen != nil && c.screen.ID == m.ID {
		c.screen = nil // an edit took the buttons away
	}
}

// act makes the next tap (or typed answer) on the screen shown, and returns
// its update id. Odds per step press: 8% a problem (then a fix), 8% back, 5%
// a pause (then continue); the rest ✓ Done.
func (c *chatter) act() int64 {
	m := c.screen
	if m == nil {
		return c.u.SendText("/new")
	}
	has := func(label string) bool {
		for _, b := range m.Buttons() {
			if b.Text == label {
				return true
			}
		}
		return false
	}
	press := func(label string) int64 {
		id, err := c.u.PressOn(m.ID, label)
		if err != nil {
			return c.u.SendText("/new")
		}
		return id
	}
	r := c.rng.Float64()
	s := c.s
	switch {
	case has(s.done): // a step
		switch {
		case r < 0.08:
			return press(s.problem)
		case r < 0.16:
			return press(s.back)
		case r < 0.21:
			return press(s.pause)
		}
		return press(s.done)
	case has(s.fixed):
		return press(s.fixed)
	case strings.Contains(m.Text, s.problemPick):
		var errs []string
		for _, b := range m.Buttons() {
			if b.Text != s.problemOther && b.Text != s.pause && !strings.HasPrefix(b.Text, "←") {
				errs = append(errs, b.Text)
			}
		}
		if len(errs) == 0 {
			return press(s.problemOther)
		}
		return press(errs[c.rng.IntN(len(errs))])
	case strings.Contains(m.Text, s.noteAsk):
		return c.u.SendText("Cổng treo khi chọn xã")
	case strings.HasPrefix(m.Buttons()[0].Text, "←"): // a note refused: back to the step
		return press(m.Buttons()[0].Text)
	case strings.HasPrefix(m.Buttons()[0].Text, "▶"): // paused
		return press(m.Buttons()[0].Text)
	case has(s.outcomes[0]):
		return press(s.outcomes[c.rng.IntN(len(s.outcomes))])
	case has(s.reasons[0]):
		return press(s.reasons[c.rng.IntN(len(s.reasons))])
	case has(s.noDossier):
		if r < 0.7 {
			c.codes++
			return c.u.SendText(fmt.Sprintf("000.00.12.H26-251127-%04d", c.codes%10000))
		}
		return press(s.noDossier)
	case has(s.newCase): // the summary
		return press(s.newCase)
	case has(s.consentYes):
		if r < 0.5 {
			return press(s.consentYes)
		}
		return press(s.consentNo)
	case has(s.begin): // the checklist: tick an item now and then
		if r < 0.3 {
			for _, b := range m.Buttons() {
				if strings.HasPrefix(b.Text, "☐") {
					return press(b.Text)
				}
			}
		}
		return press(s.begin)
	case has(s.guide): // the pick (where one in five types the name) or the search's answer
		if r < 0.2 && strings.HasPrefix(m.Text, s.pick) {
			return c.u.SendText("khai sinh")
		}
		return press(s.guide)
	}
	if r < 0.2 {
		return c.u.SendText("khai sinh")
	}
	return c.u.SendText("/new")
}

// reference is the machine's own yardstick: how many tiny write
// transactions a second the same server commits.
type reference struct {
	tps float64
	how string
}

// refClients is pgbench's -c.
const refClients = 8

func referenceName(d time.Duration, scale int) string {
	return fmt.Sprintf("pgbench -N -c %d -j 2 -T %d, scale %d", refClients, refSeconds(d), scale)
}

func refSeconds(d time.Duration) int { return max(1, int(math.Round(d.Seconds()))) }

// scratchDatabase makes an empty database on url's server, named for what
// and this process, and returns its URL and a function that drops it.
func scratchDatabase(ctx context.Context, url, what string) (string, func(), error) {
	name := fmt.Sprintf("dvcbot_bench_%s_%d", what, os.Getpid())
	exec := func(ctx context.Context, stmt string) error {
		db, err := sql.Open("postgres", url)
		if err != nil {
			return err
		}
		defer db.Close()
		_, err = db.ExecContext(ctx, stmt)
		return err
	}
	if err := exec(ctx, `DROP DATABASE IF EXISTS `+name); err != nil {
		return "", nil, err
	}
	if err := exec(ctx, `CREATE DATABASE `+name); err != nil {
		return "", nil, fmt.Errorf("create database %s (the role needs CREATEDB): %w", name, err)
	}
	drop := func() { exec(context.Background(), `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`) } //nolint:errcheck // best effort
	scratch, err := withDatabase(url, name)
	if err != nil {
		drop()
		return "", nil, err
	}
	return scratch, drop, nil
}

// runReference runs pgbench -N (or, without pgbench, a loop of the same
// transaction) in a scratch database of the bot's server, made and dropped
// here.
func runReference(ctx context.Context, url string, d time.Duration, scale int, stderr io.Writer) (reference, error) {
	scratch, drop, err := scratchDatabase(ctx, url, "ref")
	if err != nil {
		return reference{}, fmt.Errorf("bench: reference database (or -reference 0): %w", err)
	}
	defer drop()
	if path := findPgbench(); path != "" {
		return runPgbench(ctx, path, scratch, d, scale)
	}
	fmt.Fprintln(stderr, "pgbench is not installed: a loop of pgbench -N's transaction instead")
	return loopReference(ctx, scratch, d, scale)
}

// withDatabase points a connection URL (or key=value string) at another
// database of the same server.
func withDatabase(url, name string) (string, error) {
	if !strings.Contains(url, "://") {
		return url + " dbname=" + name, nil
	}
	scheme, rest, _ := strings.Cut(url, "://")
	hostPart, query := rest, ""
	if i := strings.IndexAny(rest, "?"); i >= 0 {
		hostPart, query = rest[:i], rest[i:]
	}
	if i := strings.Index(hostPart, "/"); i >= 0 {
		hostPart = hostPart[:i]
	}
	return scheme + "://" + hostPart + "/" + name + query, nil
}

// findPgbench looks on PATH, then among Debian's versioned installs (newest
// first).
func findPgbench() string {
	if p, err := exec.LookPath("pgbench"); err == nil {
		return p
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pgbench")
	slices.SortFunc(dirs, func(a, b string) int { return versionOf(b) - versionOf(a) })
	if len(dirs) > 0 {
		return dirs[0]
	}
	return ""
}

func versionOf(path string) int {
	n, _ := strconv.Atoi(strings.Split(strings.TrimPrefix(path, "/usr/lib/postgresql/"), "/")[0])
	return n
}

// runPgbench initialises pgbench's tables (quietly) and runs -N. The
// connection string goes in PGDATABASE, which pgbench reads as one, not on
// its command line, where anyone on the machine could read its password
// (ps).
func runPgbench(ctx context.Context, path, url string, d time.Duration, scale int) (reference, error) {
	run := func(args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, path, args...)
		cmd.Env = append(os.Environ(), "PGDATABASE="+url)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return "", fmt.Errorf("bench: %s %s: %w\n%s", path, strings.Join(args, " "), err, out)
		}
		return string(out), nil
	}
	if _, err := run("-i", "-q", "-s", strconv.Itoa(scale)); err != nil {
		return reference{}, err
	}
	out, err := run("-N", "-c", strconv.Itoa(refClients), "-j", "2", "-T", strconv.Itoa(refSeconds(d)))
	if err != nil {
		return reference{}, err
	}
	m := tpsLine.FindStringSubmatch(out)
	if m == nil {
		return reference{}, fmt.Errorf("bench: no tps in pgbench's output:\n%s", out)
	}
	tps, _ := strconv.ParseFloat(m[1], 64)
	return reference{tps: tps, how: referenceName(d, scale) + " (" + path + ")"}, nil
}

// tpsLine is pgbench's result line, e.g. "tps = 4213.5 (without initial
// connection time)".
var tpsLine = regexp.MustCompile(`(?m)^tps = ([0-9.]+)`)

// loopReference is pgbench -N's transaction (BEGIN; UPDATE an account;
// SELECT its balance; INSERT into history; END), one commit each, from
// refClients connections, each statement one round trip as in pgbench.
func loopReference(ctx context.Context, url string, d time.Duration, scale int) (reference, error) {
	db, err := sql.Open("postgres", url)
	if err != nil {
		return reference{}, err
	}
	defer db.Close()
	db.SetMaxOpenConns(refClients)
	accounts := 100000 * scale
	for _, q := range []string{
		`CREATE TABLE acc (aid int PRIMARY KEY, abalance int NOT NULL DEFAULT 0, filler char(84))`,
		fmt.Sprintf(`INSERT INTO acc (aid) SELECT generate_series(1, %d)`, accounts),
		`CREATE TABLE hist (aid int, delta int, mtime timestamp, filler char(22))`,
		`VACUUM ANALYZE acc`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return reference{}, fmt.Errorf("bench: reference tables: %w", err)
		}
	}
	var (
		commits atomic.Int64
		wg      sync.WaitGroup
		errMu   sync.Mutex
		first   error
	)
	end := time.Now().Add(time.Duration(refSeconds(d)) * time.Second)
	begin := time.Now()
	for i := range refClients {
		wg.Go(func() {
			conn, err := db.Conn(ctx)
			if err != nil {
				errMu.Lock()
				first = err
				errMu.Unlock()
				return
			}
			defer conn.Close()
			rng := rand.New(rand.NewPCG(7, uint64(i)))
			for time.Now().Before(end) {
				aid, delta := 1+rng.IntN(accounts), rng.IntN(10001)-5000
				for _, q := range []string{
					"BEGIN",
					fmt.Sprintf("UPDATE acc SET abalance = abalance + %d WHERE aid = %d", delta, aid),
					fmt.Sprintf("SELECT abalance FROM acc WHERE aid = %d", aid),
					fmt.Sprintf("INSERT INTO hist (aid, delta, mtime) VALUES (%d, %d, CURRENT_TIMESTAMP)", aid, delta),
					"END",
				} {
					if _, err := conn.ExecContext(ctx, q); err != nil {
						errMu.Lock()
						first = err
						errMu.Unlock()
						return
					}
				}
				commits.Add(1)
			}
		})
	}
	wg.Wait()
	if first != nil {
		return reference{}, fmt.Errorf("bench: reference loop: %w", first)
	}
	return reference{
		tps: float64(commits.Load()) / time.Since(begin).Seconds(),
		how: fmt.Sprintf("a loop of pgbench -N's transaction (no pgbench here), %d connections, %ds, scale %d", refClients, refSeconds(d), scale),
	}, nil
}

func printRows(w io.Writer, rows []loadRow) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	rounds := rows[len(rows)-1].round > 1
	if rounds {
		fmt.Fprint(tw, "round\t")
	}
	fmt.Fprintln(tw, "chats\tupdates/s\tvs pgbench\tp50\tp95\tp99\tcommits/upd\ttrips/upd\talloc/upd\tCPU/upd\tpeak RSS\tcases\tPG CPU/upd\tbench CPU/upd\t")
	for _, r := range rows {
		if rounds {
			fmt.Fprintf(tw, "%d\t", r.round)
		}
		fmt.Fprintf(tw, "%d\t%.0f\t%s\t%s\t%s\t%s\t%.2f\t%.1f\t%s\t%s\t%s\t%d\t%s\t%s\t\n",
			r.chats, r.perSecond(), ratio(r), ms(r.p50), ms(r.p95), ms(r.p99),
			float64(r.commits)/float64(r.updates), float64(r.roundTrips)/float64(r.updates),
			kib(r.allocated, r.updates), cpuPer(r.cpu, r.updates), rss(r), r.cases,
			cpuPer(r.serverCPU, r.updates), cpuPer(r.benchCPU, r.updates))
	}
	tw.Flush()
	for _, r := range rows {
		if r.silent > 0 {
			fmt.Fprintf(w, "(%d chats, round %d: %d updates got no reply within 2s)\n", r.chats, r.round, r.silent)
		}
	}
}

// printMedians sums the rounds up: for each chat count, the median of its
// rounds' updates/s, ratios to their own round's pgbench and p99s, each
// with the lowest and the highest.
func printMedians(w io.Writer, rows []loadRow, chats []int) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "chats\tupdates/s\tvs pgbench\tp99\t")
	for _, n := range chats {
		var rate, share, p99 []float64
		for _, r := range rows {
			if r.chats != n {
				continue
			}
			rate = append(rate, r.perSecond())
			if r.ref.tps > 0 {
				share = append(share, 100*r.perSecond()/r.ref.tps)
			}
			p99 = append(p99, float64(r.p99)/float64(time.Millisecond))
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t\n", n, spread(rate, "%.0f", ""), spread(share, "%.1f", "%"), spread(p99, "%.0f", "ms"))
	}
	tw.Flush()
}

// spread is "median (lowest–highest)" of vs, each in format and unit; "—"
// for none.
func spread(vs []float64, format, unit string) string {
	if len(vs) == 0 {
		return "—"
	}
	slices.Sort(vs)
	med := vs[len(vs)/2]
	if len(vs)%2 == 0 {
		med = (vs[len(vs)/2-1] + vs[len(vs)/2]) / 2
	}
	f := func(v float64) string { return fmt.Sprintf(format, v) + unit }
	return fmt.Sprintf("%s (%s–%s)", f(med), f(vs[0]), f(vs[len(vs)-1]))
}

func printMarkdown(w io.Writer, rows []loadRow) {
	round, rule := "", ""
	if rows[len(rows)-1].round > 1 {
		round, rule = "| round ", "|---"
	}
	fmt.Fprintln(w, round+"| chats | updates/s | of pgbench -N | latency p50 / p95 / p99 | commits / update | round trips / update | allocated / update | CPU / update: bot, PostgreSQL, bench | peak RSS |")
	fmt.Fprintln(w, rule+"|---|---|---|---|---|---|---|---|---|")
	for _, r := range rows {
		if round != "" {
			fmt.Fprintf(w, "| %d ", r.round)
		}
		fmt.Fprintf(w, "| %d | %.0f | %s | %s / %s / %s ms | %.2f | %.1f | %s | %s, %s, %s | %s |\n",
			r.chats, r.perSecond(), ratio(r), msNum(r.p50), msNum(r.p95), msNum(r.p99),
			float64(r.commits)/float64(r.updates), float64(r.roundTrips)/float64(r.updates),
			kib(r.allocated, r.updates), cpuPer(r.cpu, r.updates), cpuPer(r.serverCPU, r.updates), cpuPer(r.benchCPU, r.updates), rss(r))
	}
}

// ratio is the row's updates/s to its round's pgbench tps.
func ratio(r loadRow) string {
	if r.ref.tps <= 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", 100*r.perSecond()/r.ref.tps)
}

func ms(d time.Duration) string { return msNum(d) + "ms" }

func msNum(d time.Duration) string {
	v := float64(d) / float64(time.Millisecond)
	if v < 10 {
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}

// cpuPer is CPU time per update ("—" when not measured).
func cpuPer(cpu time.Duration, updates int64) string {
	if cpu < 0 || updates == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f ms", float64(cpu)/float64(time.Millisecond)/float64(updates))
}

func kib(bytes uint64, n int64) string {
	return fmt.Sprintf("%.0f KiB", float64(bytes)/float64(n)/1024)
}

func rss(r loadRow) string {
	if r.peakRSS < 0 {
		return "?"
	}
	s := fmt.Sprintf("%.0f MiB", float64(r.peakRSS)/(1<<20))
	if !r.peakReset {
		s += " (so far)"
	}
	return s
}

// resetPeakRSS starts the process's peak resident size (VmHWM) afresh, so
// that each chat count reports its own; it says whether Linux let it.
func resetPeakRSS(pid int) bool {
	return os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0) == nil
}

// peakRSS is process pid's VmHWM (/proc/PID/status) in bytes, or -1.
func peakRSS(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err != nil {
				return -1
			}
			return kb << 10
		}
	}
	return -1
}
