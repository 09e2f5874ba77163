package bot

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"sync"
	"time"
)

// SecretHeader carries the webhook secret Telegram was given in setWebhook.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// DefaultMaxWebhookBody bounds a webhook request; real updates are a few KB.
const DefaultMaxWebhookBody = 1 << 20

// WebhookHandler receives updates from Telegram. It checks the secret in
// constant time (401 when wrong or missing, before reading the body),
// refuses bodies over maxBody (413), and answers 200 only once the update
// is stored: Telegram re-delivers anything else, and the inbox ignores a
// re-delivered update_id. While more than maxBacklog updates wait in this
// process (0: no limit), it answers 503 without storing: Telegram keeps the
// update and tries again later, so a burst waits with Telegram, not here.
// Every refusal is counted (dvcbot_webhook_calls_refused_total{why}); a
// wrong secret is also logged, at most once a minute (forged calls, or a
// secret rotated on one side only, which Telegram retries, come in floods),
// and so is an update the database could not store (503, not_stored).
func (r *Runtime) WebhookHandler(secret string, maxBody int64, maxBacklog int) http.Handler {
	if maxBody <= 0 {
		maxBody = DefaultMaxWebhookBody
	}
	// A wrong secret, and an update not stored (the database away: every
	// call fails alike while it lasts), are logged at most once a minute.
	var forged, unstored onceAMinute
	refuse := func(w http.ResponseWriter, why, text string, status int) {
		r.metrics.webhookRefused.WithLabelValues(why).Inc()
		http.Error(w, text, status)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			refuse(w, "method", "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		got := req.Header.Get(SecretHeader)
		if secret == "" || subtle.ConstantTimeCompare([]byte(got), []byte(secret)) != 1 {
			if held, log := forged.due(); log {
				r.log.Warn("webhook call with a wrong or missing secret", "remote", req.RemoteAddr, "more_since_last_logged", held)
			}
			refuse(w, "secret", "unauthorized", http.StatusUnauthorized)
			return
		}
		if maxBacklog > 0 && r.Backlog() > maxBacklog {
			w.Header().Set("Retry-After", "1")
			refuse(w, "busy", "busy, try again", http.StatusServiceUnavailable)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, req.Body, maxBody))
		if err != nil {
			if errors.As(err, new(*http.MaxBytesError)) {
				refuse(w, "too_large", "request too large", http.StatusRequestEntityTooLarge)
				return
			}
			refuse(w, "unreadable", "cannot read body", http.StatusBadRequest)
			return
		}
		var head struct {
			ID int64 `json:"update_id"`
		}
		if err := json.Unmarshal(body, &head); err != nil || head.ID == 0 {
			refuse(w, "malformed", "not a Telegram update", http.StatusBadRequest)
			return
		}
		// Telegram may hang up while we store the update; finishing the
		// insert anyway spares a stranded half-stored update.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(req.Context()), 10*time.Second)
		defer cancel()
		if err := r.Accept(ctx, []json.RawMessage{body}); err != nil {
			if held, log := unstored.due(); log {
				r.log.Error("cannot store webhook update; Telegram will retry", "update_id", head.ID, "more_since_last_logged", held, "err", err)
			}
			refuse(w, "not_stored", "try again", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}

// onceAMinute says whether a line that may come in floods is due: at most
// once a minute, with how many were held back since.
type onceAMinute struct {
	sync.Mutex
	logged time.Time // when it was last logged
	held   int       // since, not logged
}

func (o *onceAMinute) due() (held int, log bool) {
	o.Lock()
	defer o.Unlock()
	if time.Since(o.logged) < time.Minute {
		o.held++
		return 0, false
	}
	held = o.held
	o.logged, o.held = time.Now(), 0
	return held, true
}
