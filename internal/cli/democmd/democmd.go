// Package democmd is `jivokit demo`: the whole toolkit on one local site,
// on the stub widget unless -widget-id names a real one.
package democmd

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/jivokit/jivokit/internal/cli/cliflag"
	"github.com/jivokit/jivokit/internal/cli/demo"
	"github.com/jivokit/jivokit/internal/cli/serve"
	"github.com/jivokit/jivokit/templates"
	"github.com/jivokit/jivokit/webhook"
)

// Run runs `jivokit demo [-addr ADDR] [-widget-id ID] [-build-dir DIR] [-allow-host NAME]`
// until ctx ends (Ctrl-C).
func Run(ctx context.Context, _ io.Reader, stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("jivokit demo", flag.ContinueOnError)
	cliflag.SetUsage(fs, "usage: jivokit demo [-addr ADDR] [-widget-id ID] [-build-dir DIR] [-allow-host NAME] [-read-timeout D] [-write-timeout D] [-idle-timeout D]\n\n"+
		"Serves a demo of jivokit: a server-rendered page with the widget configured\n"+
		"for a sample visitor, the example Go/WASM app driving it, the stub's agent\n"+
		"controls, and a webhook endpoint with a live log. It builds the example app\n"+
		"(wasm/example) on start: inside a clone of jivokit from the clone, elsewhere\n"+
		"from the jivokit release this command was installed from, which the go\n"+
		"command fetches like any module. It answers only requests for its own\n"+
		"address (localhost, loopback addresses, the host of -addr).")
	addr := fs.String("addr", demo.DefaultAddr, "the `address` to listen on")
	widgetID := fs.String("widget-id", "", "use the real JivoChat widget with this `id` instead of the stub")
	buildDir := fs.String("build-dir", "", "the `directory` the app is built into (default: jivokit/demo in the user's cache directory)")
	var allowHosts []string
	limits := serve.DefaultLimits()
	limits.RegisterFlags(fs)
	fs.Func("allow-host", "also answer requests for this host `name`, e.g. a tunnel's (repeatable)", func(s string) error {
		if s == "" || strings.ContainsAny(s, "/ ") {
			return fmt.Errorf("%q is not a host name", s)
		}
		allowHosts = append(allowHosts, s)
		return nil
	})
	if code, ok := cliflag.Parse(fs, args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "jivokit demo: takes no arguments")
		return cliflag.ExitUsage
	}
	if err := limits.Check(webhook.DefaultTimeout); err != nil {
		fmt.Fprintln(stderr, "jivokit demo:", err)
		return cliflag.ExitUsage
	}
	if *widgetID != "" {
		if err := templates.ValidateWidgetID(*widgetID); err != nil {
			fmt.Fprintln(stderr, "jivokit demo: -widget-id:", err)
			return cliflag.ExitUsage
		}
	}
	err := demo.Run(ctx, demo.Config{Addr: *addr, WidgetID: *widgetID, BuildDir: *buildDir, AllowHosts: allowHosts, Log: stderr, Limits: &limits}, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "jivokit", err) // err begins with "demo:"
		return 1
	}
	fmt.Fprintln(stdout, "jivokit demo: stopped")
	return 0
}
