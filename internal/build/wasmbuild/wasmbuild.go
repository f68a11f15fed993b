// Package wasmbuild builds a Go/WASM app for the page: it compiles the
// package with GOOS=js GOARCH=wasm, minifies the toolchain's wasm_exec.js
// with esbuild, writes both under content-hashed names with precompressed
// .gz and .br copies, and writes the manifest package assets reads.
package wasmbuild

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"

	"github.com/jivokit/jivokit/assets"
	"github.com/jivokit/jivokit/internal/build/jsbundle"
)

// Errors Build returns, wrapped with the details.
var (
	// ErrNoPackage: no package, or something that is not a package path.
	ErrNoPackage = errors.New("wasmbuild: no package to build")
	// ErrNoOutDir: Options.OutDir is empty.
	ErrNoOutDir = errors.New("wasmbuild: no output directory")
	// ErrCompile: the go command failed; its messages went to Options.Stderr.
	ErrCompile = errors.New("wasmbuild: go build failed")
	// ErrNoGo: the go command or its wasm_exec.js cannot be found.
	ErrNoGo = errors.New("wasmbuild: Go toolchain not found")
)

// wasmMagic starts every WebAssembly module; go build -o writes an archive
// instead for a package that is not main.
var wasmMagic = []byte("\x00asm")

// Options adjust a build. OutDir is required.
type Options struct {
	// OutDir receives the hashed files and manifest.json; it is created
	// when missing. Files of the build its previous manifest names are
	// removed when the new build replaces them.
	OutDir string
	// Dir is the directory the go command runs in, which resolves relative
	// package paths and the module; "" is the current directory.
	Dir string
	// Name is the base name of the .wasm file ("app" gives app.<hash>.wasm);
	// "" takes the package path's last element.
	Name string
	// Stderr receives the go command's messages as it writes them (compiler
	// errors, download progress); nil discards them, though the last lines
	// are still in a failed build's error.
	Stderr io.Writer
	// Env is added to the go command's environment (GOOS and GOARCH are
	// always js and wasm, and GOTMPDIR a directory Build removes).
	Env []string
	// Quick compresses the copies fast rather than small (gzip's default
	// level and Brotli 6 instead of gzip 9 and Brotli 11), for development
	// servers and tests: seconds less per build of a few megabytes.
	Quick bool
}

// Build compiles pkg (an import path or a relative path such as ./cmd/app)
// into opts.OutDir and returns the manifest it wrote there.
//
// Output whose hashed name already exists in OutDir with its compressed
// copies is not written again, so rebuilding an unchanged app is as cheap
// as the go command's cache makes the compile.
func Build(ctx context.Context, pkg string, opts Options) (assets.Manifest, error) {
	if pkg == "" || strings.HasPrefix(pkg, "-") || strings.Contains(pkg, "...") {
		return assets.Manifest{}, fmt.Errorf("%w: %q (want one main package, e.g. ./cmd/app)", ErrNoPackage, pkg)
	}
	if opts.OutDir == "" {
		return assets.Manifest{}, ErrNoOutDir
	}
	goBin, err := goCommand()
	if err != nil {
		return assets.Manifest{}, err
	}
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		return assets.Manifest{}, fmt.Errorf("wasmbuild: %w", err)
	}
	tmp, err := os.MkdirTemp(opts.OutDir, ".build-")
	if err != nil {
		return assets.Manifest{}, fmt.Errorf("wasmbuild: %w", err)
	}
	defer os.RemoveAll(tmp)
	// The go command runs in opts.Dir: it gets absolute paths.
	if tmp, err = filepath.Abs(tmp); err != nil {
		return assets.Manifest{}, fmt.Errorf("wasmbuild: %w", err)
	}

	// The go command's work directory goes inside tmp, so that it is
	// removed even when the go command is interrupted before it removes it.
	work := filepath.Join(tmp, "go")
	if err := os.Mkdir(work, 0o700); err != nil {
		return assets.Manifest{}, fmt.Errorf("wasmbuild: %w", err)
	}
	wasmPath := filepath.Join(tmp, "app.wasm")
	if err := compile(ctx, goBin, pkg, wasmPath, work, opts); err != nil {
		return assets.Manifest{}, err
	}
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		return assets.Manifest{}, fmt.Errorf("wasmbuild: %w", err)
	}
	if !bytes.HasPrefix(wasm, wasmMagic) {
		return assets.Manifest{}, fmt.Errorf("%w: %s is not a main package", ErrNoPackage, pkg)
	}
	loader, err := loaderScript(ctx, goBin, opts)
	if err != nil {
		return assets.Manifest{}, err
	}

	name := opts.Name
	if name == "" {
		name = baseName(pkg, opts.Dir)
	}
	m := assets.Manifest{
		Package:  pkg,
		WASM:     assets.HashedName(name+".wasm", wasm),
		WASMExec: assets.HashedName("wasm_exec.js", loader),
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{m.WASM, wasm}, {m.WASMExec, loader}} {
		file, err := writeWithCopies(opts.OutDir, f.name, f.data, opts.Quick)
		if err != nil {
			return assets.Manifest{}, err
		}
		m.Files = append(m.Files, file)
	}
	if err := writeManifest(opts.OutDir, m); err != nil {
		return assets.Manifest{}, err
	}
	return m, nil
}

// compile runs go build with the work directory work, streaming its
// stderr and keeping its tail for the error.
func compile(ctx context.Context, goBin, pkg, out, work string, opts Options) error {
	env := append(append(os.Environ(), opts.Env...), "GOOS=js", "GOARCH=wasm", "GOTMPDIR="+work)
	cmd := goCmd(ctx, goBin, opts.Dir, env, "build", "-trimpath", "-ldflags=-s -w", "-o", out, pkg)
	tail := &tailBuffer{max: 4 << 10}
	if opts.Stderr != nil {
		cmd.Stderr = io.MultiWriter(opts.Stderr, tail)
	} else {
		cmd.Stderr = tail
	}
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		msg := strings.TrimSpace(tail.String())
		if msg == "" {
			return fmt.Errorf("%w: %s: %w", ErrCompile, pkg, err)
		}
		return fmt.Errorf("%w: %s:\n%s", ErrCompile, pkg, msg)
	}
	return nil
}

// loaderScript minifies the wasm_exec.js of the toolchain that compiled
// the app: the two must come from the same Go release.
func loaderScript(ctx context.Context, goBin string, opts Options) ([]byte, error) {
	cmd := goCmd(ctx, goBin, opts.Dir, append(os.Environ(), opts.Env...), "env", "GOROOT")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%w: go env GOROOT: %w", ErrNoGo, err)
	}
	goroot := strings.TrimSpace(string(out))
	var entry string
	for _, dir := range []string{"lib/wasm", "misc/wasm"} { // Go 1.24+, then older
		p := filepath.Join(goroot, filepath.FromSlash(dir), "wasm_exec.js")
		if _, err := os.Stat(p); err == nil {
			entry = p
			break
		}
	}
	if entry == "" {
		return nil, fmt.Errorf("%w: no wasm_exec.js under %s", ErrNoGo, goroot)
	}
	js, err := jsbundle.Bundle(entry, jsbundle.Options{})
	if err != nil {
		return nil, fmt.Errorf("wasmbuild: minifying wasm_exec.js: %w", err)
	}
	return js, nil
}

// goCommand finds the go command: on PATH, else in the GOROOT of the
// running program's toolchain.
func goCommand() (string, error) {
	if p, err := exec.LookPath("go"); err == nil {
		return p, nil
	}
	if root := os.Getenv("GOROOT"); root != "" {
		p := filepath.Join(root, "bin", "go")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w: no go command on PATH", ErrNoGo)
}

// baseName names the app after the package's last path element, or after
// the directory for ".".
func baseName(pkg, dir string) string {
	p := strings.TrimSuffix(filepath.ToSlash(pkg), "/")
	name := path.Base(p)
	if name == "." || name == ".." || name == "/" || name == "" {
		abs, err := filepath.Abs(filepath.Join(dir, filepath.FromSlash(p)))
		if err == nil {
			name = filepath.Base(abs)
		}
	}
	if name == "" || name == "." || name == string(filepath.Separator) {
		name = "app"
	}
	return name
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	max int
	buf bytes.Buffer
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.buf.Write(p)
	if over := t.buf.Len() - t.max; over > 0 {
		t.buf.Next(over)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string { return t.buf.String() }
