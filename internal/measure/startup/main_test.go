package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestRunRejectsBadArguments: bad flags stop the command with exit code 2
// and a message, before it builds or starts a browser.
func TestRunRejectsBadArguments(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-pairs", "0"}, "-pairs must be 1 to 200"},
		{[]string{"-pairs", "201"}, "-pairs must be 1 to 200"},
		{[]string{"-scenarios", "loopback,fast"}, `unknown scenario "fast"`},
		{[]string{"-scenarios", " , "}, "no scenario"},
		{[]string{"extra"}, "no arguments expected"},
		{[]string{"-nope"}, "flag provided but not defined"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), &stdout, &stderr, tc.args); code != 2 {
			t.Errorf("%q: exit %d, want 2", tc.args, code)
		}
		if !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%q: stderr %q, want %q", tc.args, stderr.String(), tc.want)
		}
		if stdout.Len() > 0 {
			t.Errorf("%q: wrote %q", tc.args, stdout.String())
		}
	}
}
