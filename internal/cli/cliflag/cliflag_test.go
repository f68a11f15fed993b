package cliflag

import (
	"bytes"
	"flag"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		args             []string
		wantCode         int
		wantOK           bool
		wantOut, wantErr string
	}{
		{[]string{"-n", "3"}, 0, true, "", ""},
		{[]string{"-h"}, 0, false, "usage: jivokit x [-n N]\n\nDoes x.\n\nflags:\n  -n int", ""},
		{[]string{"-help"}, 0, false, "usage: jivokit x", ""},
		{[]string{"--help"}, 0, false, "usage: jivokit x", ""},
		{[]string{"-nope"}, 64, false, "", "flag provided but not defined: -nope\nusage: jivokit x"},
		{[]string{"-n", "x"}, 64, false, "", "invalid value \"x\" for flag -n"},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("jivokit x", flag.ContinueOnError)
		fs.Int("n", 0, "how many")
		SetUsage(fs, "usage: jivokit x [-n N]\n\nDoes x.")
		var stdout, stderr bytes.Buffer
		code, ok := Parse(fs, tt.args, &stdout, &stderr)
		if code != tt.wantCode || ok != tt.wantOK {
			t.Errorf("%v: code %d ok %v, want %d %v", tt.args, code, ok, tt.wantCode, tt.wantOK)
		}
		if !strings.Contains(stdout.String(), tt.wantOut) || (tt.wantOut == "" && stdout.Len() > 0) {
			t.Errorf("%v: stdout %q, want %q", tt.args, stdout.String(), tt.wantOut)
		}
		if !strings.Contains(stderr.String(), tt.wantErr) || (tt.wantErr == "" && stderr.Len() > 0) {
			t.Errorf("%v: stderr %q, want %q", tt.args, stderr.String(), tt.wantErr)
		}
		// Later usage errors go to stderr.
		if ok {
			fs.Usage()
			if !strings.Contains(stderr.String(), "usage: jivokit x") || stdout.Len() > 0 {
				t.Errorf("after Parse, the usage went to stdout %q, stderr %q", stdout.String(), stderr.String())
			}
		}
	}
}

// TestSetUsageWithoutFlags: a command without flags prints no flags
// heading.
func TestSetUsageWithoutFlags(t *testing.T) {
	fs := flag.NewFlagSet("jivokit y", flag.ContinueOnError)
	SetUsage(fs, "usage: jivokit y")
	var stdout, stderr bytes.Buffer
	if code, ok := Parse(fs, []string{"-h"}, &stdout, &stderr); code != 0 || ok {
		t.Fatalf("code %d ok %v", code, ok)
	}
	if stdout.String() != "usage: jivokit y\n" {
		t.Errorf("help %q", stdout.String())
	}
}
