package handlers_test

// /team's search and residents' data (review 17): docs/privacy.md promises
// that searches looking like personal data are refused, neither kept nor
// shown back. The words typed on /team were kept in the conversation row
// until /team ended (30 days for a list left open) and shown back in the
// answer, whatever they were.

import (
	"strings"
	"testing"
)

// A phone or ID number, an e-mail address or a birth date typed on /team's
// list is refused: the list comes back as it was, under a note saying why,
// and the text is neither stored in the conversation nor shown back. A
// member's name is still searched.
func TestTeamSearchRefusesPersonalData(t *testing.T) {
	w := newWorld(t)
	tm := w.team()
	only(t, w.send(tm.coord, "/team"))

	for _, q := range []struct{ typed, trace string }{
		{"0912 345 678", "345"},
		{"sdt 0912345678", "0912345678"},
		{"079203001234", "079203001234"},
		{"lan.nguyen@gmail.com", "gmail"},
		{"12/05/1960", "1960"},
	} {
		m := only(t, fresh(w.send(tm.coord, q.typed)))
		if !strings.HasPrefix(m.Text, w.vi("team.query_personal")) {
			t.Fatalf("typed %q on /team: %q, want it refused", q.typed, m.Text)
		}
		if strings.Contains(m.Text, q.trace) {
			t.Fatalf("typed %q on /team: shown back: %q", q.typed, m.Text)
		}
		var data string
		if err := w.store.DB().Get(&data, `SELECT flow || ':' || data::text FROM conversations WHERE chat_id = $1`, tm.coord.ID); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(data, "tm:") || strings.Contains(data, q.trace) {
			t.Fatalf("typed %q on /team: the conversation keeps %q", q.typed, data)
		}
	}
	// A name is still a search.
	m := only(t, fresh(w.send(tm.coord, "tnv 03")))
	if ls := lines(m); !strings.Contains(ls[0], "tnv 03") {
		t.Fatalf("a name searched after the refusals: %q", m.Text)
	}
}
