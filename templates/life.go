package templates

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/jsapi/runtime"
)

// Life turns on the life script (runtime.Life, docs/runtime.md) for a
// widget's pages: jivokit.hide and show, reset, switchWidget, the
// widget's survival of htmx's and Turbo's body swaps, and jivokit.state
// with the launcher's data-jivokit-* attributes. Its fields are the
// declarative visibility rules; the zero Life adds the script with none.
// Pages without WithLife do not carry the script.
type Life struct {
	// HidePaths hides the widget on pages whose path matches one of these
	// patterns: each starts with "/", "*" stands for any run of
	// characters, and a pattern ending in "/*" also matches the path
	// before it ("/checkout/*" matches /checkout and /checkout/pay/2).
	HidePaths []string
	// HideBelow hides the widget while the viewport is narrower than this
	// many CSS pixels; 0 never.
	HideBelow int
	// HideWhileMarked hides the widget while the page has an element
	// marked data-jivokit-hide (a <dialog> counts only while open).
	HideWhileMarked bool
	// OwnLauncher keeps the vendor's own label hidden while the page has
	// a launcher of its own ([data-jivokit-launcher]) and the chat is
	// closed; the open chat shows.
	OwnLauncher bool
}

// lifeRules is Life as the script reads it (its data-life attribute).
type lifeRules struct {
	Paths    []string `json:"paths,omitempty"`
	Below    int      `json:"below,omitempty"`
	Elements bool     `json:"elements,omitempty"`
	Launcher bool     `json:"launcher,omitempty"`
}

// pathPattern is what the life script accepts as a path pattern.
var pathPattern = regexp.MustCompile(`^/[^\s?#]*$`)

// WithLife adds the life script to the widget's snippet, after the
// runtime and the loader, with l's rules. A path pattern that does not
// start with "/" or holds a space, "?" or "#", and a negative width, are
// errors of NewWidget.
func WithLife(l Life) Option {
	return func(s *settings) {
		for _, p := range l.HidePaths {
			if !pathPattern.MatchString(p) {
				s.errs = append(s.errs, fmt.Errorf("%w: WithLife: path pattern %q must start with / and have no space, ? or #", ErrOption, p))
			}
		}
		if l.HideBelow < 0 || l.HideBelow >= 100000 {
			s.errs = append(s.errs, fmt.Errorf("%w: WithLife: HideBelow %d is not a viewport width in CSS pixels", ErrOption, l.HideBelow))
		}
		r := lifeRules{Paths: append([]string(nil), l.HidePaths...), Below: l.HideBelow, Elements: l.HideWhileMarked, Launcher: l.OwnLauncher}
		s.w.life = &r
	}
}

// lifeJS is the life script, for pages with WithLife.
var lifeJS = newInline(runtime.Life)

// lifeScript renders the life script with its rules, and the widget's
// script URL and attributes, which reset and switchWidget load again.
func lifeScript(w *Widget) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, out io.Writer) error {
		if lifeJS.err != nil {
			return lifeJS.err
		}
		rules, err := json.Marshal(w.life)
		if err != nil {
			return err
		}
		attrs := map[string]string{}
		if w.script != nil && w.script.attrs != nil {
			attrs = w.script.attrs
		}
		data, err := json.Marshal(attrs)
		if err != nil {
			return err
		}
		a := ` data-jivokit data-life="` + templ.EscapeString(string(rules)) +
			`" data-widget-src="` + templ.EscapeString(w.ScriptURL()) +
			`" data-widget-attrs="` + templ.EscapeString(string(data)) + `"`
		return writeScript(ctx, out, a, lifeJS.js)
	})
}

// WithLanguages maps languages to widget ids: a widget's language comes
// from its channel in the admin panel, so a site in several languages has
// a widget per language. Keys are language tags ("en", "pt-BR"), values
// widget ids; the id of NewWidget is the default. ForLanguage and
// ForRequest pick one.
func WithLanguages(ids map[string]string) Option {
	return func(s *settings) {
		if len(ids) == 0 {
			s.errs = append(s.errs, fmt.Errorf("%w: WithLanguages needs at least one language", ErrOption))
		}
		m := make(map[string]string, len(ids))
		for tag, id := range ids {
			if !langTag.MatchString(tag) {
				s.errs = append(s.errs, fmt.Errorf("%w: WithLanguages: %q is not a language tag (such as en or pt-BR)", ErrOption, tag))
			}
			if err := ValidateWidgetID(id); err != nil {
				s.errs = append(s.errs, fmt.Errorf("WithLanguages: %s: %w", tag, err))
			}
			if _, dup := m[strings.ToLower(tag)]; dup {
				s.errs = append(s.errs, fmt.Errorf("%w: WithLanguages: %q is given twice (tags are compared without case)", ErrOption, tag))
			}
			m[strings.ToLower(tag)] = id
		}
		s.w.langs = m
	}
}

var langTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// ForLanguage returns the widget for the language tag lang: the id mapped
// to lang itself, else to its primary language ("pt" for "pt-BR"), else
// w. Without WithLanguages it returns w. A script of WithScript whose URL
// ends in /widget/ID gets the new id there too.
func (w *Widget) ForLanguage(lang string) *Widget {
	id, ok := w.langID(lang)
	if !ok || id == w.id {
		return w
	}
	c := *w
	c.id = id
	// A script of another source at a vendor-shaped path (/widget/ID)
	// follows the id too.
	if w.script != nil {
		if i := strings.LastIndex(w.script.url, "/widget/"+w.id); i >= 0 && len(w.script.url[i:]) == len("/widget/"+w.id) {
			sc := *w.script
			sc.url = sc.url[:i] + "/widget/" + id
			c.script = &sc
		}
	}
	return &c
}

func (w *Widget) langID(lang string) (string, bool) {
	lang = strings.ToLower(strings.TrimSpace(lang))
	for lang != "" {
		if id, ok := w.langs[lang]; ok {
			return id, true
		}
		i := strings.LastIndexByte(lang, '-')
		if i < 0 {
			break
		}
		lang = lang[:i]
	}
	return "", false
}

// ForRequest returns the widget for the first language of r's
// Accept-Language header, by preference (q), that WithLanguages maps, or
// w.
func (w *Widget) ForRequest(r *http.Request) *Widget {
	for _, lang := range acceptLanguages(r.Header.Get("Accept-Language")) {
		if _, ok := w.langID(lang); ok {
			return w.ForLanguage(lang)
		}
	}
	return w
}

// acceptLanguages lists an Accept-Language header's tags by preference,
// leaving out "*" and those with q=0.
func acceptLanguages(h string) []string {
	type tq struct {
		tag string
		q   float64
	}
	var out []tq
	for _, part := range strings.Split(h, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			q = f
		}
		if tag = strings.TrimSpace(tag); tag != "" && tag != "*" && q > 0 {
			out = append(out, tq{tag, q})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].q > out[j].q })
	tags := make([]string, len(out))
	for i, t := range out {
		tags[i] = t.tag
	}
	return tags
}
