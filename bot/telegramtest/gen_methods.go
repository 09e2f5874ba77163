//go:build ignore

// gen_methods.go turns the 2 MB Bot API schema (published by the aiogram project,
// generated from core.telegram.org/bots/api, Bot API 10.2) into methods.json, the few
// kilobytes the fake server needs to answer like Telegram: which methods exist and
// which parameters each requires. We embed the small file, not the schema, so the demo
// binary stays lean and the package needs no data outside the repository.
//
// Run with: go generate ./bot/telegramtest/
// (or go run gen_methods.go -schema /path/to/bot-api-10.2-schema.json)
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"log"
	"os"
	"sort"
	"unicode"
)

type schema struct {
	API struct {
		Version     string `json:"version"`
		ReleaseDate string `json:"release_date"`
	} `json:"api"`
	Items []struct {
		Children []struct {
			Name        string `json:"name"`
			Annotations []struct {
				Name     string `json:"name"`
				Type     string `json:"type"`
				Required bool   `json:"required"`
			} `json:"annotations"`
		} `json:"children"`
	} `json:"items"`
}

type param struct {
	Name     string `json:"n"`
	Type     string `json:"t"`
	Required bool   `json:"r,omitempty"`
}

type out struct {
	Source      string             `json:"source"`
	Version     string             `json:"version"`
	ReleaseDate string             `json:"release_date"`
	Methods     map[string][]param `json:"methods"`
}

func main() {
	in := flag.String("schema", "/work/shared/telegram/bot-api-10.2-schema.json", "aiogram Bot API schema")
	dst := flag.String("o", "methods.json", "output file")
	flag.Parse()

	raw, err := os.ReadFile(*in)
	if err != nil {
		log.Fatal(err)
	}
	var s schema
	if err := json.Unmarshal(raw, &s); err != nil {
		log.Fatal(err)
	}
	o := out{
		Source:      "aiogram Bot API schema (generated from core.telegram.org/bots/api)",
		Version:     s.API.Version,
		ReleaseDate: s.API.ReleaseDate,
		Methods:     map[string][]param{},
	}
	for _, it := range s.Items {
		for _, c := range it.Children {
			// Types are CamelCase, methods lowerCamelCase: the schema mixes both.
			if c.Name == "" || !unicode.IsLower(rune(c.Name[0])) {
				continue
			}
			ps := []param{}
			for _, a := range c.Annotations {
				ps = append(ps, param{Name: a.Name, Type: a.Type, Required: a.Required})
			}
			o.Methods[c.Name] = ps
		}
	}
	names := make([]string, 0, len(o.Methods))
	for n := range o.Methods {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(o); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*dst, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %d methods (Bot API %s) to %s", len(names), o.Version, *dst)
}
