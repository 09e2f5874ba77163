package telegramtest

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits Telegram enforces on what a bot sends (core.telegram.org/bots/api).
const (
	maxTextLen         = 4096 // UTF-16 code units of a message after entity parsing
	maxCaptionLen      = 1024
	maxCallbackData    = 64 // bytes, not characters
	maxCallbackAnswer  = 200
	maxInlineButtons   = 100
	maxPhotoUploadSize = 10 << 20
	maxDocUploadSize   = 50 << 20
	maxPhotoSides      = 10000 // a photo's width and height together, in pixels
	maxPhotoRatio      = 20    // the longer side at most this many times the shorter
)

// parseText turns text as the bot sent it into what the user sees, failing where
// Telegram's entity parser fails: a bot that escapes HTML or MarkdownV2 wrongly gets
// "can't parse entities" from Telegram, and must get it here too.
func parseText(text, parseMode string) (string, error) {
	var (
		plain string
		err   error
	)
	switch strings.ToLower(parseMode) {
	case "html":
		plain, err = parseHTML(text)
	case "markdownv2":
		plain, err = parseMarkdownV2(text)
	case "markdown":
		plain, err = parseMarkdown(text)
	case "":
		plain = text
	default:
		return "", fmt.Errorf("unsupported parse_mode")
	}
	if err != nil {
		return "", fmt.Errorf("can't parse entities: %v", err)
	}
	return plain, nil
}

var htmlTags = map[string]bool{
	"b": true, "strong": true, "i": true, "em": true, "u": true, "ins": true,
	"s": true, "strike": true, "del": true, "span": true, "tg-spoiler": true,
	"a": true, "code": true, "pre": true, "blockquote": true, "tg-emoji": true, "tg-time": true,
}

func parseHTML(s string) (string, error) {
	var out strings.Builder
	var stack []string
	for i := 0; i < len(s); {
		switch s[i] {
		case '<':
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				return "", fmt.Errorf("Unclosed start tag at byte offset %d", i)
			}
			tag := s[i+1 : i+end]
			closing := strings.HasPrefix(tag, "/")
			tag = strings.TrimPrefix(tag, "/")
			name := tag
			if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
				name = name[:k]
			}
			name = strings.ToLower(name)
			if closing {
				if len(stack) == 0 {
					return "", fmt.Errorf("Unexpected end tag at byte offset %d", i)
				}
				top := stack[len(stack)-1]
				if name != top {
					return "", fmt.Errorf("Unmatched end tag at byte offset %d, expected \"</%s>\", found \"</%s>\"", i, top, name)
				}
				stack = stack[:len(stack)-1]
			} else {
				if !htmlTags[name] {
					return "", fmt.Errorf("Unsupported start tag \"%s\" at byte offset %d", name, i)
				}
				stack = append(stack, name)
			}
			i += end + 1
		case '&':
			if semi := strings.IndexByte(s[i:], ';'); semi > 1 && semi <= 10 {
				if r, ok := htmlEntity(s[i+1 : i+semi]); ok {
					out.WriteString(r)
					i += semi + 1
					continue
				}
			}
			out.WriteByte('&')
			i++
		default:
			out.WriteByte(s[i])
			i++
		}
	}
	if len(stack) > 0 {
		return "", fmt.Errorf("Can't find end tag corresponding to start tag \"%s\"", stack[len(stack)-1])
	}
	return out.String(), nil
}

func htmlEntity(e string) (string, bool) {
	switch e {
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "amp":
		return "&", true
	case "quot":
		return "\"", true
	}
	if n, ok := strings.CutPrefix(e, "#"); ok {
		base := 10
		if h, ok := strings.CutPrefix(strings.ToLower(n), "x"); ok {
			n, base = h, 16
		}
		if v, err := strconv.ParseUint(n, base, 32); err == nil && utf8.ValidRune(rune(v)) {
			return string(rune(v)), true
		}
	}
	return "", false
}

const mdV2Reserved = "_*[]()~`>#+-=|{}.!"

func parseMarkdownV2(s string) (string, error) {
	var out strings.Builder
	open := map[string]int{} // entity name -> byte offset where it opened
	toggle := func(name string, at int) {
		if _, ok := open[name]; ok {
			delete(open, name)
		} else {
			open[name] = at
		}
	}
	lineStart := true
	for i := 0; i < len(s); {
		c := s[i]
		wasLineStart := lineStart
		lineStart = c == '\n'
		switch {
		case c == '\\':
			if i+1 >= len(s) {
				return "", fmt.Errorf("Character '\\' is reserved and must be escaped with the preceding '\\'")
			}
			r, size := utf8.DecodeRuneInString(s[i+1:])
			out.WriteRune(r)
			i += 1 + size
		case c == '`':
			fence := "`"
			if strings.HasPrefix(s[i:], "```") {
				fence = "```"
			}
			j := i + len(fence)
			var code strings.Builder
			closed := false
			for j < len(s) {
				if s[j] == '\\' && j+1 < len(s) {
					code.WriteByte(s[j+1])
					j += 2
					continue
				}
				if strings.HasPrefix(s[j:], fence) {
					closed = true
					break
				}
				code.WriteByte(s[j])
				j++
			}
			if !closed {
				kind := "Code"
				if fence == "```" {
					kind = "Pre"
				}
				return "", fmt.Errorf("Can't find end of %s entity at byte offset %d", kind, i)
			}
			body := code.String()
			if fence == "```" {
				if nl := strings.IndexByte(body, '\n'); nl >= 0 && !strings.ContainsAny(body[:nl], " \t") {
					body = body[nl+1:] // language line
				}
			}
			out.WriteString(body)
			i = j + len(fence)
		case c == '*':
			toggle("Bold", i)
			i++
		case c == '~':
			toggle("Strikethrough", i)
			i++
		case c == '_':
			if strings.HasPrefix(s[i:], "__") {
				toggle("Underline", i)
				i += 2
			} else {
				toggle("Italic", i)
				i++
			}
		case c == '|' && strings.HasPrefix(s[i:], "||"):
			toggle("Spoiler", i)
			i += 2
		case c == '[':
			if _, ok := open["TextUrl"]; ok {
				return "", fmt.Errorf("Character '[' is reserved and must be escaped with the preceding '\\'")
			}
			open["TextUrl"] = i
			i++
		case c == ']':
			if _, ok := open["TextUrl"]; !ok {
				return "", fmt.Errorf("Character ']' is reserved and must be escaped with the preceding '\\'")
			}
			delete(open, "TextUrl")
			if i+1 >= len(s) || s[i+1] != '(' {
				return "", fmt.Errorf("Can't find end of a URL at byte offset %d", i+1)
			}
			end := strings.IndexByte(s[i+1:], ')')
			if end < 0 {
				return "", fmt.Errorf("Can't find end of a URL at byte offset %d", i+1)
			}
			i += 1 + end + 1
		case c == '>' && wasLineStart:
			i++ // blockquote marker
		case strings.IndexByte(mdV2Reserved, c) >= 0:
			return "", fmt.Errorf("Character '%c' is reserved and must be escaped with the preceding '\\'", c)
		default:
			out.WriteByte(c)
			i++
		}
	}
	for name, at := range open {
		return "", fmt.Errorf("Can't find end of %s entity at byte offset %d", name, at)
	}
	return out.String(), nil
}

// parseMarkdown handles the legacy "Markdown" mode: *bold*, _italic_, `code`, [text](url).
func parseMarkdown(s string) (string, error) {
	var out strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '*', '_', '`':
			end := strings.IndexByte(s[i+1:], c)
			if end < 0 {
				return "", fmt.Errorf("Can't find end of the entity starting at byte offset %d", i)
			}
			out.WriteString(s[i+1 : i+1+end])
			i += end + 2
		case '[':
			closeB := strings.Index(s[i:], "](")
			if closeB < 0 {
				out.WriteByte(c)
				i++
				continue
			}
			end := strings.IndexByte(s[i+closeB:], ')')
			if end < 0 {
				return "", fmt.Errorf("Can't find end of the entity starting at byte offset %d", i)
			}
			out.WriteString(s[i+1 : i+closeB])
			i += closeB + end + 1
		default:
			out.WriteByte(c)
			i++
		}
	}
	return out.String(), nil
}

// utf16Len counts UTF-16 code units, the unit of Telegram's entity offsets and lengths.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
