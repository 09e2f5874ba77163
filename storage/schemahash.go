package storage

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io/fs"
)

// SchemaHash is a hex SHA-256 over the embedded migrations and unit lists:
// everything Migrate loads into an empty database. Two trees with the same
// hash produce the same schema and seed, so tests can build one template
// database per hash and clone it instead of migrating for every test.
//
// Files cannot show a change to the seeding code itself, so seedVersion
// (units.go) is hashed too: bump it when seedUnits writes something new.
func SchemaHash() string {
	h := sha256.New()
	h.Write([]byte{seedVersion})
	for _, fsys := range []fs.FS{migrations, unitFiles} {
		// WalkDir visits in lexical order, so the hash is stable.
		err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(fsys, path)
			if err != nil {
				return err
			}
			// Length-prefix names and contents so that no two different sets
			// of files hash the same bytes.
			var n [8]byte
			binary.BigEndian.PutUint64(n[:], uint64(len(path)))
			h.Write(n[:])
			h.Write([]byte(path))
			binary.BigEndian.PutUint64(n[:], uint64(len(data)))
			h.Write(n[:])
			h.Write(data)
			return nil
		})
		if err != nil {
			// Embedded files cannot fail to read; a failure here is a build bug.
			panic("storage: hash embedded files: " + err.Error())
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}
