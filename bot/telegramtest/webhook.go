package telegramtest

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/go-telegram/bot/models"
)

type webhookState struct {
	url           string
	secret        string
	lastErrorDate time.Time
	lastErrorMsg  string
	maxConns      int
	allowed       []string // allowed_updates given to setWebhook; nil: not given
}

func validSecret(s string) bool {
	if len(s) < 1 || len(s) > 256 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

func (s *Server) setWebhook(req *request) (any, error) {
	raw := req.params["url"]
	secret, hasSecret := req.params["secret_token"]
	if hasSecret && secret != "" && !validSecret(secret) {
		return nil, badRequest("secret token contains unallowed characters")
	}
	if raw != "" {
		u, err := url.Parse(raw)
		// Real Telegram insists on HTTPS; the fake must accept a local http:// test server.
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, badRequest("bad webhook: invalid webhook URL specified")
		}
	}
	drop, _ := strconv.ParseBool(req.params["drop_pending_updates"])
	maxConns, _ := strconv.Atoi(req.params["max_connections"])
	if maxConns == 0 {
		maxConns = 40
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if drop {
		s.updates = nil
	}
	var allowed []string
	if a := req.params["allowed_updates"]; a != "" {
		_ = json.Unmarshal([]byte(a), &allowed)
	}
	s.setWebhookLocked(raw, secret, maxConns, allowed)
	return true, nil
}

// setWebhookLocked replaces the webhook (raw "" removes it) and starts
// delivering to the new one.
func (s *Server) setWebhookLocked(raw, secret string, maxConns int, allowed []string) {
	s.stopWebhookLocked()
	s.webhook = webhookState{url: raw, secret: secret, maxConns: maxConns, allowed: allowed}
	if raw != "" && !s.closed {
		ctx, cancel := context.WithCancel(s.ctx)
		s.webhookStop = cancel
		s.wg.Add(1)
		go s.deliverLoop(ctx, raw, secret)
	}
	s.broadcastLocked() // a waiting getUpdates must now answer 409
}

// SetWebhookElsewhere sets the webhook as another deployment's
// setWebhook(url) would (with secret as its secret_token): getWebhookInfo
// reports url from now on, getUpdates answers 409 Conflict, and updates are
// posted there. An empty url deletes the webhook, as deleteWebhook would
// (an instance started in long-polling mode).
func (s *Server) SetWebhookElsewhere(url, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.setWebhookLocked(url, secret, 40, nil)
}

// FailWebhookDelivery makes getWebhookInfo report a delivery that failed
// just now with msg, as Telegram reports one in last_error_date and
// last_error_message: "Wrong response from the webhook: 401 Unauthorized"
// (a secret rotated on one side only), "SSL error {error:0A000086:SSL
// routines::certificate verify failed}" (a certificate expired),
// "Connection timed out". A delivery the server really attempts and that
// fails is reported the same way, by itself.
func (s *Server) FailWebhookDelivery(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.webhook.lastErrorDate, s.webhook.lastErrorMsg = time.Now(), msg
}

func (s *Server) stopWebhookLocked() {
	if s.webhookStop != nil {
		s.webhookStop()
		s.webhookStop = nil
	}
}

func (s *Server) deleteWebhook(req *request) (any, error) {
	drop, _ := strconv.ParseBool(req.params["drop_pending_updates"])
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopWebhookLocked()
	s.webhook = webhookState{}
	if drop {
		s.updates = nil
	}
	return true, nil
}

func (s *Server) getWebhookInfo() (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	info := map[string]any{
		"url":                    s.webhook.url,
		"has_custom_certificate": false,
		"pending_update_count":   len(s.updates),
	}
	if s.webhook.url != "" {
		info["max_connections"] = s.webhook.maxConns
		if s.webhook.allowed != nil {
			info["allowed_updates"] = s.webhook.allowed
		}
	}
	if !s.webhook.lastErrorDate.IsZero() {
		info["last_error_date"] = s.webhook.lastErrorDate.Unix()
		info["last_error_message"] = s.webhook.lastErrorMsg
	}
	return info, nil
}

// deliverLoop posts queued updates to the webhook one at a time, in update_id order,
// retrying the head until it gets a 2xx: that is how Telegram keeps one chat's updates
// ordered, and why a bot must tolerate the same update_id arriving twice.
func (s *Server) deliverLoop(ctx context.Context, target, secret string) {
	defer s.wg.Done()
	backoff := time.Duration(0)
	for {
		s.mu.Lock()
		var head *queuedUpdate
		if len(s.updates) > 0 {
			h := s.updates[0]
			head = &h
		}
		wait := s.changed
		s.mu.Unlock()

		if head == nil {
			select {
			case <-ctx.Done():
				return
			case <-wait:
				continue
			}
		}
		if backoff > 0 {
			t := time.NewTimer(backoff)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
		}
		status, err := s.post(ctx, target, secret, head.raw)
		if ctx.Err() != nil {
			return
		}
		s.mu.Lock()
		if err == nil && status/100 == 2 {
			if len(s.updates) > 0 && s.updates[0].id == head.id {
				s.updates = s.updates[1:]
			}
			backoff = 0
		} else {
			msg := fmt.Sprintf("Wrong response from the webhook: %d %s", status, http.StatusText(status))
			if err != nil {
				msg = deliveryError(err)
			}
			s.webhook.lastErrorDate, s.webhook.lastErrorMsg = time.Now(), msg
			backoff = min(max(2*backoff, 100*time.Millisecond), 2*time.Second)
		}
		s.mu.Unlock()
	}
}

// deliveryError words a failed post as Telegram's getWebhookInfo does.
func deliveryError(err error) string {
	var (
		dns     *net.DNSError
		tlsErr  *tls.CertificateVerificationError
		unknown x509.UnknownAuthorityError
		hostErr x509.HostnameError
		invalid x509.CertificateInvalidError
		timeout interface{ Timeout() bool }
	)
	switch {
	case errors.As(err, &tlsErr), errors.As(err, &unknown), errors.As(err, &hostErr), errors.As(err, &invalid):
		return "SSL error {error:0A000086:SSL routines::certificate verify failed}"
	case errors.As(err, &dns):
		return "Failed to resolve host: Name or service not known"
	case errors.As(err, &timeout) && timeout.Timeout():
		return "Connection timed out"
	}
	return "Connection refused"
}

func (s *Server) post(ctx context.Context, target, secret string, body []byte) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}

// Deliver posts one update to url as Telegram's webhook would, bypassing the queue, so
// tests can forge calls (wrong secret, duplicate update_id) against the bot's endpoint.
func (s *Server) Deliver(ctx context.Context, url, secret string, u models.Update) (status int, err error) {
	body, err := json.Marshal(&u)
	if err != nil {
		return 0, err
	}
	return s.post(ctx, url, secret, body)
}
