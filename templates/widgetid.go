package templates

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/jivokit/jivokit/jsapi"
)

// MaxWidgetIDLen was the longest widget id this package accepted.
//
// Deprecated: ids follow the vendor's rule now (jsapi.ValidWidgetID), which
// bounds the length of an id that is not all digits to 10 and does not
// bound an all-digit one.
const MaxWidgetIDLen = 64

// ValidateWidgetID checks id against the vendor's rule (jsapi.ValidWidgetID,
// jsapi.WidgetIDRule) and says what is wrong. The error wraps ErrWidgetID.
func ValidateWidgetID(id string) error {
	if id == "" {
		return fmt.Errorf("%w: empty; copy it from the admin panel's installation code (//code.jivosite.com/widget/ID)", ErrWidgetID)
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !isIDByte(c) {
			return fmt.Errorf("%w: %s contains %q at byte %d; %s", ErrWidgetID, quote(id), c, i, jsapi.WidgetIDRule)
		}
	}
	if !jsapi.ValidWidgetID(id) {
		return fmt.Errorf("%w: %s is %d characters long and not all digits; %s", ErrWidgetID, quote(id), len(id), jsapi.WidgetIDRule)
	}
	return nil
}

func isIDByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// The script hosts the vendor serves the widget from.
const (
	HostDefault = "code.jivosite.com"    // the default
	HostRU      = "code.jivo.ru"         // widgets of jivo.ru accounts
	HostYandex  = "code-ya.jivosite.com" // the Yandex Cloud mirror
)

// validateHost checks a script host: a lower-case DNS name with at least
// one dot, optionally with a port.
func validateHost(host string) error {
	name, port, hasPort := strings.Cut(host, ":")
	bad := func(why string) error { return fmt.Errorf("%w: %s %s", ErrHost, quote(host), why) }
	if hasPort {
		if port == "" || len(port) > 5 || strings.Trim(port, "0123456789") != "" {
			return bad("has a port that is not a number")
		}
	}
	if name == "" || len(name) > 253 {
		return bad("is not a host name")
	}
	if !strings.Contains(name, ".") {
		return bad("has no dot; give a host name such as " + HostDefault)
	}
	for _, label := range strings.Split(name, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return bad("is not a host name")
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
				return bad("may hold only lower-case letters, digits, '-' and '.' (and :port)")
			}
		}
	}
	return nil
}

// validateURL checks a URL the page loads a script from: a path on the
// site ("/jivokit/runtime.js"), or an absolute or protocol-relative http(s)
// URL. Spaces, quotes, angle brackets and backslashes are refused: the URL
// is written into an HTML attribute and a CSP source list.
func validateURL(what, u string) error {
	bad := func(why string) error { return fmt.Errorf("%w: %s %s %s", ErrURL, what, quote(u), why) }
	if u == "" {
		return bad("is empty")
	}
	if !utf8.ValidString(u) {
		return bad("is not valid UTF-8")
	}
	for _, r := range u {
		if r <= ' ' || r == 0x7f || strings.ContainsRune(`"'<>\`+"`", r) {
			return bad("contains a space, control character, quote, angle bracket or backslash")
		}
	}
	p, err := url.Parse(u)
	if err != nil {
		return bad("is not a URL")
	}
	switch {
	case p.Scheme == "" && p.Host == "" && !strings.HasPrefix(u, "//"):
		return nil // a path: "/x.js", "./x.js", "x.js"
	case p.Scheme != "" && !strings.EqualFold(p.Scheme, "http") && !strings.EqualFold(p.Scheme, "https"):
		return bad("has scheme " + quote(p.Scheme) + "; only http and https URLs and paths are allowed")
	case p.Host == "":
		return bad("has no host")
	}
	return nil
}
