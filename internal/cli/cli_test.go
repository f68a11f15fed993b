package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name                   string
		args                   []string
		wantCode               int
		wantStdout, wantStderr string
	}{
		{"no arguments", nil, 64, "", "usage: jivokit COMMAND"},
		{"unknown command", []string{"frobnicate"}, 64, "", "jivokit: unknown command \"frobnicate\"\n\nusage: jivokit COMMAND"},
		{"help", []string{"help"}, 0, "usage: jivokit COMMAND", ""},
		{"-h", []string{"-h"}, 0, "usage: jivokit COMMAND", ""},
		{"--help", []string{"--help"}, 0, "usage: jivokit COMMAND", ""},
		{"help for an unknown command", []string{"help", "frobnicate"}, 64, "", "jivokit help: unknown command \"frobnicate\""},
		// The subcommand gets the arguments after its name.
		{"a command's help", []string{"build", "-h"}, 0, "usage: jivokit build", ""},
		{"help COMMAND", []string{"help", "build"}, 0, "usage: jivokit build", ""},
		{"a command's bad usage", []string{"build"}, 64, "", "want one PACKAGE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), strings.NewReader(""), &stdout, &stderr, tt.args)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d", code, tt.wantCode)
			}
			for _, o := range []struct {
				name      string
				got, want string
			}{{"stdout", stdout.String(), tt.wantStdout}, {"stderr", stderr.String(), tt.wantStderr}} {
				if !strings.Contains(o.got, o.want) || (o.want == "" && o.got != "") {
					t.Errorf("%s:\n%s\nwant %q", o.name, o.got, o.want)
				}
			}
		})
	}
}

// TestUsageListsEveryCommand: the help names each command with its summary,
// in alphabetical order.
func TestUsageListsEveryCommand(t *testing.T) {
	var stdout bytes.Buffer
	if code := Run(context.Background(), nil, &stdout, nil, []string{"help"}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	help := stdout.String()
	if len(commands) == 0 {
		t.Fatal("no commands")
	}
	listed, prev := 0, ""
	for name, c := range commands {
		if c.Summary == "" || c.Run == nil {
			t.Errorf("command %s lacks a summary or a Run", name)
		}
		if !strings.Contains(help, "\n  "+name+" ") || !strings.Contains(help, c.Summary) {
			t.Errorf("the help lacks %s: %s", name, c.Summary)
		}
	}
	for _, line := range strings.Split(help, "\n") {
		fields := strings.Fields(line)
		if !strings.HasPrefix(line, "  ") || len(fields) == 0 {
			continue
		}
		if _, ok := commands[fields[0]]; !ok {
			continue
		}
		if fields[0] < prev {
			t.Errorf("the help lists %s after %s", fields[0], prev)
		}
		prev = fields[0]
		listed++
	}
	if listed != len(commands) {
		t.Errorf("the help lists %d commands, want %d:\n%s", listed, len(commands), help)
	}
}
