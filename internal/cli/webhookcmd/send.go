package webhookcmd

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/jivokit/jivokit/internal/cli/cliflag"
	"github.com/jivokit/jivokit/internal/lib/jsonpath"
	"github.com/jivokit/jivokit/internal/lib/term"
	"github.com/jivokit/jivokit/webhook"
)

// maxReply bounds the reply read from the endpoint.
const maxReply = 1 << 20

func send(ctx context.Context, stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("jivokit webhook send", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: jivokit webhook send EVENT -url URL [-set path=value ...]\n\nEVENT is one of %v,\nor a CRM event (posted to the CRM webhook URL), one of %v.\n\nflags:\n", webhook.Names(), webhook.CRMNames())
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
	payload, err := webhook.Sample(webhook.Name(event))
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

	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, *url, bytes.NewReader(payload))
	if err != nil {
		fmt.Fprintln(stderr, "jivokit webhook send:", err)
		return exitUsage
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "jivokit-webhook-send")
	fmt.Fprintf(stdout, "POST %s\n%s, %d bytes\n", *url, event, len(payload))
	res, err := noRedirects.Do(req)
	if err != nil {
		fmt.Fprintln(stderr, "jivokit webhook send:", err)
		return 1
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, maxReply))
	if err != nil {
		fmt.Fprintln(stderr, "jivokit webhook send: reading the reply:", err)
		return 1
	}
	// The reply is the endpoint's text: printed with every byte visible.
	fmt.Fprintf(stdout, "\n%s\n%s\n", term.Visible(res.Status), visibleLines(indent(body)))

	showsAgent := event == string(webhook.NameChatAccepted) || event == string(webhook.NameChatUpdated)
	reply, problems := checkReply(res, body, showsAgent, *strict)
	if showsAgent && reply != nil && reply.OK() {
		fmt.Fprintln(stdout, "\nThe agent sees:")
		describeView(stdout, &reply.AgentView)
		if !*strict {
			for _, a := range viewAdvice(&reply.AgentView) {
				fmt.Fprintln(stdout, "  advice:", visibleLines(a), "(the vendor takes it; -strict refuses it)")
			}
		}
	}
	if len(problems) > 0 {
		fmt.Fprintln(stdout, "\nbad reply:")
		for _, p := range problems {
			fmt.Fprintln(stdout, "  -", visibleLines(p))
		}
		return 1
	}
	fmt.Fprintln(stdout, "\nreply ok")
	return 0
}

// noRedirects is send's HTTP client: a redirect is the endpoint's reply,
// not a step on the way to it. Followed, a 307 or 308 would post the event
// again elsewhere and could report "reply ok" for a misconfigured URL, and
// a 301, 302 or 303 would turn the POST into a GET.
var noRedirects = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// checkReply checks the reply's status and shape as the vendor reads them.
func checkReply(res *http.Response, body []byte, showsAgent, strict bool) (*webhook.Reply, []string) {
	var problems []string
	if res.StatusCode >= 300 && res.StatusCode < 400 {
		where := "nowhere (no Location header)"
		if loc, err := res.Location(); err == nil {
			where = loc.String()
		}
		return nil, []string{fmt.Sprintf("status %s: a redirect to %s, which send does not follow; give the webhook URL that answers the POST itself", res.Status, where)}
	}
	if res.StatusCode != http.StatusOK {
		problems = append(problems, fmt.Sprintf("status %s, want 200 OK", res.Status))
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if !showsAgent {
		// Only {"result": ...} is expected.
		var only struct {
			Result *string `json:"result"`
		}
		dec.DisallowUnknownFields()
		if err := dec.Decode(&only); err != nil {
			return nil, append(problems, "the reply is not {\"result\": ...}: "+err.Error())
		}
		if only.Result == nil {
			return nil, append(problems, "the reply has no result")
		}
		reply := &webhook.Reply{Result: *only.Result}
		if !reply.OK() {
			problems = append(problems, fmt.Sprintf("result is %q, not \"ok\"", reply.Result))
		}
		return reply, problems
	}
	var reply webhook.Reply
	dec.DisallowUnknownFields()
	if err := dec.Decode(&reply); err != nil {
		return nil, append(problems, "the reply does not have the documented shape: "+err.Error())
	}
	if dec.More() {
		problems = append(problems, "the reply has data after its JSON object")
	}
	if !reply.OK() {
		problems = append(problems, fmt.Sprintf("result is %q, not \"ok\": the agent is shown nothing", reply.Result))
	}
	if reply.Error != "" {
		problems = append(problems, "the reply has an error: "+reply.Error)
	}
	if err := checkView(&reply.AgentView, strict); err != nil {
		problems = append(problems, err.Error())
	}
	return &reply, problems
}

// visibleLines makes every byte of s visible but its line breaks.
func visibleLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = term.Visible(l)
	}
	return strings.Join(lines, "\n")
}

// indent pretty-prints JSON, or returns body as it is.
func indent(body []byte) string {
	var b bytes.Buffer
	if json.Indent(&b, body, "", "  ") != nil {
		return string(body)
	}
	return b.String()
}
