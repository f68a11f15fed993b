// Package gencmd is `jivokit gen`: it writes every file generated from the
// widget API spec, as `go generate ./...` does.
package gencmd

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/jivokit/jivokit/internal/build/gen"
)

// Run runs `jivokit gen [-check]`.
func Run(_ context.Context, _ io.Reader, stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("jivokit gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	check := fs.Bool("check", false, "write nothing; list stale generated files and exit 1 if there are any")
	dir := fs.String("C", ".", "a directory inside the jivokit module")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "jivokit gen: takes no arguments")
		return 2
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
