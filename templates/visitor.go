package templates

import (
	"errors"
	"fmt"

	"github.com/jivokit/jivokit/jsapi"
)

// Visitor is the per-request part of a snippet: who the visitor is and what
// the widget should know about them.
type Visitor struct {
	// ID identifies the visitor to your server (a user or session id). With
	// WithVisitorTokens it is signed into Config.UserToken, and comes back in
	// every webhook. Leave it empty for anonymous visitors.
	ID string
	// Config is the configuration the page runtime applies when the widget
	// loads: contact info, custom data, colour, invitation, queue limit. Its
	// UserToken may be set directly when ID is empty.
	Config jsapi.PageConfig
}

// Config returns the configuration a snippet for v renders: v.Config with
// the signed user token, cleaned by jsapi's rules (jsapi.Cleaner.PageConfig,
// the rules webhook replies follow too). What the vendor does not take, or
// what cannot be written, is left out: invalid UTF-8, a link outside the
// safe hosts (WithSafeHosts), custom fields beyond the first
// jsapi.MaxCustomFields that keep text, a negative queue limit. What
// jivokit only advises on (an e-mail address or phone number of an unusual
// shape, a relative or mailto: link, a colour that is not #rgb or #rrggbb, a
// blank invitation) is kept and reported, or left out with WithStrict. The
// error, a *RenderError, lists every part left out or advised on; nil when
// there is none.
func (w *Widget) Config(v Visitor) (jsapi.PageConfig, error) {
	var c cleaner
	in := v.Config
	in.UserToken = w.userToken(&c, v)
	out, found := jsapi.Cleaner{Hosts: w.safeHosts, Strict: w.strict}.PageConfig(in)
	c.dropAll(found, w.linkError)
	w.loadDefaults(&out)
	if len(c.dropped) > 0 {
		return out, &RenderError{Dropped: c.dropped}
	}
	return out, nil
}

func (w *Widget) userToken(c *cleaner, v Visitor) string {
	if v.ID == "" {
		return v.Config.UserToken // checked with the rest of the configuration
	}
	if v.Config.UserToken != "" {
		c.drop("user_token", fmt.Errorf("%w: both Visitor.ID and Config.UserToken are set; Config.UserToken is ignored", ErrOption))
	}
	if w.signer == nil {
		c.drop("user_token", ErrNoSigner)
		return ""
	}
	token, err := w.signer.IssueAt(v.ID, w.now(), w.tokenTTL)
	if err != nil {
		c.drop("user_token", err)
		return ""
	}
	return token
}

// linkError is the error a link left out for err reports.
func (w *Widget) linkError(err error) error {
	var he *jsapi.HostError
	if errors.As(err, &he) {
		if he.Host == "" {
			return fmt.Errorf("%w (%w)", ErrLinkNotAllowed, err)
		}
		return fmt.Errorf("%w (host %s)", ErrLinkNotAllowed, quote(he.Host))
	}
	return err
}

// cleaner collects what a configuration loses on its way to the page.
type cleaner struct{ dropped []Dropped }

func (c *cleaner) drop(field string, err error) {
	c.dropped = append(c.dropped, Dropped{Field: field, Reason: jsapi.DropInvalid, Err: err})
}

// dropAll records what jsapi's Cleaner found, in this package's errors;
// link, when not nil, gives the error of a link left out.
func (c *cleaner) dropAll(found []jsapi.Dropped, link func(error) error) {
	for _, d := range found {
		switch {
		case d.Reason == jsapi.DropInvalidUTF8:
			d.Err = ErrInvalidUTF8
		case d.Reason == jsapi.DropLink && link != nil && !jsapi.IsAdvice(d.Err):
			d.Err = link(d.Err)
		}
		c.dropped = append(c.dropped, d)
	}
}
