// Package cli is the jivokit command line: it dispatches to one package per
// subcommand, each of which is a Command and testable without a process.
package cli

import (
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/jivokit/jivokit/internal/cli/buildcmd"
	"github.com/jivokit/jivokit/internal/cli/cliflag"
	"github.com/jivokit/jivokit/internal/cli/democmd"
	"github.com/jivokit/jivokit/internal/cli/gencmd"
	"github.com/jivokit/jivokit/internal/cli/snippetcmd"
	"github.com/jivokit/jivokit/internal/cli/versioncmd"
	"github.com/jivokit/jivokit/internal/cli/webhookcmd"
)

// Command runs one subcommand with its arguments (without the subcommand's
// name) and returns the process exit code: 0 on success, 1 on failure, 64 on
// bad usage.
type Command struct {
	Summary string
	Run     func(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer, args []string) int
}

// commands holds every subcommand by name.
var commands = map[string]Command{
	"build":   {Summary: "build a Go/WASM app: content-hashed, precompressed, with a manifest", Run: buildcmd.Run},
	"demo":    {Summary: "serve a demo of the whole toolkit on the stub widget (no account needed)", Run: democmd.Run},
	"gen":     {Summary: "write every file generated from the widget API spec", Run: gencmd.Run},
	"snippet": {Summary: "print the widget's HTML snippet for sites not written in Go", Run: snippetcmd.Run},
	"version": {Summary: "print the jivokit and Go versions and the JivoChat API revision followed", Run: versioncmd.Run},
	"webhook": {Summary: "send a realistic webhook event to an endpoint, listen for events, or replay a log of them", Run: webhookcmd.Run},
}

// Run runs the subcommand args[0]. Help (-h, help, help COMMAND) goes to
// stdout with exit code 0; a usage error goes to stderr with exit code 64.
func Run(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer, args []string) int {
	if len(args) == 0 {
		usage(stderr)
		return cliflag.ExitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if args[0] == "help" && len(args) > 1 {
			if _, ok := commands[args[1]]; ok {
				return commands[args[1]].Run(ctx, stdin, stdout, stderr, []string{"-h"})
			}
			fmt.Fprintf(stderr, "jivokit help: unknown command %q\n\n", args[1])
			usage(stderr)
			return cliflag.ExitUsage
		}
		usage(stdout)
		return 0
	case "-version", "--version":
		return versioncmd.Run(ctx, stdin, stdout, stderr, nil)
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "jivokit: unknown command %q\n\n", args[0])
		usage(stderr)
		return cliflag.ExitUsage
	}
	return cmd.Run(ctx, stdin, stdout, stderr, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: jivokit COMMAND [flags]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-8s %s\n", name, commands[name].Summary)
	}
	fmt.Fprintln(w, "\nRun 'jivokit COMMAND -h' (or 'jivokit help COMMAND') for a command's flags.")
}
