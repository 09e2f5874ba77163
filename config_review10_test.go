package main

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Every variable the configuration reads is in README's table, and the
// table names no variable that is not read; docker-compose.yml passes each
// to the bot (but GUIDES_DIR, which needs a volume: the image has the
// guides built in) and nothing else. A newcomer reads the table to run the
// bot: a variable added to config.go alone is one nobody knows of.
func TestConfigurationIsDocumented(t *testing.T) {
	var read []string
	getenv := func(name string) string {
		if !slices.Contains(read, name) {
			read = append(read, name)
		}
		return ""
	}
	if _, err := loadConfig(nil, getenv, needs{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(read)

	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	if i := strings.Index(section, "### Configuration"); i >= 0 {
		section = section[i:]
		if j := strings.Index(section[1:], "\n#"); j >= 0 {
			section = section[:j+1]
		}
	} else {
		t.Fatal("README.md has no ### Configuration section")
	}
	var table []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([A-Z_]+)` \\|").FindAllStringSubmatch(section, -1) {
		table = append(table, m[1])
	}
	slices.Sort(table)
	if !slices.Equal(read, table) {
		t.Errorf("config.go reads %v\nREADME's table has %v", read, table)
	}

	compose, err := os.ReadFile("docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	botService := string(compose)
	if i := strings.Index(botService, "\n  bot:\n"); i >= 0 {
		botService = botService[i:]
	} else {
		t.Fatal("docker-compose.yml has no bot service")
	}
	var passed []string
	for _, m := range regexp.MustCompile(`(?m)^      ([A-Z_]+):`).FindAllStringSubmatch(botService, -1) {
		passed = append(passed, m[1])
	}
	slices.Sort(passed)
	want := slices.DeleteFunc(slices.Clone(read), func(name string) bool { return name == "GUIDES_DIR" })
	if !slices.Equal(passed, want) {
		t.Errorf("docker-compose.yml passes %v\nwant %v", passed, want)
	}
}
