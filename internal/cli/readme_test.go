package cli

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeListsEveryFlag: the README's table of commands has a row for
// every command, and the row names every flag the command's help lists
// (snippet, with a flag per configuration field, names its main ones and
// points to -h for the rest).
func TestReadmeListsEveryFlag(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	for _, line := range strings.Split(string(readme), "\n") {
		if m := regexp.MustCompile("^\\| `jivokit (\\w+)").FindStringSubmatch(line); m != nil {
			rows[m[1]] += line
		}
	}
	flagLine := regexp.MustCompile(`(?m)^  (-[\w-]+)`)
	for name := range commands {
		row, ok := rows[name]
		if !ok {
			t.Errorf("the README's table has no row for jivokit %s", name)
			continue
		}
		if name == "snippet" {
			continue
		}
		helps := [][]string{{name, "-h"}}
		if name == "webhook" {
			helps = [][]string{{name, "send", "-h"}, {name, "listen", "-h"}, {name, "replay", "-h"}}
		}
		for _, args := range helps {
			var stdout, stderr bytes.Buffer
			Run(context.Background(), nil, &stdout, &stderr, args)
			for _, m := range flagLine.FindAllStringSubmatch(stdout.String(), -1) {
				if !regexp.MustCompile(regexp.QuoteMeta(m[1]) + `\b`).MatchString(row) {
					t.Errorf("the README's rows for jivokit %s lack %s:\n%s", strings.Join(args[:len(args)-1], " "), m[1], row)
				}
			}
		}
	}
	if !strings.Contains(string(readme), "go install github.com/jivokit/jivokit/cmd/jivokit@latest") {
		t.Error("the README lacks the install line")
	}
}
