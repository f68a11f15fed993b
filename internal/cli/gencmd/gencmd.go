// Package gencmd is `jivokit gen`: it writes every file generated from the
// widget API spec, as `go generate ./...` does.
package gencmd

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/jivokit/jivokit/internal/build/gen"
	"github.com/jivokit/jivokit/internal/cli/cliflag"
)

// Run runs `jivokit gen [-check] [-C DIR]`.
func Run(_ context.Context, _ io.Reader, stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("jivokit gen", flag.ContinueOnError)
	cliflag.SetUsage(fs, "usage: jivokit gen [-check] [-C DIR]\n\n"+
		"Writes every file generated from the widget API spec in package jsapi (the\n"+
		"method table, the stub's validation rules, the runtime, loader and stub\n"+
		"bundles, jivo_api.d.ts, docs/api.md, the Go/WASM bindings, wasm_exec.js and\n"+
		"the WASM app loader), as go generate ./... does except for the templ output.\n"+
		"It works on a clone of jivokit: run it inside one, or name one with -C.")
	check := fs.Bool("check", false, "write nothing; list stale generated files and exit 1 if there are any")
	dir := fs.String("C", ".", "a `directory` inside the jivokit module (a clone) to work on")
	if code, ok := cliflag.Parse(fs, args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "jivokit gen: takes no arguments")
		return cliflag.ExitUsage
	}
	root, err := gen.Root(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "jivokit gen:", err)
		return 1
	}
	if *check {
		stale, err := gen.Stale(root)
		if err != nil {
			fmt.Fprintln(stderr, "jivokit gen:", err)
			return 1
		}
		for _, p := range stale {
			fmt.Fprintln(stdout, "stale", p)
		}
		if len(stale) > 0 {
			return 1
		}
		return 0
	}
	written, err := gen.Write(root)
	for _, p := range written {
		fmt.Fprintln(stdout, "wrote", p)
	}
	if err != nil {
		fmt.Fprintln(stderr, "jivokit gen:", err)
		return 1
	}
	return 0
}
