// Package versioncmd is `jivokit version`: the jivokit release, the Go
// release that built the command, and the revision of the vendor's API
// that jivokit follows.
package versioncmd

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/jivokit/jivokit/internal/cli/cliflag"
	"github.com/jivokit/jivokit/jsapi"
)

// Run runs `jivokit version`.
func Run(_ context.Context, _ io.Reader, stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("jivokit version", flag.ContinueOnError)
	cliflag.SetUsage(fs, "usage: jivokit version\n\n"+
		"Prints the jivokit module version this command was built from (\"(devel)\"\n"+
		"when built inside a clone), the Go release and platform that built it, and\n"+
		"the revision of the JivoChat developer API that jivokit follows.")
	if code, ok := cliflag.Parse(fs, args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "jivokit version: takes no arguments")
		return cliflag.ExitUsage
	}
	fmt.Fprintf(stdout, "jivokit %s\n%s %s/%s\nJivoChat API: %s\n", moduleVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH, jsapi.APIRevision)
	return 0
}

// moduleVersion is the version of jivokit the running program was built
// from, as the go command recorded it.
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	if bi.Main.Path == "github.com/jivokit/jivokit" {
		if bi.Main.Version == "" {
			return "(devel)"
		}
		return bi.Main.Version
	}
	for _, d := range bi.Deps {
		if d.Path == "github.com/jivokit/jivokit" {
			if d.Replace != nil {
				d = d.Replace
			}
			return d.Version
		}
	}
	return "unknown"
}
