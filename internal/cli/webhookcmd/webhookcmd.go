// Package webhookcmd is `jivokit webhook`: `send` posts a realistic event to
// a webhook endpoint and checks the reply; `listen` receives events, prints
// them and logs them as JSON lines.
package webhookcmd

import (
	"context"
	"fmt"
	"io"
)

const usage = `usage:
  jivokit webhook send EVENT -url URL [-set path=value ...]
  jivokit webhook listen -addr 127.0.0.1:PORT [-path /jivo/webhook/SECRET] [-log events.jsonl]

Run 'jivokit webhook send -h' or 'jivokit webhook listen -h' for the flags.
`

// Run runs `jivokit webhook send|listen`.
func Run(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "send":
		return send(ctx, stdout, stderr, args[1:])
	case "listen":
		return listen(ctx, stdout, stderr, args[1:])
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stderr, usage)
		return 0
	}
	fmt.Fprintf(stderr, "jivokit webhook: unknown subcommand %q\n%s", args[0], usage)
	return 2
}
