package guides

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// shippedOnce loads the shipped catalog once per test process: loading it (YAML,
// validation, the search index) is most of what a search test costs, ten
// times so under the race detector. The tests only read it.
var shippedOnce = sync.OnceValues(Shipped)

func shippedCatalog(t testing.TB) *Catalog {
	t.Helper()
	c, err := shippedOnce()
	if err != nil {
		t.Fatalf("shipped guides:\n%v", err)
	}
	return c
}

func TestShippedGuidesAreValidAndComplete(t *testing.T) {
	c := shippedCatalog(t)
	if n := len(c.All()); n < 12 {
		t.Errorf("%d guides shipped, want at least 12", n)
	}
	for _, g := range c.All() {
		both := func(what string, tx Text) {
			if strings.TrimSpace(tx.Vi) == "" || strings.TrimSpace(tx.En) == "" {
				t.Errorf("%s: %s lacks vi or en", g.ID, what)
			}
		}
		both("title", g.Title)
		both("description", g.Description)
		both("fee", g.Fee)
		both("tracking", g.Tracking)
		for _, s := range g.Steps {
			both("step "+s.ID+" title", s.Title)
			both("step "+s.ID+" text", s.Text)
			for _, e := range s.Errors {
				both("error "+e.ID+" label", e.Label)
				both("error "+e.ID+" fix", e.Fix)
			}
		}
		for _, it := range g.Prerequisites {
			both("item "+it.ID, it.Text)
		}
		if g.Checked().IsZero() || len(g.Sources) == 0 {
			t.Errorf("%s: no checked-on date or sources", g.ID)
		}
	}
	// The sub-guides other steps point to are there.
	for _, id := range []string{"vneid-muc-2", "vneid-mat-khau", "thanh-toan"} {
		if _, ok := c.Guide(id); !ok {
			t.Errorf("sub-guide %s is missing", id)
		}
	}
}

func TestSearch(t *testing.T) {
	c := shippedCatalog(t)
	tests := []struct{ query, want string }{
		{"khai sinh", "khai-sinh"},
		{"khaisinh", "khai-sinh"},
		{"KHAI SINH", "khai-sinh"},
		{"Khai sinh cho con", "khai-sinh"},
		{"khai sinhh", "khai-sinh"}, // a typo
		{"ly lich", "ly-lich-tu-phap"},
		{"lý lịch tư pháp", "ly-lich-tu-phap"},
		{"lylichtuphap", "ly-lich-tu-phap"},
		{"tam tru", "tam-tru"},
		{"tạm trú", "tam-tru"},
		{"thuong tru", "thuong-tru"},
		{"giay phep lai xe", "doi-gplx"},
		{"khai tu", "khai-tu"},
		{"ket hon", "ket-hon"},
		{"quen mat khau vneid", "vneid-mat-khau"},
		{"nop phat", "nop-phat"},
		{"chung thuc", "chung-thuc"},
	}
	for _, tt := range tests {
		got := c.Search(tt.query)
		if len(got) == 0 || got[0].ID != tt.want {
			ids := []string{}
			for _, g := range got {
				ids = append(ids, g.ID)
			}
			t.Errorf("Search(%q) = %v, want %s first", tt.query, ids, tt.want)
		}
	}
	// Look-alike words do not bring in other guides.
	for _, g := range c.Search("khai sinh") {
		if g.ID != "khai-sinh" {
			t.Errorf("Search(khai sinh) also found %s", g.ID)
		}
	}
	for _, q := range []string{"xyzzy", "   ", "!!", "q"} {
		if got := c.Search(q); len(got) != 0 {
			t.Errorf("Search(%q) found %d guides, want none", q, len(got))
		}
	}
}

func TestSearchLegacyLevels(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct {
		query string
		mode  string
	}{{"mức độ 4", ModeFull}, {"muc do 4", ModeFull}, {"dịch vụ công mức độ 3", ModePartial}, {"toàn trình", ModeFull}, {"mot phan", ModePartial}} {
		got := c.Search(tt.query)
		want := 0
		for _, g := range c.All() {
			if g.Mode == tt.mode && g.Kind == KindDossier {
				want++
			}
		}
		if len(got) != want {
			t.Errorf("Search(%q) found %d guides, want the %d %s ones", tt.query, len(got), want, tt.mode)
		}
		for _, g := range got {
			if g.Mode != tt.mode {
				t.Errorf("Search(%q) found %s, which is %s", tt.query, g.ID, g.Mode)
			}
		}
	}
}

// TestBrokenFilesNameTheLine breaks copies of a shipped guide in the ways
// people break YAML by hand and checks each problem is reported at its line.
func TestBrokenFilesNameTheLine(t *testing.T) {
	good, err := os.ReadFile("khai-sinh.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(good), "\n")
	lineOfText := func(prefix string) int {
		for i, l := range lines {
			if strings.HasPrefix(l, prefix) {
				return i + 1
			}
		}
		t.Fatalf("no line starts with %q", prefix)
		return 0
	}
	replace := func(old, new string) string {
		if !strings.Contains(string(good), old) {
			t.Fatalf("khai-sinh.yaml has no %q", old)
		}
		return strings.Replace(string(good), old, new, 1)
	}
	enOfTitle := lineOfText("  en: Linked birth registration")
	tests := []struct {
		name, file string
		line       int
		msg        string
	}{
		{"missing english", replace("  en: Linked birth registration (birth + residence + health card)\n", ""), enOfTitle - 2, "title: the en text is missing"},
		{"unknown field", replace("mode: toan-trinh\n", "mode: toan-trinh\nmodes: x\n"), lineOfText("mode:") + 1, "field modes not found"},
		{"bad mode", replace("mode: toan-trinh", "mode: muc-do-4"), lineOfText("mode:"), `mode "muc-do-4"`},
		{"syntax", replace("category: civil\n", "category: [civil\n"), 0, "did not find expected"},
		{"bad date", replace("checked_on: 2026-11-29", "checked_on: 29/11/2026"), lineOfText("checked_on:"), "checked_on"},
		{"bad link", replace("    link: https://dichvucong.gov.vn", "    link: dichvucong.gov.vn"), lineOfText("    link:"), "not a web address"},
		{"missing subguide", replace("subguide: dang-nhap-vneid", "subguide: khong-co"), lineOfText("    subguide:"), `no other guide has id "khong-co"`},
		{"missing subguide of an error", replace("        subguide: vneid-muc-2\n", "        subguide: khong-co\n"), lineOfText("        subguide: vneid-muc-2"),
			`steps[0].errors[0].subguide: no other guide has id "khong-co"`},
		{"bad channel", replace("  url: https://dichvucong.gov.vn\n", "  url: https://dichvucong.gov.vn\n  channel: zalo\n"), lineOfText("  url: https://dichvucong.gov.vn") + 1,
			`portal.channel "zalo"`},
		{"bad step channel", replace("  - id: chon-dich-vu\n", "  - id: chon-dich-vu\n    channel: VNeID\n"), lineOfText("  - id: chon-dich-vu") + 1,
			`steps[1].channel "VNeID": want one of web, vneid, app`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"khai-sinh.yaml": {Data: []byte(tt.file)}}
			for _, g := range shippedCatalog(t).All() { // the others, for sub-guides
				if g.ID != "khai-sinh" {
					data, _ := os.ReadFile(g.File())
					fsys[g.File()] = &fstest.MapFile{Data: data}
				}
			}
			_, err := Load(fsys)
			var errs Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("Load accepted the broken file (err %v)", err)
			}
			e := errs[0]
			if e.File != "khai-sinh.yaml" || !strings.Contains(e.Msg, tt.msg) || (tt.line > 0 && e.Line != tt.line) || e.Line == 0 {
				t.Errorf("got %q, want khai-sinh.yaml:%d: …%s…", err, tt.line, tt.msg)
			}
		})
	}
}

// TestStepChannel: a step may say it happens elsewhere than the guide's
// portal (a VNeID step of a web guide); the others keep the guide's channel.
func TestStepChannel(t *testing.T) {
	good, err := os.ReadFile("khai-sinh.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data := strings.Replace(string(good), "  - id: chon-dich-vu\n", "  - id: chon-dich-vu\n    channel: vneid\n", 1)
	g, errs := parse("khai-sinh.yaml", []byte(data))
	if len(errs) > 0 || g == nil {
		t.Fatalf("a step with channel: vneid is refused: %v", errs)
	}
	if g.Channel() != ChannelWeb || g.StepChannel(&g.Steps[1]) != ChannelVNeID || g.StepChannel(&g.Steps[0]) != ChannelWeb {
		t.Errorf("guide %q, step 2 %q, step 1 %q; want web, vneid, web", g.Channel(), g.StepChannel(&g.Steps[1]), g.StepChannel(&g.Steps[0]))
	}
	app, _ := os.ReadFile("tai-khoan-thanh-toan.yaml") // portal.channel: app
	g, errs = parse("tai-khoan-thanh-toan.yaml", app)
	if len(errs) > 0 || g.StepChannel(&g.Steps[0]) != ChannelApp {
		t.Errorf("a step without channel in an app guide: %q (%v)", g.StepChannel(&g.Steps[0]), errs)
	}
}

// TestFeeFree: `fee_free` marks a dossier that never carries a fee; it is
// refused on a payment or an account task, and beside payment_online.
func TestFeeFree(t *testing.T) {
	read := func(name string) string {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return string(data) + "fee_free: true\n"
	}
	// khai-sinh as if it never carried a fee: no payment_online either.
	g, errs := parse("khai-sinh.yaml", []byte(strings.Replace(read("khai-sinh.yaml"), "counts: [dossier_online, payment_online]", "counts: [dossier_online]", 1)))
	if len(errs) > 0 || !g.FeeFree {
		t.Errorf("a dossier with fee_free: %v (FeeFree %v)", errs, g != nil && g.FeeFree)
	}
	for file, want := range map[string]string{
		"thanh-toan.yaml":     "fee_free: only a dossier",
		"vneid-mat-khau.yaml": "fee_free: only a dossier",
		"tam-tru.yaml":        "cannot count toward payment_online",
	} {
		_, errs := parse(file, []byte(read(file)))
		if len(errs) != 1 || !strings.Contains(errs[0].Msg, want) || errs[0].Line == 0 {
			t.Errorf("%s with fee_free: %v, want …%s…", file, errs, want)
		}
	}
	// Free by law, whoever files; free only on time, or with a contribution
	// to pay.
	c := shippedCatalog(t)
	for id, free := range map[string]bool{"ket-hon": true, "khai-bao-tam-vang": true, "thong-bao-luu-tru": true,
		"khai-sinh": false, "khai-tu": false, "bhyt-ho-gia-dinh": false} {
		if g, ok := c.Guide(id); !ok || g.FeeFree != free {
			t.Errorf("%s: fee_free should be %v", id, free)
		}
	}
}

func TestFileNameMustBeTheID(t *testing.T) {
	good, _ := os.ReadFile("thanh-toan.yaml")
	_, err := Load(fstest.MapFS{"payment.yaml": {Data: good}})
	if err == nil || !strings.Contains(err.Error(), "payment.yaml:") || !strings.Contains(err.Error(), "must be named thanh-toan.yaml") {
		t.Fatalf("err = %v", err)
	}
}

func TestLoadFromDirectory(t *testing.T) {
	dir := t.TempDir()
	names := []string{"thanh-toan.yaml", "dang-nhap-vneid.yaml", "vneid-muc-2.yaml", "vneid-mat-khau.yaml", "tich-hop-giay-to.yaml", "ho-chieu.yaml"} // guides and their sub-guides
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	c, err := Load(os.DirFS(dir))
	if err != nil || len(c.All()) != len(names) {
		t.Fatalf("Load(dir) = %v, %v", c, err)
	}
	if _, err := Load(os.DirFS(t.TempDir())); err == nil {
		t.Fatal("an empty directory loaded")
	}
}

func BenchmarkSearch(b *testing.B) {
	c := shippedCatalog(b)
	b.ReportAllocs()
	for b.Loop() {
		c.Search("ly lich tu phap")
	}
}

// A procedure with a place, as volunteers type it: the place is cut first.
func BenchmarkSearchWithAPlace(b *testing.B) {
	c := shippedCatalog(b)
	b.ReportAllocs()
	for b.Loop() {
		c.Search("khai sinh phường Bình Thạnh")
	}
}

// TestShippedGuidesPassReview is what `dvcbot guides check` (and so CI)
// holds every shipped guide to beyond loading: no reviewer's doubt and no
// old-style tone mark in user text, dated sources, checked within a year.
func TestShippedGuidesPassReview(t *testing.T) {
	_, refused := shippedCatalog(t).Review(time.Now())
	for _, e := range refused {
		t.Error(e)
	}
}

// TestSearchKiKy: "kí" and "ký" (and "ki", "ky") are one spelling.
func TestSearchKiKy(t *testing.T) {
	c := shippedCatalog(t)
	ids := func(q string) []string {
		var out []string
		for _, g := range c.Search(q) {
			out = append(out, g.ID)
		}
		return out
	}
	for _, tt := range []struct{ query, want string }{
		{"đăng kí tạm trú", "tam-tru"},
		{"dang ki ket hon", "ket-hon"},
		{"dang ki thuong tru", "thuong-tru"},
		{"đăng kí khai sinh", "khai-sinh"},
	} {
		if got := ids(tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
	if a, b := ids("đăng kí"), ids("đăng ký"); strings.Join(a, " ") != strings.Join(b, " ") {
		t.Errorf("Search(đăng kí) = %v, Search(đăng ký) = %v", a, b)
	}
}

// TestEssentialServices: Directive 24/CT-TTg's services are a category and
// a search of their own, and each says what the centre does for a resident
// who cannot do it online.
func TestEssentialServices(t *testing.T) {
	c := shippedCatalog(t)
	var want []string
	for _, g := range c.All() {
		if g.Essential {
			want = append(want, g.ID)
		}
	}
	if len(want) < 10 {
		t.Fatalf("only %d guides are marked essential", len(want))
	}
	var cat []string
	for _, g := range c.InCategory(Essential) {
		cat = append(cat, g.ID)
	}
	if strings.Join(cat, " ") != strings.Join(want, " ") {
		t.Errorf("category essential = %v, want %v", cat, want)
	}
	for _, g := range c.InCategory(Essential) {
		if strings.TrimSpace(g.OfflineHelp.Vi) == "" || strings.TrimSpace(g.OfflineHelp.En) == "" {
			t.Errorf("%s: an essential service without offline_help (what the centre does for those who cannot do it online)", g.File())
		}
	}
	for _, q := range []string{"25 dịch vụ thiết yếu", "dich vu thiet yeu"} {
		var got []string
		for _, g := range c.Search(q) {
			got = append(got, g.ID)
		}
		if len(got) != len(want) {
			t.Errorf("Search(%q) = %v, want the %d essential services", q, got, len(want))
		}
	}
}

// TestCheckRefuses: what `guides check` (and CI) refuses in a guide that
// otherwise loads: a reviewer's doubt in user text, an old-style tone mark,
// a guide checked over 12 months ago; and what stops loading: an unknown KPI.
func TestCheckRefuses(t *testing.T) {
	good, err := os.ReadFile("tam-tru.yaml")
	if err != nil {
		t.Fatal(err)
	}
	load := func(t *testing.T, data string) (*Catalog, error) {
		fsys := fstest.MapFS{"tam-tru.yaml": {Data: []byte(data)}}
		for _, g := range shippedCatalog(t).All() { // the others, for sub-guides
			if g.ID != "tam-tru" {
				d, _ := os.ReadFile(g.File())
				fsys[g.File()] = &fstest.MapFile{Data: d}
			}
		}
		return Load(fsys)
	}
	// A step text that holds the doubt of the reviewer, and one with hòa.
	desc := regexp.MustCompile(`(?m)^  vi: (.*)$`)
	first := desc.FindStringSubmatchIndex(string(good))
	for name, extra := range map[string]string{"marker": " (chưa kiểm chứng)", "tone": " Hòa giải."} {
		t.Run(name, func(t *testing.T) {
			data := string(good[:first[3]]) + extra + string(good[first[3]:])
			c, err := load(t, data)
			if err != nil {
				t.Fatalf("the file no longer loads: %v", err)
			}
			if _, refused := c.Review(time.Now()); !slices.ContainsFunc(refused, func(e Error) bool { return e.File == "tam-tru.yaml" }) {
				t.Errorf("guides check accepts a %s in user text", name)
			}
		})
	}
	t.Run("button below, none there", func(t *testing.T) { // the login step without its sub-guide
		c, err := load(t, strings.Replace(string(good), "    subguide: vneid-mat-khau\n", "", 1))
		if err != nil {
			t.Fatalf("the file no longer loads: %v", err)
		}
		if _, refused := c.Review(time.Now()); !slices.ContainsFunc(refused, func(e Error) bool {
			return e.File == "tam-tru.yaml" && strings.Contains(e.Msg, `"button below"`)
		}) {
			t.Errorf("guides check accepts a fix that points at a button no screen has")
		}
	})
	t.Run("stale", func(t *testing.T) {
		c, err := load(t, string(good))
		if err != nil {
			t.Fatal(err)
		}
		g, _ := c.Guide("tam-tru")
		due, refused := c.Review(g.Review().AddDate(0, 0, 1))
		if len(refused) != 0 || !slices.ContainsFunc(due, func(e Error) bool { return strings.Contains(e.Msg, "review_by") }) {
			t.Errorf("a day past review_by: due %v, refused %v; want a warning only", due, refused)
		}
		if _, refused := c.Review(g.Checked().AddDate(0, MaxAge, 1)); !slices.ContainsFunc(refused, func(e Error) bool { return strings.Contains(e.Msg, "over 12 months old") }) {
			t.Errorf("a guide checked over 12 months ago passes: %v", refused)
		}
	})
	t.Run("no offline_help", func(t *testing.T) {
		data := regexp.MustCompile(`(?m)^offline_help:\n(  .*\n)+`).ReplaceAllString(string(good), "")
		if data == string(good) {
			t.Fatal("tam-tru.yaml has no offline_help to take out")
		}
		c, err := load(t, data)
		if err != nil {
			t.Fatalf("the file no longer loads: %v", err)
		}
		if _, refused := c.Review(time.Now()); !slices.ContainsFunc(refused, func(e Error) bool { return strings.Contains(e.Msg, "offline_help") }) {
			t.Errorf("guides check accepts an essential service without offline_help: %v", refused)
		}
	})
	t.Run("unknown KPI", func(t *testing.T) {
		data := regexp.MustCompile(`(?m)^counts: .*$`).ReplaceAllString(string(good), "counts: [dossier_online, happy_residents]")
		if _, err := load(t, data); err == nil || !strings.Contains(err.Error(), `unknown KPI "happy_residents"`) {
			t.Errorf("an unknown KPI: %v", err)
		}
	})
}

// qrLogin is the shared sub-guide on logging in to a public service portal
// by scanning a QR code with VNeID.
const qrLogin = "dang-nhap-vneid"

// webPortal matches the address of a public service web portal:
// dichvucong.gov.vn, dichvucong.bocongan.gov.vn and the like.
var webPortal = regexp.MustCompile(`(?i)\bdichvucong(\.[a-z0-9-]+)*\.gov\.vn\b`)

// TestPortalGuidesOfferQRLogin: every guide that sends the resident to a
// public service web portal (its portal, a step's link, or a step's text,
// tip or fix names one) offers the QR login sub-guide at some step, or on
// the error whose fix names the web route, so the resident never types a
// password on a shared screen.
func TestPortalGuidesOfferQRLogin(t *testing.T) {
	c := shippedCatalog(t)
	if _, ok := c.Guide(qrLogin); !ok {
		t.Fatalf("no guide %q", qrLogin)
	}
	portalGuides := 0
	for _, g := range c.All() {
		if g.ID == qrLogin {
			continue
		}
		where := ""
		if webPortal.MatchString(g.Portal.URL) {
			where = "portal.url"
		}
		offers := false
		for i, s := range g.Steps {
			offers = offers || s.Subguide == qrLogin
			texts := []string{s.Link, s.Text.Vi, s.Text.En, s.Tip.Vi, s.Tip.En}
			for _, e := range s.Errors {
				texts = append(texts, e.Fix.Vi, e.Fix.En)
				offers = offers || e.Subguide == qrLogin // on the error that names the web route
			}
			for _, tx := range texts {
				if where == "" && webPortal.MatchString(tx) {
					where = "steps[" + strconv.Itoa(i) + "] (" + s.ID + ")"
				}
			}
		}
		if where == "" {
			continue
		}
		portalGuides++
		if !offers {
			t.Errorf("%s: %s sends the resident to a web portal, but no step or error has subguide: %s", g.File(), where, qrLogin)
		}
	}
	if portalGuides < 15 {
		t.Errorf("only %d guides found that use a web portal; is the pattern still right?", portalGuides)
	}
}

// A source is named on the volunteer's screens by its site.
func TestSourceSite(t *testing.T) {
	for url, want := range map[string]string{
		"https://www.thanhnien.vn/doi-the-185250812193205995.htm": "thanhnien.vn",
		"https://m.ngoisao.vn/a.htm":                              "m.ngoisao.vn",
		"http://DICHVUCONG.gov.vn:443/p?q=1":                      "dichvucong.gov.vn",
		"not a url":                                               "",
	} {
		if got := (Source{URL: url}).Site(); got != want {
			t.Errorf("Site(%q) = %q, want %q", url, got, want)
		}
	}
}
