package stub

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHandlerNotFoundNamesEveryPath: the 404 text lists what Handler
// serves, the weight too, and each path it names is served.
func TestHandlerNotFoundNamesEveryPath(t *testing.T) {
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/jivokit/other.js", nil))
	if rec.Code != 404 {
		t.Fatalf("status %d, want 404", rec.Code)
	}
	for _, path := range []string{Path, RuntimePath, WeightPath} {
		if !strings.Contains(rec.Body.String(), path) {
			t.Errorf("the 404 text %q does not name %s", rec.Body.String(), path)
		}
		ok := httptest.NewRecorder()
		Handler().ServeHTTP(ok, httptest.NewRequest("GET", path+"?bytes=10", nil))
		if ok.Code != 200 {
			t.Errorf("GET %s: %d", path, ok.Code)
		}
	}
}
