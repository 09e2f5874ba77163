// Package units is the list of Vietnam's administrative units after the
// 2025 reorganisation, with the map from pre-2025 names (SOURCE.md),
// embedded: storage seeds its tables from it, and guides' search reads its
// names to tell a place typed after a procedure from words that are none.
package units

import (
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
)

// Files are provinces.csv, communes.csv and ward_mappings.csv.
//
//go:embed *.csv
var Files embed.FS

// Names returns every name a unit has or had, as written, kind and all:
// "Xã Tân Phú", "Thành phố Hà Nội", "Quận Gò Vấp", "Phường 12". Some are
// repeated, and some decomposed (NFD) as the source has them: fold them
// (vntext) before comparing.
func Names() ([]string, error) {
	var names []string
	for _, f := range []struct {
		file string
		cols []int
	}{
		{"provinces.csv", []int{1}},
		{"communes.csv", []int{2}},
		{"ward_mappings.csv", []int{1, 2, 3}}, // the old names; the new ones are above
	} {
		rows, err := read(Files, f.file)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			for _, c := range f.cols {
				names = append(names, r[c])
			}
		}
	}
	return names, nil
}

// read returns the rows of a CSV file, its header left out.
func read(fsys fs.FS, name string) ([][]string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	if _, err := r.Read(); err != nil { // header
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		rows = append(rows, rec)
	}
}
