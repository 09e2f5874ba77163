// Package units is the list of Vietnam's administrative units after the
// 2025 reorganisation, with the map from pre-2025 names (SOURCE.md),
// embedded: storage seeds its tables from it.
package units

import (
	"embed"
	"encoding/csv"
	"fmt"
)

// Files are provinces.csv, communes.csv, ward_mappings.csv and
// former_provinces.csv.
//
//go:embed *.csv
var Files embed.FS

// Rows are the rows of one of Files, its header left out, as written (some
// names are decomposed, NFD: storage normalizes them).
func Rows(name string) ([][]string, error) {
	f, err := Files.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no header", name)
	}
	return rows[1:], nil
}
