package telegramtest

import (
	_ "embed"
	"encoding/json"
	"strings"
)

//go:embed methods.json
var methodsJSON []byte

type schemaParam struct {
	Name     string `json:"n"`
	Type     string `json:"t"`
	Required bool   `json:"r,omitempty"`
}

type apiSchema struct {
	Version string                   `json:"version"`
	Methods map[string][]schemaParam `json:"methods"`
	// lower-cased name -> canonical name, because Telegram matches method names
	// case-insensitively and tests want to assert on one spelling.
	canonical map[string]string
}

var schema = loadSchema()

func loadSchema() *apiSchema {
	var s apiSchema
	if err := json.Unmarshal(methodsJSON, &s); err != nil {
		panic("telegramtest: bad embedded methods.json: " + err.Error())
	}
	s.canonical = make(map[string]string, len(s.Methods))
	for name := range s.Methods {
		s.canonical[strings.ToLower(name)] = name
	}
	return &s
}

// lookup returns the canonical method name, or "" when Telegram would answer 404.
func (s *apiSchema) lookup(method string) string {
	return s.canonical[strings.ToLower(method)]
}

// APIVersion is the Bot API version whose method list the server follows.
func APIVersion() string { return schema.Version }
