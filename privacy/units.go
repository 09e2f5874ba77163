package privacy

import (
	"slices"
	"strings"
	"sync"

	"github.com/dvcbot/dvcbot/storage/units"
	"github.com/dvcbot/dvcbot/vntext"
)

// Many communes and wards are named after people ("Xã Trần Phú",
// "Phường Hoàng Văn Thụ", "Phường Hai Bà Trưng") or start with a street's
// word ("Xã Đường Hoa"); a case's place is no resident's identity
// (domain.md). A unit's name right after its kind (placeSpans) is
// neither a name nor an address: the communes' of today and the wards'
// and districts' of before 2025 (storage/units).

// unitKinds (folded, one or two words): the kind of a unit, before its
// name. As written, a word of them that is also another word unaccented
// ("xa": xa, far) counts only typed so in a note without diacritics.
var unitKinds = wordSet("phuong xa quan huyen thi_tran thi_xa dac_khu thanh_pho tp tinh")

// unitNames are the units' names without their kind, folded, and the most
// words any has.
var unitNames = sync.OnceValues(func() (map[string]bool, int) {
	names, longest := map[string]bool{}, 0
	read := func(file string, cols ...int) {
		rows, err := units.Rows(file)
		if err != nil {
			panic("privacy: " + err.Error()) // embedded: cannot fail
		}
		for _, r := range rows {
			for _, c := range cols {
				words := strings.Fields(vntext.Fold(r[c]))
				for k := 2; k >= 1; k-- { // "thi tran", then "xa"
					if len(words) > k && unitKinds[strings.Join(words[:k], " ")] {
						words = words[k:]
						break
					}
				}
				names[strings.Join(words, " ")] = true
				longest = max(longest, len(words))
			}
		}
	}
	read("communes.csv", 2)
	read("ward_mappings.csv", 1, 2)
	read("provinces.csv", 1)
	return names, longest
})

// placeSpans are where s's tokens name a unit after its kind ("xã Trần
// Phú", "Công an phường Hai Bà Trưng"), the name's bytes alone.
func placeSpans(ts []token, plainNote bool) [][2]int {
	names, longest := unitNames()
	var spans [][2]int
	for i := 0; i < len(ts); i++ {
		k := 0 // the kind's words
		switch {
		case ts[i].brk:
		case i+1 < len(ts) && unitKinds[ts[i].fold+" "+ts[i+1].fold] && !ts[i+1].brk:
			k = 2
		case ts[i].fold == "xa" && i > 0 && (ts[i-1].fold == "ong" || ts[i-1].fold == "ba") && !ts[i-1].brk:
			// "ông xã", "bà xã": a husband, a wife.
		case unitKinds[ts[i].fold] && (plainNote || !isASCII(ts[i].raw) || ts[i].fold == "tp"):
			k = 1
		}
		if k == 0 {
			if h := hamletAt(ts, i, plainNote); h > 0 {
				// "Thôn Lê Lợi", "Tổ dân phố Nguyễn Trãi": capitalised
				// words after a hamlet's kind, whatever they are.
				end := i + h
				for end < len(ts) && end < i+h+4 && !ts[end-1].brk && titleCase(ts[end].raw) {
					end++
				}
				// "ấp Nguyễn Văn Tâm": three words, "Văn" or "Thị" in the
				// middle, are a person's, as after "trường" (review 24P).
				if end > i+h && !(end == i+h+3 && personsName(ts, i+h)) {
					spans = append(spans, [2]int{ts[i+h].start, ts[end-1].end})
					i = end - 1
					continue
				}
			}
			spans = append(spans, unitBefore(ts, i, names, longest)...)
			continue
		}
		from := i + k
		// The longest name that follows.
		for end := min(from+longest, len(ts)); end > from; end-- {
			words := make([]string, 0, end-from)
			for _, t := range ts[from:end] {
				words = append(words, t.fold)
			}
			if names[strings.Join(words, " ")] && !slices.ContainsFunc(ts[from:end-1], func(t token) bool { return t.brk }) {
				spans = append(spans, [2]int{ts[from].start, ts[end-1].end})
				i = end - 1
				break
			}
		}
	}
	return spans
}

// hamletKinds: as written, the kind of a hamlet, a village or a
// residential group ("thôn", "ấp", "xóm", "bản", "làng", "tổ", "khu phố",
// "tổ dân phố"), mostly named after people like the communes but in no
// list (but a full name, "Văn" or "Thị" in its middle, is a person's:
// personsName); plainHamletKinds the same unaccented, read only in a note without
// diacritics.
var (
	hamletKinds      = wordSet("thôn ấp xóm bản làng tổ khu_phố tổ_dân_phố")
	plainHamletKinds = wordSet("thon xom lang to khu_pho to_dan_pho")
)

// hamletAt is how many words of ts from i are a hamlet's kind (0: none).
func hamletAt(ts []token, i int, plainNote bool) int {
	for k := 3; k >= 1; k-- {
		if i+k > len(ts) || slices.ContainsFunc(ts[i:i+k-1], func(t token) bool { return t.brk }) || ts[i+k-1].brk {
			continue
		}
		low, fold := make([]string, k), make([]string, k)
		for x := range k {
			low[x], fold[x] = ts[i+x].low, ts[i+x].fold
		}
		if hamletKinds[strings.Join(low, " ")] || plainNote && plainHamletKinds[strings.Join(fold, " ")] {
			return k
		}
	}
	return 0
}

// institutions: a school's, a hospital's or a market's word, as written
// (two words joined by "_"); institutionKinds: the words that may follow
// it before its name ("trường THPT", "Trường Tiểu học", "bệnh viện Đa
// khoa"). Schools and hospitals are mostly named after people: the
// capitalised words after them ("trường Lê Quý Đôn", "BV Phạm Ngọc
// Thạch") are a place's.
var (
	institutions     = wordSet("trường bệnh_viện bv chợ thpt thcs")
	institutionKinds = wordSet("thpt thcs tiểu_học trung_học mầm_non đại_học cao_đẳng chuyên quốc_tế đa_khoa nhi phụ_sản")
	// famousNamesakes (folded): people of three words, "Văn" or "Thị" in
	// the middle, after whom schools and hospitals are named. Three such
	// words after "BV", "bệnh viện" or "trường" with no kind between
	// ("BV Nguyễn Văn Hưng", "học sinh trường Nguyễn Thị Hoa") are
	// otherwise a person's name: a school named after someone less known
	// is refused (the volunteer writes "trường THPT …" or leaves the name
	// out).
	famousNamesakes = wordSet(`le_van_thinh le_van_tam nguyen_van_cu nguyen_van_troi vo_thi_sau nguyen_thi_dinh
		le_van_huu tran_van_on le_van_viet nguyen_van_linh hoang_van_thu nguyen_van_thu le_van_sy
		nguyen_van_to tran_van_giau vo_van_kiet vo_van_tan nguyen_thi_loi ha_van_tinh le_van_duyet
		tran_van_tra nguyen_van_huong hoang_van_thai chu_van_an nguyen_thi_due vu_thi_thuc
		nguyen_van_dau nguyen_van_ngoc le_thi_rieng nguyen_van_luong`)
)

// personsName says whether the three words of ts from j, "Văn" or "Thị"
// in the middle, are a person's name rather than a famous namesake's
// ("Nguyễn Văn Hưng", not "Võ Thị Sáu"): after a hamlet's or a school's
// word with no kind between, the place is named after no one less known.
func personsName(ts []token, j int) bool {
	return j+2 < len(ts) && (ts[j+1].fold == "van" || ts[j+1].fold == "thi") &&
		!famousNamesakes[ts[j].fold+" "+ts[j+1].fold+" "+ts[j+2].fold]
}

// institutionSpans are where s's tokens name a school, a hospital or a
// market after its word, the name's bytes alone (at most four
// capitalised words).
func institutionSpans(ts []token, allCaps bool) [][2]int {
	n := len(ts)
	low := func(j, k int) string { // k words from j, as written
		if j+k > n {
			return ""
		}
		ws := make([]string, k)
		for x := range k {
			ws[x] = ts[j+x].low
		}
		return strings.Join(ws, " ")
	}
	var spans [][2]int
	for i := 0; i < n; i++ {
		j := i
		for k := 2; k >= 1; k-- {
			if institutions[low(i, k)] && !ts[i+k-1].brk {
				j = i + k
				break
			}
		}
		if j == i {
			continue
		}
		for moved := true; moved && j < n; {
			moved = false
			for k := 2; k >= 1; k-- {
				if institutionKinds[low(j, k)] && !ts[j+k-1].brk {
					j, moved = j+k, true
					break
				}
			}
		}
		kinded := false
		for k := 2; k >= 1; k-- {
			kinded = kinded || i+k < j && institutions[low(i, k)]
		}
		end := j
		for end < n && end < j+4 && (end == j || !ts[end-1].brk) && !allCaps && titleCase(ts[end].raw) {
			end++
		}
		if end == j+3 && !kinded && personsName(ts, j) {
			continue // "BV Nguyễn Văn Hưng": a person's name
		}
		if end > j {
			spans = append(spans, [2]int{ts[j].start, ts[end-1].end})
			i = end - 1
		}
	}
	return spans
}

// englishKinds: in English, a unit's kind after its name ("Tran Phu
// ward").
var englishKinds = wordSet("ward commune district province town")

// unitBefore is, when ts[i] is an English unit's kind, the unit's name
// right before it (the longest), as a span.
func unitBefore(ts []token, i int, names map[string]bool, longest int) [][2]int {
	if !englishKinds[ts[i].fold] {
		return nil
	}
	for from := max(i-longest, 0); from < i; from++ {
		words := make([]string, 0, i-from)
		for _, t := range ts[from:i] {
			words = append(words, t.fold)
		}
		if names[strings.Join(words, " ")] && !slices.ContainsFunc(ts[from:i], func(t token) bool { return t.brk }) {
			return [][2]int{{ts[from].start, ts[i-1].end}}
		}
	}
	return nil
}

// outside is spans without those that lie within one of places.
func outside(spans, places [][2]int) [][2]int {
	return slices.DeleteFunc(spans, func(sp [2]int) bool {
		return slices.ContainsFunc(places, func(p [2]int) bool { return p[0] <= sp[0] && sp[1] <= p[1] })
	})
}
