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
// secret rotated on one side only, which Telegram retries, come in floods).
func (r *Runtime) WebhookHandler(secret string, maxBody int64, maxBacklog int) http.Handler {
	if maxBody <= 0 {
		maxBody = DefaultMaxWebhookBody
	}
	var forged struct {
		sync.Mutex
		logged time.Time // when a wrong secret was last logged
		held   int       // wrong secrets since, not logged
	}
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
			forged.Lock()
			held, log := forged.held, time.Since(forged.logged) >= time.Minute
			if log {
				forged.logged, forged.held = time.Now(), 0
			} else {
				forged.held++
			}
			forged.Unlock()
			if log {
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
			r.log.Error("cannot store webhook update; Telegram will retry", "update_id", head.ID, "err", err)
			http.Error(w, "try again", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}
