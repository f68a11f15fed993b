package stub_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/jivokit/jivokit/stub"
)

// A test server that serves a page with the stub in place of the vendor's
// widget, and the page runtime in front of it.
func ExampleHandler() {
	opts := stub.Options{Offline: true}
	if err := opts.Validate(); err != nil {
		panic(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/jivokit/", stub.Handler())
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var attrs strings.Builder
		for k, v := range opts.Attrs() {
			fmt.Fprintf(&attrs, " %s=%q", k, v)
		}
		fmt.Fprintf(w, `<script src="%s"></script><script src="%s"%s async></script>`,
			stub.RuntimePath, stub.Path, attrs.String())
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	res, err := http.Get(srv.URL + stub.Path)
	if err != nil {
		panic(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	fmt.Println(res.Status, res.Header.Get("Content-Type"), len(body) == len(stub.Script))

	page, err := http.Get(srv.URL + "/")
	if err != nil {
		panic(err)
	}
	defer page.Body.Close()
	html, _ := io.ReadAll(page.Body)
	fmt.Println(string(html))
	// Output:
	// 200 OK text/javascript; charset=utf-8 true
	// <script src="/jivokit/runtime.js"></script><script src="/jivokit/stub.js" data-offline="true" async></script>
}

func ExampleOptions_Attrs() {
	attrs := stub.Options{LoadDelay: 1500_000_000, CallbacksDisabled: true}.Attrs()
	fmt.Println(attrs["data-load-delay"], attrs["data-callbacks-disabled"])
	// Output: 1500 true
}

// A failure mode by a name the stub does not know is an error, naming the
// ones it knows.
func ExampleOptions_Validate() {
	fmt.Println(stub.Options{Failure: stub.FailCSPBlocked}.Validate())
	fmt.Println(stub.Options{Failure: "blocked"}.Validate())
	fmt.Println(stub.Options{WidgetID: "abc123XYZ"}.Validate())
	// Output:
	// <nil>
	// stub: unknown failure mode: "blocked" (one of deleted, mobile-disabled, host-blacklisted, csp-blocked, config-failing, maintenance)
	// stub: invalid widget id: "abc123XYZ": a widget id is all digits, or exactly 10 characters of A-Z, a-z and 0-9
}
