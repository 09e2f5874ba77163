package handlers

import (
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// The cases a late code may have been meant for read in the order they
// ended; past codeTooLateNamed, the oldest are left out, and say so.
func TestCaseNumbersOldestFirstNewestKept(t *testing.T) {
	c, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		ids  []int64
		want string
	}{
		{[]int64{9, 7}, "#7, #9"},
		{[]int64{12, 11, 10, 9, 8, 7}, "…, #8, #9, #10, #11, #12"},
	} {
		if got := caseNumbers(c.For("vi"), tt.ids, codeTooLateNamed); got != tt.want {
			t.Errorf("caseNumbers(%v) = %q, want %q", tt.ids, got, tt.want)
		}
	}
}
