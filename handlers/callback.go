package handlers

import (
	"strconv"
	"strings"
)

func itoa(n int) string { return strconv.Itoa(n) }

// Flows, as named in conversation rows and callback data.
const (
	flowLang   = "lang"
	flowInvite = "inv"
	flowCase   = "c"
	flowFlags  = "fl"
)

// callback is a button's data: "flow:action:arg:version". It stays far
// below Telegram's 64 bytes because it carries codes, never names.
type callback struct {
	flow, action, arg string
	version           int
}

func (c callback) String() string {
	return c.flow + ":" + c.action + ":" + c.arg + ":" + strconv.Itoa(c.version)
}

func parseCallback(data string) callback {
	parts := strings.SplitN(data, ":", 4)
	for len(parts) < 4 {
		parts = append(parts, "")
	}
	v, _ := strconv.Atoi(parts[3])
	return callback{flow: parts[0], action: parts[1], arg: parts[2], version: v}
}
