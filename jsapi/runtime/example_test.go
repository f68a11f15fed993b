package runtime_test

import (
	"fmt"
	"strings"

	"github.com/jivokit/jivokit/jsapi/runtime"
)

// Serve runtime.Script at /jivokit/runtime.js, or inline it in a <script>
// element before the widget's own script.
func Example() {
	page := "<script>" + runtime.Script + "</script>"
	fmt.Println(strings.Contains(page, "window"), strings.Contains(runtime.Script, "</script"))
	// Output: true false
}
