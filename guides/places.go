package guides

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/dvcbot/dvcbot/storage/units"
	"github.com/dvcbot/dvcbot/vntext"
)

// A place typed with a procedure is where it is done, never what: a unit's
// name, with its kind ("phường Bình Thạnh", "quận Gò Vấp", "P.12") or
// without ("Bình Thạnh", "Ba Đình Hà Nội"), is cut from a query before it
// is searched, wherever it stands ("Gò Vấp đăng ký thường trú"); a query
// that is only a place names no procedure (OnlyPlace). Read as words, a
// place's name found what its syllables looked like: "Bình Thạnh" the
// household business ("binh" a typo of "kinh", "thanh" of "thành lập"),
// "khai sinh Ba Đình" correcting civil status alone. The names are
// today's communes' and provinces', and the wards', districts' and
// provinces' of before 2025 (storage/units), their marks as typed fitting
// (vntext.MarksFit: "là gì" is no "La Gi", "báo cáo tháng" no "Cao
// Thăng", "ở làng" no "Láng"; "ba dinh" is "Ba Đình"). Without its kind
// or a preposition before it, a name is a place when it has two words or
// more and is no phrase of a guide's name ("Gia Định": "hộ gia đình";
// "Tiền An": "tiền án"), and only when the query names nothing else (but
// fillers: "ở đâu Bình Thạnh") or the rest still holds two words of a
// guide's name or one's abbreviation ("bao cao thang 11" is no Cao Thăng
// report; "khai sinh Ba Dinh" is the birth registration). A name of one
// word is a place without its kind only typed alone ("Láng", "Vinh":
// lonePlace).

// placeNames are the units' names without their kind, folded, each with
// its names as written (Phường Bình Thạnh, Quận Bình Thạnh: "Bình
// Thạnh"), and the most words any has.
var placeNames = sync.OnceValues(func() (map[string][]string, int) {
	names, longest := map[string][]string{"hcm": {"hcm"}, "tphcm": {"tphcm"}}, 1
	read := func(file string, cols ...int) {
		rows, err := units.Rows(file)
		if err != nil {
			panic("guides: " + err.Error()) // embedded: cannot fail
		}
		for _, r := range rows {
			for _, col := range cols {
				ws := words(r[col])
				k := kindAt(ws)
				if len(ws) == k {
					continue
				}
				key := strings.Join(ws[k:], " ")
				written := strings.Join(strings.Fields(vntext.NFC(r[col]))[k:], " ")
				if !slices.Contains(names[key], written) {
					names[key] = append(names[key], written)
				}
				longest = max(longest, len(ws)-k)
			}
		}
	}
	read("communes.csv", 2)
	read("ward_mappings.csv", 1, 2, 3)
	read("provinces.csv", 1)
	read("former_provinces.csv", 0)
	return names, longest
})

// typedPlaces are the units' names query holds, folded, their marks as
// typed fitting the name's; with capitalised before, those typed with
// every word capitalised ("Thành Công"), and with asWritten before, those
// of one word typed with their own marks ("Láng", "láng"; and the name as
// typed, lower case: "láng"), and with
// unmarked before, those of one word typed without marks ("lang").
func typedPlaces(query string) map[string]bool {
	names, longest := placeNames()
	typed := strings.FieldsFunc(vntext.NFC(query), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	found := map[string]bool{}
	for i := range typed {
		for end := i + 1; end <= min(i+longest, len(typed)); end++ {
			window := strings.Join(typed[i:end], " ")
			key := strings.Join(words(window), " ")
			if written, ok := names[key]; ok && slices.ContainsFunc(written, func(name string) bool { return marksFit(window, name) }) {
				found[key] = true
				// "Thành Công" among words typed lower case, or alone: the
				// name, not "thành công"; not in a query typed all in
				// capitals ("THANH TOAN KHONG THANH CONG") or capitalised
				// word by word.
				if !slices.ContainsFunc(typed[i:end], func(w string) bool { return !titled(w) }) &&
					(end-i == len(typed) || slices.ContainsFunc(typed, func(w string) bool { return !unicode.IsUpper([]rune(w)[0]) })) {
					found[capitalised+key] = true
				}
				switch {
				case end > i+1:
				case vntext.Fold(window) == strings.ToLower(window):
					found[unmarked+key] = true // "lang"
				case slices.ContainsFunc(written, func(name string) bool { return strings.EqualFold(window, name) }):
					found[asWritten+key] = true // "Láng", with its own marks
					found[asWritten+strings.ToLower(window)] = true
				}
			}
		}
	}
	return found
}

// titled says whether w is written with a capital and the rest lower
// case ("Thành", not "THÀNH" nor "thành").
func titled(w string) bool {
	r := []rune(w)
	return unicode.IsUpper(r[0]) && strings.ToLower(string(r[1:])) == string(r[1:])
}

// The marks typedPlaces puts before a name's key.
const (
	capitalised = "^"
	asWritten   = "="
	unmarked    = "~"
)

// kindAt is how many of the first words of ws are a unit's kind.
func kindAt(ws []string) int {
	for k := 2; k >= 1; k-- {
		if len(ws) > k && kindBefore(ws, k) == k {
			return k
		}
	}
	return 0
}

// unitNumbered says whether w is a unit abbreviated with its number
// ("p5", "q10").
func unitNumbered(w string) bool {
	if len(w) < 2 || strings.IndexByte("pqx", w[0]) < 0 {
		return false
	}
	_, err := strconv.Atoi(w[1:])
	return err == nil
}

// marksFit says whether the marks typed fit a unit's name: those typed
// are its (vntext.MarksFit), and a name written without any ("La Gi",
// "Kbang") has none typed ("là gì").
func marksFit(typed, name string) bool {
	if unmarked := func(s string) bool { return vntext.Fold(s) == strings.Join(strings.Fields(strings.ToLower(s)), " ") }; unmarked(name) {
		return unmarked(typed)
	}
	return vntext.MarksFit(typed, name)
}

// placeBefore is where the place that ends right before ws[end] starts
// (-1: none): a unit's name of typed (typedPlaces), the longest, of two
// words or more ("Bình Thạnh"; "Ô Diên", whose "ô" is "ở"), or of one
// after the unit's kind or a preposition ("phường 12", "ở Láng") or that
// is no syllable ("tphcm", "Kbang"); or a unit abbreviated with its number
// ("p5"); with the kind, an office and the prepositions before it ("tại
// công an phường 5"). Read from the end, as a place mostly follows the
// procedure: "khai tử Sơn Vĩ" is no "Từ Sơn". name is where the name
// starts.
func (c *Catalog) placeBefore(ws []string, end int, typed map[string]bool) (start, name int) {
	_, longest := placeNames()
	start = -1
	if unitNumbered(ws[end-1]) {
		start = end - 1
	}
	for s := max(0, end-longest); s < end && start < 0; s++ {
		words := ws[s:end]
		if !typed[strings.Join(words, " ")] {
			continue
		}
		kinded := kindBefore(ws, s) > 0 || s > 0 && prepositions[ws[s-1]]
		if kinded || len(words) >= 2 && !c.isPhrase(words) && c.noEveryday(words, typed) || len(words) == 1 && c.oneWordName(words[0], typed) && c.besideName(ws, s, end) {
			start = s
		}
	}
	if start < 0 {
		return -1, -1
	}
	name = start
	start -= kindBefore(ws, start)
	if start >= 2 && offices[ws[start-2]+" "+ws[start-1]] {
		start -= 2 // "công an phường …"
	}
	for start > 0 && prepositions[ws[start-1]] {
		start--
	}
	return start, name
}

// noEveryday says whether the words of a unit's name typed, folded, are
// no phrase of the guides' texts (everyday: "thành công", "đồng ý", "đủ
// tiền"), or were typed each capitalised ("Thành Công").
func (c *Catalog) noEveryday(ws []string, typed map[string]bool) bool {
	key := strings.Join(ws, " ")
	return !c.phrases[key] || typed[capitalised+key]
}

// oneWordName says whether w, a unit's name of one word typed, folded, is
// that name without its kind: no syllable ("tphcm", "Kbang"); typed with
// its own marks and no word the guides write so ("Láng"; not "Hồ": hồ
// sơ); or typed without marks and no other word a search reads
// (lonePlaceWord: "hue", "vinh"; not "thanh", "thang").
func (c *Catalog) oneWordName(w string, typed map[string]bool) bool {
	switch {
	case len(w) >= 4 && !syllable(w):
		return true
	case numbered(w):
		return false // "12": Phường 12 only with its kind
	case typed[asWritten+w]:
		names, _ := placeNames()
		return slices.ContainsFunc(names[w], func(name string) bool {
			return typed[asWritten+strings.ToLower(name)] && !c.written[strings.ToLower(name)]
		})
	}
	return typed[unmarked+w] && c.lonePlaceWord(w)
}

// besideName says whether the words beside ws[start:end] are, each, a
// word of a guide's name or a filler, or none: a name of one word without
// its kind is cut beside the procedure ("khai sinh Láng", "Láng khai
// sinh"), not after a place no unit is ("ở thôn Đông": the village's
// name).
func (c *Catalog) besideName(ws []string, start, end int) bool {
	near := func(w string) bool { return c.words[w] || fillers[w] }
	return (start == 0 || near(ws[start-1])) && (end == len(ws) || near(ws[end]))
}

// kindBefore is how many words right before ws[i] are a unit's kind
// ("phường", "thị trấn", "tp"), 0 none.
func kindBefore(ws []string, i int) int {
	switch {
	case i >= 2 && unitPairs[ws[i-2]+" "+ws[i-1]]:
		return 2
	case i >= 1 && unitWords[ws[i-1]]:
		return 1
	}
	return 0
}

// withoutPlaces is ws without the places they name (placeBefore: those
// of typed), and whether one was cut. A name without its kind is cut only
// when the rest names nothing else or holds a guide's name (names).
func (c *Catalog) withoutPlaces(ws []string, typed map[string]bool) (rest []string, cut bool) {
	rest, cut, bare := c.cutPlaces(ws, typed, true)
	if bare && !c.nothingElse(rest) && !c.names(deaths(rest)) {
		rest, cut, _ = c.cutPlaces(ws, typed, false)
	}
	return rest, cut
}

// nothingElse says whether ws, the places cut from a query, are nothing
// but prepositions, fillers ("ở đâu") and a unit's kind after its name
// ("Ba Dinh ward").
func (c *Catalog) nothingElse(ws []string) bool {
	kept, _ := withoutFillers(ws, c.englishQuery(ws), nil, nil)
	return !slices.ContainsFunc(kept, func(w string) bool { return !prepositions[w] && !unitWords[w] })
}

// names says whether ws hold a phrase of a guide's name of two words, or
// a guide's whole name no syllable is spelt as ("cccd", "vneid").
func (c *Catalog) names(ws []string) bool {
	for i := range ws {
		if i+2 <= len(ws) && c.isPhrase(ws[i:i+2]) || c.wholeName(ws[i:i+1]) {
			return true
		}
	}
	return false
}

// cutPlaces is ws without the places they name, read from the end (bare:
// names without their kind too), whether one was cut and whether one was
// without its kind. A place in a guide's name with the word before or
// after it is kept ("người nhà mất": Phường Nhà Mát; "xác nhận tình
// trạng hôn nhân": tỉnh Trạng); so is one that would split a guide's name
// (splits): "Xã Nam Phù thường trú" is no "Phú Thượng", "Tri Phú lý lịch
// tư pháp" no "Phủ Lý", "Minh Tân khai tử" no "Tân Khai"; but "Hai Bà
// Trưng tạm trú" is no "trung tâm".
func (c *Catalog) cutPlaces(ws []string, typed map[string]bool, bare bool) (rest []string, cut, wasBare bool) {
	rest = slices.Clone(ws)
	for end := len(rest); end > 0; end-- {
		start, name := c.placeBefore(rest, end, typed)
		// A name of one word typed with its own marks is no word of a
		// guide's name spelt alike ("Chũ": chủ hộ).
		own := end-start == 1 && typed[asWritten+rest[start]]
		if start < 0 || !bare && start == name || c.isPhrase(rest[start:end]) && !own || c.splits(rest, start, end, end-name) ||
			start > 0 && c.isPhrase(rest[start-1:end]) || end < len(rest) && c.isPhrase(rest[start:end+1]) {
			continue
		}
		wasBare = wasBare || start == name
		rest = slices.Delete(rest, start, end)
		cut = true
		end = start + 1
	}
	return rest, cut, wasBare
}

// splits says whether the place ws[start:end], its name of name words, is
// the first or last words of a phrase of a guide's name with the words
// beside it, those words naming nothing on their own (the beginning of a
// name: "Cam Lâm hộ chiếu" is "hộ chiếu", not "làm hộ"; or, one word, a
// phrase with the next: "Hai Bà Trưng tạm trú" is no "trung tâm"). A
// phrase with a filler splits only a name of as many words as it or
// fewer: "Gia Lâm, Hồ Chí Minh" is no "làm hộ".
func (c *Catalog) splits(ws []string, start, end, name int) bool {
	splits := func(phrase, outside, next []string, first bool) bool {
		if len(outside) == 0 || slices.ContainsFunc(phrase, func(w string) bool { return fillers[w] }) && len(phrase) < name {
			return false
		}
		if len(outside) >= 2 {
			return !c.nameEdge(outside, first)
		}
		return len(next) < 2 || !c.isPhrase(next)
	}
	after := 0 // the words after the place a guide's name holds with its last
	for k := 1; end+k <= len(ws) && c.isPhrase(ws[end-1:end+k]); k++ {
		after = k
	}
	before := 0
	for k := 1; start-k >= 0 && c.isPhrase(ws[start-k:start+1]); k++ {
		before = k
	}
	return splits(ws[end-1:end+after], ws[end:end+after], ws[end:min(end+2, len(ws))], true) ||
		splits(ws[start-before:start+1], ws[start-before:start], ws[max(start-2, 0):start], false)
}

// nameEdge says whether some guide's name begins (first) or ends with ws.
func (c *Catalog) nameEdge(ws []string, first bool) bool {
	for _, e := range c.index {
		for _, name := range e.names {
			if len(name) < len(ws) {
				continue
			}
			if first && slices.Equal(name[:len(ws)], ws) || !first && slices.Equal(name[len(name)-len(ws):], ws) {
				return true
			}
		}
	}
	return false
}

// lonePlace is the words of query without the unit's name of one word it
// is alone ("Láng", "Vinh", "Huế"; with fillers, prepositions, its kind
// after it or places of two words or more: "Láng ở đâu", "Láng, Hà Nội",
// "Hue ward"), and whether it is one. Beside other words a name of one
// word may be any syllable ("ở làng", "khai sinh Láng" is cut only after
// its kind or a preposition), but alone it names no procedure: "Láng"
// found nineteen guides, "Vinh" twelve, by their look-alikes. Typed with
// marks it is the name (marksFit); typed without, only a word no guide's
// name holds and no filler (lonePlaceWord): "con", "ba", "thanh", "dong"
// ("đóng") are searched as before. Never a number nor a Roman numeral
// ("12", "IV"): Phường 12 is a place with its kind.
func (c *Catalog) lonePlace(query string, ws []string, typed map[string]bool) ([]string, bool) {
	rest, _, _ := c.cutPlaces(ws, typed, true)
	lone := -1
	for i, w := range rest {
		if !typed[w] || numbered(w) || !c.nothingElse(slices.Delete(slices.Clone(rest), i, i+1)) {
			continue
		}
		if lone >= 0 {
			return nil, false
		}
		lone = i
	}
	if lone < 0 {
		return nil, false
	}
	for _, t := range strings.FieldsFunc(vntext.NFC(query), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		ws := words(t)
		if len(ws) != 1 || ws[0] != rest[lone] || numbered(strings.ToLower(t)) {
			continue
		}
		// Marked (and fitting: typed) as the name is written, or with
		// marks of a word the guides write ("tháng" is no Thắng); or no
		// other word.
		marked := vntext.Fold(t) != strings.ToLower(t)
		if marked && (typed[asWritten+ws[0]] || !c.written[strings.ToLower(t)]) || !marked && c.lonePlaceWord(ws[0]) {
			return slices.Delete(rest, lone, lone+1), true
		}
	}
	return nil, false
}

// lonePlaceWord says whether w, a unit's name of one word typed without
// marks, is no other word a search reads: no word of a guide's name
// ("thanh", "trang", "dong"), no filler nor person ("con", "ba", "bo"),
// no small talk nor English word, no word of the guides' texts ("thang"
// tháng, "hieu" hiệu, "du" đủ, "goi" gọi: textWords).
func (c *Catalog) lonePlaceWord(w string) bool {
	return !c.words[w] && !c.english[w] && !fillers[w] && !englishFillers[w] && !smallTalk[w] && !polite[w] &&
		whom[w] == "" && !unitWords[w] && !prepositions[w] && !(syllable(w) && c.phrases[w])
}

// numbered says whether w, lower case, is a number or a Roman numeral
// ("12", "iv", "vii"): a unit's name only with its kind.
func numbered(w string) bool {
	return strings.Trim(w, "0123456789") == "" || strings.Trim(w, "ivx") == ""
}

// OnlyPlace says whether query names a place and nothing else but
// fillers ("Bình Thạnh", "ở phường 12 Gò Vấp", "ở đâu Bình Thạnh"), and
// Search finds nothing for it (as for "Bình Thạnh cho con" it finds what
// "cho con" does): the volunteer is to be asked which procedure.
func (c *Catalog) OnlyPlace(query string) bool {
	rest, cut := c.placesCut(query)
	return cut && c.nothingElse(rest) && len(c.Search(query)) == 0
}

// placesCut is the folded words of query, abbreviations written out,
// without the places they name (withoutPlaces; a name of one word alone:
// lonePlace), and whether one was cut.
func (c *Catalog) placesCut(query string) ([]string, bool) {
	ws, typed := deaths(rawQueryWords(query)), typedPlaces(query)
	if rest, ok := c.lonePlace(query, ws, typed); ok {
		return c.telex(rest), true
	}
	// Telex leftovers are read once the places are cut: "Kông Chro",
	// "Drang" are no telex.
	rest, cut := c.withoutPlaces(ws, typed)
	return deaths(c.telex(rest)), cut
}

// textWords adds the words of g's Vietnamese texts (its names, description,
// steps, problems and fixes, fee and times) to c.written and their phrases
// to c.phrases: the everyday words a volunteer types around a procedure
// ("tháng", "hiệu lực", "thành công", "đồng ý", "từ đủ 14 tuổi"), some of
// which are also a unit's name (Thắng, Hiếu, Phường Thành Công, Tự Du).
// Not a name the guides write ("Hà Nội", "Trung tâm Phục vụ hành chính
// công"): a phrase whose words are all capitalised, or a word capitalised
// after a sentence's first.
func (c *Catalog) textWords(g *Guide) {
	for _, t := range g.viTexts() {
		// Phrases never run over punctuation.
		for _, part := range strings.FieldsFunc(vntext.NFC(t), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsSpace(r) }) {
			typed := strings.Fields(part)
			for i, w := range typed {
				if strings.ToLower(w) == w {
					c.written[w] = true
					for _, f := range words(w) {
						c.phrases[f] = true
					}
				}
				for end := i + 2; end <= min(i+3, len(typed)); end++ {
					if slices.ContainsFunc(typed[i:end], func(w string) bool { return strings.ToLower(w) == w }) {
						c.phrases[strings.Join(words(strings.Join(typed[i:end], " ")), " ")] = true
					}
				}
			}
		}
	}
}

// viTexts are g's Vietnamese texts a volunteer reads: its names,
// description, papers, steps, their problems and fixes, fee and times.
func (g *Guide) viTexts() []string {
	texts := []string{g.Title.Vi, g.Description.Vi, g.OfflineHelp.Vi, g.FeeShort.Vi, g.Fee.Vi, g.Processing.Vi, g.Tracking.Vi}
	texts = append(texts, g.Aliases...)
	for _, p := range g.Prerequisites {
		texts = append(texts, p.Text.Vi)
	}
	for _, s := range g.Steps {
		texts = append(texts, s.Title.Vi, s.Text.Vi, s.Tip.Vi)
		for _, e := range s.Errors {
			texts = append(texts, e.Label.Vi, e.Fix.Vi)
		}
	}
	return texts
}

// everydayAlone says whether query is, but for fillers, one everyday
// word that names no procedure alone, and not read as a place (lonePlace:
// "Thắng", as written, is): a syllable no guide's name holds ("thang",
// "tháng": Thắng; "hieu": Hiếu; "du"; "bong", "mong", "cũng" of the
// guides' texts, or any other), or one of everydayWords, which names hold
// only around a procedure's own ("đi", "về", "ở", "có", "và", "nhà").
// Searched, it listed every guide with a word like it ("thang": eleven,
// by "thanh", "thẻ"; "cũng" and "bong" every guide; "đi" the absence
// notice by its alias "đi làm xa khai báo"), and OnlyFillers says so. A
// filler alone is one ("em": "trẻ em"); not small talk, whom a procedure
// is for ("mẹ", "con": ForWhom), what no guide covers (NoGuide), nor a
// word with fillers that are words of a name with it.
func (c *Catalog) everydayAlone(query string) bool {
	ws := lastWords(rawQueryWords(query))
	kept, _ := withoutFillers(ws, c.englishQuery(ws), nil, nil)
	if len(kept) == 0 && len(ws) == 1 {
		kept = ws
	}
	if len(kept) != 1 {
		return false
	}
	w := kept[0]
	if !syllable(w) || numbered(w) || c.words[w] && !everydayWords[w] || whom[w] != "" || childAlone[w] != "" ||
		onlySmallTalk(ws, query) || holds(ws, unguided) {
		return false
	}
	// Fillers that are words of a name with it are that name ("về nhà
	// chồng", "lấy vợ", "lệ phí trước bạ"), not a word alone; a polite
	// word is none ("đi ạ").
	if slices.ContainsFunc(ws, func(x string) bool { return x != w && c.words[x] && !polite[x] && !smallTalk[x] }) {
		return false
	}
	_, cut := c.placesCut(query)
	return !cut
}

// everydayWords are the words of guides' names, folded, that name no
// procedure alone (everydayAlone): prepositions, conjunctions, pronouns
// and everyday verbs said around a procedure's name ("mức độ", "giấy
// tờ", "nhập khẩu về nhà chồng", "đi làm xa khai báo", "người nhà mất",
// "lấy lại mật khẩu").
var everydayWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("an bi ca chi co cua de dem den di do dung duoi e em khong lai lay moi nguoi nha o qua sau to truoc va vao ve") {
		everydayWords[w] = true
	}
}
