package demo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
)

// ModulePath is jivokit's module path.
const ModulePath = "github.com/jivokit/jivokit"

// errNoVersion: the running binary does not know which jivokit release it
// is, so the example app's source cannot be fetched.
var errNoVersion = errors.New("no jivokit release to fetch")

// appSource is where the go command builds the example app.
type appSource struct {
	dir     string   // the directory the go command runs in; "" for the current one
	env     []string // added to the go command's environment
	version string   // the jivokit version fetched; "" when built from the current module
	cleanup func()
}

// BinaryVersion returns the module version the running program was built
// from, as `go install github.com/jivokit/jivokit/cmd/jivokit@VERSION`
// records it, and whether that version can be fetched as a module: it
// cannot when the program was built inside a clone ("(devel)", or a
// version marked +dirty).
func BinaryVersion() (string, bool) {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Path != ModulePath {
		return "", false
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" || strings.Contains(v, "+") {
		return v, false
	}
	return v, true
}

// findAppSource decides where AppPackage is built from:
//
//   - when the current directory is in the jivokit module (a clone), from
//     it, so that changes to the example show at once;
//   - otherwise from the release the running binary was installed from: a
//     temporary module requires that version of jivokit, and the go command
//     fetches it through GOPROXY into the module cache, as it fetches any
//     module. No clone is needed.
func findAppSource(ctx context.Context, log io.Writer) (appSource, error) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return appSource{}, fmt.Errorf("the go command is not on PATH; the demo needs Go to build its WASM app (https://go.dev/dl/)")
	}
	cmd := exec.CommandContext(ctx, goBin, "list", "-f", "{{if .Module}}{{.Module.Main}}{{end}}", AppPackage)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.Output(); err == nil && strings.TrimSpace(string(out)) == "true" {
		return appSource{cleanup: func() {}}, nil
	}
	if ctx.Err() != nil {
		return appSource{}, ctx.Err()
	}
	version, ok := BinaryVersion()
	if !ok {
		if version == "" {
			version = "none"
		}
		return appSource{}, fmt.Errorf("%w: this jivokit was built from source (version %s), so it cannot fetch the example app; "+
			"run the demo inside a clone of jivokit (go run ./cmd/jivokit demo), or install a release: "+
			"go install %s/cmd/jivokit@latest", errNoVersion, version, ModulePath)
	}

	dir, err := os.MkdirTemp("", "jivokit-demo-app-")
	if err != nil {
		return appSource{}, err
	}
	src := appSource{
		dir:     dir,
		version: version,
		// The temporary module stands alone: no workspace of the user's
		// applies to it.
		env:     []string{"GOWORK=off"},
		cleanup: func() { os.RemoveAll(dir) },
	}
	gomod := "module jivokit-demo-app\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		src.cleanup()
		return appSource{}, err
	}
	// go get picks the go version the module needs and records the
	// checksums of what the js/wasm build of the app uses.
	get := exec.CommandContext(ctx, goBin, "get", AppPackage+"@"+version)
	get.Dir = dir
	get.Env = append(os.Environ(), append(src.env, "GOOS=js", "GOARCH=wasm")...)
	var msgs bytes.Buffer
	get.Stdout, get.Stderr = &msgs, io.MultiWriter(&msgs, log)
	if err := get.Run(); err != nil {
		src.cleanup()
		if ctx.Err() != nil {
			return appSource{}, ctx.Err()
		}
		hint := "; check GOPROXY, or run the demo inside a clone of jivokit"
		if log == io.Discard {
			return appSource{}, fmt.Errorf("fetching %s@%s failed%s:\n%s", ModulePath, version, hint, strings.TrimSpace(msgs.String()))
		}
		return appSource{}, fmt.Errorf("fetching %s@%s failed (the go command's messages are above)%s", ModulePath, version, hint)
	}
	return src, nil
}
