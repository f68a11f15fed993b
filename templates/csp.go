package templates

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
)

// Policy is a Content-Security-Policy: directive names ("script-src") and
// their sources. Build one with Widget.Policy and WASMPolicy, Merge it into
// a site's own (ParsePolicy reads a header value), and send String as the
// Content-Security-Policy header. Policies are values: the methods return
// new ones.
type Policy map[string][]string

// Sources the widget needs, as seen on sites that embed it; the vendor
// publishes no list. The widget injects its styles, hence 'unsafe-inline'
// in style-src.
//
// 'strict-dynamic' lets the scripts the page trusts (by nonce or hash)
// add scripts: the vendor's loader adds its bundle with a nonce it reads
// with getAttribute, which a header policy hides from it, and the bundle
// runs as an inline script written into a same-origin iframe; neither
// carries a nonce or a hash the page could know. Browsers of CSP Level 3
// then ignore host names in script-src; older ones ignore
// 'strict-dynamic' and use the host list, which is why it stays.
var widgetSources = Policy{
	"script-src":  {"'strict-dynamic'", "code.jivosite.com", "*.jivosite.com", "*.jivo.ru"},
	"connect-src": {"wss://*.jivosite.com", "wss://*.jivo.ru", "https://*.jivosite.com", "https://*.jivo.ru"},
	"frame-src":   {"*.jivosite.com"},
	"worker-src":  {"blob:"},
	"img-src":     {"*.jivosite.com", "*.jivo.ru", "data:", "blob:"},
	"style-src":   {"*.jivosite.com", "'unsafe-inline'"},
	"font-src":    {"*.jivosite.com"},
	"media-src":   {"*.jivosite.com"},
}

// Policy returns the directives the widget needs: the vendor's hosts
// (scripts, websockets, frames, workers, images, styles) and where the
// widget's scripts come from: its host when the vendor's wildcards do not
// cover it, and for WithScript's script and a runtime URL their origin ('self' for a
// path on the site). Its script-src has 'strict-dynamic', which the
// vendor's loader needs: merged into a site's policy, it makes browsers of
// CSP Level 3 ignore the site's 'self' and host sources for scripts, so
// every script of the page needs the nonce or a hash (docs/templates.md,
// "A site on an older policy"). Add the page's nonce with WithNonce, and
// Merge it into the site's own policy: alone it would block everything
// else the page loads.
func (w *Widget) Policy() Policy {
	p := widgetSources.clone()
	var urls []string
	if w.script != nil {
		urls = append(urls, w.ScriptURL())
	}
	if w.runtimeURL != "" {
		urls = append(urls, w.runtimeURL)
	}
	for _, u := range urls {
		if src := scriptSource(u); !slices.Contains(p["script-src"], src) {
			p["script-src"] = append(p["script-src"], src)
		}
	}
	if !covered(w.host) {
		p["script-src"] = append(p["script-src"], w.host)
	}
	return p
}

// ScriptHashes returns the 'sha256-…' sources of the inline scripts the
// widget's snippet renders: the page runtime (unless WithRuntimeURL loads
// it from a URL), the loader, which adds the widget's script, and the life
// script with WithLife. A page
// that sends no nonce adds them to script-src:
//
//	policy := site.Merge(widget.Policy(), templates.Policy{"script-src": widget.ScriptHashes()})
//
// The configuration block is data, not a script: it needs no hash.
func (w *Widget) ScriptHashes() []string {
	var out []string
	if w.runtimeURL == "" {
		out = append(out, hashSource(runtimeJS.js))
	}
	out = append(out, hashSource(loaderJS.js))
	if w.life != nil {
		out = append(out, hashSource(lifeJS.js))
	}
	return out
}

// hashSource is the 'sha256-…' source of an inline script's text.
func hashSource(script string) string {
	sum := sha256.Sum256([]byte(script))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// scriptSource returns the source expression that lets the page load the
// script at u, a URL validateURL accepted: its origin when it is absolute,
// its host (the page's scheme) when protocol-relative, and 'self' when it
// is a path on the site.
func scriptSource(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return "'self'"
	}
	if p.Scheme == "" {
		return strings.ToLower(p.Host)
	}
	return strings.ToLower(p.Scheme) + "://" + strings.ToLower(p.Host)
}

// covered reports whether the wildcards of widgetSources cover host.
func covered(host string) bool {
	name, _, hasPort := strings.Cut(host, ":")
	return !hasPort && (strings.HasSuffix(name, ".jivosite.com") || strings.HasSuffix(name, ".jivo.ru"))
}

// WASMPolicy returns what WASMApp needs: 'wasm-unsafe-eval' to compile the
// module, and 'self' for wasm_exec.js, the runtime and the .wasm file
// served by the site.
func WASMPolicy() Policy {
	return Policy{
		"script-src":  {"'self'", "'wasm-unsafe-eval'"},
		"connect-src": {"'self'"},
	}
}

// WithNonce adds 'nonce-…' to script-src, so the inline scripts rendered
// with templ.WithNonce(ctx, nonce) run. nonce must be the request's own,
// fresh random value in base64 or base64url (ValidateNonce). WithNonce
// refuses any other value and returns p unchanged, so the page's scripts
// stay blocked rather than the header carrying sources nobody checked.
func (p Policy) WithNonce(nonce string) Policy {
	if ValidateNonce(nonce) != nil {
		return p.clone()
	}
	return p.Merge(Policy{"script-src": {"'nonce-" + nonce + "'"}})
}

// ValidateNonce checks that nonce can stand in a 'nonce-…' source: one or
// more base64 or base64url characters (letters, digits, '+', '/', '-',
// '_') and at most two '=' of padding, as CSP's grammar requires. The
// error wraps ErrNonce.
func ValidateNonce(nonce string) error {
	body := strings.TrimRight(nonce, "=")
	if body == "" || len(nonce)-len(body) > 2 {
		return fmt.Errorf("%w: %s is not base64", ErrNonce, quote(nonce))
	}
	for i := 0; i < len(body); i++ {
		if c := body[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_') {
			return fmt.Errorf("%w: %s contains %q; only letters, digits, '+', '/', '-', '_' and trailing '=' are allowed", ErrNonce, quote(nonce), c)
		}
	}
	return nil
}

// WithHash adds the 'sha256-…' hash of an inline script's text to
// script-src, for pages that cannot use a nonce. Like every Merge, it
// leaves a policy that does not restrict scripts as it is.
func (p Policy) WithHash(script string) Policy {
	return p.Merge(Policy{"script-src": {hashSource(script)}})
}

// fallbacks lists, for each fetch directive, the directives a browser
// enforces in its place when a policy lacks it, in the order it looks for
// them (CSP Level 3, "Get fetch directive fallback list"). script-src,
// style-src and child-src govern nothing themselves in CSP3 but are where
// the others fall back; so is default-src.
var fallbacks = map[string][]string{
	"default-src":     nil,
	"child-src":       {"default-src"},
	"script-src":      {"default-src"},
	"style-src":       {"default-src"},
	"connect-src":     {"default-src"},
	"font-src":        {"default-src"},
	"img-src":         {"default-src"},
	"manifest-src":    {"default-src"},
	"media-src":       {"default-src"},
	"object-src":      {"default-src"},
	"script-src-attr": {"script-src", "default-src"},
	"script-src-elem": {"script-src", "default-src"},
	"style-src-attr":  {"style-src", "default-src"},
	"style-src-elem":  {"style-src", "default-src"},
	"frame-src":       {"child-src", "default-src"},
	"worker-src":      {"child-src", "script-src", "default-src"},
}

// fetchDirectives are the keys of fallbacks, each after every directive it
// falls back on.
var fetchDirectives = func() []string {
	names := slices.Collect(maps.Keys(fallbacks))
	slices.SortFunc(names, func(a, b string) int {
		if d := len(fallbacks[a]) - len(fallbacks[b]); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return names
}()

// additionFallbacks are the fallbacks of a policy merged in, where they
// differ from the browser's: its script-src (a nonce, the widget's hosts,
// 'wasm-unsafe-eval') is what scripts need, not workers.
var additionFallbacks = map[string][]string{
	"worker-src": {"child-src", "default-src"},
}

// enforced returns the sources the browser checks under p for what the
// fetch directive name governs: name's own, or those of the first
// directive it falls back on; false when p restricts none of them.
func (p Policy) enforced(name string) ([]string, bool) {
	return p.resolve(name, fallbacks[name])
}

// additions returns what p, merged into another policy, adds for what
// the fetch directive name governs.
func (p Policy) additions(name string) []string {
	chain, ok := additionFallbacks[name]
	if !ok {
		chain = fallbacks[name]
	}
	srcs, _ := p.resolve(name, chain)
	return srcs
}

func (p Policy) resolve(name string, chain []string) ([]string, bool) {
	if srcs, ok := p[name]; ok {
		return srcs, true
	}
	for _, f := range chain {
		if srcs, ok := p[f]; ok {
			return srcs, true
		}
	}
	return nil, false
}

// Merge returns p extended by others: the result allows what p allows and,
// for every kind of request p restricts, what the others add. Each fetch
// directive is resolved through the fallbacks a browser uses (worker-src →
// child-src → script-src → default-src, frame-src → child-src →
// default-src, img-src → default-src, …), in p and in the others alike,
// except that a script-src merged in is not taken for workers. A directive
// p lacks is added, from p's fallback and the new sources, only where its
// fallback does not already hold them; a kind that p does not restrict at
// all (nothing in its fallback list, as img-src in a policy without
// default-src) stays unrestricted. A kind that falls back on an extended
// directive (inline event handlers on script-src, say) allows the added
// sources too. Other directives (base-uri, form-action, …) are extended
// only when p has them. Sources keep their order without repeats; 'none'
// gives way to added sources.
func (p Policy) Merge(others ...Policy) Policy {
	out := p.clone()
	for _, o := range others {
		out = out.merge(o)
	}
	return out
}

func (p Policy) merge(o Policy) Policy {
	out := p.clone()
	// General directives first: a specific one then sees the result of
	// its fallbacks and is added only when it must differ.
	for _, name := range fetchDirectives {
		have, restricted := p.enforced(name)
		if !restricted {
			continue
		}
		add := o.additions(name)
		if _, ok := p[name]; !ok {
			// The fallback, perhaps extended above, may hold all of it.
			if got, _ := out.enforced(name); !slices.ContainsFunc(add, func(src string) bool { return !slices.Contains(got, src) }) {
				continue
			}
		}
		out[name] = union(have, add)
	}
	for name, add := range o {
		if _, fetch := fallbacks[name]; fetch {
			continue
		}
		if have, ok := p[name]; ok {
			out[name] = union(have, add)
		}
	}
	return out
}

// union returns a's sources then b's that a lacks; 'none' is left out
// when there are others.
func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, src := range b {
		if !slices.Contains(out, src) {
			out = append(out, src)
		}
	}
	if len(out) > 1 {
		out = slices.DeleteFunc(out, func(s string) bool { return s == "'none'" })
	}
	return out
}

// String renders p as a header value: directives in name order, with
// default-src first, separated by "; ".
func (p Policy) String() string {
	names := slices.Sorted(maps.Keys(p))
	if i := slices.Index(names, "default-src"); i > 0 {
		names = append(append([]string{"default-src"}, names[:i]...), names[i+1:]...)
	}
	var b strings.Builder
	for _, name := range names {
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(name)
		for _, src := range p[name] {
			b.WriteByte(' ')
			b.WriteString(src)
		}
	}
	return b.String()
}

// ParsePolicy reads a Content-Security-Policy header value. Directive
// names are lower-cased; a repeated directive is ignored, as browsers do.
func ParsePolicy(header string) Policy {
	p := Policy{}
	for _, part := range strings.Split(header, ";") {
		fields := strings.Fields(part)
		if len(fields) == 0 {
			continue
		}
		name := strings.ToLower(fields[0])
		if _, seen := p[name]; seen {
			continue
		}
		p[name] = append([]string{}, fields[1:]...)
	}
	return p
}

func (p Policy) clone() Policy {
	out := make(Policy, len(p))
	for k, v := range p {
		out[k] = slices.Clone(v)
	}
	return out
}
