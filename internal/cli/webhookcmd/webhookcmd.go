// Package webhookcmd is `jivokit webhook`: `send` posts a realistic event to
// a webhook endpoint and checks the reply; `listen` receives events, prints
// them and logs them as JSON lines; `replay` re-sends logged events.
package webhookcmd

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/jivokit/jivokit/internal/cli/cliflag"
)

// exitUsage is the exit code for bad usage.
const exitUsage = cliflag.ExitUsage

const usage = `usage:
  jivokit webhook send EVENT -url URL [-set path=value ...]
  jivokit webhook listen [-addr 127.0.0.1:PORT] [-path /jivo/webhook/SECRET] [-log events.jsonl] [-sync]
  jivokit webhook replay -log events.jsonl -url URL [-event NAME] [-chat ID] [-since N|TIME] [-failed] [-rate N]

Run 'jivokit webhook send -h' (listen -h, replay -h) for the flags.
`

// Run runs `jivokit webhook send|listen|replay`.
func Run(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "send":
		return send(ctx, stdout, stderr, args[1:])
	case "listen":
		return listen(ctx, stdout, stderr, args[1:])
	case "replay":
		return replay(ctx, stdout, stderr, args[1:])
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "jivokit webhook: unknown subcommand %q\n%s", args[0], usage)
	return exitUsage
}

// badUsage prints msg and fs's usage on stderr and returns exitUsage.
func badUsage(fs *flag.FlagSet, stderr io.Writer, msg string) int {
	fmt.Fprintf(stderr, "%s: %s\n", fs.Name(), msg)
	fs.SetOutput(stderr)
	fs.Usage()
	return exitUsage
}
