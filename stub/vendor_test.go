package stub

import (
	"encoding/json"
	"io"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
)

func serve(method, target, host string) (int, string, map[string]string) {
	req := httptest.NewRequest(method, target, nil)
	if host != "" {
		req.Host = host
	}
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	h := map[string]string{"Content-Type": res.Header.Get("Content-Type"), "Cache-Control": res.Header.Get("Cache-Control"), "Allow": res.Header.Get("Allow")}
	return res.StatusCode, string(b), h
}

func TestHandlerConfig(t *testing.T) {
	code, body, h := serve("GET", ConfigPath+"AbCdEf1234?locale=ru&bundle_wait=1&stop_words=casino,+poker", "")
	if code != 200 || h["Content-Type"] != "application/json" || h["Cache-Control"] != "no-store" {
		t.Fatalf("%d %v %s", code, h, body)
	}
	var c map[string]any
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		t.Fatal(err)
	}
	want := `{"base_url":"","disable_mobile":false,"enable_bundle_wait":true,"host_blacklist":[],"locale":"ru","site_id":` +
		strconv.Itoa(SiteID("AbCdEf1234")) + `,"stop_words":["casino","poker"],"widget_id":"AbCdEf1234"}`
	if got, _ := json.Marshal(c); string(got) != want {
		t.Errorf("config %s, want %s", got, want)
	}
	for _, tc := range []struct {
		target, host string
		code         int
		has          string
	}{
		{ConfigPath + "AbCdEf1234?failure=deleted", "", 200, `"deleted":true`},
		{ConfigPath + "AbCdEf1234?failure=mobile-disabled", "", 200, `"disable_mobile":true`},
		{ConfigPath + "AbCdEf1234?failure=host-blacklisted", "shop.example:8080", 200, `"host_blacklist":["shop.example"]`},
		{ConfigPath + "AbCdEf1234?failure=host-blacklisted", "[::1]:80", 200, `"host_blacklist":["::1"]`},
		{ConfigPath + "AbCdEf1234?failure=config-failing", "", 503, "config-failing"},
		{ConfigPath + "AbCdEf1234?failure=csp", "", 400, "unknown failure mode"},
		{ConfigPath + "abc123XYZ", "", 400, jsapi.WidgetIDRule},
		{ConfigPath + "AbCdEf1234?locale=english", "", 400, "not a locale"},
		{"/static/script/widget/config/12345", "", 200, `"widget_id":"12345"`},
	} {
		code, body, _ := serve("GET", tc.target, tc.host)
		if code != tc.code || !strings.Contains(body, tc.has) {
			t.Errorf("%s: %d %q, want %d with %q", tc.target, code, body, tc.code, tc.has)
		}
	}
}

func TestHandlerStatusAndBundle(t *testing.T) {
	site := strconv.Itoa(SiteID("AbCdEf1234"))
	for _, tc := range []struct {
		method, target string
		code           int
		body           string
	}{
		{"GET", StatusPath + site + "/AbCdEf1234?online=1", 200, `{"chat_mode":"online"}`},
		{"GET", StatusPath + site + "/AbCdEf1234?online=0", 200, `{"chat_mode":"offline"}`},
		{"GET", StatusPath + site + "/AbCdEf1234?failure=maintenance", StatusMaintenance, "maintenance\n"},
		{"GET", StatusPath + "1/AbCdEf1234", 404, ""},
		{"GET", StatusPath + site, 404, ""},
		{"GET", BundlePath + "pt_BR.js", 200, `(function(w){var l=w.__jivokitStubLoader;if(l)l.bundle("pt_BR","parent.__jivokitStubLoader.boot(window)")})(window);` + "\n"},
		{"HEAD", BundlePath + "en.js", 200, ""},
		{"GET", BundlePath + "../x.js", 404, ""},
		{"GET", BundlePath + "en.css", 404, ""},
		{"POST", BundlePath + "en.js", 405, ""},
	} {
		code, body, h := serve(tc.method, tc.target, "")
		if code != tc.code || (tc.body != "" && body != tc.body) {
			t.Errorf("%s %s: %d %q, want %d %q", tc.method, tc.target, code, body, tc.code, tc.body)
		}
		if code == 405 && h["Allow"] != "GET, HEAD" {
			t.Errorf("%s: Allow %q", tc.target, h["Allow"])
		}
	}
}

// TestScriptVendorMechanics checks that the script and Go agree on what
// they share: the bundle's boot code, the vendor's messages, the site id.
func TestScriptVendorMechanics(t *testing.T) {
	for _, want := range []string{bundleBoot, "Widget id is not valid.", "Widget not loaded due CSP security policy.", "Init error, code 1015",
		"jivo_magic_var", "jivo-iframe-container", "jivo_container", "jBeforeunload", "script/widget/config/", "widget/status/", "js/bundle_", "jv_loader_info_", buildModeHandler} {
		if !strings.Contains(Script, want) {
			t.Errorf("Script does not mention %q", want)
		}
	}
	if strings.Contains(Script, buildModeInPage) || !strings.Contains(StaticScript, buildModeInPage) || len(StaticScript) != len(Script)+len(buildModeInPage)-len(buildModeHandler) {
		t.Error("StaticScript is not Script switched to the in-page mode")
	}
	// The same vector as stub/testdata/loader.test.mjs.
	if got := SiteID(DefaultWidgetID); got != 757045 {
		t.Errorf("SiteID(%q) = %d, want 757045 as the script computes", DefaultWidgetID, got)
	}
}
