package templates

import (
	"crypto/sha256"
	"encoding/base64"
	"maps"
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
var widgetSources = Policy{
	"script-src":  {"code.jivosite.com", "*.jivosite.com", "*.jivo.ru"},
	"connect-src": {"wss://*.jivosite.com", "wss://*.jivo.ru", "https://*.jivosite.com", "https://*.jivo.ru"},
	"frame-src":   {"*.jivosite.com"},
	"worker-src":  {"blob:"},
	"img-src":     {"*.jivosite.com", "*.jivo.ru", "data:", "blob:"},
	"style-src":   {"*.jivosite.com", "'unsafe-inline'"},
	"font-src":    {"*.jivosite.com"},
	"media-src":   {"*.jivosite.com"},
}

// Policy returns the directives the widget needs: the vendor's hosts
// (scripts, websockets, frames, workers, images, styles) and the widget's
// script host, or 'self' when it loads the stub from the site. Add the
// page's nonce with WithNonce.
func (w *Widget) Policy() Policy {
	p := widgetSources.clone()
	if w.stub != nil || w.runtimeURL != "" {
		p["script-src"] = append(p["script-src"], "'self'")
	}
	if !covered(w.host) {
		p["script-src"] = append(p["script-src"], w.host)
	}
	return p
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
// fresh random value (base64).
func (p Policy) WithNonce(nonce string) Policy {
	return p.Merge(Policy{"script-src": {"'nonce-" + nonce + "'"}})
}

// WithHash adds the 'sha256-…' hash of an inline script's text to
// script-src, for pages that cannot use a nonce.
func (p Policy) WithHash(script string) Policy {
	sum := sha256.Sum256([]byte(script))
	return p.Merge(Policy{"script-src": {"'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"}})
}

// Merge returns the union of p and others: each directive's sources, in
// order, without repeats. A directive p lacks starts from p's default-src,
// which the browser would otherwise fall back on, so merging never widens
// what p allowed through default-src; 'none' is dropped from a directive
// that gains sources.
func (p Policy) Merge(others ...Policy) Policy {
	out := p.clone()
	for _, o := range others {
		for _, name := range slices.Sorted(maps.Keys(o)) {
			have, ok := out[name]
			if !ok && name != "default-src" && strings.HasSuffix(name, "-src") {
				have = slices.Clone(out["default-src"])
			}
			for _, src := range o[name] {
				if !slices.Contains(have, src) {
					have = append(have, src)
				}
			}
			if len(have) > 1 {
				have = slices.DeleteFunc(have, func(s string) bool { return s == "'none'" })
			}
			out[name] = have
		}
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
