package webhookcmd

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jivokit/jivokit/internal/cli/cliflag"
	"github.com/jivokit/jivokit/internal/cli/webhooktool"
	"github.com/jivokit/jivokit/internal/lib/jsonpath"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/samples"
)

func send(ctx context.Context, stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("jivokit webhook send", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: jivokit webhook send EVENT -url URL [-set path=value ...]\n\nEVENT is one of %v,\nor a CRM event (posted to the CRM webhook URL), one of %v.\n\nflags:\n", samples.Names(), samples.CRMNames())
		fs.PrintDefaults()
	}
	url := fs.String("url", "", "the webhook endpoint, e.g. http://127.0.0.1:8090/jivo/webhook/SECRET (required)")
	timeout := fs.Duration("timeout", 10*time.Second, "how long to wait for the reply")
	strict := fs.Bool("strict", false, "count as bad what breaks jivokit's advice about a reply (a phone number with an extension, a relative link), not only the vendor's rules")
	var sets []string
	fs.Func("set", "override a field of the sample payload, by dotted path: -set visitor.name=Ann -set chat_id=7 (repeatable; a value that is JSON, such as 7 or true, is set as such, anything else as a string)", func(s string) error {
		if !strings.Contains(s, "=") {
			return fmt.Errorf("%q is not path=value", s)
		}
		sets = append(sets, s)
		return nil
	})
	// The event name may come before the flags or after them.
	var event string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		event, args = args[0], args[1:]
	}
	if code, ok := cliflag.Parse(fs, args, stdout, stderr); !ok {
		return code
	}
	if event == "" && fs.NArg() > 0 {
		event = fs.Arg(0)
		if code, ok := cliflag.Parse(fs, fs.Args()[1:], stdout, stderr); !ok {
			return code
		}
	}
	switch {
	case event == "":
		return badUsage(fs, stderr, "name the EVENT to send")
	case fs.NArg() > 0:
		return badUsage(fs, stderr, fmt.Sprintf("unexpected arguments %q", fs.Args()))
	case *url == "":
		return badUsage(fs, stderr, "-url is required")
	}
	payload, err := samples.Payload(webhook.Name(event))
	if err != nil {
		fmt.Fprintln(stderr, "jivokit webhook send:", err)
		return exitUsage
	}
	for _, s := range sets {
		path, value, _ := strings.Cut(s, "=")
		raw := json.RawMessage(value)
		if !json.Valid(raw) {
			raw, _ = json.Marshal(value)
		}
		if payload, err = jsonpath.Set(payload, path, raw); err != nil {
			fmt.Fprintln(stderr, "jivokit webhook send: -set", err)
			return exitUsage
		}
	}

	if err := webhooktool.CheckURL(*url); err != nil {
		return badUsage(fs, stderr, "-url "+err.Error())
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	ok, err := webhooktool.Send(ctx, stdout, *url, "jivokit-webhook-send", webhook.Name(event), payload, *strict)
	switch {
	case err != nil:
		fmt.Fprintln(stderr, "jivokit webhook send:", err)
		return 1
	case !ok:
		return 1
	}
	return 0
}
