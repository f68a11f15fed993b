// Package snippetcmd is `jivokit snippet`: it prints the widget's HTML for
// sites not written in Go.
package snippetcmd

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/internal/cli/cliflag"
	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
	"github.com/jivokit/jivokit/templates/stubwidget"
)

const usage = `usage: jivokit snippet -widget-id ID [flags]

Prints the HTML that embeds the JivoChat widget, for pages not rendered by
Go (paste it before </body>). It holds three script elements:

  1. <script type="application/json" id="jivokit-config">: the visitor's
     configuration (contact info, user token, colour, invitation) as JSON,
     which the page runtime applies when the widget loads. It is data, not
     code: a per-visitor page must fill it in with its own JSON encoder
     (escaping <, >, & as \u003c, \u003e, \u0026), never by pasting text.
  2. the page runtime (window.jivokit), inlined, so the site has nothing to
     serve; or <script src> with -runtime-url.
  3. the runtime's loader, inlined, which adds the widget's script
     (//code.jivosite.com/widget/ID, or with -stub the stub widget for
     tests, which the site must serve itself: -print-stub writes it).

With -load eager (the default) the loader adds it at once; with idle,
interaction or consent later: idle after the page
has loaded, interaction on the first click of a launcher button
(-launcher-label translates it, -load-intent focus,hover loads on intent
already), consent when the page calls jivokit.load() (wire the cookie
banner's accept event to it). -track-pages adds the loader to follow a
single-page app's URL changes (sendPageTitle once per URL).

With -nonce every script carries nonce="VALUE", which must be base64 (as
a CSP nonce is): for a nonce per request, pass a marker such as
-nonce NONCE and have your template engine replace it. -csp prints, instead
of the snippet, the Content-Security-Policy the snippet needs, with the
sha256 hashes of its inline scripts (or the nonce); with -site-csp it prints the
site's own policy extended by it, which is what the page must send: the
snippet's needs alone would block the page's other scripts, styles and
images.

A value the vendor does not take (a string that is not UTF-8, a negative
-queue-limit) is an error. A value that breaks only jivokit's advice (a
phone number with an extension such as "+1 (408) 498-7855 ext. 2", an
e-mail address without a dot in its domain, a colour that is not #rgb or
#rrggbb, a blank invitation) is printed as it is, with the advice on
stderr; -strict makes it an error.

The loader adds the widget's script in every strategy (eager: at once), so
that a policy with 'strict-dynamic' trusts it with hashes as with a nonce,
and watches it load: when the script fails, the policy refuses it or it has
not loaded within -load-timeout, jivokit.phase becomes "failed", queued
calls are refused, the window gets a jivokit:failure event, and the
launcher gives way to the -fallback link.`

// Run runs `jivokit snippet`.
func Run(_ context.Context, _ io.Reader, stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("jivokit snippet", flag.ContinueOnError)
	cliflag.SetUsage(fs, usage)
	var (
		id         = fs.String("widget-id", "", "the widget id from the admin panel's installation code (required)")
		host       = fs.String("host", templates.HostDefault, "the host the widget's script is loaded from ("+templates.HostRU+", "+templates.HostYandex+", ...)")
		useStub    = fs.Bool("stub", false, "load the stub widget instead of the vendor's (for development and tests)")
		stubURL    = fs.String("stub-url", stub.Path, "where the site serves the stub widget, with -stub")
		runtimeURL = fs.String("runtime-url", "", "load the page runtime from this URL instead of inlining it")
		nonce      = fs.String("nonce", "", "put nonce=VALUE on every script element (base64, as a CSP nonce; -csp adds it to script-src)")
		csp        = fs.Bool("csp", false, "print the Content-Security-Policy header value instead of the snippet")
		siteCSP    = fs.String("site-csp", "", "with -csp, the site's own Content-Security-Policy, which the printed one extends")
		printStub  = fs.Bool("print-stub", false, "print the stub widget's script (to save as the file -stub-url names) and exit")
		name       = fs.String("name", "", "the visitor's name")
		email      = fs.String("email", "", "the visitor's e-mail address")
		phone      = fs.String("phone", "", "the visitor's phone number")
		desc       = fs.String("description", "", "a description of the visitor, shown to the agent")
		token      = fs.String("token", "", "the user token (setUserToken) that identifies the visitor in webhooks")
		color      = fs.String("color", "", "the widget colour, #rgb or #rrggbb; two colours separated by a comma make a gradient")
		invitation = fs.String("invitation", "", "the text of a proactive invitation to show once the widget loads")
		department = fs.Int("department", 0, "the department that answers the invitation, with -invitation")
		load       = fs.String("load", "eager", "when the widget's script is fetched: eager, idle, interaction or consent")
		label      = fs.String("launcher-label", "", "the launcher button's text with -load interaction (default \"Chat\")")
		intent     = fs.String("load-intent", "", "with -load interaction, what besides a click loads the widget: focus, hover or focus,hover")
		track      = fs.Bool("track-pages", false, "follow a single-page app's history and send each new URL and title to the widget")
		queueLimit = fs.Int("queue-limit", 0, "how many calls the runtime queues before the widget loads (0: the default, 100)")
		timeout    = fs.Duration("load-timeout", 0, "how long after loading starts the page waits for the widget before it reports a failure (0: the default, 20s)")
		fallback   = fs.String("fallback", "", "the link shown in the launcher's place when the widget fails to load: mailto:, tel:, a messenger, a contact page (with -fallback-label)")
		fbLabel    = fs.String("fallback-label", "", "the fallback link's text")
		strict     = fs.Bool("strict", false, "refuse values that break jivokit's advice (a phone number with an extension, ...), not only the vendor's rules")
	)
	if code, ok := cliflag.Parse(fs, args, stdout, stderr); !ok {
		return code
	}
	if *printStub {
		io.WriteString(stdout, stub.StaticScript)
		return 0
	}
	fail := func(msg string) int {
		fmt.Fprintln(stderr, "jivokit snippet:", msg)
		fmt.Fprintln(stderr, "Run 'jivokit snippet -h' for the flags.")
		return cliflag.ExitUsage
	}
	if fs.NArg() > 0 {
		return fail("takes no arguments, got " + fmt.Sprintf("%q", fs.Args()))
	}
	if *id == "" {
		return fail("-widget-id is required")
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if set["stub-url"] && !*useStub {
		return fail("-stub-url needs -stub")
	}
	if set["department"] && *invitation == "" {
		return fail("-department needs -invitation")
	}
	mode := templates.Load(*load)
	if !slices.Contains(templates.Loads, mode) {
		return fail(fmt.Sprintf("-load: unknown loading strategy %q (want eager, idle, interaction or consent)", *load))
	}
	if (set["launcher-label"] || set["load-intent"]) && mode != templates.LoadInteraction {
		return fail("-launcher-label and -load-intent need -load interaction")
	}
	for _, f := range []string{"stub-url", "runtime-url"} {
		if v := fs.Lookup(f).Value.String(); !utf8.ValidString(v) {
			return fail(fmt.Sprintf("-%s is not valid UTF-8: %s; give the URL in UTF-8 (percent-encode other bytes)", f, strconv.QuoteToASCII(v)))
		}
	}
	if set["site-csp"] && !*csp {
		return fail("-site-csp needs -csp")
	}
	if set["nonce"] {
		if err := templates.ValidateNonce(*nonce); err != nil {
			return fail("-nonce: " + err.Error() + "; for a template placeholder pass a marker such as -nonce NONCE and replace it")
		}
	}

	var report error
	opts := []templates.Option{
		templates.WithHost(*host),
		templates.WithErrorHandler(func(_ context.Context, err error) { report = err }),
	}
	if *useStub {
		opts = append(opts, stubwidget.WithURL(*stubURL, stub.Options{Strict: *strict}))
	}
	if *strict {
		opts = append(opts, templates.WithStrict())
	}
	opts = append(opts, templates.WithLoad(mode))
	if *label != "" {
		opts = append(opts, templates.WithLauncherLabel(*label))
	}
	if *intent != "" {
		var in []templates.Intent
		for _, x := range strings.Split(*intent, ",") {
			in = append(in, templates.Intent(strings.TrimSpace(x)))
		}
		opts = append(opts, templates.WithLoadIntent(in...))
	}
	if *track {
		opts = append(opts, templates.WithTrackPages())
	}
	if *runtimeURL != "" {
		opts = append(opts, templates.WithRuntimeURL(*runtimeURL))
	}
	if set["load-timeout"] {
		opts = append(opts, templates.WithLoadTimeout(*timeout))
	}
	if set["fallback"] != set["fallback-label"] {
		return fail("-fallback and -fallback-label go together")
	}
	if set["fallback"] {
		opts = append(opts, templates.WithFallback(*fallback, *fbLabel))
	}
	widget, err := templates.NewWidget(*id, opts...)
	if err != nil {
		return fail(strings.ReplaceAll(err.Error(), "\n", "\njivokit snippet: "))
	}

	cfg := jsapi.PageConfig{UserToken: *token, QueueLimit: *queueLimit}
	if ci := (jsapi.ContactInfo{Name: *name, Email: *email, Phone: *phone, Description: *desc}); !ci.IsZero() {
		cfg.ContactInfo = &ci
	}
	if *color != "" {
		c1, c2, _ := strings.Cut(*color, ",")
		cfg.WidgetColor = &jsapi.WidgetColor{Color: strings.TrimSpace(c1), Color2: strings.TrimSpace(c2)}
	}
	if *invitation != "" {
		cfg.Invitation = &jsapi.Invitation{Text: *invitation, DepartmentID: *department}
	}
	visitor := templates.Visitor{Config: cfg}
	// A printed snippet must hold everything it was asked for: what the
	// component would leave out is an error here; advice is printed on
	// stderr.
	var advice *templates.RenderError
	if _, err := widget.Config(visitor); err != nil {
		var re *templates.RenderError
		if !errors.As(err, &re) || re.LeftOut() {
			return fail(dropped(err))
		}
		advice = re
	}

	if *csp {
		policy := widget.Policy()
		if *siteCSP != "" {
			policy = templates.ParsePolicy(*siteCSP).Merge(policy)
		}
		if *nonce != "" {
			policy = policy.WithNonce(*nonce)
		} else {
			// The widget knows which inline scripts its snippet holds.
			policy = policy.Merge(templates.Policy{"script-src": widget.ScriptHashes()})
			if *runtimeURL != "" {
				fmt.Fprintln(stderr, "jivokit snippet: warning: without -nonce, browsers that know 'strict-dynamic' refuse the runtime's <script src> (-runtime-url): give -nonce, or leave the runtime inline")
			}
		}
		fmt.Fprintln(stdout, policy.String())
		return 0
	}

	ctx := context.Background()
	if *nonce != "" {
		ctx = templ.WithNonce(ctx, *nonce)
	}
	var b strings.Builder
	if err := widget.Snippet(visitor).Render(ctx, &b); err != nil {
		fmt.Fprintln(stderr, "jivokit snippet:", err)
		return 1
	}
	var re *templates.RenderError
	if report != nil && (!errors.As(report, &re) || re.LeftOut()) {
		return fail(dropped(report))
	}
	if advice != nil {
		for _, d := range advice.Dropped {
			fmt.Fprintf(stderr, "jivokit snippet: advice: %s: %s (kept; -strict refuses it)\n", d.Field, problemOf(d.Err))
		}
	}
	// One element per line reads better in a page's source.
	io.WriteString(stdout, strings.ReplaceAll(b.String(), "</script><", "</script>\n<")+"\n")
	return 0
}

// dropped says what a *templates.RenderError left out, part by part, in
// the terms of the flags' JSON block.
func dropped(err error) string {
	var re *templates.RenderError
	if !errors.As(err, &re) {
		return err.Error()
	}
	parts := make([]string, len(re.Dropped))
	for i, d := range re.Dropped {
		parts[i] = d.Field + ": " + problemOf(d.Err)
	}
	return strings.Join(parts, "; ")
}

// problemOf is what is wrong, without the field err names again: the
// Problem of a *jsapi.Warning or *jsapi.InputError, else err's text.
func problemOf(err error) string {
	var w *jsapi.Warning
	if errors.As(err, &w) {
		return w.Problem
	}
	var ie *jsapi.InputError
	if errors.As(err, &ie) {
		return ie.Problem
	}
	return err.Error()
}
