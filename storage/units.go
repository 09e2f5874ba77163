package storage

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"github.com/lib/pq"

	"github.com/dvcbot/dvcbot/storage/units"
	"github.com/dvcbot/dvcbot/vntext"
)

// The 34 provinces and 3,321 communes after the 2025 reorganisation, with the
// map from pre-2025 names; see units/SOURCE.md for origin and licence.
var unitFiles = units.Files

// seedVersion changes whenever seedUnits writes different rows from the
// same files; test template databases are keyed on it (SchemaHash).
const seedVersion = 2

// Province is a province-level unit (tỉnh or thành phố).
type Province struct {
	Code string `db:"code"`
	Name string `db:"name"`
	Kind string `db:"kind"`
}

// Commune is a commune-level unit (xã, phường or đặc khu).
type Commune struct {
	Code         string `db:"code"`
	ProvinceCode string `db:"province_code"`
	Name         string `db:"name"`
	Kind         string `db:"kind"`
	ProvinceName string `db:"province_name"`
}

// FullName is how a commune is shown: "Phường An Hội Tây, Thành phố Hồ Chí Minh".
func (c Commune) FullName() string { return c.Name + ", " + c.ProvinceName }

// CommuneMatch is a commune found by a search, with the name that matched
// (an old name when the volunteer typed one).
type CommuneMatch struct {
	Commune
	Label     string `db:"label"`
	IsCurrent bool   `db:"is_current"`
	Search    string `db:"search"` // the folded text that matched
	// Rank is how well it matched (searchRank): 0 and 1 the typed words
	// whole and in their order in a name; more, looser ("ca nam" finds
	// Xã Năm Căn, Cà Mau at 2).
	Rank int `db:"rank"`
}

// seedUnits loads the embedded unit lists into the tables: into empty
// ones at the first start, and at every later start again whatever
// differs from what the files and vntext.Fold give (a newer list, a
// change to Fold: the sort names, the searched text, which unitWords reads
// from the files). The tables are compared by a digest of their rows, a
// few milliseconds; a commune or province the database holds that the list
// no longer has stops the start, named (people, cases and invites may
// refer to it: that takes a migration). Safe against replicas seeding at
// the same time.
func (s *Storage) seedUnits(ctx context.Context, log *slog.Logger) error {
	return s.InTx(ctx, func(tx *Tx) error {
		if _, err := tx.db(ctx).ExecContext(ctx, `LOCK TABLE provinces IN EXCLUSIVE MODE`); err != nil {
			return err
		}
		provinces, err := readCSV("provinces.csv")
		if err != nil {
			return err
		}
		communes, err := readCSV("communes.csv")
		if err != nil {
			return err
		}
		mappings, err := readCSV("ward_mappings.csv")
		if err != nil {
			return err
		}
		tables := []struct {
			name string
			cols []string
			rows [][]string
		}{
			{"provinces", []string{"code", "name", "kind", "sort_name"}, withSortName(provinces, 1)},
			{"communes", []string{"code", "province_code", "name", "kind", "sort_name"}, withSortName(communes, 2)},
			{"commune_names", []string{"commune_code", "label", "is_current", "search"}, communeNames(provinces, communes, mappings)},
		}
		var n int
		if err := tx.db(ctx).GetContext(ctx, &n, `SELECT count(*) FROM provinces`); err != nil {
			return err
		}
		if n == 0 {
			for _, t := range tables {
				if err := copyRows(ctx, tx, t.name, t.cols, t.rows); err != nil {
					return err
				}
			}
			log.Info("units seeded", "provinces", len(provinces), "communes", len(communes), "names", len(tables[2].rows))
			return nil
		}
		var differ []string
		for _, t := range tables {
			var stored string
			if err := tx.db(ctx).GetContext(ctx, &stored, `SELECT md5(coalesce(string_agg(r, E'\n' ORDER BY r COLLATE "C"), ''))
				FROM (SELECT concat_ws('|', `+strings.Join(t.cols, "::text, ")+`::text) AS r FROM `+t.name+`) s`); err != nil {
				return fmt.Errorf("units: digest %s: %w", t.name, err)
			}
			if stored != rowsDigest(t.rows) {
				differ = append(differ, t.name)
			}
		}
		if len(differ) == 0 {
			return nil
		}
		// Provinces, then communes: updated in place, added; then every
		// name again.
		for _, t := range tables[:2] {
			if _, err := tx.db(ctx).ExecContext(ctx, `CREATE TEMP TABLE seed_`+t.name+` (LIKE `+t.name+`) ON COMMIT DROP`); err != nil {
				return fmt.Errorf("units: reseed %s: %w", t.name, err)
			}
			if err := copyRows(ctx, tx, "seed_"+t.name, t.cols, t.rows); err != nil {
				return err
			}
			var lost string
			if err := tx.db(ctx).GetContext(ctx, &lost, `SELECT coalesce(string_agg(code || ' ' || name, ', ' ORDER BY code), '')
				FROM `+t.name+` WHERE code NOT IN (SELECT code FROM seed_`+t.name+`)`); err != nil {
				return fmt.Errorf("units: reseed %s: %w", t.name, err)
			}
			if lost != "" {
				return fmt.Errorf("units: the database holds %s the embedded list no longer has (%s): removing them takes a migration", t.name, lost)
			}
			set := make([]string, 0, len(t.cols)-1)
			for _, c := range t.cols[1:] {
				set = append(set, c+" = EXCLUDED."+c)
			}
			if _, err := tx.db(ctx).ExecContext(ctx, `INSERT INTO `+t.name+` (`+strings.Join(t.cols, ", ")+`)
				SELECT `+strings.Join(t.cols, ", ")+` FROM seed_`+t.name+`
				ON CONFLICT (code) DO UPDATE SET `+strings.Join(set, ", ")); err != nil {
				return fmt.Errorf("units: reseed %s: %w", t.name, err)
			}
		}
		if _, err := tx.db(ctx).ExecContext(ctx, `DELETE FROM commune_names`); err != nil {
			return fmt.Errorf("units: reseed commune_names: %w", err)
		}
		if err := copyRows(ctx, tx, "commune_names", tables[2].cols, tables[2].rows); err != nil {
			return err
		}
		log.Warn("units seeded again: the embedded list or its folding changed since they were", "tables", strings.Join(differ, ","))
		return nil
	})
}

// rowsDigest is the md5 of rows as seedUnits's query digests a table: each
// row's columns joined by "|", the rows sorted bytewise, joined by "\n".
func rowsDigest(rows [][]string) string {
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = strings.Join(r, "|")
	}
	slices.Sort(lines)
	sum := md5.Sum([]byte(strings.Join(lines, "\n")))
	return hex.EncodeToString(sum[:])
}

// communeNames are the rows of commune_names (commune_code, label,
// is_current, search): the current name with its province, then each old
// commune with its old district and province.
func communeNames(provinces, communes, mappings [][]string) [][]string {
	provinceName := map[string]string{}
	for _, p := range provinces { // province_code,name,kind
		provinceName[p[0]] = p[1]
	}
	var names [][]string
	// named is a commune's code by its name and its province's.
	named := map[[2]string]string{}
	for _, c := range communes { // commune_code,province_code,name,kind
		named[[2]string{c[2], provinceName[c[1]]}] = c[0]
		parts := []string{c[2], provinceName[c[1]]}
		names = append(names, []string{c[0], strings.Join(parts, ", "), "true", searchText(parts)})
	}
	for _, m := range mappings { // old_ward_code,old_ward_name,old_district_name,old_province_name,new_ward_code,new_ward_name,new_province_name
		// The new commune by its name and province, not by new_ward_code:
		// the file's last rows (those with no old ward code) often give a
		// code of another numbering, no commune's or another province's
		// ("Phường 24, Quận Bình Thạnh" → 31473, Phường Long Bình of Cần
		// Thơ, for Phường Bình Thạnh). No two communes of a province share
		// a name (TestOldNamesBelongToTheCommuneTheyName).
		code, ok := named[[2]string{m[5], m[6]}]
		if !ok {
			continue
		}
		parts := []string{m[1], m[2], m[3]}
		names = append(names, []string{code, strings.Join(parts, ", "), "false", searchText(parts)})
	}
	return names
}

// withSortName appends the folded form of column col to each row.
func withSortName(rows [][]string, col int) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = append(r[:len(r):len(r)], vntext.Fold(r[col]))
	}
	return out
}

// searchText is the searched text of a name's parts (the commune, its
// district, its province): each folded, with partSep between them and a
// space at either end, so that the typed words in their order match within
// a part, not across the gap between the commune and its province ("binh
// thanh" in "Phường Tân Bình, Thành phố Hồ Chí Minh"; until review 22q
// the parts ran together). A match may still run over whole parts:
// searchRank.
func searchText(parts []string) string {
	folded := make([]string, 0, len(parts))
	for _, p := range parts {
		if f := vntext.Fold(p); f != "" {
			folded = append(folded, f)
		}
	}
	return " " + strings.Join(folded, " "+partSep+" ") + " "
}

// partSep stands between the parts of a searched text (searchText): no
// typed word holds it (vntext.Words), and it is no word of a name
// (unitWords).
const partSep = "|"

func readCSV(name string) ([][]string, error) {
	rows, err := units.Rows(name)
	for _, rec := range rows {
		for i := range rec {
			// Some names in the source are decomposed (NFD): normalize so
			// that what the bot draws compares equal to what users type.
			rec[i] = vntext.NFC(rec[i])
		}
	}
	return rows, err
}

func copyRows(ctx context.Context, tx *Tx, table string, cols []string, rows [][]string) error {
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = pq.QuoteIdentifier(c)
	}
	stmt, err := tx.db(ctx).PrepareContext(ctx, "COPY "+pq.QuoteIdentifier(table)+" ("+strings.Join(quoted, ", ")+") FROM STDIN")
	if err != nil {
		return fmt.Errorf("copy %s: %w", table, err)
	}
	for _, row := range rows {
		args := make([]any, len(cols))
		for i := range cols {
			args[i] = row[i]
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			stmt.Close()
			return fmt.Errorf("copy %s: %w", table, err)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		stmt.Close()
		return fmt.Errorf("copy %s: %w", table, err)
	}
	return stmt.Close()
}

// Provinces lists the centrally-run cities first, then the provinces, each
// in alphabetical order.
func (tx *Tx) Provinces(ctx context.Context) ([]Province, error) {
	var ps []Province
	err := tx.db(ctx).SelectContext(ctx, &ps, `SELECT code, name, kind FROM provinces ORDER BY kind <> 'city', sort_name COLLATE "C"`)
	return ps, wrap("list provinces", err)
}

// Province returns one province.
func (tx *Tx) Province(ctx context.Context, code string) (Province, error) {
	var p Province
	err := tx.db(ctx).GetContext(ctx, &p, `SELECT code, name, kind FROM provinces WHERE code = $1`, code)
	return p, wrap("read province", notFound(err))
}

// Commune returns one commune with its province's name.
func (tx *Tx) Commune(ctx context.Context, code string) (Commune, error) {
	var c Commune
	err := tx.db(ctx).GetContext(ctx, &c, `
		SELECT c.code, c.province_code, c.name, c.kind, p.name AS province_name
		FROM communes c JOIN provinces p ON p.code = c.province_code
		WHERE c.code = $1`, code)
	return c, wrap("read commune", notFound(err))
}

// Communes lists a province's communes by name, a page at a time.
func (tx *Tx) Communes(ctx context.Context, province string, offset, limit int) ([]Commune, int, error) {
	var cs []Commune
	err := tx.db(ctx).SelectContext(ctx, &cs, `
		SELECT c.code, c.province_code, c.name, c.kind, p.name AS province_name
		FROM communes c JOIN provinces p ON p.code = c.province_code
		WHERE c.province_code = $1
		ORDER BY c.sort_name COLLATE "C", c.code
		OFFSET $2 LIMIT $3`, province, offset, limit)
	if err != nil {
		return nil, 0, wrap("list communes", err)
	}
	var total int
	err = tx.db(ctx).GetContext(ctx, &total, `SELECT count(*) FROM communes WHERE province_code = $1`, province)
	return cs, total, wrap("count communes", err)
}

// SearchCommunes finds communes whose current or pre-2025 name contains every
// word of query, diacritics ignored; the last word may be a prefix, so a
// half-typed name still finds its commune. province limits the search when
// not empty.
//
// Each commune is shown with its name that matches best, and the communes
// rank by that match (searchRank): the typed words matched whole before any
// match that only begins a word ("quan 1" finds Quận 1 before Quận 10), and
// among either the words in their order in the commune's own name first ("an
// hoi t" → An Hội Tây, not Thới An Hội of Thành phố Cần Thơ), then in the
// name that matched, then anywhere; within each, the name that has more of
// the typed words side by side as typed ("tp hcm quan 1": "… Quận 1, Thành
// phố Hồ Chí Minh" before "Phường 1, Quận 3, …"). Current names come before
// old ones, then shorter labels. Only the best kind of match found is
// returned (searchTier): the words whole and in their order drop the
// names that hold them apart or only begun.
func (tx *Tx) SearchCommunes(ctx context.Context, query, province string, limit int) ([]CommuneMatch, error) {
	words := expandUnitWords(vntext.Words(query))
	if len(words) == 0 || limit <= 0 {
		return nil, nil
	}
	patterns := make([]string, len(words)) // the last word a prefix
	whole := make([]string, len(words))    // every word whole
	var pairs []string                     // two typed words side by side, whole
	for i, w := range words {
		if i > 0 {
			pairs = append(pairs, " "+words[i-1]+" "+w+" ")
		}
		w = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(w)
		whole[i] = "% " + w + " %"
		patterns[i] = whole[i]
		if i == len(words)-1 {
			patterns[i] = "% " + w + "%"
		}
	}
	var ms []CommuneMatch
	err := tx.db(ctx).SelectContext(ctx, &ms, `
		SELECT code, province_code, name, kind, province_name, label, is_current, search, rank
		FROM (
			SELECT *, `+searchTier+` AS tier, min(`+searchTier+`) OVER () AS best
			FROM (
				SELECT DISTINCT ON (c.code) c.code, c.province_code, c.name, c.kind, p.name AS province_name,
				       n.label, n.is_current, n.search, `+searchRank+` AS rank,
				       ' ' || c.sort_name || ' ' LIKE ALL ($4) AS own,
				       (SELECT count(*) FROM unnest($6::text[]) w WHERE strpos(n.search, w) > 0) AS pairs,
				       (SELECT count(*) FROM unnest($8::text[]) w WHERE strpos(n.label, w) > 0) AS marks
				FROM commune_names n
				JOIN communes c ON c.code = n.commune_code
				JOIN provinces p ON p.code = c.province_code
				WHERE n.search LIKE ALL ($1) AND ($2 = '' OR c.province_code = $2)
				ORDER BY c.code, rank, marks DESC, pairs DESC, n.is_current DESC, length(n.label)
			) m
		) t
		WHERE tier = best
		ORDER BY rank, marks DESC, pairs DESC, is_current DESC, length(label), code
		LIMIT $5`, pq.Array(patterns), province, " "+strings.Join(words, " "), pq.Array(whole), limit, pq.Array(pairs), overParts(words),
		pq.Array(markedWords(query)))
	return ms, wrap("search communes", err)
}

// markedWords are the words of query typed with a mark ("Lân", "đại"),
// each in small letters and with a capital first, as names write them: a
// name holding one as typed is listed before those that only fold alike
// ("Lân" finds Xã Tân Lân before Xã Mường Lạn; until review 28 the other
// way round). A word typed without marks adds nothing.
func markedWords(query string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(vntext.NFC(strings.ToLower(query)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	}) {
		if vntext.Fold(w) == w {
			continue
		}
		first, size := utf8.DecodeRuneInString(w)
		out = append(out, w, string(unicode.ToUpper(first))+w[size:])
	}
	return out
}

// searchTier groups the ranks (searchRank) into kinds of match: the typed
// words whole and in their order (0 and 1: in the commune's own name or in
// the name that matched, "go vap" finds Phường Gò Vấp and the communes
// that took in the wards of old Quận Gò Vấp alike), or each whole in the
// commune's own name in another order ("an hoi tay" finds Phường Hội An
// Tây, Đà Nẵng, too); each whole in any order in another name (2); in
// their order with the last one begun (3 and 4); anything else (5).
// SearchCommunes returns only the best kind found: until review 22 "quan
// 3" listed after the three communes of old Quận 3 those that took in a
// Phường 3 of Quận 4, 5, 6…, and "ben thanh" after Phường Bến Thành the
// communes of the old Thành phố Bến Cát. own: every typed word whole in
// the commune's own name.
const searchTier = `CASE WHEN rank <= 1 OR own THEN 0 WHEN rank = 2 THEN 1 WHEN rank <= 4 THEN 2 ELSE 3 END`

// searchRank ranks a name that matched a search, best first; $3 is the
// typed words in their order with a space before each, $4 the patterns of
// every word whole, $7 the words in their order over whole parts of the
// search text (overParts). The commune's folded name (sort_name) and the
// search text are padded with spaces, so $3 followed by a space is the typed
// words in their order, each whole; the parts of the search text stand
// apart (searchText), so $3 is found within one.
const searchRank = `CASE
	WHEN strpos(' ' || c.sort_name || ' ', $3 || ' ') > 0 THEN 0 -- in order and whole, in the commune's own name
	WHEN strpos(n.search, $3 || ' ') > 0 OR n.search ~ $7 THEN 1  -- in order and whole, in a part of this name or over to a part's end
	WHEN n.search LIKE ALL ($4) THEN 2                            -- each whole, in any order
	WHEN strpos(' ' || c.sort_name || ' ', $3) > 0 THEN 3        -- in order, the last begun, in the commune's own name
	WHEN strpos(n.search, $3) > 0 THEN 4                         -- in order, the last begun, in this name
	ELSE 5 END`

// overParts is the regular expression (PostgreSQL's) of the typed words in
// their order, each whole, over the parts of a searched text (searchText)
// to the end of one: "quan 3 thanh pho ho chi minh" in "… | quan 3 | thanh
// pho ho chi minh ", "tan binh thanh pho ho chi minh" in " phuong tan binh
// | thanh pho ho chi minh "; not "binh thanh" there, which begins a part it
// does not finish.
func overParts(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	sep := `( ` + regexp.QuoteMeta(partSep) + `)? `
	return ` ` + strings.Join(quoted, sep) + ` (` + regexp.QuoteMeta(partSep) + `|$)`
}

// unitShortForms are the short forms of unit kinds volunteers type, folded:
// "p.12" (folded "p 12"), "q1", "tp hcm", "tx", "tt", "h.", "x."; and the
// cities as English writes them in one word: "HCMC", "Hanoi", "Danang",
// "Haiphong", "Cantho".
var unitShortForms = map[string][]string{
	"p": {"phuong"}, "q": {"quan"}, "h": {"huyen"}, "x": {"xa"},
	"tp": {"thanh", "pho"}, "tx": {"thi", "xa"}, "tt": {"thi", "tran"},
	"hcm": {"ho", "chi", "minh"}, "tphcm": {"thanh", "pho", "ho", "chi", "minh"},
	"hcmc": {"ho", "chi", "minh"}, "hanoi": {"ha", "noi"}, "danang": {"da", "nang"},
	"haiphong": {"hai", "phong"}, "cantho": {"can", "tho"},
	// English kinds: "Ward 12 Go Vap", "District 3", "Go Vap Ward"
	// (englishKindsAfter).
	"ward": {"phuong"}, "district": {"quan"}, "commune": {"xa"},
}

// englishKindsAfter are the English kinds written after a name ("Ben Thanh
// Ward", "Go Vap District"), put before it as Vietnamese writes them. Only
// the English words: a Vietnamese name may end in "Phương" or "Quán".
var englishKindsAfter = map[string]bool{"ward": true, "district": true, "commune": true}

// letterNumber is a kind's letter glued to a number: "p12", "q1".
var letterNumber = regexp.MustCompile(`^([pq])(\d+)$`)

// number is a word of digits only.
var number = regexp.MustCompile(`^\d+$`)

// withoutLeadingZeros is a number as the names write it: "04" → "4" (the
// numbered wards of before 2025, "Phường 4", typed "phường 04" or "P.04";
// no name writes a leading zero).
func withoutLeadingZeros(n string) string {
	if t := strings.TrimLeft(n, "0"); t != "" {
		return t
	}
	return "0"
}

// kindsAfter are the kinds English writes after a name, folded, as
// Vietnamese writes them before it: "Nam Dinh City" is "thành phố Nam
// Định" (the former provincial city, its wards now), "Dong Nai Province"
// "tỉnh Đồng Nai".
var kindsAfter = map[string][]string{"city": {"thanh", "pho"}, "province": {"tinh"}}

// expandUnitWords writes the short forms out (English kinds too: "Ward",
// "District"), and numbers without their leading zeros, and a kind
// written after the name before it (kindsAfter, englishKindsAfter).
// A single letter typed last is left alone: it is already read as the
// start of a word.
func expandUnitWords(words []string) []string {
	if n := len(words); n > 1 && englishKindsAfter[words[n-1]] {
		words = append([]string{words[n-1]}, words[:n-1]...)
	}
	var out []string
	for i, w := range words {
		if m := letterNumber.FindStringSubmatch(w); m != nil {
			out = append(out, append(slices.Clone(unitShortForms[m[1]]), withoutLeadingZeros(m[2]))...)
			continue
		}
		if number.MatchString(w) {
			out = append(out, withoutLeadingZeros(w))
			continue
		}
		if long, ok := unitShortForms[w]; ok && (len(w) > 1 || i < len(words)-1) {
			out = append(out, long...)
			continue
		}
		out = append(out, w)
	}
	if n := len(out); n > 1 {
		if kind, ok := kindsAfter[out[n-1]]; ok {
			out = append(slices.Clone(kind), out[:n-1]...)
		}
	}
	return out
}

// ProvinceMatch is a province found by its name: its current name, or one
// it took in in 2025 (Old: "Bình Dương", merged into Thành phố Hồ Chí Minh;
// "" for its current name).
type ProvinceMatch struct {
	Province
	Old     string
	Renamed bool // Old is the province's own former name, not a province merged into it
}

// provinceKinds are the words a province's name may begin with, folded,
// and the kind (provinces.kind) each says: "Tỉnh Bình Dương", "Thành phố
// Huế", "TP Huế", "Ho Chi Minh City" (short forms and kinds after the
// name written out: expandUnitWords).
var provinceKinds = []struct{ words, kind string }{{"thanh pho ", "city"}, {"tinh ", "province"}}

// provinceKey is a province's name for matching: folded, short forms
// written out, its kind left off ("tp hcm", "Ho Chi Minh City" → "ho chi
// minh"); kind is the kind it was written with ("city", "province"; ""
// for none).
func provinceKey(name string) (key, kind string) {
	key = strings.Join(expandUnitWords(vntext.Words(name)), " ")
	for _, k := range provinceKinds {
		if rest, ok := strings.CutPrefix(key, k.words); ok && rest != "" {
			return rest, k.kind
		}
	}
	return key, ""
}

// provinceName is a province found by one of its names, and the kind of
// the province that name is of (an old one's, for a name of before 2025:
// Thành phố Huế, Tỉnh Nam Định).
type provinceName struct {
	ProvinceMatch
	kind string
}

// provinceNames maps a province's names, current and pre-2025, to the
// province now (units/provinces.csv, units/ward_mappings.csv: every old
// province went whole into one new one).
var provinceNames = sync.OnceValues(func() (map[string]provinceName, error) {
	provinces, err := readCSV("provinces.csv")
	if err != nil {
		return nil, err
	}
	mappings, err := readCSV("ward_mappings.csv")
	if err != nil {
		return nil, err
	}
	byName := map[string]Province{}
	names := map[string]provinceName{}
	for _, p := range provinces { // province_code,name,kind
		pr := Province{Code: p[0], Name: p[1], Kind: p[2]}
		byName[pr.Name] = pr
		key, _ := provinceKey(pr.Name)
		names[key] = provinceName{ProvinceMatch{Province: pr}, pr.Kind}
	}
	for _, m := range mappings { // ...,old_province_name,new_ward_code,new_ward_name,new_province_name
		pr, ok := byName[m[6]]
		key, kind := provinceKey(m[3])
		if _, known := names[key]; !ok || known || m[3] == "" {
			continue // a current name is the province's own
		}
		old := m[3]
		if rest, ok := strings.CutPrefix(old, "Tỉnh "); ok {
			old = rest
		}
		names[key] = provinceName{ProvinceMatch{Province: pr, Old: old}, kind}
	}
	// Provinces renamed before the merger, whose names the merger's list
	// does not know (Thừa Thiên Huế, Thành phố Huế since 2025-01-01).
	former, err := readCSV("former_provinces.csv")
	if err != nil {
		return nil, err
	}
	for _, f := range former { // old_province_name,new_province_name,in_force,source
		pr, ok := byName[f[1]]
		if !ok {
			return nil, fmt.Errorf("former_provinces.csv: %s is no province", f[1])
		}
		key, kind := provinceKey(f[0])
		names[key] = provinceName{ProvinceMatch{Province: pr, Old: strings.TrimPrefix(f[0], "Tỉnh "), Renamed: true}, kind}
	}
	return names, nil
})

// ProvinceNamed finds the province a typed text names whole, diacritics
// and case ignored, its kind too where it is the province's: "dong nai",
// "TP HCM", "Dong Nai Province", or a province merged in 2025 ("binh
// duong": Thành phố Hồ Chí Minh, Old "Bình Dương"). Another kind names
// another unit: "thành phố Nam Định", "Nam Dinh City" is the former city
// of Tỉnh Nam Định (its wards now: SearchCommunes), not the province.
func ProvinceNamed(text string) (ProvinceMatch, bool, error) {
	names, err := provinceNames()
	if err != nil {
		return ProvinceMatch{}, false, err
	}
	key, kind := provinceKey(text)
	m, ok := names[key]
	if !ok || kind != "" && kind != m.kind {
		return ProvinceMatch{}, false, nil
	}
	return m.ProvinceMatch, true, nil
}

// unitWord is a word of the units' names and how many times the names
// of a province (or all) hold it.
type unitWord struct {
	Word  string
	Count int
}

// unitWords is the words of the units' names, each province's (by its
// code) and all ("" ), the most common first, then alphabetically: what
// CorrectCommuneQuery reads a slip against. They are the words of
// commune_names as seedUnits writes it from the same embedded files (the
// unit list changes only with them, and a start seeds again whatever the
// table holds otherwise), read once per process rather than
// from the table at each search that found nothing (a scan of its 14,000
// names, tens of milliseconds). A reading is still searched in the table:
// a word the table lacked would only be a reading that finds nothing.
var unitWords = sync.OnceValues(func() (map[string][]unitWord, error) {
	var files [3][][]string
	for i, name := range []string{"provinces.csv", "communes.csv", "ward_mappings.csv"} {
		rows, err := readCSV(name)
		if err != nil {
			return nil, err
		}
		files[i] = rows
	}
	provinces, communes, mappings := files[0], files[1], files[2]
	provinceOf := map[string]string{}
	for _, c := range communes { // commune_code,province_code,...
		provinceOf[c[0]] = c[1]
	}
	counts := map[string]map[string]int{"": {}}
	for _, n := range communeNames(provinces, communes, mappings) {
		p := provinceOf[n[0]]
		if counts[p] == nil {
			counts[p] = map[string]int{}
		}
		for _, w := range strings.Fields(n[3]) {
			if w == partSep {
				continue
			}
			counts[""][w]++
			counts[p][w]++
		}
	}
	vocab := make(map[string][]unitWord, len(counts))
	for p, byWord := range counts {
		ws := make([]unitWord, 0, len(byWord))
		for w, n := range byWord {
			ws = append(ws, unitWord{Word: w, Count: n})
		}
		slices.SortFunc(ws, func(a, b unitWord) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Word, b.Word)
		})
		vocab[p] = ws
	}
	return vocab, nil
})

// typoProbes caps the searches CorrectCommuneQuery makes: the readings of
// a query with several mistyped words multiply.
const typoProbes = 24

// CorrectCommuneQuery reads a commune search that found nothing as a slip
// of the finger: each typed word that is no word of any unit's name (nor,
// typed last, the beginning of one) is replaced by a word of the names one
// letter away, or two neighbouring letters swapped ("tey" → "tay", "phuogn"
// → "phuong"; two letters for a long word); when every word is some
// name's, any may be ("gia lia" → "gia lai"). Of the readings that find a
// commune, the one whose best match ranks best (searchRank) wins, then the
// more common words. It returns that reading, folded, or "" when the query
// has no word to correct or no reading finds anything. province limits the
// search when not empty.
func (tx *Tx) CorrectCommuneQuery(ctx context.Context, query, province string) (string, error) {
	words := expandUnitWords(vntext.Words(query))
	if len(words) == 0 {
		return "", nil
	}
	all, err := unitWords()
	if err != nil {
		return "", fmt.Errorf("read unit words: %w", err)
	}
	vocab := all[province] // none for a province with no commune
	known := make(map[string]bool, len(vocab))
	for _, v := range vocab {
		known[v.Word] = true
	}
	readings := make([][]string, len(words)) // each word's readings, the most common first
	unknown := false
	for i, w := range words {
		if known[w] {
			readings[i] = []string{w}
			continue
		}
		// Typed last, the beginning of a word ("lia" of "liang") is read
		// as typed first, then as a slip ("gia lia": Gia Lai).
		if i == len(words)-1 && slices.ContainsFunc(vocab, func(v unitWord) bool { return strings.HasPrefix(v.Word, w) }) {
			readings[i] = []string{w}
		}
		for _, v := range vocab {
			if nearWord(w, v.Word) {
				readings[i] = append(readings[i], v.Word)
			}
		}
		switch len(readings[i]) {
		case 0:
			return "", nil // a word nothing is near: no name at all
		case 1:
			if readings[i][0] == w {
				continue
			}
		}
		unknown = true
	}
	if !unknown {
		// Every word is some name's, but not together ("gia lia": Xã …
		// Lìa): any of them may be the slip, the last one first.
		for i, w := range words {
			for _, v := range vocab {
				if v.Word != w && nearWord(w, v.Word) {
					readings[i] = append(readings[i], v.Word)
					unknown = true
				}
			}
		}
	}
	if !unknown {
		return "", nil
	}
	best, bestRank := "", 0
	pick := make([]int, len(words)) // the reading of each word being tried
	for probe := 0; probe < typoProbes; probe++ {
		reading := make([]string, len(words))
		for i, p := range pick {
			reading[i] = readings[i][p]
		}
		q := strings.Join(reading, " ")
		ms, err := tx.SearchCommunes(ctx, q, province, 1)
		if err != nil {
			return "", err
		}
		if len(ms) > 0 && (best == "" || ms[0].Rank < bestRank) {
			best, bestRank = q, ms[0].Rank
			if bestRank == 0 {
				break
			}
		}
		// The next reading: the last mistyped word first, as an odometer.
		i := len(pick) - 1
		for ; i >= 0; i-- {
			if pick[i]++; pick[i] < len(readings[i]) {
				break
			}
			pick[i] = 0
		}
		if i < 0 {
			break
		}
	}
	return best, nil
}

// nearWord says whether a typed word may be a slip for a word of a name:
// one letter added, left out or changed, or two neighbouring letters
// swapped; two letters for a word of 7 or more. Words under 3 letters and
// numbers are read only as typed.
func nearWord(typed, word string) bool {
	if len(typed) < 3 || strings.ContainsAny(typed, "0123456789") || strings.ContainsAny(word, "0123456789") {
		return false
	}
	allowed := 1
	if len(typed) >= 7 {
		allowed = 2
	}
	if d := len(typed) - len(word); d > allowed || -d > allowed {
		return false
	}
	return Slips(typed, word, allowed)
}

// Slips says whether a and b differ by at most allowed letters added,
// dropped or changed (allowed ≥ 1), two next to each other swapped counting
// as one.
func Slips(a, b string, allowed int) bool {
	if len(a) == len(b) {
		for i := 0; i+1 < len(a); i++ {
			if a[i] != b[i] {
				if a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] {
					return true
				}
				break
			}
		}
	}
	return levenshtein.ComputeDistance(a, b) <= allowed
}
