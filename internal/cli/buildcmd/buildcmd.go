// Package buildcmd is `jivokit build`: it builds a Go/WASM app for the page,
// content-hashed and precompressed, with the manifest package assets reads.
package buildcmd

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/jivokit/jivokit/internal/build/wasmbuild"
	"github.com/jivokit/jivokit/internal/cli/cliflag"
)

// Run runs `jivokit build [-o DIR] [-quick] PACKAGE`.
func Run(ctx context.Context, _ io.Reader, stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("jivokit build", flag.ContinueOnError)
	cliflag.SetUsage(fs, "usage: jivokit build [-o DIR] [-quick] PACKAGE\n\n"+
		"Compiles the main package PACKAGE with GOOS=js GOARCH=wasm and writes to DIR\n"+
		"NAME.<hash>.wasm, wasm_exec.<hash>.js, a .gz and a .br copy of each, and\n"+
		"manifest.json naming them (serve DIR with assets.Handler). It runs the go\n"+
		"command on PATH in the current directory, so PACKAGE is built with your Go\n"+
		"toolchain and the jivokit version your go.mod requires.")
	out := fs.String("o", "dist", "the output `directory`")
	quick := fs.Bool("quick", false, "compress fast rather than small (for development)")
	if code, ok := cliflag.Parse(fs, args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "jivokit build: want one PACKAGE, e.g. jivokit build -o dist ./cmd/app")
		return cliflag.ExitUsage
	}
	m, err := wasmbuild.Build(ctx, fs.Arg(0), wasmbuild.Options{OutDir: *out, Stderr: stderr, Quick: *quick})
	switch {
	case errors.Is(err, wasmbuild.ErrCompile):
		// The go command's messages are already on stderr.
		fmt.Fprintln(stderr, "jivokit build: compiling", fs.Arg(0), "failed")
		return 1
	case errors.Is(err, wasmbuild.ErrNoPackage):
		fmt.Fprintln(stderr, "jivokit build:", err)
		return cliflag.ExitUsage
	case err != nil:
		fmt.Fprintln(stderr, "jivokit build:", err)
		return 1
	}
	for _, f := range m.Files {
		fmt.Fprintf(stdout, "%s\t%s (gzip %s, brotli %s)\n", filepath.Join(*out, f.Name), size(f.Size), size(f.GzipSize), size(f.BrotliSize))
	}
	fmt.Fprintln(stdout, filepath.Join(*out, "manifest.json"))
	return 0
}

// size formats a byte count for people: 512 B, 8.0 kB, 1.8 MB.
func size(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f kB", float64(n)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}
