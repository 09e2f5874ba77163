package handlers_test

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"image"
	_ "image/png"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/render"
	"github.com/dvcbot/dvcbot/storage"
)

var ict = time.FixedZone("ICT", 7*3600)

const (
	anHoiTayCode = "26882" // Phường An Hội Tây, Thành phố Hồ Chí Minh
	benThanhCode = "26743" // Phường Bến Thành, Thành phố Hồ Chí Minh
)

func nov(day, hour, minute int) time.Time { return time.Date(2026, 11, day, hour, minute, 0, 0, ict) }

// tallyMember stores a team member of a commune (or, for a province
// coordinator, of province 79).
func (w *world) tallyMember(name, commune, role string) *telegramtest.User {
	w.t.Helper()
	u := w.srv.NewUser(name, "vi")
	ctx := context.Background()
	err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		return tx.SetMembership(ctx, u.ID, name, cmp.Or(commune, anHoiTayCode), storage.RoleVolunteer)
	})
	if err == nil && role == storage.RoleProvinceCoordinator {
		_, err = w.store.DB().Exec(`UPDATE users SET role = $2, commune_code = NULL, province_code = '79' WHERE telegram_id = $1`, u.ID, role)
	} else if err == nil {
		_, err = w.store.DB().Exec(`UPDATE users SET role = $2 WHERE telegram_id = $1`, u.ID, role)
	}
	if err != nil {
		w.t.Fatal(err)
	}
	return u
}

// closedCase logs a case as the wizard does: events one by one, then closed.
func (w *world) closedCase(vol int64, commune, guide, kind, mode, outcome, reason string, start, finish time.Time, events ...storage.CaseEvent) {
	w.t.Helper()
	ctx := context.Background()
	err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		c, err := tx.CreateCase(ctx, storage.Case{VolunteerID: vol, CommuneCode: sql.NullString{String: commune, Valid: true},
			GuideID: guide, GuideChecked: start, Kind: kind, Mode: sql.NullString{String: mode, Valid: mode != ""}, StepsTotal: 5,
			Phase: storage.PhaseSteps, ConsentVersion: "vi-test", StartedAt: start})
		if err != nil {
			return err
		}
		for _, e := range events {
			e.CaseID = c.ID
			if err := tx.AddCaseEvent(ctx, e); err != nil {
				return err
			}
		}
		c.Status, c.Phase, c.UpdatedAt = storage.CaseClosed, storage.PhaseDone, finish
		c.Outcome = sql.NullString{String: outcome, Valid: true}
		c.Reason = sql.NullString{String: reason, Valid: reason != ""}
		c.FinishedAt = sql.NullTime{Time: finish, Valid: true}
		return tx.SaveCase(ctx, c, storage.CaseEvent{CaseID: c.ID, At: finish, Kind: "outcome"})
	})
	if err != nil {
		w.t.Fatal(err)
	}
}

func stepEvent(kind string, at time.Time, step int, id, problem string) storage.CaseEvent {
	e := storage.CaseEvent{Kind: kind, At: at, Step: sql.NullInt32{Int32: int32(step), Valid: true}, StepID: sql.NullString{String: id, Valid: true}}
	if problem != "" {
		e.Problem = sql.NullString{String: problem, Valid: true}
	}
	return e
}

// tallyWorld is the bot on 27/11/2026 with a hand-counted November: in
// Phường An Hội Tây 4 closed cases (3 successful; 20 + 30 + 6 + 20 = 76
// active minutes; 2 steps done, 1 skipped, 2 problems), one in Bến Thành
// (same city), one of An's in October.
func tallyWorld(t *testing.T) (*world, *telegramtest.User, *telegramtest.User) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return nov(27, 10, 0) }))
	an := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	binh := w.tallyMember("Bình", anHoiTayCode, storage.RoleVolunteer)
	chi := w.tallyMember("Chi", benThanhCode, storage.RoleVolunteer)
	w.closedCase(an.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(3, 9, 0), nov(3, 9, 20),
		stepEvent("done", nov(3, 9, 2), 1, "dang-nhap", ""), stepEvent("problem", nov(3, 9, 5), 2, "to-khai", "other"),
		stepEvent("done", nov(3, 9, 10), 2, "to-khai", ""))
	w.closedCase(an.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "paid", "", nov(4, 10, 0), nov(4, 10, 30))
	w.closedCase(binh.ID, anHoiTayCode, "vneid-muc-2", "account", "", "done", "", nov(5, 14, 0), nov(5, 14, 6),
		stepEvent("problem", nov(5, 14, 1), 1, "otp", "other"))
	w.closedCase(binh.ID, anHoiTayCode, "tam-tru", "dossier", "mot-phan", "not_submitted", "missing_doc", nov(6, 16, 0), nov(6, 16, 20),
		stepEvent("skip", nov(6, 16, 5), 1, "dang-nhap", ""))
	w.closedCase(chi.ID, benThanhCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(9, 9, 0), nov(9, 9, 8))
	w.closedCase(an.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", time.Date(2026, 10, 20, 9, 0, 0, 0, ict), time.Date(2026, 10, 20, 9, 15, 0, 0, ict))
	return w, an, binh
}

// sheetTotals reads a sheet's rows (raw values) and its totals row.
func sheetTotals(t *testing.T, f *excelize.File, sheet string) (rows [][]string, total []string) {
	t.Helper()
	all, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("sheet %q: %v", sheet, err)
	}
	for _, r := range all[1:] { // the header first
		if len(r) > 0 && r[0] == "Tổng" {
			total = r
			continue
		}
		rows = append(rows, r)
	}
	return rows, total
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return f
}

func TestTallyCoordinatorMonth(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	m := only(t, w.send(coord, "/tally"))
	if !strings.Contains(m.Text, "Phường An Hội Tây") || !hasButton(m, "Tháng này") || hasButton(m, w.vi("tally.change_unit")) {
		t.Fatalf("/tally: %q %+v", m.Text, m.Buttons())
	}
	ms := w.press(coord, "Tháng này")
	if len(ms) != 3 || !ms[0].Edited || ms[1].Photo == nil || ms[2].Document == nil {
		t.Fatalf("want the text, a photo and a document; got %+v", ms)
	}
	text := ms[0].Text
	for _, want := range []string{
		"Phường An Hội Tây, Thành phố Hồ Chí Minh – tháng 11/2026", w.vi("tally.cases", locales.Data{"Cases": 4, "Helped": 3}),
		"Đã nộp hồ sơ: 1", "Đã nộp và thanh toán trực tuyến: 1", "Chưa làm được: 1", "Thiếu giấy tờ: 1",
		// Dossiers filed by mode: the một phần case lacked a paper and was
		// not submitted (it was counted there, 2 + 1 beside a target of 2).
		"Hồ sơ đã nộp (kể cả nhận kết quả ngay) theo hình thức:", "toàn trình (trước đây: mức độ 4): 2", "một phần (trước đây: mức độ 3): 0",
		"Hồ sơ trực tuyến được hỗ trợ: 2", "VNeID mức độ 2 được kích hoạt: 1", "Thanh toán trực tuyến: 1", // the khai-sinh case paid online (a late registration's fee)
		"An – 2", "Bình – 2", "Thời gian trung vị mỗi ca: 20 phút",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Chi") || strings.Contains(text, "Bến Thành") {
		t.Errorf("another commune in the text:\n%s", text)
	}
	// The chart: one bar per procedure, at render's size.
	cfg, format, err := image.DecodeConfig(bytes.NewReader(ms[1].Photo))
	if err != nil || format != "png" || cfg.Width != render.ChartWidth || cfg.Height != render.ChartHeight(3) {
		t.Errorf("chart: %s %dx%d (%v), want png %dx%d", format, cfg.Width, cfg.Height, err, render.ChartWidth, render.ChartHeight(3))
	}
	doc := ms[2].Document
	if doc.Name != "dvcbot-phuong-an-hoi-tay-thanh-pho-ho-chi-minh-2026-11.xlsx" {
		t.Errorf("file name %q", doc.Name)
	}
	f, err := excelize.OpenReader(bytes.NewReader(doc.Data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, "|") != "Tổng hợp|Theo đơn vị|Theo thủ tục|Theo tình nguyện viên|Điểm vướng|Danh sách ca" {
		t.Errorf("sheets %v", got)
	}
	summary, _ := sheetTotals(t, f, "Tổng hợp")
	values := map[string]string{}
	for _, r := range summary {
		if len(r) > 1 {
			values[r[0]] = r[1]
		}
	}
	if values["Ca hỗ trợ đã xong"] != "4" || values["Ca hỗ trợ thành công"] != "3" || values["Lần gặp lỗi"] != "2" {
		t.Errorf("summary %v", values)
	}
	// The modes' rows say they count dossiers filed, as the text's heading
	// does: a row "toàn trình" alone reads as every case of that mode.
	if values["Hồ sơ đã nộp (kể cả nhận kết quả ngay) – toàn trình (trước đây: mức độ 4)"] != "2" || values["Hồ sơ đã nộp (kể cả nhận kết quả ngay) – một phần (trước đây: mức độ 3)"] != "0" {
		t.Errorf("the summary's modes: %v", values)
	}
	// Every sheet's totals: the hand count.
	for _, c := range []struct {
		sheet string
		rows  int
		want  map[int]float64 // column → total
	}{
		{"Theo đơn vị", 1, map[int]float64{2: 4, 3: 3}},
		{"Theo thủ tục", 3, map[int]float64{1: 4, 2: 3, 3: 1}},
		{"Theo tình nguyện viên", 2, map[int]float64{1: 4, 2: 3}},
		{"Điểm vướng", 2, map[int]float64{4: 2}},
		{"Danh sách ca", 4, map[int]float64{7: 76, 8: 2, 9: 1, 10: 2}},
	} {
		rows, total := sheetTotals(t, f, c.sheet)
		if len(rows) != c.rows || total == nil {
			t.Errorf("%s: %d rows, totals %v; want %d rows", c.sheet, len(rows), total, c.rows)
			continue
		}
		for col, want := range c.want {
			if got := num(t, total[col]); got != want {
				t.Errorf("%s: column %d totals %v, want %v", c.sheet, col+1, got, want)
			}
		}
	}
	// A step's number is not added up; procedure titles are not cut.
	if _, total := sheetTotals(t, f, "Điểm vướng"); len(total) > 1 && total[1] != "" {
		t.Errorf("the step numbers have a total: %q", total[1])
	}
	if w, err := f.GetColWidth("Theo thủ tục", "A"); err != nil || w < 45 {
		t.Errorf("the procedure column is %.0f wide (%v)", w, err)
	}
	// A second tap on the same button: the flow is over, nothing more.
	if ms, err := coord.PressOn(ms[0].ID, "Tháng này"); err == nil {
		w.bot.WaitHandled(t, ms)
		if more := drain(coord); len(more) != 0 {
			t.Errorf("a double tap sent %+v", more)
		}
	}
}

func TestTallyScope(t *testing.T) {
	w, an, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	// A typed name of another commune is refused, and so is its forged button.
	only(t, fresh(w.send(coord, "/tally")))
	m := only(t, fresh(w.send(coord, "ben thanh")))
	if !strings.Contains(m.Text, w.vi("tally.commune_not_allowed", locales.Data{"Unit": benThanhFull, "Own": "Phường An Hội Tây, Thành phố Hồ Chí Minh"})) {
		t.Errorf("typed another commune: %q", m.Text)
	}
	w.forge(coord, m.ID, fmt.Sprintf("t:u:c%s:%d", benThanhCode, w.convVersion(coord)))
	ms := w.press(coord, "Tháng này")
	if len(ms) != 3 || !strings.Contains(ms[0].Text, "Phường An Hội Tây") || strings.Contains(ms[0].Text, "Bến Thành") {
		t.Fatalf("after a forged unit: %+v", ms)
	}
	// A period typed: the last week, then odd periods.
	only(t, fresh(w.send(coord, "/tally")))
	for text, want := range map[string]string{
		"13/2026":               w.vi("tally.no_such_month"),
		"30/11/2026-01/11/2026": w.vi("tally.period_reversed"),
		"2027":                  w.vi("tally.period_future"),
	} {
		if m := only(t, fresh(w.send(coord, text))); !strings.HasPrefix(m.Text, want) {
			t.Errorf("%q: %q, want %q first", text, m.Text, want)
		}
	}
	ms = fresh(w.send(coord, "Tháng 11/2026"))
	if len(ms) != 3 || !strings.Contains(ms[0].Text, "tháng 11/2026") {
		t.Fatalf("typed month: %+v", ms)
	}

	// A province coordinator sees every commune of the city, and picks one.
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(prov, "/tally")))
	ms = w.press(prov, "Tháng này")
	if len(ms) != 3 || !strings.Contains(ms[0].Text, w.vi("tally.cases", locales.Data{"Cases": 5, "Helped": 4})) || !strings.Contains(ms[0].Text, "Phường Bến Thành – 1") {
		t.Fatalf("the city: %+v", ms)
	}
	only(t, fresh(w.send(prov, "/tally")))
	if m := only(t, fresh(w.send(prov, "phuong hai chau"))); !strings.Contains(m.Text, w.vi("tally.commune_not_allowed", locales.Data{"Unit": "Phường Hải Châu, Thành phố Đà Nẵng", "Own": "Thành phố Hồ Chí Minh"})) {
		t.Errorf("a commune of another province: %q", m.Text)
	}
	m = only(t, fresh(w.send(prov, "an hoi tay")))
	if !w.periodScreenOf(m, "Phường An Hội Tây, Thành phố Hồ Chí Minh") { // found alone: picked (review 33C)
		t.Fatalf("search in the city: %q %+v", m.Text, m.Buttons())
	}
	ms = w.press(prov, "Tháng này")
	if len(ms) != 3 || !strings.Contains(ms[0].Text, w.vi("tally.cases", locales.Data{"Cases": 4, "Helped": 3})) {
		t.Fatalf("a commune of the city: %+v", ms)
	}
	only(t, fresh(w.send(prov, "/tally")))
	m = only(t, w.press(prov, w.vi("tally.change_unit")))
	w.forge(prov, m.ID, fmt.Sprintf("t:u:c%s:%d", "20401", w.convVersion(prov))) // Hội An Tây, Đà Nẵng
	if got := w.flowOf(prov); got != "t" {
		t.Errorf("after a forged commune of another province the flow is %q", got)
	}

	// A volunteer gets /me, not /tally; a guest neither.
	if m := only(t, fresh(w.send(an, "/tally"))); m.Text != w.vi("tally.use_me") {
		t.Errorf("volunteer /tally: %q", m.Text)
	}
	m = only(t, fresh(w.send(an, "/me")))
	for _, want := range []string{"Tháng này: 2 ca đã xong, 2 thành công", "Tháng trước: 1 ca đã xong, 1 thành công", "Từ đầu: 3 ca đã xong, 3 thành công", "Hôm nay: 0 ca", "1. Khai sinh"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("/me lacks %q:\n%s", want, m.Text)
		}
	}
	guest := w.srv.NewUser("Khách", "vi")
	if m := only(t, fresh(w.send(guest, "/tally"))); m.Text != w.vi("tally.not_allowed") {
		t.Errorf("guest /tally: %q", m.Text)
	}
	if m := only(t, fresh(w.send(guest, "/me"))); m.Text != w.vi("me.not_member") {
		t.Errorf("guest /me: %q", m.Text)
	}
}

func TestTallyCancelAndStale(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	screen := only(t, fresh(w.send(coord, "/tally")))
	thisMonth := dataOf(t, screen, "Tháng này")
	if m := only(t, fresh(w.send(coord, "/cancel"))); m.Text != w.vi("cancel.done") {
		t.Fatalf("/cancel: %q", m.Text)
	}
	noButtons(t, coord, screen.ID, "/cancel") // a press that left the phone before:
	id, err := coord.PressData(screen.ID, thisMonth)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	if ms := drain(coord); len(ms) != 0 {
		t.Errorf("a stale press after /cancel sent %+v", ms)
	}
	answers := coord.Answers()
	if len(answers) == 0 || answers[len(answers)-1].Text != w.vi("button.done") {
		t.Errorf("stale press answered %+v", answers)
	}
	// The coordinator loses the role: an old screen's button shows nothing.
	only(t, fresh(w.send(coord, "/tally")))
	if _, err := w.store.DB().Exec(`UPDATE users SET role = 'volunteer' WHERE telegram_id = $1`, coord.ID); err != nil {
		t.Fatal(err)
	}
	ms := w.press(coord, "Tháng này")
	if len(ms) != 1 || ms[0].Text != w.vi("tally.use_me") {
		t.Errorf("a press after losing the role: %+v", ms)
	}
}

// Volunteers of the same first name are told apart in the text and the
// spreadsheet as /team tells them apart: by commune, then by the day they
// joined, then by a number in the tally's order.
func TestTallyTellsNamesApart(t *testing.T) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return nov(27, 10, 0) }))
	joined := func(u *telegramtest.User, day time.Time) {
		if _, err := w.store.DB().Exec(`UPDATE users SET joined_at = $2 WHERE telegram_id = $1`, u.ID, day); err != nil {
			t.Fatal(err)
		}
	}
	minhA := w.tallyMember("Minh", anHoiTayCode, storage.RoleVolunteer)
	minhB := w.tallyMember("Minh", benThanhCode, storage.RoleVolunteer)
	lan1 := w.tallyMember("Lan", anHoiTayCode, storage.RoleVolunteer)
	lan2 := w.tallyMember("Lan", anHoiTayCode, storage.RoleVolunteer)
	hoa1 := w.tallyMember("Hoa", anHoiTayCode, storage.RoleVolunteer)
	hoa2 := w.tallyMember("Hoa", anHoiTayCode, storage.RoleVolunteer)
	an := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	joined(lan1, time.Date(2026, 10, 1, 8, 0, 0, 0, ict))
	joined(lan2, time.Date(2026, 11, 2, 23, 30, 0, 0, ict)) // 2/11 in Vietnam, 1/11 in UTC
	for _, u := range []*telegramtest.User{hoa1, hoa2} {
		joined(u, time.Date(2026, 9, 5, 9, 0, 0, 0, ict))
	}
	for i, u := range []*telegramtest.User{minhA, minhB, lan1, lan2, hoa1, hoa2, an} {
		commune := anHoiTayCode
		if u == minhB {
			commune = benThanhCode
		}
		w.closedCase(u.ID, commune, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(3+i, 9, 0), nov(3+i, 9, 20))
	}
	// The two Hoa, alike in all else, by a number in the tally's order (one
	// case each: by their ids, so hoa1 first), never by their Telegram id.
	hoa := func(u *telegramtest.User) string {
		if u == hoa1 {
			return "Hoa (số 1)"
		}
		return "Hoa (số 2)"
	}
	for _, c := range []struct {
		who        *telegramtest.User
		want, lack []string
	}{
		// The city: the two Minh by commune; the others share theirs.
		{w.tallyMember("Phương", "", storage.RoleProvinceCoordinator),
			[]string{"Minh (Phường An Hội Tây)", "Minh (Phường Bến Thành)", "Lan (vào 01/10/2026)", "Lan (vào 02/11/2026)",
				hoa(hoa1), hoa(hoa2), "An – 1"},
			[]string{"An ("}},
		// One commune: one Minh, no qualifier.
		{w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator),
			[]string{"Minh – 1", "Lan (vào 01/10/2026)", hoa(hoa1)},
			[]string{"Minh (", "Bến Thành"}},
	} {
		only(t, w.send(c.who, "/tally"))
		ms := w.press(c.who, "Tháng này")
		if len(ms) != 3 || ms[2].Document == nil {
			t.Fatalf("want the text, a chart and a spreadsheet: %+v", ms)
		}
		for _, want := range c.want {
			if !strings.Contains(ms[0].Text, want) {
				t.Errorf("%s's tally lacks %q:\n%s", c.who.FirstName, want, ms[0].Text)
			}
		}
		for _, lack := range c.lack {
			if strings.Contains(ms[0].Text, lack) {
				t.Errorf("%s's tally has %q:\n%s", c.who.FirstName, lack, ms[0].Text)
			}
		}
		f, err := excelize.OpenReader(bytes.NewReader(ms[2].Document.Data))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := sheetTotals(t, f, "Theo tình nguyện viên")
		f.Close()
		names := map[string]bool{}
		for _, r := range rows {
			if names[r[0]] {
				t.Errorf("%s's spreadsheet: %q twice", c.who.FirstName, r[0])
			}
			names[r[0]] = true
		}
		for _, want := range c.want[:3] {
			if want = strings.TrimSuffix(want, " – 1"); !names[want] {
				t.Errorf("%s's spreadsheet lacks %q: %v", c.who.FirstName, want, names)
			}
		}
	}
}

// A province with many communes and volunteers: the text stays within one
// Telegram message, the lists trimmed.
func TestTallyTextFitsOneMessage(t *testing.T) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return nov(27, 10, 0) }))
	_, err := w.store.DB().Exec(`
		INSERT INTO users (telegram_id, first_name, role, commune_code, joined_at)
		SELECT 500000 + i, 'Tình nguyện viên có tên rất dài số ' || i, 'volunteer', c.code, now()
		FROM generate_series(1, 400) i JOIN LATERAL (SELECT code FROM communes WHERE province_code = '79' ORDER BY code OFFSET i % 160 LIMIT 1) c ON true`)
	if err == nil {
		_, err = w.store.DB().Exec(`
			INSERT INTO cases (volunteer_id, commune_code, guide_id, guide_checked, kind, mode, steps_total, status, phase,
				followup_consent, consent_version, outcome, started_at, updated_at, finished_at, active_seconds, steps_done, steps_skipped, problems)
			SELECT u.telegram_id, u.commune_code, (ARRAY['khai-sinh','tam-tru','ly-lich-tu-phap','ket-hon','khai-tu'])[1 + i % 5], DATE '2026-11-01',
				'dossier', 'toan-trinh', 5, 'closed', 'done', false, 'v', 'submitted',
				TIMESTAMPTZ '2026-11-02 09:00+07' + i * interval '1 minute', TIMESTAMPTZ '2026-11-02 09:10+07' + i * interval '1 minute',
				TIMESTAMPTZ '2026-11-02 09:10+07' + i * interval '1 minute', 600, 5, 0, 0
			FROM generate_series(1, 4000) i JOIN users u ON u.telegram_id = 500001 + i % 400`)
	}
	if err != nil {
		t.Fatal(err)
	}
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	only(t, w.send(prov, "/tally"))
	ms := w.press(prov, "Tháng này")
	if len(ms) != 3 {
		t.Fatalf("got %d messages", len(ms))
	}
	if n := len([]rune(ms[0].Text)); n > 4096 || !strings.Contains(ms[0].Text, w.vi("tally.cases", locales.Data{"Cases": "4.000", "Helped": "4.000"})) {
		t.Errorf("text of %d characters:\n%s", n, ms[0].Text)
	}
	if !strings.Contains(ms[0].Text, "…") {
		t.Errorf("the lists were not trimmed:\n%s", ms[0].Text)
	}
}

// convVersion and flowOf read a chat's conversation.
func (w *world) convVersion(u *telegramtest.User) int {
	var v int
	_ = w.store.DB().Get(&v, `SELECT version FROM conversations WHERE chat_id = $1`, u.ID)
	return v
}

func (w *world) flowOf(u *telegramtest.User) string {
	var f string
	_ = w.store.DB().Get(&f, `SELECT flow FROM conversations WHERE chat_id = $1`, u.ID)
	return f
}

// A list of procedures cut to the text's length says how many are left
// out, as the communes and volunteers do: the ones listed do not add up to
// the total.
func TestTallyTextSaysHowManyProceduresAreLeftOut(t *testing.T) {
	w := newWorld(t, at27Nov())
	vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	var ids []string
	for _, g := range catalog.All() {
		if g.Kind == "dossier" && len(ids) < 12 {
			ids = append(ids, g.ID)
		}
	}
	for i, id := range ids {
		w.closedCase(vol.ID, anHoiTayCode, id, "dossier", "toan-trinh", "submitted", "", nov(3+i, 9, 0), nov(3+i, 9, 30))
	}
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	text, _ := monthTally(t, w, coord, "Tháng này")
	if !strings.Contains(text, w.vi("tally.and_more", locales.Data{"Count": 2})) {
		t.Errorf("12 procedures, 10 listed, no word of the other 2:\n%s", text)
	}
}

// A period with no case: the text alone, which says why no chart or
// spreadsheet comes (until review 23 a spreadsheet of zeros came).
func TestTallyOfNothingGivesTheTextAlone(t *testing.T) {
	w := newWorld(t, at27Nov())
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	only(t, w.send(coord, "/tally"))
	m := only(t, w.press(coord, "Tháng này"))
	if !strings.Contains(m.Text, w.vi("tally.empty_no_files")) || m.Document != nil || m.Photo != nil {
		t.Fatalf("want the text alone; got %+v", m)
	}
}

// A province's tally names the communes that had no case — the ones a
// province coordinator must ask about: a count in the text, every one of
// them in the spreadsheet; the chart and the lists show the active ones.
func TestProvinceTallyCountsIdleCommunes(t *testing.T) {
	w := newWorld(t, at27Nov())
	vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(3, 9, 0), nov(3, 9, 30))
	var communes int
	if err := w.store.DB().Get(&communes, `SELECT count(*) FROM communes WHERE province_code = '79'`); err != nil {
		t.Fatal(err)
	}
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	text, f := monthTally(t, w, prov, "Tháng này")
	if want := w.vi("tally.idle_communes", locales.Data{"Count": communes - 1}); !strings.Contains(text, strings.TrimPrefix(want, "• ")) {
		t.Errorf("the text lacks %q:\n%s", want, text)
	}
	rows, _ := sheetTotals(t, f, w.vi("tally.sheet_units"))
	if len(rows) != communes {
		t.Errorf("the units sheet lists %d communes, want every one of the province's %d", len(rows), communes)
	}
	// Its volunteers with their commune.
	vols, _ := sheetTotals(t, f, w.vi("tally.sheet_volunteers"))
	if len(vols) != 1 || len(vols[0]) < 4 || vols[0][0] != "An" || vols[0][1] != "Phường An Hội Tây" {
		t.Errorf("the volunteers sheet of a province: %q", vols)
	}
}
