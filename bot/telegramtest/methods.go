package telegramtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	_ "image/jpeg" // photos Telegram is sent are JPEG or PNG
	_ "image/png"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"
)

func (s *Server) dispatch(req *request) (any, error) {
	switch req.method {
	case "getMe":
		return s.bot, nil
	case "getUpdates":
		return s.getUpdates(req)
	case "sendMessage":
		return s.sendMessage(req)
	case "sendPhoto":
		return s.sendFile(req, "photo")
	case "sendDocument":
		return s.sendFile(req, "document")
	case "editMessageText":
		return s.editMessage(req, "text")
	case "editMessageCaption":
		return s.editMessage(req, "caption")
	case "editMessageReplyMarkup":
		return s.editMessage(req, "markup")
	case "deleteMessage":
		return s.deleteMessage(req)
	case "answerCallbackQuery":
		return s.answerCallbackQuery(req)
	case "setMyCommands":
		return s.setMyCommands(req)
	case "getMyCommands":
		return s.getMyCommands(req)
	case "deleteMyCommands":
		return s.deleteMyCommands(req)
	case "setWebhook":
		return s.setWebhook(req)
	case "deleteWebhook":
		return s.deleteWebhook(req)
	case "getWebhookInfo":
		return s.getWebhookInfo()
	}
	return true, nil
}

// chatLocked resolves chat_id; only chats of users created with NewUser exist.
func (s *Server) chatLocked(req *request) (*chat, error) {
	v := req.params["chat_id"]
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return nil, badRequest("chat not found")
	}
	c := s.chats[id]
	if c == nil {
		return nil, badRequest("chat not found")
	}
	if c.refusal != nil {
		return nil, c.refusal
	}
	return c, nil
}

// parseMarkup validates reply_markup like Telegram does. Only inline keyboards are
// kept: reply keyboards are accepted but not simulated.
func parseMarkup(raw string) (*models.InlineKeyboardMarkup, string, error) {
	if raw == "" {
		return nil, "", nil
	}
	var probe struct {
		InlineKeyboard [][]map[string]json.RawMessage `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(raw), &probe); err != nil {
		return nil, "", badRequest("can't parse reply keyboard markup JSON object")
	}
	if probe.InlineKeyboard == nil {
		return nil, "", nil
	}
	n := 0
	for _, row := range probe.InlineKeyboard {
		for _, b := range row {
			n++
			var text string
			_ = json.Unmarshal(b["text"], &text)
			if text == "" {
				return nil, "", badRequest("text buttons are unallowed in the inline keyboard")
			}
			action := false
			for k, v := range b {
				switch k {
				case "text", "icon_custom_emoji_id", "style":
				case "callback_data":
					var d string
					_ = json.Unmarshal(v, &d)
					if d == "" || len(d) > maxCallbackData {
						return nil, "", badRequest("BUTTON_DATA_INVALID")
					}
					action = true
				case "copy_text":
					// go-telegram/bot sends "copy_text":{"text":""} on every button.
					var ct struct {
						Text string `json:"text"`
					}
					_ = json.Unmarshal(v, &ct)
					if ct.Text != "" {
						action = true
					}
				case "pay":
					action = action || string(v) == "true"
				case "url":
					var u string
					_ = json.Unmarshal(v, &u)
					if u == "" {
						return nil, "", badRequest("BUTTON_URL_INVALID")
					}
					action = true
				default:
					if string(v) != "null" {
						action = true
					}
				}
			}
			if !action {
				return nil, "", badRequest("text buttons are unallowed in the inline keyboard")
			}
		}
	}
	if n > maxInlineButtons {
		return nil, "", badRequest("reply markup is too long")
	}
	var mk models.InlineKeyboardMarkup
	if err := json.Unmarshal([]byte(raw), &mk); err != nil {
		return nil, "", badRequest("can't parse inline keyboard button: %v", err)
	}
	key, _ := json.Marshal(mk)
	return &mk, string(key), nil
}

func checkText(text, parseMode string, limit int, what string) (string, error) {
	plain, err := parseText(text, parseMode)
	if err != nil {
		return "", badRequest("%v", err)
	}
	if what == "text" && strings.TrimSpace(plain) == "" {
		return "", badRequest("message text is empty")
	}
	// Telegram counts in UTF-16 code units, as it counts entity offsets: an
	// emoji such as 📌 is two.
	if n := utf16Len(plain); n > limit {
		if what == "caption" {
			return "", badRequest("message caption is too long")
		}
		return "", badRequest("message is too long")
	}
	return plain, nil
}

func (s *Server) sendMessage(req *request) (any, error) {
	plain, err := checkText(req.params["text"], req.params["parse_mode"], maxTextLen, "text")
	if err != nil {
		return nil, err
	}
	mk, key, err := parseMarkup(req.params["reply_markup"])
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.chatLocked(req)
	if err != nil {
		return nil, err
	}
	m := &msgState{text: plain, raw: req.params["text"], parseMode: req.params["parse_mode"], markup: mk, markupKey: key}
	return s.storeLocked(c, m), nil
}

func (s *Server) storeLocked(c *chat, m *msgState) models.Message {
	m.id = c.nextMsgID
	c.nextMsgID++
	m.date = time.Now()
	c.msgs[m.id] = m
	c.order = append(c.order, m.id)
	c.events = append(c.events, *m.public(c.id))
	s.broadcastLocked()
	return s.messageModelLocked(c, m)
}

func (s *Server) newFileIDLocked(prefix string) string {
	s.nextFile++
	return fmt.Sprintf("%sAAxkBAAI%08d", prefix, s.nextFile)
}

func (s *Server) sendFile(req *request, field string) (any, error) {
	caption, err := checkText(req.params["caption"], req.params["parse_mode"], maxCaptionLen, "caption")
	if err != nil {
		return nil, err
	}
	mk, key, err := parseMarkup(req.params["reply_markup"])
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.chatLocked(req)
	if err != nil {
		return nil, err
	}
	f, isUpload := req.files[field]
	if !isUpload {
		ref := req.params[field]
		if strings.HasPrefix(ref, "attach://") {
			if f, isUpload = req.files[strings.TrimPrefix(ref, "attach://")]; !isUpload {
				return nil, badRequest("wrong HTTP URL specified")
			}
		} else if known, ok := s.files[ref]; ok {
			f = known
		} else if strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://") {
			f = File{Name: path.Base(ref)}
		} else {
			return nil, badRequest("wrong file identifier/HTTP URL specified")
		}
	}
	if isUpload {
		limit := maxDocUploadSize
		if field == "photo" {
			limit = maxPhotoUploadSize
		}
		if len(f.Data) == 0 {
			return nil, badRequest("file must be non-empty")
		}
		if len(f.Data) > limit {
			return nil, &apiError{code: http.StatusRequestEntityTooLarge, desc: "Request Entity Too Large"}
		}
		if field == "photo" && !photoFits(f.Data) {
			return nil, badRequest("PHOTO_INVALID_DIMENSIONS")
		}
	}
	m := &msgState{caption: caption, raw: req.params["caption"], parseMode: req.params["parse_mode"], markup: mk, markupKey: key}
	if f.ID == "" {
		prefix := "BQACAgIAA"
		if field == "photo" {
			prefix = "AgACAgIAA"
		}
		f.ID = s.newFileIDLocked(prefix)
		s.files[f.ID] = f
	}
	ff := f
	if field == "photo" {
		m.photo = &ff
	} else {
		m.doc = &ff
		m.mime = http.DetectContentType(ff.Data)
		if ff.Data == nil {
			m.mime = "application/octet-stream"
		}
	}
	msg := s.storeLocked(c, m)
	if s.keepCalls > 0 {
		// A long run (WithCallLog) keeps no file's bytes once its event is
		// made: the user reading it gets them, and a run of thousands of
		// cases does not hold thousands of pictures (dvcbot bench measures
		// the process's memory).
		ff.Data = nil
		if isUpload {
			s.files[ff.ID] = ff
		}
	}
	return msg, nil
}

// photoFits says whether Telegram shows a picture as a photo: width and
// height together at most 10,000 pixels, the one at most 20 times the other
// (sendPhoto). Bytes that are not a PNG or JPEG are let through, as bots'
// tests send stand-ins for pictures.
func photoFits(data []byte) bool {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return true
	}
	w, h := cfg.Width, cfg.Height
	return w+h <= maxPhotoSides && max(w, h) <= maxPhotoRatio*min(w, h)
}

func (s *Server) editMessage(req *request, what string) (any, error) {
	if req.params["inline_message_id"] != "" {
		return true, nil // inline messages live outside chats; not simulated
	}
	if !req.has("chat_id") {
		return nil, badRequest("parameter \"chat_id\" is required")
	}
	if !req.has("message_id") {
		return nil, badRequest("parameter \"message_id\" is required")
	}
	var plain string
	var err error
	switch what {
	case "text":
		if plain, err = checkText(req.params["text"], req.params["parse_mode"], maxTextLen, "text"); err != nil {
			return nil, err
		}
	case "caption":
		if plain, err = checkText(req.params["caption"], req.params["parse_mode"], maxCaptionLen, "caption"); err != nil {
			return nil, err
		}
	}
	// Telegram drops the keyboard when an edit omits reply_markup.
	mk, key, err := parseMarkup(req.params["reply_markup"])
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.chatLocked(req)
	if err != nil {
		return nil, err
	}
	id, _ := strconv.Atoi(req.params["message_id"])
	m := c.msgs[id]
	if m == nil || m.deleted {
		if c.userMsgs[id] {
			return nil, badRequest("message can't be edited")
		}
		return nil, badRequest("message to edit not found")
	}
	if m.frozen {
		return nil, badRequest("message can't be edited")
	}
	raw, parseMode := req.params["text"], req.params["parse_mode"]
	switch what {
	case "text":
		if m.photo != nil || m.doc != nil {
			return nil, badRequest("there is no text in the message to edit")
		}
		if plain == m.text && raw == m.raw && parseMode == m.parseMode && key == m.markupKey {
			return nil, notModified()
		}
		m.text, m.raw, m.parseMode = plain, raw, parseMode
	case "caption":
		if m.photo == nil && m.doc == nil {
			return nil, badRequest("there is no caption in the message to edit")
		}
		raw = req.params["caption"]
		if plain == m.caption && raw == m.raw && parseMode == m.parseMode && key == m.markupKey {
			return nil, notModified()
		}
		m.caption, m.raw, m.parseMode = plain, raw, parseMode
	case "markup":
		if key == m.markupKey {
			return nil, notModified()
		}
	}
	m.markup, m.markupKey = mk, key
	m.edited = true
	m.editDate = time.Now()
	c.events = append(c.events, *m.public(c.id))
	s.broadcastLocked()
	return s.messageModelLocked(c, m), nil
}

func notModified() error {
	return badRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message")
}

func (s *Server) deleteMessage(req *request) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.chatLocked(req)
	if err != nil {
		return nil, err
	}
	id, _ := strconv.Atoi(req.params["message_id"])
	if m := c.msgs[id]; m != nil && !m.deleted {
		m.deleted = true
		s.broadcastLocked()
		return true, nil
	}
	if c.userMsgs[id] {
		delete(c.userMsgs, id)
		return true, nil
	}
	return nil, badRequest("message to delete not found")
}

func (s *Server) answerCallbackQuery(req *request) (any, error) {
	text := req.params["text"]
	if utf16Len(text) > maxCallbackAnswer {
		return nil, badRequest("MESSAGE_TOO_LONG")
	}
	showAlert, _ := strconv.ParseBool(req.params["show_alert"])
	s.mu.Lock()
	defer s.mu.Unlock()
	id := req.params["callback_query_id"]
	q := s.callbacks[id]
	if q == nil || q.answered {
		return nil, badRequest("query is too old and response timeout expired or query ID is invalid")
	}
	q.answered = true
	if u := s.users[q.userID]; u != nil {
		u.answers = append(u.answers, CallbackAnswer{CallbackQueryID: id, Text: text, ShowAlert: showAlert})
	}
	s.broadcastLocked()
	return true, nil
}

// --- commands -----------------------------------------------------------------------

// scopeKey turns a BotCommandScope JSON into the key Commands takes: "default",
// "all_private_chats", "chat:1001", "chat_member:1001:1001", ...
func scopeKey(raw string) (string, error) {
	if raw == "" {
		return "default", nil
	}
	var sc struct {
		Type   string          `json:"type"`
		ChatID json.RawMessage `json:"chat_id"`
		UserID int64           `json:"user_id"`
	}
	if err := json.Unmarshal([]byte(raw), &sc); err != nil || sc.Type == "" {
		return "", badRequest("can't parse BotCommandScope JSON object")
	}
	chatID := strings.Trim(string(sc.ChatID), `"`)
	switch sc.Type {
	case "default", "all_private_chats", "all_group_chats", "all_chat_administrators":
		return sc.Type, nil
	case "chat", "chat_administrators":
		return sc.Type + ":" + chatID, nil
	case "chat_member":
		return fmt.Sprintf("chat_member:%s:%d", chatID, sc.UserID), nil
	}
	return "", badRequest("wrong BotCommandScope type specified")
}

func commandsKey(req *request) (string, error) {
	scope, err := scopeKey(req.params["scope"])
	if err != nil {
		return "", err
	}
	return scope + "|" + req.params["language_code"], nil
}

func (s *Server) setMyCommands(req *request) (any, error) {
	key, err := commandsKey(req)
	if err != nil {
		return nil, err
	}
	var cmds []models.BotCommand
	if err := json.Unmarshal([]byte(req.params["commands"]), &cmds); err != nil {
		return nil, badRequest("can't parse commands JSON object")
	}
	if len(cmds) > 100 {
		return nil, badRequest("BOT_COMMANDS_TOO_MUCH")
	}
	for _, c := range cmds {
		if !validCommand(c.Command) {
			return nil, badRequest("BOT_COMMAND_INVALID")
		}
		if n := utf8.RuneCountInString(c.Description); n < 1 || n > 256 {
			return nil, badRequest("command description must be non-empty")
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(cmds) == 0 {
		delete(s.commands, key)
	} else {
		s.commands[key] = cmds
	}
	return true, nil
}

func validCommand(c string) bool {
	if len(c) < 1 || len(c) > 32 {
		return false
	}
	for _, r := range c {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

func (s *Server) getMyCommands(req *request) (any, error) {
	key, err := commandsKey(req)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]models.BotCommand{}, s.commands[key]...), nil
}

func (s *Server) deleteMyCommands(req *request) (any, error) {
	key, err := commandsKey(req)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.commands, key)
	return true, nil
}

// Commands returns the command menu set for a scope ("default", "chat:1001", ...) and
// language code ("" for all languages), exactly as stored: no fallback between scopes.
func (s *Server) Commands(scope, lang string) []models.BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]models.BotCommand(nil), s.commands[scope+"|"+lang]...)
}

// --- getUpdates ---------------------------------------------------------------------

func (s *Server) getUpdates(req *request) (any, error) {
	offset, _ := strconv.ParseInt(req.params["offset"], 10, 64)
	limit, _ := strconv.Atoi(req.params["limit"])
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	timeout, _ := strconv.Atoi(req.params["timeout"])
	if timeout < 0 {
		timeout = 0
	}
	var allowed map[string]bool
	if a := req.params["allowed_updates"]; a != "" {
		var list []string
		if err := json.Unmarshal([]byte(a), &list); err == nil && len(list) > 0 {
			allowed = map[string]bool{}
			for _, k := range list {
				allowed[k] = true
			}
		}
	}
	deadline := time.NewTimer(time.Duration(timeout) * time.Second)
	defer deadline.Stop()

	s.mu.Lock()
	if s.webhook.url != "" {
		s.mu.Unlock()
		return nil, &apiError{code: http.StatusConflict, desc: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}
	}
	s.pollGen++
	gen := s.pollGen
	s.confirmLocked(offset)
	s.broadcastLocked() // an older poll still waiting must now answer 409
	s.mu.Unlock()

	for {
		s.mu.Lock()
		if s.pollGen != gen {
			s.mu.Unlock()
			return nil, &apiError{code: http.StatusConflict, desc: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}
		}
		if s.webhook.url != "" {
			s.mu.Unlock()
			return nil, &apiError{code: http.StatusConflict, desc: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}
		}
		out := []json.RawMessage{}
		kept := s.updates[:0]
		for _, u := range s.updates {
			if allowed != nil && !allowed[u.kind] {
				continue // Telegram drops updates of types the bot did not ask for
			}
			kept = append(kept, u)
			if len(out) < limit {
				out = append(out, u.raw)
			}
		}
		s.updates = kept
		wait, closed := s.changed, s.closed
		s.mu.Unlock()
		if len(out) > 0 || closed {
			return out, nil
		}
		select {
		case <-wait:
		case <-deadline.C:
			return out, nil
		case <-req.ctx.Done():
			return out, nil
		}
	}
}

// confirmLocked forgets updates below offset, for good, as Telegram does; a negative
// offset keeps only the last -offset updates.
func (s *Server) confirmLocked(offset int64) {
	switch {
	case offset > 0:
		i := 0
		for i < len(s.updates) && s.updates[i].id < offset {
			i++
		}
		s.updates = append([]queuedUpdate(nil), s.updates[i:]...)
	case offset < 0:
		if n := int(-offset); n < len(s.updates) {
			s.updates = append([]queuedUpdate(nil), s.updates[len(s.updates)-n:]...)
		}
	}
}
