package handlers_test

import (
	"bytes"
	"context"
	"database/sql"
	"image"
	"image/png"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// decodeQR reads the QR code of a PNG, as a phone's camera would.
func decodeQR(t *testing.T, data []byte) string {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the slip is not a PNG: %v", err)
	}
	bmp, err := gozxing.NewBinaryBitmap(gozxing.NewHybridBinarizer(luminance(t, img)))
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		// gozxing's finder misses about 1 code in 300 of random tokens,
		// cropped or not (its detector, not the code: read module by module
		// they all hold their link). The slip draws only the code in pure
		// black: read that square as a pure barcode.
		if bmp, err = gozxing.NewBinaryBitmapFromImage(pureBlack(img)); err != nil {
			t.Fatal(err)
		}
		res, err = qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true})
	}
	if err != nil {
		t.Fatalf("no QR code read on the slip: %v", err)
	}
	return res.GetText()
}

// luminance is what gozxing.NewLuminanceSourceFromImage makes of img, the
// same bytes by the same sum, read from the pixels of a slip (a PNG of a
// gray palette) rather than through image.At for each of its million
// pixels: that took most of the time of reading a slip, five times more
// under -race, and the tests read one for every follow-up they open.
func luminance(t testing.TB, img image.Image) gozxing.LuminanceSource {
	t.Helper()
	p, ok := img.(*image.Paletted)
	if !ok {
		return gozxing.NewLuminanceSourceFromImage(img)
	}
	var lum [256]byte
	for i, c := range p.Palette {
		r, g, b, a := c.RGBA()
		l := (r + 2*g + b) * 255 / (4 * 0xffff)
		lum[i] = byte((l*a + (0xffff-a)*255) / 0xffff)
	}
	w, h := p.Rect.Dx(), p.Rect.Dy()
	y := make([]byte, 0, w*h)
	for row := p.Rect.Min.Y; row < p.Rect.Max.Y; row++ {
		at := p.PixOffset(p.Rect.Min.X, row)
		for _, i := range p.Pix[at : at+w] {
			y = append(y, lum[i])
		}
	}
	src, err := gozxing.NewPlanarYUVLuminanceSource(y, w, h, 0, 0, w, h, false)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// pureBlack is the part of img within the bounds of its pure black pixels.
func pureBlack(img image.Image) image.Image {
	var box image.Rectangle
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); r|g|bl == 0 {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return img.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(box)
}

// finishWithCode runs a birth-registration case with the reminder agreed
// to its summary, typing code, and returns what the bot sent last.
func (w *world) finishWithCode(u *telegramtest.User, code string) []*telegramtest.Message {
	w.t.Helper()
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	return fresh(w.send(u, code)) // the code's question above loses its buttons (an edit)
}

type followupRow struct {
	Chat       sql.NullInt64  `db:"resident_chat"`
	Lang       sql.NullString `db:"resident_lang"`
	Consent    sql.NullBool   `db:"consent"`
	Version    sql.NullString `db:"consent_version"`
	Comment    sql.NullString `db:"comment"`
	Status     string         `db:"status"`
	Rating     sql.NullInt16  `db:"rating"`
	Result     sql.NullString `db:"followup_result"`
	NextRemind sql.NullTime   `db:"next_reminder_on"`
}

func (w *world) followupRow(caseID int64) (followupRow, bool) {
	w.t.Helper()
	var f followupRow
	err := w.store.DB().Get(&f, `SELECT f.resident_chat, f.resident_lang, f.consent, f.consent_version, f.comment, f.status,
		c.rating, c.followup_result, f.next_reminder_on FROM followups f JOIN cases c ON c.id = f.case_id WHERE f.case_id = $1`, caseID)
	if err == sql.ErrNoRows {
		return f, false
	}
	if err != nil {
		w.t.Fatal(err)
	}
	return f, true
}

// TestResidentFollowsUp: a volunteer finishes a case with the resident's
// consent and gets the slip, whose QR code is the follow-up page, and the
// links; the resident opens it, sees the dossier code and how to track it,
// agrees to reminders, rates 5 and comments (a comment naming someone is
// refused first); a second person opening the link sees the information
// but gets no reminders; the volunteer opening it takes nothing.
func TestResidentFollowsUp(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithPublicURL("https://dvc.example.vn/"))
	g := guide(t, "khai-sinh")
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-0001")
	if len(ms) != 2 || ms[0].Photo == nil {
		t.Fatalf("want the slip photo, then the summary: %+v", ms)
	}
	c, _ := w.lastCase(v)
	link := decodeQR(t, ms[0].Photo)
	m := regexp.MustCompile(`^https://dvc\.example\.vn/f/([A-Za-z0-9_-]{16,64})$`).FindStringSubmatch(link)
	if m == nil {
		t.Fatalf("the slip's QR code reads %q, want the follow-up page", link)
	}
	token := m[1]
	if strings.Contains(token, "H26") || strings.Contains(token, "26882") {
		t.Errorf("the token %q reveals the case", token)
	}
	summary := ms[1]
	for _, want := range []string{
		w.vi("summary.head", locales.Data{"Case": c.ID}),
		"000.00.12.H26-251127-0001",
		"02/12/2026", // Friday 27/11 16:00 + 3 working days
		link,
		w.h.DeepLink(token),
	} {
		if !strings.Contains(summary.Text, want) {
			t.Errorf("summary lacks %q:\n%s", want, summary.Text)
		}
	}
	if !strings.Contains(ms[0].Caption, "#") {
		t.Errorf("slip caption: %q", ms[0].Caption)
	}

	// The resident opens the link.
	res := w.srv.NewUser("Cư dân", "vi")
	got := last(t, w.send(res, "/start "+token))
	for _, want := range []string{w.vi("followup.greeting"), g.Title.Vi, "000.00.12.H26-251127-0001", g.Tracking.Vi, "02/12/2026",
		w.vi("followup.consent_ask")} {
		if !strings.Contains(got.Text, want) {
			t.Errorf("the resident's first message lacks %q:\n%s", want, got.Text)
		}
	}
	got = last(t, w.press(res, w.vi("followup.consent_yes")))
	if got.Text != w.about("000.00.12.H26-251127-0001")+w.vi("followup.status_remind", locales.Data{"Due": "03/12/2026"})+"\n\n"+w.vi("followup.rate_ask") {
		t.Fatalf("after consent: %q", got.Text)
	}
	got = last(t, w.press(res, "5★"))
	if !strings.Contains(got.Text, w.vi("followup.comment_ask", locales.Data{"Max": 200})) {
		t.Fatalf("after rating: %q", got.Text)
	}
	got = last(t, w.send(res, "bà Lan rất nhiệt tình"))
	if !strings.HasPrefix(got.Text, w.vi("followup.comment_name")) || !hasButton(got, w.vi("followup.comment_skip")) {
		t.Fatalf("a comment naming someone: %q", got.Text)
	}
	got = last(t, w.send(res, "sđt 0912 345 678 rất tốt")) // "gọi lại" is a plea since review 29 (callBack)
	if !strings.HasPrefix(got.Text, w.vi("followup.comment_number")) {
		t.Fatalf("a comment with a phone number: %q", got.Text)
	}
	got = last(t, w.send(res, "Rất nhiệt tình, cảm ơn các bạn"))
	if !strings.HasPrefix(got.Text, w.vi("followup.comment_kept")) {
		t.Fatalf("a good comment: %q", got.Text)
	}
	f, _ := w.followupRow(c.ID)
	if f.Chat.Int64 != res.ID || f.Lang.String != "vi" || !f.Consent.Bool || !regexp.MustCompile(`^vi-[0-9a-f]{8}$`).MatchString(f.Version.String) ||
		f.Rating.Int16 != 5 || f.Comment.String != "Rất nhiệt tình, cảm ơn các bạn" || f.Status != storage.FollowupWaiting {
		t.Errorf("stored: %+v", f)
	}
	// Nothing else of the resident is kept: no user row.
	var users int
	if err := w.store.DB().Get(&users, `SELECT count(*) FROM users WHERE telegram_id = $1`, res.ID); err != nil || users != 0 {
		t.Errorf("the resident has %d user rows (%v)", users, err)
	}
	// A double tap on a rating (the old button, forged again) changes nothing.
	w.forge(res, got.ID, "f:rate:"+strconv.FormatInt(c.ID, 10)+".5:0")
	if f2, _ := w.followupRow(c.ID); f2.Rating.Int16 != 5 || f2.Comment.String != f.Comment.String {
		t.Errorf("after a second 5★: %+v", f2)
	}

	// A second person opening the link sees it, without buttons, and is told.
	other := w.srv.NewUser("Người khác", "en")
	w.send(other, "/lang en")
	got = last(t, w.send(other, "/start "+token))
	if !strings.Contains(got.Text, w.en("followup.taken")) || !strings.Contains(got.Text, "000.00.12.H26-251127-0001") ||
		!strings.Contains(got.Text, g.Tracking.En) || len(got.Keyboard) != 0 {
		t.Errorf("the second person: %q %v", got.Text, got.Keyboard)
	}
	// Their presses on the resident's buttons are refused.
	w.forge(other, got.ID, "f:yes:"+strconv.FormatInt(c.ID, 10)+":0")
	w.forge(other, got.ID, "f:rate:"+strconv.FormatInt(c.ID, 10)+".1:0")
	// The volunteer opening their own link takes nothing.
	got = last(t, w.send(v, "/start "+token))
	if !strings.HasPrefix(got.Text, w.vi("followup.own_case", locales.Data{"Case": c.ID})) {
		t.Errorf("the volunteer's own link: %q", got.Text)
	}
	if f2, _ := w.followupRow(c.ID); f2.Chat.Int64 != res.ID || f2.Rating.Int16 != 5 || !f2.Consent.Bool {
		t.Errorf("after others opened the link: %+v", f2)
	}

	// A wrong or purged link, and an invite code, are told apart.
	if got = last(t, w.send(res, "/start AAAAAAAAAAAAAAAAAAAAAAAA")); got.Text != w.vi("followup.not_found") {
		t.Errorf("an unknown token: %q", got.Text)
	}
	if got = last(t, w.send(res, "/start abcdefghijkl")); got.Text != w.vi("join.not_found") {
		t.Errorf("an unknown invite: %q", got.Text)
	}

	// /forget: chat id, code and comment go at once; the case keeps its rating.
	got = last(t, w.forgetConfirmed(res))
	if got.Text != w.vi("followup.forgotten_comment") { // the comment typed above
		t.Errorf("/forget: %q", got.Text)
	}
	if _, ok := w.followupRow(c.ID); ok {
		t.Error("the follow-up is still there after /forget")
	}
	var rating int
	if err := w.store.DB().Get(&rating, `SELECT rating FROM cases WHERE id = $1`, c.ID); err != nil || rating != 5 {
		t.Errorf("the case's rating after /forget: %d, %v", rating, err)
	}
	if got = last(t, w.send(res, "/start "+token)); got.Text != w.vi("followup.not_found") {
		t.Errorf("the link after /forget: %q", got.Text)
	}
	if got = last(t, w.forgetConfirmed(res)); got.Text != w.vi("followup.forget_nothing") {
		t.Errorf("/forget twice: %q", got.Text)
	}
}

// TestTeamMemberOpensAFollowupLink: another member of a team who opens a
// resident's link (a coordinator checking a slip) is asked before the
// follow-up becomes theirs: opening it takes nothing; "this is my dossier"
// makes them its resident (a double tap changes nothing), after which
// anyone else is told the link was taken; a forged token takes nothing.
func TestTeamMemberOpensAFollowupLink(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-0002")
	c, _ := w.lastCase(v)
	m := regexp.MustCompile(`start=([A-Za-z0-9_-]+)$`).FindStringSubmatch(decodeQR(t, ms[0].Photo))
	if m == nil {
		t.Fatal("no token in the slip's QR code")
	}
	token := m[1]

	member := w.volunteer("Mai")
	got := last(t, w.send(member, "/start "+token))
	if !strings.HasPrefix(got.Text, w.vi("followup.member_ask", locales.Data{"Case": c.ID})) ||
		!strings.Contains(got.Text, "000.00.12.H26-251127-0002") || !hasButton(got, w.vi("followup.member_mine")) {
		t.Fatalf("a team member opening the link: %q %v", got.Text, got.Keyboard)
	}
	if f, _ := w.followupRow(c.ID); f.Chat.Valid {
		t.Fatalf("opening the link made the member its resident: %+v", f)
	}
	asked := got.ID

	got = last(t, w.press(member, w.vi("followup.member_mine")))
	if got.ID != asked || !strings.HasPrefix(got.Text, w.vi("followup.greeting")) || !strings.Contains(got.Text, w.vi("followup.consent_ask")) {
		t.Fatalf("after \"this is my dossier\": %q", got.Text)
	}
	if f, _ := w.followupRow(c.ID); f.Chat.Int64 != member.ID {
		t.Fatalf("the member is not the resident: %+v", f)
	}
	w.forge(member, asked, "f:mine:"+token+":0") // a double tap
	if f, _ := w.followupRow(c.ID); f.Chat.Int64 != member.ID || f.Consent.Valid {
		t.Fatalf("after a double tap: %+v", f)
	}

	other := w.volunteer("Lan")
	got = last(t, w.send(other, "/start "+token))
	if !strings.Contains(got.Text, w.vi("followup.taken")) || len(got.Keyboard) != 0 {
		t.Errorf("another member after the link was taken: %q %v", got.Text, got.Keyboard)
	}
	w.forge(other, got.ID, "f:mine:"+token+":0")
	w.forge(other, got.ID, "f:mine:AAAAAAAAAAAAAAAAAAAAAAAA:0")
	if f, _ := w.followupRow(c.ID); f.Chat.Int64 != member.ID {
		t.Errorf("after forged presses: %+v", f)
	}
}

// remind does what the reminder job does: finds the due reminders on day,
// records each as sent and enqueues its message in the same transaction.
func (w *world) remind(day time.Time) int {
	w.t.Helper()
	ctx := context.Background()
	rs, err := w.store.DueReminders(ctx, day, 10)
	if err != nil {
		w.t.Fatal(err)
	}
	for _, rm := range rs {
		err := w.store.InTx(ctx, func(tx *storage.Tx) error {
			ok, err := tx.ReminderSent(ctx, rm.CaseID, rm.N, day)
			if err != nil || !ok {
				return err
			}
			return bot.Enqueue(ctx, tx.SQL(), w.h.ReminderMessage(rm))
		})
		if err != nil {
			w.t.Fatal(err)
		}
	}
	return len(rs)
}

// TestReminderAnswers: the reminder's three buttons. "Chưa" plans the next
// one three working days later (a double tap changes nothing); "Có vướng
// mắc" ends the follow-up and tells the volunteer and the coordinator, each
// in their language; "Đã nhận" after it is still taken.
func TestReminderAnswers(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Vân")
	coord := w.srv.NewUser("Cường", "en")
	ctx := context.Background()
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		if err := tx.SetMembership(ctx, coord.ID, "Cường", "26882", storage.RoleCoordinator); err != nil {
			return err
		}
		return tx.SetLanguage(ctx, coord.ID, "en")
	}); err != nil {
		t.Fatal(err)
	}
	ms := w.finishWithCode(v, "000.00.12.H26-251127-0002")
	c, _ := w.lastCase(v)
	token := qrToken(t, ms[0].Photo)
	res := w.srv.NewUser("Cư dân", "vi")
	w.send(res, "/start "+token)
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "4★")
	w.press(res, w.vi("followup.comment_skip"))

	due := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	if n := w.remind(due); n != 0 {
		t.Fatalf("%d reminders on the due date (its result may come that day)", n)
	}
	if n := w.remind(due.AddDate(0, 0, 1)); n != 1 {
		t.Fatalf("%d reminders the day after the due date, want 1", n)
	}
	if n := w.remind(due.AddDate(0, 0, 1)); n != 0 {
		t.Fatalf("%d reminders the day after the due date again, want 0", n)
	}
	rem, err := res.Next(15 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rem.Text, "000.00.12.H26-251127-0002") || !hasButton(rem, w.vi("followup.reminder_not")) {
		t.Fatalf("the reminder: %q %v", rem.Text, rem.Keyboard)
	}
	clk.advance(6 * 24 * time.Hour) // Thursday 3/12, 16:00 in Vietnam
	got := last(t, w.press(res, w.vi("followup.reminder_not")))
	if got.Text != w.about("000.00.12.H26-251127-0002")+w.vi("followup.ask_again", locales.Data{"Date": "08/12/2026"}) {
		t.Errorf("not yet: %q", got.Text)
	}
	// The second tap of a double tap.
	w.forge(res, rem.ID, "f:not:"+strconv.FormatInt(c.ID, 10)+":0")
	if f, _ := w.followupRow(c.ID); f.NextRemind.Time.Format(time.DateOnly) != "2026-12-08" || f.Status != storage.FollowupWaiting {
		t.Errorf("after not yet twice: %+v", f)
	}
	if n := w.remind(time.Date(2026, 12, 8, 0, 0, 0, 0, time.UTC)); n != 1 {
		t.Fatalf("%d reminders on 8/12, want 1", n)
	}
	rem, err = res.Next(15 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	got = last(t, w.press(res, w.vi("followup.reminder_problem")))
	if got.Text != w.about("000.00.12.H26-251127-0002")+w.vi("followup.problem_sent") {
		t.Errorf("a problem: %q", got.Text)
	}
	title := guide(t, "khai-sinh").Title
	want := map[*telegramtest.User]string{
		v:     w.vi("followup.problem_volunteer", locales.Data{"Case": c.ID, "Guide": title.Vi}),
		coord: w.en("followup.problem_coordinator", locales.Data{"Case": c.ID, "Guide": title.En}),
	}
	for u, text := range want {
		m, err := u.Next(5 * time.Second)
		if err != nil || m.Text != text {
			t.Errorf("%s was told %+v (%v), want %q", u.FirstName, m, err, text)
		}
	}
	if f, _ := w.followupRow(c.ID); f.Status != storage.FollowupProblem || f.Result.String != storage.ResultProblem {
		t.Errorf("after a problem: %+v", f)
	}
	// Solved later: "received" on the same reminder still counts — late:
	// the resident had said "Chưa" after the due date.
	got = last(t, w.forge(res, rem.ID, "f:gotyes:"+strconv.FormatInt(c.ID, 10)+":0"))
	// The problem ended the reminders: none to stop (review 19).
	if got.Text != w.about("000.00.12.H26-251127-0002")+w.vi("followup.received_no_reminders") {
		t.Errorf("received after a problem: %q", got.Text)
	}
	if f, _ := w.followupRow(c.ID); f.Status != storage.FollowupReceived || f.Result.String != storage.ResultReceivedLate || f.Rating.Int16 != 4 {
		t.Errorf("after received: %+v", f)
	}
}
