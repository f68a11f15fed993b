// Package democmd is `jivokit demo`: the whole toolkit on one local site,
// on the stub widget unless -widget-id names a real one.
package democmd

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/jivokit/jivokit/internal/demo"
	"github.com/jivokit/jivokit/templates"
)

// Run runs `jivokit demo [-addr ADDR] [-widget-id ID] [-build-dir DIR]`
// until ctx ends (Ctrl-C).
func Run(ctx context.Context, _ io.Reader, stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("jivokit demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: jivokit demo [-addr ADDR] [-widget-id ID] [-build-dir DIR]\n\n"+
			"Serves a demo of jivokit: a server-rendered page with the widget configured\n"+
			"for a sample visitor, the example Go/WASM app driving it, the stub's agent\n"+
			"controls, and a webhook endpoint with a live log. Run it from a clone of\n"+
			"jivokit: it builds wasm/example on start.\n\nflags:")
		fs.PrintDefaults()
	}
	addr := fs.String("addr", demo.DefaultAddr, "the `address` to listen on")
	widgetID := fs.String("widget-id", "", "use the real JivoChat widget with this `id` instead of the stub")
	buildDir := fs.String("build-dir", "", "the `directory` the app is built into (default: jivokit/demo in the user's cache directory)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "jivokit demo: takes no arguments")
		return 2
	}
	if *widgetID != "" {
		if err := templates.ValidateWidgetID(*widgetID); err != nil {
			fmt.Fprintln(stderr, "jivokit demo: -widget-id:", err)
			return 2
		}
	}
	err := demo.Run(ctx, demo.Config{Addr: *addr, WidgetID: *widgetID, BuildDir: *buildDir, Log: stderr}, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "jivokit", err) // err begins with "demo:"
		return 1
	}
	fmt.Fprintln(stdout, "jivokit demo: stopped")
	return 0
}
