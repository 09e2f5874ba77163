package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"os/signal"
	"slices"
	"sort"
	"sync"
	"syscall"
	"time"

	"github.com/lib/pq"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/storage"
)

// dvcbot seed fills a database with synthetic cases for benchmarks and
// demos: volunteers over the country's communes with a realistic skew,
// coordinators, and cases of every guide with their step events, spread
// over months of working hours. Rows go in by COPY, in batches, around the
// bot's update path. Nothing in it describes a person: a volunteer is a
// common first name and a made-up id.

// seedOptions say what to seed.
type seedOptions struct {
	Cases  int
	Months int
	Seed   uint64
	// Until is the day after the last day with cases; Vietnam midnight.
	Until time.Time
	// Focus is a commune that gets a busy share of the volunteers (the
	// demo's), "" for none.
	Focus    string
	Progress io.Writer // a line per batch; nil for none
}

// seedResult says what was seeded.
type seedResult struct {
	Volunteers, Coordinators, Cases, Events int
	Took                                    time.Duration
}

// seedIDBase is the first Telegram id of seeded people: far above real user
// ids, so seeded rows never meet a real account.
const seedIDBase int64 = 8_000_000_000_000

// seedBatch is how many cases one COPY transaction carries; seedWriters
// copy at once, while the next batch is drawn.
const (
	seedBatch   = 10_000
	seedWriters = 2
)

// seedNames are the volunteers' first names: common ones, spelled right
// without diacritics (as many type them on Telegram).
var seedNames = []string{"Anh", "Linh", "Nam", "Minh", "Trang", "Mai", "Lan", "Long", "Quang", "Thanh",
	"Khanh", "Hoang", "Phong", "Khoa", "Nhung", "Vinh", "Thu", "Hoa", "Ngoc", "Hai", "Yen", "Tam"}

// Outcomes and reasons by kind, as handlers/case.go offers them and
// storage/migrations/00003_case_kinds.sql allows them, with the shares the
// seed gives them. The last outcome of each kind is "could not be done".
var (
	seedSuccess = map[string]float64{guides.KindDossier: 0.84, guides.KindAccount: 0.78, guides.KindPayment: 0.88}
	seedFailed  = map[string]string{guides.KindDossier: "not_submitted", guides.KindAccount: "not_done", guides.KindPayment: "not_done"}
	seedReasons = map[string][]weighted[string]{
		guides.KindDossier: {{"no_vneid", 25}, {"missing_doc", 30}, {"portal_error", 20}, {"self_later", 10}, {"changed_mind", 5}, {"other_reason", 10}},
		guides.KindAccount: {{"no_otp", 30}, {"in_person", 20}, {"missing_doc", 15}, {"app_error", 20}, {"changed_mind", 8}, {"other_reason", 7}},
		guides.KindPayment: {{"no_account", 35}, {"portal_error", 35}, {"changed_mind", 15}, {"other_reason", 15}},
	}
	// How often each category's guides are asked for, relative to each other.
	seedCategoryWeight = map[string]float64{"account": 6, "identity": 3, "residence": 4, "civil": 3, "justice": 1.5,
		"transport": 2, "insurance": 1.5, "digital": 2}
)

type weighted[T any] struct {
	v T
	w float64
}

// pick draws from weighted choices.
func pick[T any](r *rand.Rand, ws []weighted[T]) T {
	total := 0.0
	for _, w := range ws {
		total += w.w
	}
	x := r.Float64() * total
	for _, w := range ws {
		if x -= w.w; x < 0 {
			return w.v
		}
	}
	return ws[len(ws)-1].v
}

// cumulative is a table to draw indexes by weight in O(log n).
type cumulative []float64

func newCumulative(weights []float64) cumulative {
	c := make(cumulative, len(weights))
	sum := 0.0
	for i, w := range weights {
		sum += w
		c[i] = sum
	}
	return c
}

func (c cumulative) draw(r *rand.Rand) int {
	x := r.Float64() * c[len(c)-1]
	return min(sort.SearchFloat64s(c, x), len(c)-1)
}

func parseSeedFlags(args []string, stderr io.Writer) (seedOptions, []string, error) {
	o := seedOptions{}
	fs := flag.NewFlagSet("dvcbot seed", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.Cases, "cases", 0, "how many cases to seed (required)")
	fs.IntVar(&o.Months, "months", 12, "over how many months before -until")
	fs.Uint64Var(&o.Seed, "seed", 1, "random seed: the same seed, months and -until give the same data")
	until := fs.String("until", "", "the day after the last day with cases, YYYY-MM-DD (default: today, Vietnam time)")
	fs.StringVar(&o.Focus, "commune", "", "a commune code that gets a busy share of the volunteers (optional)")
	if err := fs.Parse(args); err != nil {
		return o, nil, flagsError(err)
	}
	if o.Cases < 1 || o.Cases > 100_000_000 {
		return o, nil, &configError{"-cases", fmt.Sprintf("is %d: want 1 to 100,000,000", o.Cases)}
	}
	if o.Months < 1 || o.Months > 120 {
		return o, nil, &configError{"-months", fmt.Sprintf("is %d: want 1 to 120", o.Months)}
	}
	if *until != "" {
		d, err := time.ParseInLocation(time.DateOnly, *until, vietnamTime)
		if err != nil {
			return o, nil, &configError{"-until", fmt.Sprintf("is %q: want YYYY-MM-DD", *until)}
		}
		o.Until = d
	}
	return o, fs.Args(), nil
}

// vietnamTime is UTC+7, all year.
var vietnamTime = time.FixedZone("ICT", 7*3600)

// seedCommand is `dvcbot seed`: migrate the database, then seed it.
func seedCommand(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	o, rest, err := parseSeedFlags(args, stderr)
	if err == nil {
		var cfg config
		if cfg, err = loadConfig(rest, getenv, needs{database: true}, stderr); err == nil {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			o.Progress = stdout
			err = seed(ctx, cfg, o, stdout)
			if err != nil {
				fmt.Fprintf(stderr, "dvcbot: %v\n", err)
				return 1
			}
			return 0
		}
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0 // the usage was printed
	}
	fmt.Fprintf(stderr, "dvcbot: %v\n", err)
	return 2
}

func seed(ctx context.Context, cfg config, o seedOptions, stdout io.Writer) error {
	catalog, err := loadGuides(cfg.GuidesDir)
	if err != nil {
		return err
	}
	store, err := storage.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := migrateAll(ctx, store, newLogger(cfg, io.Discard)); err != nil {
		return err
	}
	res, err := seedDatabase(ctx, store.DB().DB, catalog, o)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "seeded %d cases (%d events) by %d volunteers, with %d coordinators, in %v: %.0f cases/s\n",
		res.Cases, res.Events, res.Volunteers, res.Coordinators, res.Took.Round(time.Millisecond), float64(res.Cases)/res.Took.Seconds())
	return nil
}

// seedCommune is one commune, as the seed weighs it.
type seedCommune struct {
	code, province string
	volunteers     int
}

// seedVolunteer is one seeded volunteer.
type seedVolunteer struct {
	id      int64
	commune int // index into the communes
}

// seedGuide is one guide with what the seed draws for it.
type seedGuide struct {
	g        *guides.Guide
	checked  string
	problem  []float64 // per step: the chance of a problem there
	stepMins []float64 // per step: the median minutes
}

// seedWorld is what every day's cases are drawn from.
type seedWorld struct {
	communes   []seedCommune
	volunteers []seedVolunteer
	activity   cumulative // volunteers by how busy they are
	guides     []seedGuide
	popularity cumulative // guides by how often they are asked for
}

// seedDatabase seeds a migrated database. The same options give the same
// rows, but for ids: seeded people are numbered after those seeded before,
// cases after the cases there are.
func seedDatabase(ctx context.Context, db *sql.DB, catalog *guides.Catalog, o seedOptions) (seedResult, error) {
	began := time.Now()
	var res seedResult
	if o.Cases < 1 || o.Months < 1 {
		return res, errors.New("seed: want at least one case over at least one month")
	}
	if o.Until.IsZero() {
		now := time.Now().In(vietnamTime)
		o.Until = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, vietnamTime)
	}
	start := o.Until.AddDate(0, -o.Months, 0)
	r := rand.New(rand.NewPCG(o.Seed, 0))

	w, err := seedPeople(ctx, db, r, o, start, &res)
	if err != nil {
		return res, err
	}
	for _, g := range catalog.All() {
		sg := seedGuide{g: g, checked: g.Checked().Format(time.DateOnly)}
		for _, s := range g.Steps {
			// A few steps are where residents get stuck; most go smoothly.
			p := 0.015 + 0.22*math.Pow(r.Float64(), 4)
			if len(s.Errors) > 0 {
				p += 0.03
			}
			mins := 1 + 3*r.Float64()
			if s.Subguide != "" {
				mins *= 2.5
			}
			sg.problem = append(sg.problem, p)
			sg.stepMins = append(sg.stepMins, mins)
		}
		w.guides = append(w.guides, sg)
	}
	if len(w.guides) == 0 {
		return res, errors.New("seed: the catalog has no guides")
	}
	pop := make([]float64, len(w.guides))
	for i, sg := range w.guides {
		pop[i] = seedCategoryWeight[sg.g.Category] * (0.4 + 1.2*r.Float64())
		if pop[i] == 0 {
			pop[i] = 1 // a category added later
		}
		if sg.g.Essential {
			pop[i] *= 1.5
		}
	}
	w.popularity = newCumulative(pop)

	// Cases per day: working days, a few Saturdays, the scheme growing.
	var days []time.Time
	for d := start; d.Before(o.Until); d = d.AddDate(0, 0, 1) {
		days = append(days, d)
	}
	dayWeight := make([]float64, len(days))
	total := 0.0
	for i, d := range days {
		f := 1.0
		switch d.Weekday() {
		case time.Saturday:
			f = 0.25
		case time.Sunday:
			f = 0.02
		}
		f *= 0.7 + 0.6*float64(i)/float64(len(days))
		dayWeight[i] = f
		total += f
	}

	// The cases' ids, reserved at once: the writers copy in parallel.
	first, err := reserveCaseIDs(ctx, db, o.Cases)
	if err != nil {
		return res, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan *seedRows, seedWriters)
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		copyErr error
	)
	for range seedWriters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range batches {
				err := seedCopy(ctx, db, b)
				mu.Lock()
				if err != nil && copyErr == nil {
					copyErr = err
					cancel() // the generator and the other writer stop
				}
				if err == nil {
					res.Cases += b.cases
					res.Events += len(b.events)
					if o.Progress != nil {
						el := time.Since(began)
						fmt.Fprintf(o.Progress, "seed: %d/%d cases, %d events, %v, %.0f cases/s\n",
							res.Cases, o.Cases, res.Events, el.Round(time.Second), float64(res.Cases)/el.Seconds())
					}
				}
				mu.Unlock()
			}
		}()
	}
	send := func(b *seedRows) bool {
		select {
		case batches <- b:
			return true
		case <-ctx.Done():
			return false
		}
	}
	batch := &seedRows{first: first}
	cum, given := 0.0, 0
	for i, d := range days {
		cum += dayWeight[i]
		n := int(math.Round(cum/total*float64(o.Cases))) - given
		given += n
		if n == 0 {
			continue
		}
		seedDay(rand.New(rand.NewPCG(o.Seed, uint64(i)+1)), w, d, n, batch)
		if batch.cases >= seedBatch {
			if !send(batch) {
				break
			}
			batch = &seedRows{first: batch.first + int64(batch.cases)}
		}
	}
	if batch.cases > 0 && ctx.Err() == nil {
		send(batch)
	}
	close(batches)
	wg.Wait()
	if copyErr != nil {
		return res, copyErr
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	// The tally rollups were not kept while copying (the cases' problem
	// events come after them): counted once, from all the closed cases.
	if err := storage.RebuildTallyRollups(ctx, db); err != nil {
		return res, fmt.Errorf("seed: %w", err)
	}
	// Fresh statistics: the planner should know the tables' new sizes.
	if _, err := db.ExecContext(ctx, `ANALYZE users; ANALYZE cases; ANALYZE case_events`); err != nil {
		return res, fmt.Errorf("seed: analyze: %w", err)
	}
	res.Took = time.Since(began)
	return res, nil
}

// seedPeople places volunteers over the communes, Zipf-like (a few busy
// urban wards, a long tail of quiet communes), and a coordinator for each
// commune that has volunteers and each province that has some; all are
// written at once.
func seedPeople(ctx context.Context, db *sql.DB, r *rand.Rand, o seedOptions, start time.Time, res *seedResult) (*seedWorld, error) {
	rows, err := db.QueryContext(ctx, `
		SELECT c.code, c.province_code, c.kind, p.kind FROM communes c JOIN provinces p ON p.code = c.province_code ORDER BY c.code`)
	if err != nil {
		return nil, fmt.Errorf("seed: read communes: %w", err)
	}
	type ranked struct {
		c     seedCommune
		score float64
	}
	var all []ranked
	for rows.Next() {
		var c seedCommune
		var kind, provinceKind string
		if err := rows.Scan(&c.code, &c.province, &kind, &provinceKind); err != nil {
			rows.Close()
			return nil, fmt.Errorf("seed: read communes: %w", err)
		}
		score := r.Float64()
		if kind == "ward" {
			score *= 0.35 // urban wards are busier
		}
		if provinceKind == "city" {
			score *= 0.6
		}
		if c.code == o.Focus {
			score = -1
		}
		all = append(all, ranked{c, score})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("seed: read communes: %w", err)
	}
	if len(all) == 0 {
		return nil, errors.New("seed: the database has no communes (migrate it first)")
	}
	if o.Focus != "" && !slices.ContainsFunc(all, func(x ranked) bool { return x.c.code == o.Focus }) {
		return nil, fmt.Errorf("seed: no commune %q", o.Focus)
	}
	slices.SortStableFunc(all, func(a, b ranked) int {
		if a.score < b.score {
			return -1
		}
		if a.score > b.score {
			return 1
		}
		return 0
	})
	w := &seedWorld{}
	weights := make([]float64, len(all))
	for i, a := range all {
		w.communes = append(w.communes, a.c)
		weights[i] = 1 / math.Pow(float64(i+8), 1.05)
	}
	byWeight := newCumulative(weights)

	// About 40 cases a volunteer, at least 10 volunteers.
	nv := min(max(o.Cases/40, 10), 60_000)
	var first int64
	if err := db.QueryRowContext(ctx, `SELECT coalesce(max(telegram_id) + 1, $1) FROM users WHERE telegram_id >= $1`, seedIDBase).Scan(&first); err != nil {
		return nil, fmt.Errorf("seed: read users: %w", err)
	}
	next := first
	activity := make([]float64, nv)
	for i := range nv {
		c := byWeight.draw(r)
		if o.Focus != "" && i < max(nv/20, 3) {
			c = 0 // the focus commune: a twentieth of the volunteers
		}
		w.volunteers = append(w.volunteers, seedVolunteer{id: next, commune: c})
		w.communes[c].volunteers++
		next++
		activity[i] = math.Exp(0.9 * r.NormFloat64()) // a few volunteers do much of the work
	}
	w.activity = newCumulative(activity)

	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `COPY users (telegram_id, first_name, language, role, commune_code, province_code, joined_at, created_at, updated_at) FROM STDIN`)
	if err != nil {
		return nil, fmt.Errorf("seed: copy users: %w", err)
	}
	joined := func() time.Time { return start.Add(-time.Duration(r.Int64N(int64(180 * 24 * time.Hour)))).UTC() }
	add := func(id int64, role string, commune, province any) error {
		at := joined()
		_, err := stmt.ExecContext(ctx, id, seedNames[r.IntN(len(seedNames))], "vi", role, commune, province, at, at, at)
		return err
	}
	for _, v := range w.volunteers {
		if err := add(v.id, storage.RoleVolunteer, w.communes[v.commune].code, nil); err != nil {
			return nil, fmt.Errorf("seed: copy users: %w", err)
		}
	}
	res.Volunteers = nv
	provinces := map[string]bool{}
	for _, c := range w.communes {
		if c.volunteers == 0 {
			continue
		}
		coordinators := 1
		if c.volunteers >= 10 {
			coordinators = 2
		}
		for range coordinators {
			if err := add(next, storage.RoleCoordinator, c.code, nil); err != nil {
				return nil, fmt.Errorf("seed: copy users: %w", err)
			}
			next++
			res.Coordinators++
		}
		provinces[c.province] = true
	}
	codes := slices.Sorted(func(yield func(string) bool) {
		for p := range provinces {
			if !yield(p) {
				return
			}
		}
	})
	for _, p := range codes {
		if err := add(next, storage.RoleProvinceCoordinator, nil, p); err != nil {
			return nil, fmt.Errorf("seed: copy users: %w", err)
		}
		next++
		res.Coordinators++
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return nil, fmt.Errorf("seed: copy users: %w", err)
	}
	if err := stmt.Close(); err != nil {
		return nil, fmt.Errorf("seed: copy users: %w", err)
	}
	return w, tx.Commit()
}

// seedRows is one batch: cases numbered from first, and their events.
type seedRows struct {
	first  int64 // the first case's id
	cases  int
	rows   [][]any // the cases' columns but the id
	events []seedEvent
}

type seedEvent struct {
	caseIndex int
	at        time.Time
	kind      string
	step      int // 1-based; 0 for none
	stepID    string
	problem   string
}

// seedDay draws n cases that began on day d, in the order they began.
func seedDay(r *rand.Rand, w *seedWorld, d time.Time, n int, out *seedRows) {
	starts := make([]time.Time, n)
	for i := range starts {
		starts[i] = d.Add(workingMoment(r))
	}
	slices.SortFunc(starts, func(a, b time.Time) int { return a.Compare(b) })
	for _, at := range starts {
		v := w.volunteers[w.activity.draw(r)]
		g := &w.guides[w.popularity.draw(r)]
		seedCase(r, w.communes[v.commune].code, v.id, g, at, out)
	}
}

// workingMoment is a time of day when volunteers help: 7:30–11:30 and
// 13:30–17:00 mostly, a little over lunch and in the evening.
func workingMoment(r *rand.Rand) time.Duration {
	span := func(from, to float64) time.Duration {
		h := from + (to-from)*r.Float64()
		return time.Duration(h * float64(time.Hour)).Truncate(time.Second)
	}
	switch x := r.Float64(); {
	case x < 0.50:
		return span(7.5, 11.5)
	case x < 0.58:
		return span(11.5, 13.5)
	case x < 0.97:
		return span(13.5, 17)
	default:
		return span(17, 20)
	}
}

// minutes draws a duration around a median, log-normally (a long tail of
// slow ones).
func minutes(r *rand.Rand, median float64) time.Duration {
	m := median * math.Exp(0.6*r.NormFloat64())
	return time.Duration(m * float64(time.Minute)).Truncate(time.Second)
}

// seedCase draws one case and its events, the way the handlers write them
// (handlers/case.go, casescreens.go).
func seedCase(r *rand.Rand, commune string, volunteer int64, sg *seedGuide, at time.Time, out *seedRows) {
	g := sg.g
	idx := out.cases
	out.cases++
	t := at
	n := len(g.Steps)
	// What the cases_closed trigger (migrations/00007_tallies.sql, 00019)
	// would count from the events, counted as they are drawn: the trigger
	// runs as the row goes in, before its events do. Each stretch between
	// two moments counts up to storage.ActiveGap, none after a pause.
	var (
		last     = make([]string, n) // per step: its last done or skip
		problems int
		worked   time.Duration
		prevAt   = at
		prevKind = "start"
	)
	stretch := func() {
		if prevKind != "pause" {
			worked += min(max(t.Sub(prevAt), 0), storage.ActiveGap)
		}
	}
	ev := func(kind string, step int, problem string) {
		stretch()
		prevAt, prevKind = t, kind
		e := seedEvent{caseIndex: idx, at: t, kind: kind, step: step, problem: problem}
		if step > 0 {
			e.stepID = g.Steps[step-1].ID
		}
		out.events = append(out.events, e)
		switch kind {
		case "done", "skip":
			last[step-1] = kind
		case "problem":
			problems++
		}
	}
	var (
		mode, outcome, reason any
		finished              any
		status                = storage.CaseClosed
		phase                 = storage.PhaseDone
		step                  = n - 1
		progressed            = false
		checked               = pq.StringArray{}
		consent               = g.OffersFollowup() && r.Float64() < 0.4
	)
	if g.Procedure() {
		mode = g.Mode
	}
	row := func() {
		var done, skipped, probs, active, rating, result any
		kept := false
		if status == storage.CaseClosed && consent && (outcome == "submitted" || outcome == "paid") {
			// Most dossiers keep their code for the follow-up; some close
			// with "Không có mã hồ sơ" (the code came later, or never).
			kept = r.Float64() < 0.85
		}
		if kept {
			// What residents said when followed up: most had the result,
			// some late, a few a problem, many never answered; a third rated.
			switch x := r.Float64(); {
			case x < 0.55:
				result = storage.ResultReceived
			case x < 0.65:
				result = storage.ResultReceivedLate
			case x < 0.70:
				result = storage.ResultProblem
			}
			if r.Float64() < 0.35 {
				rating = []int{5, 5, 5, 4, 4, 3, 2, 1}[r.IntN(8)]
			}
		}
		if status == storage.CaseClosed {
			d, s := 0, 0
			for _, k := range last {
				switch k {
				case "done":
					d++
				case "skip":
					s++
				}
			}
			done, skipped, probs = d, s, problems
			stretch()
			active = int64(math.Round(worked.Seconds()))
		}
		out.rows = append(out.rows, []any{volunteer, commune, g.ID, sg.checked, g.Kind, mode, n, status, phase, step, checked,
			progressed, consent, "vi-seed", kept, outcome, reason, at.UTC(), t.UTC(), finished, done, skipped, probs, active, rating, result})
	}

	// A wrong pick thrown away: no events left, never counted.
	fate := r.Float64()
	if fate < 0.005 {
		status, phase, step = storage.CaseDiscarded, storage.PhaseSteps, 0
		if len(g.Prerequisites) > 0 {
			phase = storage.PhaseChecklist
		}
		t = t.Add(minutes(r, 0.5))
		finished = t.UTC()
		row()
		return
	}
	ev("start", 0, "")
	failed := r.Float64() >= seedSuccess[g.Kind]
	end := func(why string) {
		t = t.Add(minutes(r, 1))
		if why == "" {
			outcome = seedSuccessOutcome(r, g)
		} else {
			outcome, reason = seedFailed[g.Kind], why
		}
		finished = t.UTC()
		ev("outcome", 0, "")
		row()
	}
	if len(g.Prerequisites) > 0 {
		for _, p := range g.Prerequisites {
			checked = append(checked, p.ID)
		}
		t = t.Add(minutes(r, 1.5))
		if r.Float64() < 0.02 { // not eligible, said at the checklist
			checked, step = checked[:r.IntN(len(checked))], 0
			end("not_eligible")
			return
		}
		ev("checklist", 0, "")
	}

	// Where the walk stops short: a case left paused or open, or ended
	// early (more often where residents get stuck).
	stop := -1
	switch x := r.Float64(); {
	case x < 0.015:
		status = storage.CasePaused
	case x < 0.018:
		status = storage.CaseOpen
	case failed && x < 0.6:
		stop = -2 // ended early
	}
	if status != storage.CaseClosed || stop == -2 {
		ws := make([]weighted[int], n)
		for i := range ws {
			ws[i] = weighted[int]{i, sg.problem[i]}
		}
		stop = pick(r, ws)
	}
	pauseAt := -1
	if r.Float64() < 0.06 {
		pauseAt = r.IntN(n)
	}
	for i := 0; i < n; i++ {
		t = t.Add(minutes(r, sg.stepMins[i]))
		if i == stop {
			if status != storage.CaseClosed { // left mid-step
				phase, step = storage.PhaseSteps, i
				if status == storage.CasePaused {
					ev("pause", i+1, "")
				}
				row()
				return
			}
			// stuck, then ended: pause, "end this case", the reason
			if r.Float64() < 0.7 {
				ev("problem", i+1, problemOf(r, g.Steps[i]))
				progressed = true
				t = t.Add(minutes(r, 3))
			}
			ev("pause", i+1, "")
			step = i
			end(pick(r, seedReasons[g.Kind]))
			return
		}
		if r.Float64() < sg.problem[i] {
			ev("problem", i+1, problemOf(r, g.Steps[i]))
			progressed = true
			t = t.Add(minutes(r, 3))
		}
		if i == pauseAt {
			ev("pause", i+1, "")
			if r.Float64() < 0.7 {
				t = t.Add(minutes(r, 25))
			} else { // the next morning
				t = time.Date(t.Year(), t.Month(), t.Day()+1, 8, 0, 0, 0, t.Location()).Add(minutes(r, 45))
			}
			ev("resume", i+1, "")
		}
		kind := "done"
		if r.Float64() < 0.04 {
			kind = "skip"
		}
		ev(kind, i+1, "")
		// A skip only reads ahead: the case stays discardable (handlers).
		progressed = progressed || kind == "done"
		if i+1 < n && r.Float64() < 0.03 { // back from the next step, and on again
			t = t.Add(20 * time.Second)
			ev("back", i+2, "")
			t = t.Add(minutes(r, 0.5))
			ev("done", i+1, "")
			progressed = true
		}
	}
	if failed {
		end(pick(r, seedReasons[g.Kind]))
		return
	}
	end("")
}

// seedSuccessOutcome is how a case that worked out ended.
func seedSuccessOutcome(r *rand.Rand, g *guides.Guide) string {
	if !g.Procedure() {
		return "done"
	}
	spot := 0.04
	if g.ProcessingDays == 0 {
		spot = 0.3
	}
	switch x := r.Float64(); {
	case x < spot:
		return "on_the_spot"
	case x < spot+0.2 && !g.FeeFree: // nothing to pay: submitted
		return "paid"
	}
	return "submitted"
}

// problemOf is the error met at a step: one of the guide's (the first ones
// more often), else "other".
func problemOf(r *rand.Rand, s guides.Step) string {
	if len(s.Errors) == 0 || r.Float64() < 0.1 {
		return "other"
	}
	ws := make([]weighted[string], len(s.Errors))
	for i, e := range s.Errors {
		ws[i] = weighted[string]{e.ID, 1 / float64(i+1)}
	}
	return pick(r, ws)
}

// reserveCaseIDs takes n case ids from the sequence as one block: the
// table is locked meanwhile, so that no insert takes one in between.
func reserveCaseIDs(ctx context.Context, db *sql.DB, n int) (int64, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `LOCK TABLE cases IN SHARE ROW EXCLUSIVE MODE`); err != nil {
		return 0, fmt.Errorf("seed: lock cases: %w", err)
	}
	var first int64
	if err := tx.QueryRowContext(ctx, `
		SELECT setval(pg_get_serial_sequence('cases', 'id'), nextval(pg_get_serial_sequence('cases', 'id')) + $1 - 1) - $1 + 1`,
		n).Scan(&first); err != nil {
		return 0, fmt.Errorf("seed: case ids: %w", err)
	}
	return first, tx.Commit()
}

// seedCopy writes one batch in one transaction.
func seedCopy(ctx context.Context, db *sql.DB, b *seedRows) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// No rollups row by row: RebuildTallyRollups counts them at the end.
	if _, err := tx.ExecContext(ctx, `SET LOCAL dvcbot.tally_rollups = 'off'`); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	first := b.first
	cases, err := tx.PrepareContext(ctx, `COPY cases (id, volunteer_id, commune_code, guide_id, guide_checked, kind, mode,
		steps_total, status, phase, step, checked, progressed, followup_consent, consent_version, followup_kept, outcome, reason,
		started_at, updated_at, finished_at, steps_done, steps_skipped, problems, active_seconds, rating, followup_result) FROM STDIN`)
	if err != nil {
		return fmt.Errorf("seed: copy cases: %w", err)
	}
	args := make([]any, 27)
	for i, row := range b.rows {
		args[0] = first + int64(i)
		copy(args[1:], row)
		if _, err := cases.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("seed: copy cases: %w", err)
		}
	}
	if _, err := cases.ExecContext(ctx); err != nil {
		return fmt.Errorf("seed: copy cases: %w", err)
	}
	cases.Close()
	events, err := tx.PrepareContext(ctx, `COPY case_events (case_id, at, kind, step, step_id, problem) FROM STDIN`)
	if err != nil {
		return fmt.Errorf("seed: copy case events: %w", err)
	}
	for _, e := range b.events {
		var step, stepID, problem any
		if e.step > 0 {
			step, stepID = e.step, e.stepID
		}
		if e.problem != "" {
			problem = e.problem
		}
		if _, err := events.ExecContext(ctx, first+int64(e.caseIndex), e.at.UTC(), e.kind, step, stepID, problem); err != nil {
			return fmt.Errorf("seed: copy case events: %w", err)
		}
	}
	if _, err := events.ExecContext(ctx); err != nil {
		return fmt.Errorf("seed: copy case events: %w", err)
	}
	events.Close()
	return tx.Commit()
}

// demoSeed seeds n cases for `dvcbot demo -seed n`, a twentieth of the
// volunteers in the demo's commune, unless the database already has that
// many seeded cases (a second demo on the same database).
func demoSeed(ctx context.Context, cfg config, store *storage.Storage, n int, stdout io.Writer) error {
	if n <= 0 {
		return nil
	}
	var have int
	if err := store.DB().QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE volunteer_id >= $1`, seedIDBase).Scan(&have); err != nil {
		return err
	}
	if have >= n {
		fmt.Fprintf(stdout, "dvcbot demo: the database has %d seeded cases already.\n", have)
		return nil
	}
	catalog, err := loadGuides(cfg.GuidesDir)
	if err != nil {
		return err
	}
	res, err := seedDatabase(ctx, store.DB().DB, catalog, seedOptions{Cases: n - have, Months: 12, Seed: 1, Focus: demoCommune})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "dvcbot demo: seeded %d synthetic cases over 12 months (%d volunteers, %d coordinators) in %v.\n",
		res.Cases, res.Volunteers, res.Coordinators, res.Took.Round(time.Millisecond))
	return nil
}
