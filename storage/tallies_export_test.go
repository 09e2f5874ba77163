package storage

import "fmt"

// TallyStatement is the tally's statement for a scope, for EXPLAIN.
func TallyStatement(s Scope) (string, []any) {
	where, args := scopeWhere(s)
	return fmt.Sprintf(tallyStatement, where), args
}
