package stub

import (
	"encoding/json"
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/jivokit/jivokit/jsapi"
)

// The vendor's paths, which Handler answers under the directory the stub
// is served from (under "/jivokit/" next to Path):
//
//	script/widget/config/<id>            the widget's config (JSON)
//	widget/status/<site_id>/<widget_id>  its status: {"chat_mode": "online"}, or 480
//	js/bundle_<locale>.js                the bundle the loader adds to <head>
const (
	ConfigPath = "/jivokit/script/widget/config/"
	StatusPath = "/jivokit/widget/status/"
	BundlePath = "/jivokit/js/bundle_"
)

// StatusMaintenance is the status answer of a widget under maintenance.
const StatusMaintenance = 480

// bundleBoot is the code the bundle hands the loader, which runs it as an
// inline script in iframe#jivo_container (stub/src/loader.js, BOOT).
const bundleBoot = "parent.__jivokitStubLoader.boot(window)"

// SiteID is the site number the stub gives a widget id: a 32-bit FNV-1a
// hash of the id, from 100000 to 999999 (the script computes the same).
func SiteID(id string) int {
	h := uint32(0x811c9dc5)
	for i := 0; i < len(id); i++ {
		h ^= uint32(id[i])
		h *= 0x01000193
	}
	return 100000 + int(h%900000)
}

// config is the widget's config, as the stub's loader reads it into
// window.jivo_config.
type config struct {
	WidgetID         string   `json:"widget_id"`
	SiteID           int      `json:"site_id"`
	Locale           string   `json:"locale"`
	BaseURL          string   `json:"base_url"`
	EnableBundleWait bool     `json:"enable_bundle_wait"`
	DisableMobile    bool     `json:"disable_mobile"`
	HostBlacklist    []string `json:"host_blacklist"`
	StopWords        []string `json:"stop_words"`
	Deleted          bool     `json:"deleted,omitempty"`
}

// vendorRoute answers the vendor's paths; false for any other path.
func vendorRoute(w http.ResponseWriter, r *http.Request) bool {
	p := r.URL.Path
	var serve func(http.ResponseWriter, *http.Request, string)
	var rest string
	for _, route := range []struct {
		mark  string
		serve func(http.ResponseWriter, *http.Request, string)
	}{
		{"/script/widget/config/", serveConfig},
		{"/widget/status/", serveStatus},
		{"/js/bundle_", serveBundle},
	} {
		if i := strings.Index(p, route.mark); i >= 0 {
			serve, rest = route.serve, p[i+len(route.mark):]
			break
		}
	}
	if serve == nil {
		return false
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return true
	}
	w.Header().Set("Cache-Control", "no-store")
	serve(w, r, rest)
	return true
}

func serveConfig(w http.ResponseWriter, r *http.Request, id string) {
	q := r.URL.Query()
	if !jsapi.ValidWidgetID(id) {
		http.Error(w, "widget id "+strconv.Quote(id)+" is not valid: "+jsapi.WidgetIDRule, http.StatusBadRequest)
		return
	}
	f := Failure(q.Get("failure"))
	if err := f.Validate(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	locale := q.Get("locale")
	if locale == "" {
		locale = "en"
	}
	if !validLocale(locale) {
		http.Error(w, "locale "+strconv.Quote(locale)+" is not a locale such as en or pt_BR", http.StatusBadRequest)
		return
	}
	if f == FailConfig {
		http.Error(w, "the widget's config is unavailable (failure mode "+string(FailConfig)+")", http.StatusServiceUnavailable)
		return
	}
	c := config{
		WidgetID: id, SiteID: SiteID(id), Locale: locale,
		EnableBundleWait: q.Get("bundle_wait") == "1",
		DisableMobile:    f == FailMobileDisabled,
		HostBlacklist:    []string{}, StopWords: []string{},
		Deleted: f == FailDeleted,
	}
	if f == FailHostBlacklisted {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		c.HostBlacklist = []string{strings.Trim(host, "[]")}
	}
	for _, s := range strings.Split(q.Get("stop_words"), ",") {
		if s = strings.TrimSpace(s); s != "" {
			c.StopWords = append(c.StopWords, s)
		}
	}
	writeJSON(w, r, c)
}

func serveStatus(w http.ResponseWriter, r *http.Request, rest string) {
	site, id, ok := strings.Cut(rest, "/")
	if !ok || !jsapi.ValidWidgetID(id) || site != strconv.Itoa(SiteID(id)) {
		http.Error(w, "want widget/status/<site_id>/<widget_id> of a valid widget id", http.StatusNotFound)
		return
	}
	q := r.URL.Query()
	if q.Get("failure") == string(FailMaintenance) {
		http.Error(w, "maintenance", StatusMaintenance)
		return
	}
	mode := "online"
	if q.Get("online") == "0" {
		mode = "offline"
	}
	writeJSON(w, r, map[string]string{"chat_mode": mode})
}

func serveBundle(w http.ResponseWriter, r *http.Request, rest string) {
	locale, ok := strings.CutSuffix(rest, ".js")
	if !ok || !validLocale(locale) {
		http.NotFound(w, r)
		return
	}
	body := `(function(w){var l=w.__jivokitStubLoader;if(l)l.bundle(` + strconv.Quote(locale) + `,` + strconv.Quote(bundleBoot) + `)})(window);` + "\n"
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method != http.MethodHead {
		w.Write([]byte(body))
	}
}

func writeJSON(w http.ResponseWriter, r *http.Request, v any) {
	b, _ := json.Marshal(v)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}
