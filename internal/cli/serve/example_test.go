package serve_test

import (
	"flag"
	"fmt"
	"net/http"
	"time"

	"github.com/jivokit/jivokit/internal/cli/serve"
)

func ExampleLimits() {
	limits := serve.DefaultLimits()
	fs := flag.NewFlagSet("listen", flag.ContinueOnError)
	limits.RegisterFlags(fs)
	fs.Parse([]string{"-write-timeout", "12s"})

	// The handler gives each request 10 s: 12 s leaves too little to reply.
	fmt.Println(limits.Check(10 * time.Second))

	srv := limits.Server(http.NotFoundHandler())
	fmt.Println(srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	// Output:
	// the write timeout (12s) must be at least 5s longer than the handler's deadline (10s), or the reply is cut off
	// 30s 12s 2m0s
}
