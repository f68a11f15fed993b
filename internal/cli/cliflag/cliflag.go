// Package cliflag parses a subcommand's flags the same way in every jivokit
// command (Parse): help (-h, -help) goes to stdout with exit code 0, a
// usage error and the usage go to stderr with exit code ExitUsage (64,
// EX_USAGE of sysexits.h).
//
// SetUsage gives a usage text this form, which most commands use:
//
//	usage: jivokit NAME [-flag ...] ARGS
//
//	What the command does.
//
//	flags:
//	  -flag ...
//
// A command with subcommands of its own (jivokit webhook listen, send)
// sets fs.Usage itself and writes its usage in its own words.
package cliflag

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
)

// ExitUsage is the exit code of a command given bad arguments or flags.
const ExitUsage = 64

// SetUsage makes fs's usage print text (the usage line and a description)
// and then the flags, if fs has any.
func SetUsage(fs *flag.FlagSet, text string) {
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintln(w, text)
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintln(w, "\nflags:")
			fs.PrintDefaults()
		}
	}
}

// Parse parses args with fs. It reports ok when the command should run;
// otherwise it has printed the help or the usage error and returns the exit
// code: 0 for help, written to stdout, and ExitUsage for a usage error, written to
// stderr with the usage. After Parse, fs writes to stderr, so that a later
// fs.Usage() call reports a usage error.
func Parse(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	var out bytes.Buffer
	fs.SetOutput(&out)
	err := fs.Parse(args)
	fs.SetOutput(stderr)
	switch {
	case err == nil:
		return 0, true
	case errors.Is(err, flag.ErrHelp):
		stdout.Write(out.Bytes())
		return 0, false
	}
	stderr.Write(out.Bytes())
	return ExitUsage, false
}
