package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/pgserver"
)

// demoFlags are dvcbot demo's own flags.
type demoFlags struct {
	as    string // the role of the person at the keyboard
	seed  int    // synthetic cases to seed first (seed.go)
	files string // where to write the pictures and spreadsheets the bot sends ("": nowhere)
}

// demoCommune is where the demo's volunteer or coordinator belongs: Phường An
// Hội Tây, Thành phố Hồ Chí Minh (formerly Phường 12, Quận Gò Vấp); a
// province coordinator's province is its city.
const (
	demoCommune  = "26882"
	demoProvince = "79"
)

func parseDemoFlags(args []string, stderr io.Writer) (demoFlags, []string, error) {
	f := demoFlags{}
	fs := flag.NewFlagSet("dvcbot demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.as, "as", storage.RoleAdmin, "your role: volunteer, coordinator, province_coordinator, admin, or resident (no role: to open a slip's link with /start TOKEN)")
	fs.IntVar(&f.seed, "seed", 0, "seed this many synthetic cases first, many of them in your commune (see dvcbot seed)")
	fs.StringVar(&f.files, "files", "", "write every photo (chart, slip) and document (spreadsheet) the bot sends into this directory (a file already there is kept: the new one takes a -2, -3… name)")
	if err := fs.Parse(args); err != nil {
		return f, nil, flagsError(err)
	}
	if f.seed < 0 || f.seed > 10_000_000 {
		return f, nil, &configError{"-seed", fmt.Sprintf("is %d: want a number of cases from 0 to 10,000,000", f.seed)}
	}
	switch f.as {
	case storage.RoleVolunteer, storage.RoleCoordinator, storage.RoleProvinceCoordinator, storage.RoleAdmin, demoResident:
	default:
		return f, nil, &configError{"-as", fmt.Sprintf("is %q: want volunteer, coordinator, province_coordinator, admin or resident", f.as)}
	}
	return f, fs.Args(), nil
}

// demoResident is the demo's role for a resident: a person of no team.
const demoResident = "resident"

// demo runs the real bot and handlers against an in-process fake Telegram
// and real PostgreSQL, with the person at the keyboard in the role chosen
// (an admin by default; a volunteer or coordinator of Phường An Hội Tây).
// Each input line is a message; a line that is just a number presses that
// button of the last message shown. EOF ends the demo.
func demo(ctx context.Context, cfg config, f demoFlags, stdin io.Reader, stdout, stderr io.Writer) error {
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	handled := make(chan int64, 64)
	var me *telegramtest.User
	l, err := startLocal(ctx, cfg, log, stderr,
		func(srv *telegramtest.Server, cfg *config) {
			me = srv.NewUser("Demo", "vi")
			cfg.TapGuard = 0
			if f.as == demoResident { // someone else than the demo's team member, in every run
				me = srv.NewUser("Resident", "vi")
			}
			if f.as == storage.RoleAdmin {
				cfg.Admins = append(cfg.Admins, me.ID)
			}
		},
		[]bot.SenderOption{bot.WithChatRate(50, 50)}, // one person typing: no need to pace
		[]bot.Option{bot.WithOnHandled(func(id int64) { handled <- id })})
	if err != nil {
		return err
	}
	defer l.stop()
	if f.as != storage.RoleAdmin && f.as != demoResident {
		err := l.store.InTx(ctx, func(tx *storage.Tx) error {
			if f.as == storage.RoleProvinceCoordinator {
				return tx.SetProvinceMembership(ctx, me.ID, me.FirstName, demoProvince)
			}
			return tx.SetMembership(ctx, me.ID, me.FirstName, demoCommune, f.as)
		})
		if err != nil {
			return err
		}
	}
	if err := demoSeed(ctx, cfg, l.store, f.seed, stdout); err != nil {
		return err
	}
	texts, err := locales.Load(cfg.DefaultLanguage, nil)
	if err != nil {
		return err
	}
	language := func() *locales.Localizer { return texts.For(l.store.UserLanguage(ctx, me.ID)) }
	fmt.Fprintf(stdout, "dvcbot demo: you are %q, %s. Type a message or a command; a number presses that button; Ctrl-D ends.\n",
		me.FirstName, language().T("role."+f.as))
	return talk(ctx, me, handled, language, stdin, stdout, f.files)
}

// local is the real bot against an in-process fake Telegram and a real
// PostgreSQL (DATABASE_URL, else a private server): the demo's and the
// benchmark's world. app is nil until the bot runs in this process.
type local struct {
	srv      *telegramtest.Server
	store    *storage.Storage
	cfg      config // with the fake Telegram's URL and token
	app      *app
	cleanups []func()
}

// stop shuts down what started, in reverse.
func (l *local) stop() {
	for i := len(l.cleanups) - 1; i >= 0; i-- {
		l.cleanups[i]()
	}
}

// startLocal starts it; prepare may add users (and admins) before the
// handlers are built.
func startLocal(ctx context.Context, cfg config, log *slog.Logger, stderr io.Writer, prepare func(*telegramtest.Server, *config),
	senderOpts []bot.SenderOption, runtimeOpts []bot.Option) (*local, error) {
	l, err := openLocal(ctx, cfg, log, stderr, prepare)
	if err != nil {
		return nil, err
	}
	a, stopBot, err := runBot(ctx, l.cfg, l.store, log, senderOpts, runtimeOpts)
	if err != nil {
		l.stop()
		return nil, err
	}
	l.app, l.cleanups = a, append(l.cleanups, stopBot)
	return l, nil
}

// openLocal makes the world without the bot: the database, migrated, and
// the fake Telegram.
func openLocal(ctx context.Context, cfg config, log *slog.Logger, stderr io.Writer, prepare func(*telegramtest.Server, *config)) (*local, error) {
	l := &local{}
	ok := false
	defer func() {
		if !ok {
			l.stop()
		}
	}()
	dbURL := cfg.DatabaseURL
	if dbURL == "" {
		fmt.Fprintln(stderr, "DATABASE_URL is not set: starting a private PostgreSQL server…")
		pg, err := pgserver.Start(ctx, log)
		if err != nil {
			return nil, fmt.Errorf("private PostgreSQL server: %w; or set DATABASE_URL to a database of the demo's own", err)
		}
		l.cleanups = append(l.cleanups, func() { pg.Stop() })
		dbURL = pg.URL()
	}
	store, err := storage.Open(ctx, dbURL)
	if err != nil {
		if cfg.DatabaseURL != "" {
			return nil, fmt.Errorf("DATABASE_URL: %w (fix it, or unset DATABASE_URL and the demo starts a private PostgreSQL server)", err)
		}
		return nil, err
	}
	l.store = store
	l.cleanups = append(l.cleanups, func() { store.Close() })
	if err := migrateAll(ctx, store, log); err != nil {
		return nil, err
	}
	last, err := bot.NewStore(store.DB()).LastUpdateID(ctx)
	if err != nil {
		return nil, err
	}
	lastMsg, err := store.LastScreenMessageID(ctx)
	if err != nil {
		return nil, err
	}
	l.srv = telegramtest.NewServer(telegramtest.WithBotUsername("dvcbot_demo_bot"), telegramtest.WithFirstUpdateID(last+1),
		telegramtest.WithFirstMessageID(lastMsg+1),
		telegramtest.WithCallLog(1000)) // the demo and the bench run long
	l.cleanups = append(l.cleanups, l.srv.Close)
	prepare(l.srv, &cfg)
	cfg.DatabaseURL, cfg.Token, cfg.APIURL = dbURL, l.srv.Token, l.srv.URL
	l.cfg = cfg
	ok = true
	return l, nil
}

// runBot assembles the bot for cfg's Telegram (a fake one, here) and polls
// it, as serve would; stop lets it finish what it holds and shuts it down.
func runBot(ctx context.Context, cfg config, store *storage.Storage, log *slog.Logger,
	senderOpts []bot.SenderOption, runtimeOpts []bot.Option) (a *app, stop func(), err error) {
	// The only process polling its own fake Telegram: leases it finds are
	// a dead run's.
	runtimeOpts = append([]bot.Option{bot.WithSoleInstance()}, runtimeOpts...)
	if a, err = assemble(ctx, cfg, store, log, senderOpts, runtimeOpts); err != nil {
		return nil, nil, err
	}
	if err := a.start(ctx, log); err != nil {
		return nil, nil, err
	}
	pollCtx, cancelPoll := context.WithCancel(ctx)
	polled := make(chan struct{})
	go func() {
		defer close(polled)
		p := &bot.Poller{ServerURL: cfg.APIURL, Token: cfg.Token, Timeout: time.Second, Allowed: allowedUpdates, Log: log}
		p.Run(pollCtx, a.runtime.Accept)
	}()
	go a.runtime.SweepOutbox(pollCtx, time.Second)
	return a, func() {
		cancelPoll()
		<-polled
		stop, done := context.WithTimeout(context.Background(), 5*time.Second)
		defer done()
		a.runtime.Shutdown(stop)
	}, nil
}

// talk reads the person's lines, sends them as me, and prints what the bot
// answers. Lines may be of any length (the bot answers a long one itself).
func talk(ctx context.Context, me *telegramtest.User, handled <-chan int64, language func() *locales.Localizer, stdin io.Reader, stdout io.Writer, files string) error {
	var buttons []telegramtest.Button // of the last message shown with a keyboard
	var buttonsOn int                 // that message's id
	shown := map[int]string{}         // each message's text as last printed
	saved := fileSaver{dir: files}
	in := bufio.NewReader(stdin)
	for {
		line, readErr := in.ReadString('\n')
		if readErr != nil && readErr != io.EOF {
			return readErr
		}
		line = strings.TrimSpace(line)
		if line == "" {
			if readErr == io.EOF {
				break
			}
			continue
		}
		fmt.Fprintf(stdout, "\n> %s\n", shortLine(line))
		answered := len(me.Answers())
		var id int64
		n, numErr := strconv.Atoi(line)
		switch {
		case numErr == nil && n >= 1 && n <= maxButtons && n > len(buttons):
			fmt.Fprintln(stdout, language().T("demo.no_button", locales.Data{"N": n}))
			continue
		case numErr == nil && n >= 1 && n <= len(buttons):
			b := buttons[n-1]
			if b.CallbackData == "" {
				fmt.Fprintf(stdout, "(a link button: %s)\n", b.URL)
				continue
			}
			var err error
			if id, err = me.PressOn(buttonsOn, b.Text); err != nil {
				fmt.Fprintf(stdout, "(cannot press %q: %v)\n", b.Text, err)
				continue
			}
		default:
			id = me.SendText(line)
		}
		if err := waitHandled(ctx, handled, id); err != nil {
			return err
		}
		// What Telegram shows over the chat when a button is answered.
		for _, a := range me.Answers()[answered:] {
			if a.Text != "" {
				fmt.Fprintf(stdout, "(the button answers: %s)\n", a.Text)
			}
		}
		for {
			m, err := me.Next(100 * time.Millisecond)
			if err != nil {
				break
			}
			if m.Edited && len(m.Keyboard) == 0 && shown[m.ID] == m.Text+m.Caption {
				// Only its buttons taken off (a screen drawn again below):
				// one line, not the whole text again.
				fmt.Fprintln(stdout, language().T("demo.unbuttoned", locales.Data{"First": firstLine(m.Text + m.Caption)}))
			} else {
				printMessage(stdout, m)
			}
			shown[m.ID] = m.Text + m.Caption
			if err := saved.save(m, stdout); err != nil {
				return err
			}
			if len(m.Keyboard) > 0 {
				buttons, buttonsOn = m.Buttons(), m.ID
			} else if m.ID == buttonsOn {
				buttons = nil // an edit took the keyboard away
			}
		}
		if readErr == io.EOF {
			break
		}
	}
	fmt.Fprintln(stdout, "\n(end of input: demo stopped)")
	return nil
}

// firstLine is text's first line, cut at 60 characters.
func firstLine(text string) string {
	line, _, _ := strings.Cut(text, "\n")
	if r := []rune(line); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return line
}

// maxButtons: a number up to this is a button press, never text (Telegram
// keeps inline keyboards to about 100 buttons).
const maxButtons = 100

// shortLine echoes a typed line, cut when it is very long: at a
// character's start, whatever the characters (a line of emoji has no ASCII
// one to cut at).
func shortLine(s string) string {
	if len(s) <= 200 {
		return s
	}
	cut := 200
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + fmt.Sprintf("… (%d bytes)", len(s))
}

func waitHandled(ctx context.Context, handled <-chan int64, id int64) error {
	timeout := time.After(30 * time.Second)
	for {
		select {
		case got := <-handled:
			if got == id {
				return nil
			}
		case <-timeout:
			return fmt.Errorf("the bot did not handle update %d within 30s", id)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// fileSaver writes the photos and documents of a demo's messages into dir
// (-files), so that the chart, the slip and the spreadsheet can be opened.
// A file is named by its message's id, which starts again at every run: a
// name an earlier run (or another demo at the same time) wrote is never
// written over, the file taking the next free one ("6-photo-2.png"). An
// edited message's file, of this run, is written again in place.
type fileSaver struct {
	dir   string
	paths map[string]string // by message id and name: where this run wrote it
}

// save writes m's photo and document, and says where.
func (s *fileSaver) save(m *telegramtest.Message, w io.Writer) error {
	if s.dir == "" || (m.Photo == nil && m.Document == nil) {
		return nil
	}
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return err
	}
	write := func(name string, data []byte) error {
		name = fmt.Sprintf("%d-%s", m.ID, filepath.Base(name))
		p, ok := s.paths[name]
		if ok {
			if err := os.WriteFile(p, data, 0o644); err != nil {
				return err
			}
		} else {
			var err error
			if p, err = writeNew(s.dir, name, data); err != nil {
				return err
			}
			if s.paths == nil {
				s.paths = map[string]string{}
			}
			s.paths[name] = p
		}
		fmt.Fprintf(w, "(saved %s)\n", p)
		return nil
	}
	if m.Photo != nil {
		if err := write("photo.png", m.Photo); err != nil {
			return err
		}
	}
	if m.Document != nil {
		return write(m.Document.Name, m.Document.Data)
	}
	return nil
}

// writeNew writes data into a file of dir named name, or, when one is
// there, name with "-2", "-3"… before its extension; it returns the path.
func writeNew(dir, name string, data []byte) (string, error) {
	ext := filepath.Ext(name)
	for n := 1; ; n++ {
		p := filepath.Join(dir, name)
		if n > 1 {
			p = filepath.Join(dir, fmt.Sprintf("%s-%d%s", strings.TrimSuffix(name, ext), n, ext))
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return "", err
		}
		return p, f.Close()
	}
}

func printMessage(w io.Writer, m *telegramtest.Message) {
	head := "── dvcbot"
	if m.Edited {
		head += " (edited)"
	}
	fmt.Fprintln(w, head)
	text := m.Text
	if text == "" {
		text = m.Caption
	}
	fmt.Fprintln(w, text)
	if m.Photo != nil {
		fmt.Fprintf(w, "[photo, %d bytes]\n", len(m.Photo))
	}
	if m.Document != nil {
		fmt.Fprintf(w, "[document %s, %d bytes]\n", m.Document.Name, len(m.Document.Data))
	}
	n := 0
	for _, row := range m.Keyboard {
		labels := make([]string, len(row))
		for i, b := range row {
			n++
			labels[i] = fmt.Sprintf("[%d] %s", n, b.Text)
			if b.URL != "" {
				labels[i] += " → " + b.URL
			}
		}
		fmt.Fprintln(w, strings.Join(labels, "   "))
	}
}
