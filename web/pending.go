package web

import (
	"time"

	"github.com/dvcbot/dvcbot/storage"
)

// PENDING: these mirror what the followup branch adds to package storage
// (storage/followups.go). When it lands on main, this file goes and the
// names below become aliases of storage's.

// FollowupPage is what the page shows of one follow-up.
type FollowupPage struct {
	Token       string
	CaseID      int64
	GuideID     string
	DossierCode string
	DueOn       time.Time
	DueKnown    bool
	Status      string
	Rating      int
}

// Follow-up statuses.
const (
	FollowupWaiting  = "waiting"
	FollowupReceived = "received"
	FollowupProblem  = "problem"
	FollowupEnded    = "ended"
)

var errNotFound = storage.ErrNotFound

