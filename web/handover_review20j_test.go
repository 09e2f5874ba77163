package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
)

// A son opened his mother's link in Telegram, rated the help 2★ with a
// comment, and left the dossier to her; she opens the link's page (or
// anyone holding the link does). The page said "Ông/bà đã đánh giá 2/5"
// and, before erasing, "nhận xét của Ông/bà": his rating and comment given
// to whoever reads it. The page knows nobody: it says what the dossier
// holds.
func TestHandedOverRatingOnThePage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Time{}, false)
	caseID := f.read(t, token).CaseID
	ctx := context.Background()
	const son = 770001
	if err := f.store.InTx(ctx, func(tx *storage.Tx) error {
		if _, err := tx.ClaimFollowup(ctx, caseID, son, "vi", now); err != nil {
			return err
		}
		if err := tx.RateCase(ctx, caseID, 2, now); err != nil {
			return err
		}
		if err := tx.SetFollowupComment(ctx, caseID, "Các em hướng dẫn hơi vội"); err != nil {
			return err
		}
		_, err := tx.PassFollowup(ctx, caseID, son)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	h, _ := server(t, f)
	whose := []string{"Ông/bà đã đánh giá", "ông/bà đã đánh giá", "nhận xét của Ông/bà", "nhận xét của ông/bà", "You rated", "your comment"}
	for _, c := range []struct {
		path string
		want string
	}{
		{"/f/" + token, "2/5"},
		{"/f/" + token + "?lang=en", "2/5"},
		{"/f/" + token + "/forget?lang=vi", "nhận xét"},
		{"/f/" + token + "/forget?lang=en", "comment"},
	} {
		page := text(do(h, "GET", c.path, "192.0.2.1:1", nil))
		if !strings.Contains(page, c.want) {
			t.Errorf("%s lacks %q:\n%s", c.path, c.want, page)
		}
		for _, w := range whose {
			if strings.Contains(page, w) {
				t.Errorf("%s says %q: the rating or comment given to whoever reads it:\n%s", c.path, w, page)
			}
		}
	}
}
