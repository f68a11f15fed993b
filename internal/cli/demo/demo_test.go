package demo

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/assets"
	"github.com/jivokit/jivokit/webhook/samples"
)

func get(t *testing.T, u string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultTransport.RoundTrip(req) // no transparent decompression
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

func TestDemo(t *testing.T) {
	s, base := startTest(t, Config{})

	res, page := get(t, base+"/")
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %s %s", res.Status, res.Header.Get("Content-Type"))
	}
	csp := res.Header.Get("Content-Security-Policy")
	nonce := regexp.MustCompile(`'nonce-([^']+)'`).FindStringSubmatch(csp)
	if nonce == nil || !strings.Contains(page, `nonce="`+nonce[1]+`"`) {
		t.Errorf("the page's scripts do not carry the CSP's nonce; CSP: %s", csp)
	}
	if _, again := get(t, base+"/"); strings.Contains(again, `nonce="`+nonce[1]+`"`) {
		t.Error("two requests got the same nonce")
	}
	for _, want := range []string{"wasm-unsafe-eval", "default-src 'self'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP lacks %s: %s", want, csp)
		}
	}
	for _, want := range []string{
		`id="jivokit-config"`, `"user_token":"v1.`, "Ada Lovelace", `src="/jivokit/stub.js"`, `data-stub="agentAccept"`,
		`id="jivokit-example"`, `data-wasm="/app/` + s.manifest.WASM + `"`, `src="/app/` + s.manifest.WASMExec + `"`,
		"verifies: visitor demo-customer-42", s.WebhookPath(),
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if i, j := strings.Index(page, `id="jivokit-config"`), strings.Index(page, `data-wasm=`); i < 0 || j < i {
		t.Error("the app's loader comes before the configuration block: the runtime would miss it")
	}

	for _, tc := range []struct {
		path, accept, wantType, wantEncoding, wantCache string
	}{
		{"/app/" + s.manifest.WASM, "gzip, br", "application/wasm", "br", assets.CacheImmutable},
		{"/app/" + s.manifest.WASMExec, "gzip", "text/javascript; charset=utf-8", "gzip", assets.CacheImmutable},
		{"/demo/demo.js", "", "text/javascript; charset=utf-8", "", assets.CacheRevalidate},
		{"/demo/demo.css", "", "text/css; charset=utf-8", "", assets.CacheRevalidate},
		{"/jivokit/stub.js", "", "text/javascript; charset=utf-8", "", "no-cache"},
		{"/jivokit/runtime.js", "", "text/javascript; charset=utf-8", "", "no-cache"},
	} {
		res, body := get(t, base+tc.path, "Accept-Encoding", tc.accept)
		if res.StatusCode != 200 || len(body) == 0 {
			t.Errorf("GET %s: %s, %d bytes", tc.path, res.Status, len(body))
			continue
		}
		if got := res.Header.Get("Content-Type"); got != tc.wantType {
			t.Errorf("GET %s: Content-Type %q, want %q", tc.path, got, tc.wantType)
		}
		if got := res.Header.Get("Content-Encoding"); got != tc.wantEncoding {
			t.Errorf("GET %s: Content-Encoding %q, want %q", tc.path, got, tc.wantEncoding)
		}
		if got := res.Header.Get("Cache-Control"); got != tc.wantCache {
			t.Errorf("GET %s: Cache-Control %q, want %q", tc.path, got, tc.wantCache)
		}
	}
	for _, path := range []string{"/app/", "/app/manifest.json/..", "/nope", "/jivo/webhook/wrong-secret"} {
		if res, _ := get(t, base+path); res.StatusCode/100 == 2 {
			t.Errorf("GET %s: %s", path, res.Status)
		}
	}
}

func TestDemoWebhooks(t *testing.T) {
	s, base := startTest(t, Config{})

	send := func(event string, header bool) (*http.Response, sendResult) {
		req, _ := http.NewRequest("POST", base+"/demo/webhook/send", strings.NewReader(url.Values{"event": {event}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if header {
			req.Header.Set(demoHeader, "1")
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var r sendResult
		if res.StatusCode == 200 {
			if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
				t.Fatal(err)
			}
		}
		return res, r
	}
	if res, _ := send("chat_accepted", false); res.StatusCode != http.StatusForbidden {
		t.Errorf("a send without %s: %s", demoHeader, res.Status)
	}
	if res, _ := send("no_such_event", true); res.StatusCode != http.StatusBadRequest {
		t.Errorf("an unknown event: %s", res.Status)
	}
	res, r := send("chat_accepted", true)
	if res.StatusCode != 200 || !r.OK || !strings.Contains(r.Output, "reply ok") || !strings.Contains(r.Output, s.WebhookPath()) {
		t.Fatalf("send: %s %+v", res.Status, r)
	}
	// The reply shows the agent the visitor, verified by the token the
	// send added to the sample payload.
	for _, want := range []string{"200 OK", "The agent sees:", "Visitor: verified: " + sampleVisitor.ID, "Contact: John Smith"} {
		if !strings.Contains(r.Output, want) {
			t.Errorf("the send's output lacks %q:\n%s", want, r.Output)
		}
	}

	_, body := get(t, base+"/demo/webhook/events")
	var events []eventJSON
	if err := json.Unmarshal([]byte(body), &events); err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	if len(events) != 1 || events[0].Name != "chat_accepted" || events[0].VerifiedVisitor != sampleVisitor.ID || events[0].Seq != 1 {
		t.Fatalf("events %+v", events)
	}
	if _, body := get(t, base+"/demo/webhook/events?since=1"); body != "[]" {
		t.Errorf("events since 1: %s", body)
	}
	// A since beyond the log answers nothing new, however large: the
	// largest uint64 must not wrap around to 0 and answer the whole log.
	for _, since := range []string{"2", "1000", "18446744073709551614", "18446744073709551615"} {
		if res, body := get(t, base+"/demo/webhook/events?since="+since); res.StatusCode != 200 || body != "[]" {
			t.Errorf("events since %s: %s %s", since, res.Status, body)
		}
	}
	for _, since := range []string{"x", "-1", "18446744073709551616", "1e3"} {
		if res, _ := get(t, base+"/demo/webhook/events?since="+since); res.StatusCode != http.StatusBadRequest {
			t.Errorf("since=%s: %s", since, res.Status)
		}
	}
	if _, body := get(t, base+"/demo/webhook/events?since=0"); !strings.Contains(body, `"seq":1`) {
		t.Errorf("events since 0: %s", body)
	}

	// The CRM events go to the same endpoint, without a visitor's token.
	for _, event := range samples.CRMNames() {
		if res, r := send(string(event), true); res.StatusCode != 200 || !r.OK || !strings.Contains(r.Output, `"result": "ok"`) || strings.Contains(r.Output, "user_token") {
			t.Errorf("send %s: %s %+v", event, res.Status, r)
		}
	}
	_, body = get(t, base+"/demo/webhook/events?since=1")
	if !strings.Contains(body, `"event_name":"created_deal"`) || !strings.Contains(body, "deal #1042 Website redesign") {
		t.Errorf("CRM events in the live log: %.500s", body)
	}
}

func TestDemoRealWidget(t *testing.T) {
	_, base := startTest(t, Config{WidgetID: "abc123XYZ0"})
	res, page := get(t, base+"/")
	if res.StatusCode != 200 {
		t.Fatal(res.Status)
	}
	if !strings.Contains(page, "code.jivosite.com/widget/abc123XYZ0") || strings.Contains(page, "/jivokit/stub.js") || strings.Contains(page, "data-stub=") {
		t.Errorf("the page does not load the real widget alone:\n%s", page)
	}
	if res, _ := get(t, base+"/jivokit/stub.js"); res.StatusCode != http.StatusNotFound {
		t.Errorf("the stub is served with a real widget: %s", res.Status)
	}
}
