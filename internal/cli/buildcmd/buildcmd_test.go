package buildcmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/assets"
)

const testdata = "../../build/wasmbuild/testdata/"

func TestRun(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{name: "no package", args: nil, wantCode: 64, wantStderr: "want one PACKAGE"},
		{name: "two packages", args: []string{"a", "b"}, wantCode: 64, wantStderr: "want one PACKAGE"},
		{name: "unknown flag", args: []string{"-x", "a"}, wantCode: 64, wantStderr: "flag provided but not defined"},
		{name: "help", args: []string{"-h"}, wantCode: 0, wantStdout: "usage: jivokit build [-o DIR] [-quick] PACKAGE\n\n"},
		{name: "compile error", args: []string{testdata + "broken"}, wantCode: 1,
			wantStderr: "undefined: undefinedFunction"},
		{name: "build", args: []string{"-quick", testdata + "hello"}, wantCode: 0,
			wantStdout: "manifest.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			var stdout, stderr bytes.Buffer
			args := append([]string{"-o", out}, tt.args...)
			if tt.args == nil || tt.args[0] == "-h" || tt.args[0] == "-x" {
				args = tt.args
			}
			code := Run(context.Background(), nil, &stdout, &stderr, args)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.wantCode, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.wantStdout) {
				t.Errorf("stdout %q lacks %q", stdout.String(), tt.wantStdout)
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.wantStderr)
			}
			if tt.name != "build" {
				return
			}
			m, err := assets.ReadManifest(os.DirFS(out))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(stdout.String(), filepath.Join(out, m.WASM)) {
				t.Errorf("stdout %q does not name %s", stdout.String(), m.WASM)
			}
		})
	}
}
