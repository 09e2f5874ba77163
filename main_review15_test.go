package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// A newcomer's first try, `dvcbot -h`, printed the four flags alone and
// then "dvcbot: flags flag: help requested" with exit status 2, as for a
// mistake; `dvcbot help` was an unknown command. Asking for help now
// lists the commands, the flags and every variable the configuration
// reads, and exits 0; a subcommand's -h shows its flags and exits 0 too.
func TestHelpListsCommandsAndVariables(t *testing.T) {
	read := configVariables(t)
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}, {"migrate", "-h"}} {
		var out, errOut bytes.Buffer
		code := run(args, env(nil), strings.NewReader(""), &out, &errOut)
		said := out.String() + errOut.String()
		if code != 0 || strings.Contains(said, "help requested") {
			t.Errorf("dvcbot %s: exit %d, said:\n%s", strings.Join(args, " "), code, said)
			continue
		}
		for _, want := range append([]string{"demo", "migrate", "healthcheck", "guides check", "seed", "bench", "-http-addr", "README.md"}, read...) {
			if !strings.Contains(said, want) {
				t.Errorf("dvcbot %s does not name %s:\n%s", strings.Join(args, " "), want, said)
			}
		}
	}
	for _, args := range [][]string{{"demo", "-h"}, {"seed", "-h"}, {"bench", "-h"}} {
		var out, errOut bytes.Buffer
		code := run(args, env(nil), strings.NewReader(""), &out, &errOut)
		said := out.String() + errOut.String()
		if code != 0 || strings.Contains(said, "help requested") || !strings.Contains(said, "Usage of dvcbot "+args[0]) {
			t.Errorf("dvcbot %s: exit %d, said:\n%s", strings.Join(args, " "), code, said)
		}
	}
	// A command not known: status 2, and where the list is.
	var out, errOut bytes.Buffer
	if code := run([]string{"strat"}, env(nil), strings.NewReader(""), &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "dvcbot help") {
		t.Errorf("an unknown command: exit %d, said %q", code, errOut.String())
	}
}

// The JSON log (the default) wrote a duration as Go's nanoseconds: "the
// database cannot be reached yet; trying again" said "in":500000000, a
// refused token "next_log_in":600000000000. It says "500ms" and "10m0s",
// as the text log does.
func TestJSONLogSaysDurationsReadably(t *testing.T) {
	var out bytes.Buffer
	newLogger(config{LogFormat: "json"}, &out).Warn("trying again", "in", 500*time.Millisecond, "next_log_in", 10*time.Minute)
	if s := out.String(); !strings.Contains(s, `"in":"500ms"`) || !strings.Contains(s, `"next_log_in":"10m0s"`) {
		t.Errorf("durations in the JSON log: %s", s)
	}
}
