package webhookcmd

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/webhook"
)

func listen(ctx context.Context, stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("jivokit webhook listen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: jivokit webhook listen [-addr 127.0.0.1:PORT] [-path /jivo/webhook/SECRET] [-log events.jsonl]\n\nflags:\n")
		fs.PrintDefaults()
	}
	addr := fs.String("addr", "127.0.0.1:8090", "the address to listen on")
	path := fs.String("path", "", "answer only this path, e.g. /jivo/webhook/SECRET (others get 404); default: any path")
	logPath := fs.String("log", "", "append each event to this file as one JSON line")
	if err := fs.Parse(args); err != nil {
		return parseFailed(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "jivokit webhook listen: takes no arguments")
		return 2
	}
	log := &webhook.EventLog{Print: stdout}
	if *logPath != "" {
		f, err := os.OpenFile(*logPath, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			fmt.Fprintln(stderr, "jivokit webhook listen:", err)
			return 1
		}
		defer f.Close()
		log.Out = f
	}
	var opts []webhook.Option
	if *path != "" {
		opts = append(opts, webhook.WithPath(*path))
	}
	opts = append(opts, webhook.WithErrorFunc(func(_ context.Context, err error) {
		fmt.Fprintln(stderr, "jivokit webhook listen:", firstLine(err.Error()))
	}))
	h, err := NewHandler(log, opts...)
	if err != nil {
		fmt.Fprintln(stderr, "jivokit webhook listen:", err)
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "jivokit webhook listen:", err)
		return 1
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "listening on http://%s%s\n", ln.Addr(), *path)

	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintln(stderr, "jivokit webhook listen:", err)
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		fmt.Fprintln(stderr, "jivokit webhook listen: shutting down:", err)
		return 1
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "jivokit webhook listen:", err)
		return 1
	}
	fmt.Fprintf(stdout, "stopped after %d events\n", log.Len())
	return 0
}

// NewHandler returns the listen command's webhook handler: every event is
// recorded in log before it is answered, and chat_accepted and chat_updated
// are answered with an AgentView that shows the agent what was received.
// The demo embeds it in its own server, reading log.Since for a live view.
func NewHandler(log *webhook.EventLog, opts ...webhook.Option) (http.Handler, error) {
	return webhook.New(log.Funcs(Funcs()), opts...)
}

// Funcs are the listener's replies: chat_accepted and chat_updated show the
// agent the visitor's contacts, whether the visitor is verified, and when
// the event was received; other events are answered ok.
func Funcs() webhook.Funcs {
	return webhook.Funcs{
		ChatAccepted: func(_ context.Context, e *webhook.ChatAccepted) (*webhook.AgentView, error) {
			return view(&e.Base), nil
		},
		ChatUpdated: func(_ context.Context, e *webhook.ChatUpdated) (*webhook.AgentView, error) {
			return view(&e.Base), nil
		},
	}
}

func view(b *webhook.Base) *webhook.AgentView {
	visitor := "not verified"
	switch {
	case b.Identity.Verified():
		visitor = "verified: " + b.Identity.VisitorID
	case b.UserToken != "":
		visitor = "not verified (user_token " + b.UserToken + ")"
	}
	v := &webhook.AgentView{
		CustomData: []jsapi.CustomField{
			{Title: "Visitor", Content: visitor},
			{Title: "Received by", Content: "jivokit webhook listen at " + time.Now().Format("15:04:05")},
		},
	}
	if c := (jsapi.ContactInfo{Name: b.Visitor.Name, Email: b.Visitor.Email, Phone: b.Visitor.Phone}); !c.IsZero() {
		v.ContactInfo = &c
	}
	if b.Page.URL != "" {
		v.Page = &b.Page
	}
	return v
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
