package storage_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
	"github.com/dvcbot/dvcbot/vntext"
)

const (
	hcmc        = "79"
	daNang      = "48"
	anHoiTay    = "26882" // Phường An Hội Tây, Thành phố Hồ Chí Minh (was Phường 12 and 14, Quận Gò Vấp)
	hoiAnTay    = "20401" // Phường Hội An Tây, Thành phố Đà Nẵng
	hcmcName    = "Thành phố Hồ Chí Minh"
	hcmcCommune = 168
)

func TestSeedCounts(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	inTx(t, st, func(tx *storage.Tx) error {
		ps, err := tx.Provinces(ctx)
		if err != nil {
			return err
		}
		if len(ps) != 34 {
			t.Errorf("Provinces() lists %d provinces, want 34", len(ps))
		}
		total := 0
		for _, p := range ps {
			cs, n, err := tx.Communes(ctx, p.Code, 0, 10000)
			if err != nil {
				return err
			}
			if n != len(cs) {
				t.Errorf("province %s: total %d but %d communes listed", p.Code, n, len(cs))
			}
			if n == 0 {
				t.Errorf("province %s (%s) has no communes", p.Code, p.Name)
			}
			total += n
		}
		if total != 3321 {
			t.Errorf("the provinces have %d communes in all, want 3321", total)
		}
		return nil
	})
}

func TestProvincesOrder(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	// Centrally-run cities first, then provinces; each alphabetical by the
	// folded name, so Đ sorts with D and "Hà" before "Hải".
	want := []string{
		"Thành phố Cần Thơ", "Thành phố Đà Nẵng", "Thành phố Hà Nội",
		"Thành phố Hải Phòng", "Thành phố Hồ Chí Minh", "Thành phố Huế",
		"An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Điện Biên",
		"Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Tĩnh", "Hưng Yên", "Khánh Hòa",
		"Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Nghệ An", "Ninh Bình",
		"Phú Thọ", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sơn La", "Tây Ninh",
		"Thái Nguyên", "Thanh Hóa", "Tuyên Quang", "Vĩnh Long",
	}
	var ps []storage.Province
	inTx(t, st, func(tx *storage.Tx) (err error) {
		ps, err = tx.Provinces(ctx)
		return err
	})
	var got []string
	for i, p := range ps {
		got = append(got, p.Name)
		wantKind := "province"
		if i < 6 {
			wantKind = "city"
		}
		if p.Kind != wantKind {
			t.Errorf("Provinces()[%d] = %s (%s), want kind %q", i, p.Name, p.Kind, wantKind)
		}
		if !norm.NFC.IsNormalString(p.Name) {
			t.Errorf("province %s: name %q is not NFC", p.Code, p.Name)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("Provinces() order:\n got  %q\n want %q", got, want)
	}
}

func TestProvince(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	tests := []struct {
		code     string
		wantName string
		wantKind string
		wantErr  error
	}{
		{code: hcmc, wantName: hcmcName, wantKind: "city"},
		{code: "66", wantName: "Đắk Lắk", wantKind: "province"},
		{code: "00", wantErr: storage.ErrNotFound},
		{code: "", wantErr: storage.ErrNotFound},
		{code: "79 ", wantErr: storage.ErrNotFound},
		{code: "'; DROP TABLE provinces; --", wantErr: storage.ErrNotFound},
	}
	for _, tt := range tests {
		inTx(t, st, func(tx *storage.Tx) error {
			p, err := tx.Province(ctx, tt.code)
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("Province(%q) error = %v, want %v", tt.code, err, tt.wantErr)
				return nil
			}
			if err == nil && (p.Code != tt.code || p.Name != tt.wantName || p.Kind != tt.wantKind) {
				t.Errorf("Province(%q) = %+v, want name %q kind %q", tt.code, p, tt.wantName, tt.wantKind)
			}
			return nil
		})
	}
}

func TestCommune(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	tests := []struct {
		code    string
		want    storage.Commune
		wantErr error
	}{
		{code: anHoiTay, want: storage.Commune{Code: anHoiTay, ProvinceCode: hcmc, Name: "Phường An Hội Tây", Kind: "ward", ProvinceName: hcmcName}},
		{code: hoiAnTay, want: storage.Commune{Code: hoiAnTay, ProvinceCode: daNang, Name: "Phường Hội An Tây", Kind: "ward", ProvinceName: "Thành phố Đà Nẵng"}},
		{code: "26881", wantErr: storage.ErrNotFound}, // an old ward, merged away
		{code: "99999", wantErr: storage.ErrNotFound},
		{code: "", wantErr: storage.ErrNotFound},
	}
	for _, tt := range tests {
		inTx(t, st, func(tx *storage.Tx) error {
			c, err := tx.Commune(ctx, tt.code)
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("Commune(%q) error = %v, want %v", tt.code, err, tt.wantErr)
				return nil
			}
			if err == nil && c != tt.want {
				t.Errorf("Commune(%q) = %+v, want %+v", tt.code, c, tt.want)
			}
			return nil
		})
	}
}

func TestCommunesPaging(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	for _, size := range []int{1, 7, 50, 168, 500} {
		seen := map[string]bool{}
		var names []string
		inTx(t, st, func(tx *storage.Tx) error {
			for offset := 0; offset < hcmcCommune+size; offset += size {
				cs, total, err := tx.Communes(ctx, hcmc, offset, size)
				if err != nil {
					return err
				}
				if total != hcmcCommune {
					t.Errorf("size %d offset %d: total %d, want %d", size, offset, total, hcmcCommune)
				}
				if wantLen := min(size, max(0, hcmcCommune-offset)); len(cs) != wantLen {
					t.Errorf("size %d offset %d: %d communes, want %d", size, offset, len(cs), wantLen)
				}
				for _, c := range cs {
					if seen[c.Code] {
						t.Errorf("size %d: commune %s (%s) on two pages", size, c.Code, c.Name)
					}
					seen[c.Code] = true
					names = append(names, c.Name)
					if c.ProvinceCode != hcmc || c.ProvinceName != hcmcName {
						t.Errorf("commune %s listed under %s but is in %s (%s)", c.Code, hcmc, c.ProvinceCode, c.ProvinceName)
					}
					if !norm.NFC.IsNormalString(c.Name) {
						t.Errorf("commune %s: name %q is not NFC", c.Code, c.Name)
					}
				}
			}
			return nil
		})
		if len(seen) != hcmcCommune {
			t.Errorf("size %d: paging saw %d distinct communes, want %d", size, len(seen), hcmcCommune)
		}
		if !slices.IsSortedFunc(names, func(a, b string) int { return strings.Compare(vntext.Fold(a), vntext.Fold(b)) }) {
			t.Errorf("size %d: communes not in alphabetical (folded) order across pages", size)
		}
	}
	inTx(t, st, func(tx *storage.Tx) error {
		cs, total, err := tx.Communes(ctx, "00", 0, 10)
		if err != nil || len(cs) != 0 || total != 0 {
			t.Errorf("Communes(unknown province) = %d communes, total %d, err %v; want none", len(cs), total, err)
		}
		return nil
	})
}

func TestSearchCommunes(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	decomposed := norm.NFD.String("Phường An Hội Tây")
	if decomposed == "Phường An Hội Tây" {
		t.Fatal("test setup: NFD form equals NFC form")
	}
	type want struct {
		empty        bool
		first        string // code ranked first
		firstCurrent bool
		firstLabel   string // substring of the first result's label
		after        string // a code that must come after first
		province     string // every result in this province
		n            int    // exact count, if non-zero
		contains     string // a code among the results
	}
	tests := []struct {
		name     string
		query    string
		province string
		limit    int
		want     want
	}{
		{"old name without diacritics", "phuong 12 go vap", "", 10,
			want{first: anHoiTay, firstCurrent: false, firstLabel: "Phường 12, Quận Gò Vấp"}},
		{"old name with diacritics", "Phường 12, Gò Vấp", "", 10,
			want{first: anHoiTay, firstCurrent: false, firstLabel: "Phường 12, Quận Gò Vấp"}},
		{"words in order rank first", "an hoi tay", "", 10,
			want{first: anHoiTay, firstCurrent: true, firstLabel: "Phường An Hội Tây", after: hoiAnTay}},
		{"other word order", "hoi an tay", "", 10,
			want{first: hoiAnTay, firstCurrent: true, firstLabel: "Phường Hội An Tây", after: anHoiTay}},
		{"diacritics", "An Hội Tây", "", 10,
			want{first: anHoiTay, firstCurrent: true, after: hoiAnTay}},
		{"upper case", "AN HOI TAY", "", 10,
			want{first: anHoiTay, firstCurrent: true, after: hoiAnTay}},
		{"decomposed unicode", decomposed, "", 10,
			want{first: anHoiTay, firstCurrent: true}},
		{"punctuation and spaces", "  an,  hội -- tây!! ", "", 10,
			want{first: anHoiTay, firstCurrent: true}},
		// "an hoi t" also matches "Thới An Hội, Thành phố …" (the t of
		// Thành phố); the words in the commune's own name rank first.
		{"half-typed last word", "an hoi t", "", 10, want{first: anHoiTay, firstCurrent: true}},
		{"half-typed with diacritics", "An Hội T", "", 10, want{first: anHoiTay, firstCurrent: true}},
		{"half-typed word is a prefix", "an hoi ta", "", 10,
			want{first: anHoiTay, firstCurrent: true}},
		{"province filter keeps its own", "an hoi tay", hcmc, 10,
			want{first: anHoiTay, province: hcmc}},
		{"province filter drops others", "an hoi tay", daNang, 10,
			want{first: hoiAnTay, province: daNang}},
		{"province without a match", "an hoi tay", "01", 10, want{empty: true}},
		{"limit", "phuong", "", 5, want{n: 5}},
		{"no match", "khongcoxanaonhuthe", "", 10, want{empty: true}},
		{"empty query", "", "", 10, want{empty: true}},
		{"blank query", "   ", "", 10, want{empty: true}},
		{"percent", "%", "", 10, want{empty: true}},
		{"percents", "%%% %", "", 10, want{empty: true}},
		{"underscore", "_", "", 10, want{empty: true}},
		{"underscores", "_ __", "", 10, want{empty: true}},
		{"backslash", `\`, "", 10, want{empty: true}},
		{"backslash percent", `\%`, "", 10, want{empty: true}},
		{"metacharacters between words", "an%hoi_tay", "", 10,
			want{first: anHoiTay, firstCurrent: true}},
		{"metacharacters do not widen a word", "a%", "", 3000, want{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ms []storage.CommuneMatch
			inTx(t, st, func(tx *storage.Tx) (err error) {
				ms, err = tx.SearchCommunes(ctx, tt.query, tt.province, tt.limit)
				return err
			})
			if len(ms) > tt.limit {
				t.Errorf("%d results, more than the limit %d", len(ms), tt.limit)
			}
			for _, m := range ms {
				for what, s := range map[string]string{"name": m.Name, "province name": m.ProvinceName, "label": m.Label} {
					if !norm.NFC.IsNormalString(s) {
						t.Errorf("result %s: %s %q is not NFC", m.Code, what, s)
					}
				}
				if tt.want.province != "" && m.ProvinceCode != tt.want.province {
					t.Errorf("result %s (%s) is in province %s, want only %s", m.Code, m.Name, m.ProvinceCode, tt.want.province)
				}
			}
			if tt.want.empty {
				if len(ms) != 0 {
					t.Errorf("SearchCommunes(%q) = %d results (first %s %q), want none", tt.query, len(ms), ms[0].Code, ms[0].Label)
				}
				return
			}
			if len(ms) == 0 {
				t.Fatalf("SearchCommunes(%q, %q) found nothing", tt.query, tt.province)
			}
			if tt.want.n != 0 && len(ms) != tt.want.n {
				t.Errorf("%d results, want %d", len(ms), tt.want.n)
			}
			if tt.name == "metacharacters do not widen a word" {
				// "a%" is the word "a": every label must hold a word starting
				// with "a", not just any text.
				for _, m := range ms {
					if !strings.Contains(m.Search, " a") {
						t.Errorf("result %s %q has no word starting with a", m.Code, m.Label)
					}
				}
				return
			}
			if tt.want.first != "" {
				f := ms[0]
				if f.Code != tt.want.first {
					t.Fatalf("first result %s %q, want %s; all: %v", f.Code, f.Label, tt.want.first, codes(ms))
				}
				if f.IsCurrent != tt.want.firstCurrent && tt.want.province == "" {
					t.Errorf("first result IsCurrent = %v, want %v (label %q)", f.IsCurrent, tt.want.firstCurrent, f.Label)
				}
				if !strings.Contains(f.Label, tt.want.firstLabel) {
					t.Errorf("first result label %q, want it to mention %q", f.Label, tt.want.firstLabel)
				}
			}
			if tt.want.contains != "" && !slices.Contains(codes(ms), tt.want.contains) {
				t.Errorf("%s not among the results: %v", tt.want.contains, codes(ms))
			}
			if tt.want.after != "" && !slices.Contains(codes(ms)[1:], tt.want.after) {
				t.Errorf("%s not found after %s: %v", tt.want.after, tt.want.first, codes(ms))
			}
		})
	}
}

// TestSearchCommunesFindsEveryCommuneByName searches communes by their own
// name (a sample from every province) and expects each among the results.
func TestSearchCommunesFindsEveryCommuneByName(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	inTx(t, st, func(tx *storage.Tx) error {
		ps, err := tx.Provinces(ctx)
		if err != nil {
			return err
		}
		for _, p := range ps {
			cs, _, err := tx.Communes(ctx, p.Code, 0, 10000)
			if err != nil {
				return err
			}
			for i, c := range cs {
				if i%15 != 0 { // a sample: each search takes milliseconds
					continue
				}
				ms, err := tx.SearchCommunes(ctx, c.Name, p.Code, 50)
				if err != nil {
					return err
				}
				if !slices.Contains(codes(ms), c.Code) {
					t.Errorf("searching %q in %s does not find %s: %v", c.Name, p.Code, c.Code, codes(ms))
				}
			}
		}
		return nil
	})
}

func codes(ms []storage.CommuneMatch) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Code
	}
	return out
}

// TestSearchCommunesShortForms: the short forms volunteers type ("p12",
// "p.12", "q1", "tp", "tx", "tt", "h.", "x.") find what the long forms find.
func TestSearchCommunesShortForms(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	search := func(q string) []string {
		var ms []storage.CommuneMatch
		inTx(t, st, func(tx *storage.Tx) (err error) {
			ms, err = tx.SearchCommunes(ctx, q, "", 9)
			return err
		})
		return codes(ms)
	}
	for short, long := range map[string]string{
		"p12 go vap":             "phuong 12 go vap",
		"p.12 go vap":            "phuong 12 go vap",
		"P.12, Q. Gò Vấp":        "phuong 12 quan go vap",
		"p12 q go vap tp hcm":    "phuong 12 quan go vap thanh pho ho chi minh",
		"p ben nghe q1":          "phuong ben nghe quan 1",
		"tx ninh hoa":            "thi xa ninh hoa",
		"tt chuc son":            "thi tran chuc son",
		"h. thanh liem":          "huyen thanh liem",
		"x. phuoc hau h long ho": "xa phuoc hau huyen long ho",
	} {
		s, l := search(short), search(long)
		if len(l) == 0 {
			t.Fatalf("the long form %q finds nothing", long)
		}
		if len(s) == 0 || s[0] != l[0] {
			t.Errorf("SearchCommunes(%q) = %v, want %v first, as %q finds", short, s, l[0], long)
		}
	}
}

// TestSearchCommunesWholeWordsFirst: a typed word matched whole ranks above
// a longer word it only begins. "quan 1" lists first the four communes that
// took in the wards of old Quận 1 (not those of Quận 10, 11 and 12), each
// with the old ward's name; and in every list, no result whose label holds
// every typed word whole comes after one that holds a word only as a prefix.
func TestSearchCommunesWholeWordsFirst(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	search := func(q string, limit int) []storage.CommuneMatch {
		var ms []storage.CommuneMatch
		inTx(t, st, func(tx *storage.Tx) (err error) {
			ms, err = tx.SearchCommunes(ctx, q, "", limit)
			return err
		})
		return ms
	}
	// Phường Tân Định, Phường Sài Gòn, Phường Bến Thành, Phường Cầu Ông Lãnh
	// (ward_mappings.csv: every ward of old Quận 1 went into one of these).
	quan1 := []string{"26737", "26740", "26743", "26758"}
	for _, q := range []string{"quan 1", "Quận 1", "q1", "q.1"} {
		ms := search(q, 8) // as many as the invite flow shows
		if len(ms) < len(quan1) {
			t.Fatalf("SearchCommunes(%q) = %v, want at least %d results", q, codes(ms), len(quan1))
		}
		first := codes(ms[:len(quan1)])
		slices.Sort(first)
		if !slices.Equal(first, quan1) {
			t.Errorf("SearchCommunes(%q) lists first %v, want the communes of old Quận 1 %v; all:\n%s", q, codes(ms[:len(quan1)]), quan1, labels(ms))
			continue
		}
		for _, m := range ms[:len(quan1)] {
			if m.IsCurrent || !strings.Contains(m.Label, ", Quận 1, Thành phố Hồ Chí Minh") {
				t.Errorf("SearchCommunes(%q): %s %s shown with %q (current %v), want its old ward in Quận 1", q, m.Code, m.Name, m.Label, m.IsCurrent)
			}
		}
	}
	for _, q := range []string{"quan 1", "phuong 1", "phuong 1 quan 3", "xa an", "an hoi", "phuong 12"} {
		words := vntext.Words(q)
		whole := func(m storage.CommuneMatch) bool {
			for _, w := range words {
				if !strings.Contains(m.Search, " "+w+" ") {
					return false
				}
			}
			return true
		}
		ms := search(q, 60)
		if len(ms) == 0 || !whole(ms[0]) {
			t.Errorf("SearchCommunes(%q): the first result does not hold every word whole:\n%s", q, labels(ms))
			continue
		}
		for i := 1; i < len(ms); i++ {
			if whole(ms[i]) && !whole(ms[i-1]) {
				t.Errorf("SearchCommunes(%q): %s %q (every word whole) ranked after %s %q (a word only begun):\n%s",
					q, ms[i].Code, ms[i].Label, ms[i-1].Code, ms[i-1].Label, labels(ms))
				break
			}
		}
	}
}

func labels(ms []storage.CommuneMatch) string {
	var b strings.Builder
	for i, m := range ms {
		fmt.Fprintf(&b, "\t%2d. %s %s — %s\n", i+1, m.Code, m.Name, m.Label)
	}
	return b.String()
}
