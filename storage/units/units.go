// Package units is the list of Vietnam's administrative units after the
// 2025 reorganisation, with the map from pre-2025 names (SOURCE.md),
// embedded: storage seeds its tables from it.
package units

import "embed"

// Files are provinces.csv, communes.csv and ward_mappings.csv.
//
//go:embed *.csv
var Files embed.FS
