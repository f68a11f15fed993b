package stubwidget_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/jivokit/jivokit/jsapi/runtime"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
	"github.com/jivokit/jivokit/templates/stubwidget"
)

func ExampleWith() {
	widget, err := templates.NewWidget("Abc1234567",
		stubwidget.With(stub.Options{LoadDelay: 200 * time.Millisecond}),
		templates.WithRuntimeURL(templates.RuntimePath))
	if err != nil {
		fmt.Println(err)
		return
	}
	mux := http.NewServeMux()
	mux.Handle("/jivokit/", stub.Handler()) // the stub and the runtime
	var b strings.Builder
	widget.Snippet(templates.Visitor{}).Render(context.Background(), &b)
	// The runtime's loader adds the stub's script, with data-attrs.
	fmt.Println(strings.Replace(b.String(), runtime.Loader, "/* the loader */", 1))
	// Output:
	// <script id="jivokit-config" type="application/json">{}
	// </script><script src="/jivokit/runtime.js"></script><script data-load="eager" data-src="/jivokit/stub.js" data-attrs="{&#34;data-load-delay&#34;:&#34;200&#34;}">/* the loader */</script>
}

func ExampleWithURL() {
	_, err := templates.NewWidget("Abc1234567", stubwidget.WithURL("/static/stub.js", stub.Options{LoadDelay: -time.Second}))
	fmt.Println(err)
	// Output:
	// templates: invalid option: stub: negative load delay: -1s (use 0 to load on the next tick)
}
