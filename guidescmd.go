package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/dvcbot/dvcbot/guides"
)

// loadGuides loads the catalog: GUIDES_DIR when set, else the guides built
// into the binary.
func loadGuides(dir string) (*guides.Catalog, error) {
	if dir == "" {
		return guides.Shipped()
	}
	return guides.Load(os.DirFS(dir))
}

// guidesCommand is `dvcbot guides check [dir]`: validate a catalog and list
// every problem as file:line: message; exit 1 when there is one.
func guidesCommand(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "check" || len(args) > 2 {
		fmt.Fprintln(stderr, "usage: dvcbot guides check [directory]   (default: GUIDES_DIR, else the guides built in)")
		return 2
	}
	dir := strings.TrimSpace(getenv("GUIDES_DIR"))
	if len(args) == 2 {
		dir = args[1]
	}
	if dir != "" {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			fmt.Fprintf(stderr, "%s: not a directory of guide files\n", dir)
			return 1
		}
	}
	c, err := loadGuides(dir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	due, refused := c.Review(time.Now())
	for _, e := range due {
		fmt.Fprintln(stderr, "warning:", e)
	}
	if len(refused) > 0 {
		fmt.Fprintln(stderr, refused)
		return 1
	}
	where := dir
	if where == "" {
		where = "built-in catalog"
	}
	steps := 0
	for _, g := range c.All() {
		steps += len(g.Steps)
	}
	fmt.Fprintf(stdout, "%s: %d guides, %d steps, all valid\n", where, len(c.All()), steps)
	return 0
}
