package webhookcmd

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/jivokit/jivokit/internal/cli/cliflag"
	"github.com/jivokit/jivokit/internal/cli/serve"
	"github.com/jivokit/jivokit/internal/cli/webhooktool"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
)

const listenUsage = `usage: jivokit webhook listen [-addr 127.0.0.1:PORT] [-path /jivo/webhook/SECRET] [-log events.jsonl] [-sync] [flags]

Receives webhook events, answers them as an endpoint that shows the agent
what it received would, prints one readable line per event on stdout, and
with -log appends each event to a file as one JSON line before answering.
The file is the record; stdout is a view: when it is not read in time (a
pipe nobody reads, a closed terminal), lines are dropped and counted, never
events or replies. listen's own messages (start, refused requests, errors)
go to stderr as structured logs (-log-format).

flags:
`

func listen(ctx context.Context, stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("jivokit webhook listen", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), listenUsage)
		fs.PrintDefaults()
	}
	addr := fs.String("addr", "127.0.0.1:8090", "the `address` to listen on")
	path := fs.String("path", "", "answer only this `path`, e.g. /jivo/webhook/SECRET (others get 404); default: any path")
	logPath := fs.String("log", "", "append each event to this `file` as one JSON line, before it is answered")
	syncLog := fs.Bool("sync", false, "with -log, flush each event to disk (fsync) before it is answered, so that it survives a power loss; costs a disk flush per event")
	timeout := fs.Duration("timeout", webhook.DefaultTimeout, "the deadline of each event's handling (the write timeout must be 5s longer)")
	logFormat := fs.String("log-format", "text", "the `format` of listen's own messages on stderr: text or json")
	limits := serve.DefaultLimits()
	limits.RegisterFlags(fs)
	if code, ok := cliflag.Parse(fs, args, stdout, stderr); !ok {
		return code
	}
	switch {
	case fs.NArg() > 0:
		return badUsage(fs, stderr, "takes no arguments")
	case *logFormat != "text" && *logFormat != "json":
		return badUsage(fs, stderr, fmt.Sprintf("-log-format is text or json, not %q", *logFormat))
	case *syncLog && *logPath == "":
		return badUsage(fs, stderr, "-sync needs -log")
	case *timeout < 0:
		return badUsage(fs, stderr, "-timeout is negative")
	}
	if err := limits.Check(*timeout); err != nil {
		return badUsage(fs, stderr, err.Error())
	}
	// listen's own messages wait in a bounded queue: a stderr nobody reads
	// drops them (and counts them) instead of holding up requests and the
	// shutdown. Whatever is queued gets up to a second to be written.
	logOut := serve.NewLogWriter(stderr)
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		logOut.Flush(ctx)
	}()
	logger := newLogger(logOut, *logFormat)

	// A closed stdout (listen | head -1) must fail writes, not end the
	// process: without a handler, a broken pipe on stdout kills it.
	sigpipe := make(chan os.Signal, 1)
	signal.Notify(sigpipe, syscall.SIGPIPE)
	defer signal.Stop(sigpipe)

	log := &eventlog.Log{Print: stdout, Sync: *syncLog}
	if *logPath != "" {
		// An existing log is continued: seq goes on from its last line.
		f, last, err := eventlog.Open(*logPath)
		if err != nil {
			logger.Error("cannot open the event log", "err", err)
			return 1
		}
		defer f.Close()
		log.Out, log.Start = f, last
	}
	opts := []webhook.Option{webhook.WithTimeout(*timeout)}
	if *path != "" {
		opts = append(opts, webhook.WithPath(*path))
	}
	opts = append(opts, webhook.WithLogger(logger))
	h, err := webhooktool.NewHandler(log, "jivokit webhook listen", opts...)
	if err != nil {
		return badUsage(fs, stderr, err.Error())
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		logger.Error("cannot listen", "err", err)
		return 1
	}
	srv := limits.Server(h)
	srv.ErrorLog = slog.NewLogLogger(logger.Handler(), slog.LevelWarn)
	attrs := []any{"url", "http://" + ln.Addr().String() + *path}
	if *logPath != "" {
		attrs = append(attrs, "log", *logPath, "sync", *syncLog, "first_seq", log.Start+1)
	}
	logger.Info("listening", attrs...)

	err = serve.Run(ctx, srv, ln)
	flushed, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	log.Flush(flushed)
	if n := log.Dropped(); n > 0 {
		logger.Warn("readable lines not shown: stdout was not read in time or closed; the event log has every event", "not_shown", n)
	}
	if err != nil {
		logger.Error("stopped", "err", err, "events", log.Len())
		return 1
	}
	logger.Info("stopped", "events", log.Len())
	return 0
}

// newLogger returns the logger of listen's own messages.
func newLogger(w io.Writer, format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}
