package assets_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/jivokit/jivokit/assets"
	"github.com/jivokit/jivokit/jsapi/runtime"
)

func ExampleScriptHandler() {
	h := assets.ScriptHandler(map[string]string{runtime.Path: runtime.Script})

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", runtime.Path, nil))
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"), rec.Header().Get("Cache-Control"))

	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/jivokit/other.js", nil))
	fmt.Print(rec.Code, " ", rec.Body.String())
	// Output:
	// 200 text/javascript; charset=utf-8 no-cache
	// 404 not found: this handler serves /jivokit/runtime.js
}
