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
	widget, err := templates.NewWidget("AbCdEf1234",
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
	_, err := templates.NewWidget("AbCdEf1234", stubwidget.WithURL("/static/stub.js", stub.Options{LoadDelay: -time.Second}))
	fmt.Println(err)
	// Output:
	// templates: invalid option: stub: negative load delay: -1s (use 0 for no extra delay)
}

// The stub refuses a widget id the vendor's loader refuses, stating the rule.
func ExampleWith_widgetID() {
	_, err := templates.NewWidget("AbCdEf1234", stubwidget.With(stub.Options{WidgetID: "abc123XYZ"}))
	fmt.Println(err)
	// Output:
	// templates: invalid option: stub: invalid widget id: "abc123XYZ": a widget id is all digits, or exactly 10 characters of A-Z, a-z and 0-9
}
