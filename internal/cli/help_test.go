package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestHelpOnStdout: `jivokit COMMAND -h`, `-help` and `jivokit help
// COMMAND` print the command's usage on stdout, in one form (a usage line,
// a description, the flags), and exit 0; stderr stays empty.
func TestHelpOnStdout(t *testing.T) {
	for name := range commands {
		if name == "webhook" {
			continue // two subcommands of their own; tested in package webhookcmd
		}
		for _, args := range [][]string{{name, "-h"}, {name, "-help"}, {"help", name}} {
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), nil, &stdout, &stderr, args)
			out := stdout.String()
			if code != 0 || stderr.Len() > 0 || !strings.HasPrefix(out, "usage: jivokit "+name) {
				t.Errorf("%v: exit %d, stdout:\n%s\nstderr:\n%s", args, code, out, stderr.String())
				continue
			}
			// A description after the usage line, then the flags if any.
			if _, rest, ok := strings.Cut(out, "\n\n"); !ok || len(strings.TrimSpace(rest)) == 0 {
				t.Errorf("%v: no description:\n%s", args, out)
			}
			if strings.Contains(out, "Usage of") {
				t.Errorf("%v: the flag package's default usage:\n%s", args, out)
			}
		}
	}
}

// TestVersion: `jivokit version` names jivokit's version, the Go release
// and the JivoChat API revision; `-version` does the same.
func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"-version"}, {"--version"}} {
		var stdout, stderr bytes.Buffer
		code := Run(context.Background(), nil, &stdout, &stderr, args)
		out := stdout.String()
		// A test binary is built from source: "(devel)".
		if code != 0 || !strings.HasPrefix(out, "jivokit (devel)\ngo1.") || !strings.Contains(out, "\nJivoChat API: JivoChat Developers API reference") {
			t.Errorf("%v: exit %d, stdout:\n%s\nstderr:\n%s", args, code, out, stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), nil, &stdout, &stderr, []string{"version", "extra"}); code != 64 || !strings.Contains(stderr.String(), "takes no arguments") {
		t.Errorf("version extra: exit %d, stderr %q", code, stderr.String())
	}
}
