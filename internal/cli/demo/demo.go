// Package demo is the site `jivokit demo` serves: the whole toolkit working
// on one page, on the stub widget by default (no JivoChat account needed).
//
//   - a switch between the four loading strategies (templates.WithLoad),
//     showing the widget's phase and every request made to it;
//   - a page rendered by the templ components (package templates) with the
//     widget configured for a sample visitor: a signed user token (package
//     usertoken, with a secret made for this run), contacts, custom data and
//     a proactive invitation;
//   - the example Go/WASM app (wasm/example), built on start by
//     internal/build/wasmbuild and served precompressed by package assets, driving
//     the widget through package wasm/jivo;
//   - the stub's control panel, to play the agent's side;
//   - a webhook endpoint (package webhook) with a button that posts it a
//     sample event over HTTP, as the vendor would, and a live log of what
//     it received.
//
// Every page is served with a Content-Security-Policy using a fresh nonce,
// and only to requests for the demo's own host names (see hostPolicy).
package demo

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/jivokit/jivokit/assets"
	"github.com/jivokit/jivokit/internal/build/wasmbuild"
	"github.com/jivokit/jivokit/internal/cli/serve"
	"github.com/jivokit/jivokit/internal/cli/webhooktool"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
	"github.com/jivokit/jivokit/templates/stubwidget"
	"github.com/jivokit/jivokit/usertoken"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
)

// AppPackage is the Go/WASM app the demo builds and runs.
const AppPackage = "github.com/jivokit/jivokit/wasm/example"

// DefaultAddr is where Run listens unless Config.Addr says otherwise.
const DefaultAddr = "127.0.0.1:8080"

// Config configures the demo. The zero value runs on the stub widget.
type Config struct {
	// Addr is the address to listen on; DefaultAddr when empty.
	Addr string
	// WidgetID switches from the stub to the vendor's real widget.
	WidgetID string
	// App is the Go/WASM app to build and run (a package path the go
	// command resolves from the current directory). When empty, AppPackage
	// is built: from the current directory when it is in the jivokit
	// module, else from the jivokit release the running binary was
	// installed from, fetched by the go command (see BinaryVersion).
	App string
	// AllowHosts are host names the demo answers besides localhost, the
	// loopback addresses and the host of Addr (a tunnel's name, say).
	AllowHosts []string
	// BuildDir receives the built WASM app; when empty, a directory in the
	// user's cache, so that a restart with an unchanged app is quick.
	BuildDir string
	// Log receives what the demo reports (the build's compiler output,
	// received webhooks, refused requests); nil discards it. While the demo
	// serves, its lines wait in bounded queues: a Log that is not read in
	// time loses lines, counted, and never holds up a request.
	Log io.Writer
	// Limits bound slow and idle peers; nil means
	// serve.DefaultLimits.
	Limits *serve.Limits
}

// Server is the demo site, an http.Handler.
type Server struct {
	limits      serve.Limits
	mux         *http.ServeMux
	widget      *templates.Widget // the eager one
	widgets     map[templates.Load]*templates.Widget
	failing     *templates.Widget // the widget of /?fail, which fails to load
	lifeWidget  *templates.Widget // the life pages' (life.go)
	stub        bool
	signer      *usertoken.Signer
	manifest    assets.Manifest
	events      *eventlog.Log
	webhookPath string
	log         io.Writer
	self        string // the server's own base URL, e.g. http://127.0.0.1:8080
	addr        string // Config.Addr
	allowHosts  []string
	hosts       *hostPolicy

	// logOut queues the server's own messages to log.
	logOut *serve.LogWriter
}

// New builds the example app and prepares the site.
func New(ctx context.Context, cfg Config) (*Server, error) {
	log := cfg.Log
	if log == nil {
		log = io.Discard
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	signer, err := usertoken.NewSigner(secret)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	s := &Server{signer: signer, log: log, stub: cfg.WidgetID == "", addr: cfg.Addr, allowHosts: cfg.AllowHosts, limits: serve.DefaultLimits()}
	// While serving, messages wait in a bounded queue, so that a log
	// nobody reads (a full stderr pipe) never holds up a request.
	s.logOut = serve.NewLogWriter(log)
	if cfg.Limits != nil {
		s.limits = *cfg.Limits
	}
	s.hosts = newHostPolicy([]string{cfg.Addr}, cfg.AllowHosts)

	tokens := templates.WithVisitorTokens(signer, 24*time.Hour)
	opts := []templates.Option{tokens}
	id := cfg.WidgetID
	if s.stub {
		id = "JivokitDem"
		opts = append(opts, stubwidget.With(stub.Options{LoadDelay: 300 * time.Millisecond}))
	}
	if s.widgets, err = newWidgets(id, opts); err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	if s.failing, err = newFailing(id, tokens); err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	s.widget = s.widgets[templates.LoadEager]
	if s.lifeWidget, err = s.newLifeWidget(id); err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}

	dir := cfg.BuildDir
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			cache = os.TempDir()
		}
		dir = filepath.Join(cache, "jivokit", "demo")
	}
	app, src := cfg.App, appSource{cleanup: func() {}}
	if app == "" {
		app = AppPackage
		if src, err = findAppSource(ctx, log); err != nil {
			return nil, buildFailed(ctx, app, err)
		}
	}
	defer src.cleanup()
	s.manifest, err = wasmbuild.Build(ctx, app, wasmbuild.Options{OutDir: dir, Dir: src.dir, Env: src.env, Quick: true, Stderr: log})
	if err != nil {
		if errors.Is(err, wasmbuild.ErrCompile) && cfg.Log != nil {
			// The go command's messages went to the log as it wrote them.
			err = errors.New("go build failed (its messages are above)")
		}
		return nil, buildFailed(ctx, app, err)
	}

	if err := s.routes(os.DirFS(dir)); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Server) routes(build iofs.FS) error {
	secret := make([]byte, 12)
	if _, err := rand.Read(secret); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	s.webhookPath = "/jivo/webhook/" + base64.RawURLEncoding.EncodeToString(secret)
	s.events = &eventlog.Log{Print: s.log, Keep: 50}
	hook, err := webhooktool.NewHandler(s.events, "jivokit demo", webhook.WithPath(s.webhookPath), webhook.WithSigner(s.signer),
		webhook.WithLogger(slog.New(slog.NewTextHandler(s.logOut, nil))))
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.servePage)
	mux.Handle("GET /demo/", http.StripPrefix("/demo/", assets.Handler(static)))
	mux.HandleFunc("POST /demo/webhook/send", s.serveSend)
	mux.HandleFunc("GET /demo/webhook/events", s.serveEvents)
	mux.Handle(s.webhookPath, hook)
	mux.Handle(templates.RuntimePath, templates.AssetHandler())
	if s.stub {
		mux.Handle("/jivokit/", stub.Handler()) // the stub, and the vendor's config, status and bundle paths under it
	}
	mux.Handle("/app/", http.StripPrefix("/app/", assets.Handler(build)))
	s.lifeRoutes(mux)
	s.mux = mux
	return nil
}

// ServeHTTP answers requests for the demo's own host names (see
// Config.AllowHosts) and refuses others with 421 Misdirected Request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if !s.hosts.allows(r.Host) {
		http.Error(w, "misdirected request: the demo answers only its own address "+
			"(localhost, a loopback address or the host of -addr; -allow-host adds a name)", http.StatusMisdirectedRequest)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// buildFailed says what failed while the app was prepared; when ctx ended
// (Ctrl-C), it says that the build was interrupted.
func buildFailed(ctx context.Context, app string, err error) error {
	if ctx.Err() != nil {
		return &interruptedError{app: app, err: ctx.Err()}
	}
	return fmt.Errorf("demo: building %s: %w", app, err)
}

// interruptedError: the demo was stopped while it prepared its app.
type interruptedError struct {
	app string
	err error
}

func (e *interruptedError) Error() string {
	return "demo: interrupted while building " + e.app + "; stopped before serving"
}

func (e *interruptedError) Unwrap() error { return e.err }

// WebhookPath is the path of the demo's webhook endpoint, secret included.
func (s *Server) WebhookPath() string { return s.webhookPath }

// Serve serves the demo on ln until ctx ends, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.self = "http://" + ln.Addr().String()
	s.hosts = newHostPolicy([]string{s.addr, ln.Addr().String()}, s.allowHosts)
	srv := s.limits.Server(s)
	srv.ErrorLog = slog.NewLogLogger(slog.NewTextHandler(s.logOut, nil).WithAttrs([]slog.Attr{slog.String("from", "http")}), slog.LevelWarn)
	err := serve.Run(ctx, srv, ln)
	flushed, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	s.logOut.Flush(flushed)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	return nil
}

// Run listens on cfg.Addr, builds the demo, writes the URL to stdout and
// serves until ctx ends. It listens first, so that a bad or busy address
// is reported before the build.
func Run(ctx context.Context, cfg Config, stdout io.Writer) error {
	addr := cfg.Addr
	if addr == "" {
		addr = DefaultAddr
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("demo: %w; choose another address with -addr, e.g. -addr 127.0.0.1:8081", err)
	}
	app := cfg.App
	if app == "" {
		app = AppPackage
	}
	fmt.Fprintln(stdout, "jivokit demo: building", app, "...")
	s, err := New(ctx, cfg)
	if err != nil {
		ln.Close()
		return err
	}
	widget := "the stub widget (no JivoChat account needed)"
	if !s.stub {
		widget = "the JivoChat widget " + cfg.WidgetID
	}
	fmt.Fprintf(stdout, "jivokit demo on %s: open http://%s/\nwebhook endpoint: http://%s%s\nPress Ctrl-C to stop.\n", widget, ln.Addr(), ln.Addr(), s.webhookPath)
	return s.Serve(ctx, ln)
}
