// Package webhooktool is what the webhook tools of the command line share:
// `jivokit webhook send` and the demo's "send" button post a sample event
// and check the reply with Send; `jivokit webhook replay` posts with Post;
// `jivokit webhook listen` and the demo receive events with NewHandler,
// which shows the agent what it received.
package webhooktool

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/jivokit/jivokit/internal/lib/term"
	"github.com/jivokit/jivokit/webhook"
)

// maxReply bounds the reply read from an endpoint.
const maxReply = 1 << 20

// client follows no redirect: a redirect is the endpoint's reply, not a
// step on the way to it. Followed, a 307 or 308 would post the event again
// elsewhere and could report "reply ok" for a misconfigured URL, and a
// 301, 302 or 303 would turn the POST into a GET.
var client = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// CheckURL returns an error that says what is wrong with rawURL as a
// webhook endpoint: it must be an absolute http:// or https:// URL with a
// host ("127.0.0.1:8090" alone is not one).
func CheckURL(rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return fmt.Errorf("%q is not a URL: %w", rawURL, errors.Unwrap(err))
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return fmt.Errorf("%q is not an http:// or https:// URL, such as http://127.0.0.1:8090/jivo/webhook/SECRET", rawURL)
	}
	return nil
}

// Post posts body to url as JSON, as the vendor does, with userAgent, and
// returns the response and up to maxReply bytes of its body. It follows
// no redirect.
func Post(ctx context.Context, url, userAgent string, body []byte) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", userAgent)
	res, err := client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer res.Body.Close()
	reply, err := io.ReadAll(io.LimitReader(res.Body, maxReply))
	if err != nil {
		return nil, nil, fmt.Errorf("reading the reply: %w", err)
	}
	return res, reply, nil
}

// Send posts payload, the body of event, to url (see Post) and writes to
// out what was sent, the reply with every byte visible, what the agent
// sees (for chat_accepted and chat_updated), and the reply's problems as
// the vendor reads it ("bad reply:" and a list) or "reply ok". It reports
// whether the reply is good; err is a request that could not be made or
// answered, after the first lines are written. With strict, a reply part
// that breaks only jivokit's advice makes the reply bad too; without it,
// such parts are listed as advice.
func Send(ctx context.Context, out io.Writer, url, userAgent string, event webhook.Name, payload []byte, strict bool) (ok bool, err error) {
	fmt.Fprintf(out, "POST %s\n%s, %d bytes\n", url, term.Visible(string(event)), len(payload))
	res, body, err := Post(ctx, url, userAgent, payload)
	if err != nil {
		return false, err
	}
	// The reply is the endpoint's text: printed with every byte visible.
	fmt.Fprintf(out, "\n%s\n%s\n", term.Visible(res.Status), visibleLines(indent(body)))

	showsAgent := event == webhook.NameChatAccepted || event == webhook.NameChatUpdated
	reply, problems := checkReply(res, body, showsAgent, strict)
	if showsAgent && reply != nil && reply.OK() {
		fmt.Fprintln(out, "\nThe agent sees:")
		describeView(out, &reply.AgentView)
		if !strict {
			for _, a := range viewAdvice(&reply.AgentView) {
				fmt.Fprintln(out, "  advice:", visibleLines(a), "(the vendor takes it; -strict refuses it)")
			}
		}
	}
	if len(problems) > 0 {
		fmt.Fprintln(out, "\nbad reply:")
		for _, p := range problems {
			fmt.Fprintln(out, "  -", visibleLines(p))
		}
		return false, nil
	}
	fmt.Fprintln(out, "\nreply ok")
	return true, nil
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
