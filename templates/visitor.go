package templates

import (
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"

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
// the signed user token, and without every part that is invalid (a
// malformed e-mail address or colour, invalid UTF-8, a link that is not
// http(s) or points outside the safe hosts, custom fields with no text and
// those beyond the first jsapi.MaxCustomFields that keep text; custom data
// and contact info are cleaned by jsapi.CleanCustomData and
// jsapi.CleanContactInfo, as webhook replies are). The error, a *RenderError, lists those parts; nil
// when nothing was left out.
func (w *Widget) Config(v Visitor) (jsapi.PageConfig, error) {
	var c cleaner
	// Each part is checked by jsapi's own rules, as PageConfig.Validate
	// does, so that a part is dropped exactly when Validate refuses it.
	out := jsapi.PageConfig{QueueLimit: v.Config.QueueLimit}
	if err := (jsapi.PageConfig{QueueLimit: out.QueueLimit}).Validate(); err != nil {
		c.drop("queue_limit", err)
		out.QueueLimit = 0
	}
	out.UserToken = w.userToken(&c, v)
	if ci := v.Config.ContactInfo; ci != nil {
		clean, dropped := jsapi.CleanContactInfo(*ci)
		c.dropAll(dropped, nil)
		if !clean.IsZero() {
			out.ContactInfo = &clean
		}
	}
	out.CustomData = w.customData(&c, v.Config.CustomData)
	if wc := v.Config.WidgetColor; wc != nil {
		if err := jsapi.ValidateColor(wc.Color); err != nil {
			c.drop("widget_color", err)
		} else {
			clean := jsapi.WidgetColor{Color: wc.Color}
			if wc.Color2 != "" {
				if err := jsapi.ValidateColor(wc.Color2); err != nil {
					c.drop("widget_color.color2", err)
				} else {
					clean.Color2 = wc.Color2
				}
			}
			out.WidgetColor = &clean
		}
	}
	if inv := v.Config.Invitation; inv != nil {
		clean := jsapi.Invitation{Text: c.text("invitation.text", inv.Text)}
		if inv.Text == "" || clean.Text != "" { // else dropped as invalid UTF-8
			if err := clean.Validate(); err != nil {
				c.drop("invitation", err)
			} else {
				clean.DepartmentID = inv.DepartmentID
				if err := clean.Validate(); err != nil {
					c.drop("invitation.department_id", err)
					clean.DepartmentID = 0
				}
				out.Invitation = &clean
			}
		}
	}
	w.loadSettings(&c, v.Config, &out)
	if len(c.dropped) > 0 {
		return out, &RenderError{Dropped: c.dropped}
	}
	return out, nil
}

func (w *Widget) userToken(c *cleaner, v Visitor) string {
	if v.ID == "" {
		return c.text("user_token", v.Config.UserToken)
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
	return c.text("user_token", token)
}

// customData cleans fields by jsapi.CleanCustomData, the rules the
// webhook handler's replies follow too.
func (w *Widget) customData(c *cleaner, fields []jsapi.CustomField) []jsapi.CustomField {
	out, dropped := jsapi.CleanCustomData(fields, w.safeHosts)
	c.dropAll(dropped, w.linkError)
	if len(dropped) == 0 {
		// CleanCustomData hands back a clean list itself: the config a
		// snippet renders never shares the caller's slice.
		out = slices.Clone(out)
	}
	return out
}

// linkError is the error a link left out for err reports.
func (w *Widget) linkError(err error) error {
	var he *jsapi.HostError
	if errors.As(err, &he) {
		return fmt.Errorf("%w (host %s)", ErrLinkNotAllowed, quote(he.Host))
	}
	return err
}

// cleaner collects what a configuration loses on its way to the page.
type cleaner struct{ dropped []Dropped }

func (c *cleaner) drop(field string, err error) {
	c.dropped = append(c.dropped, Dropped{Field: field, Err: err})
}

// dropAll records what a jsapi Clean function left out, in this package's
// errors; link, when not nil, gives the error of a link left out.
func (c *cleaner) dropAll(dropped []jsapi.Dropped, link func(error) error) {
	for _, d := range dropped {
		err := d.Err
		switch {
		case d.Reason == jsapi.DropInvalidUTF8:
			err = ErrInvalidUTF8
		case d.Reason == jsapi.DropLink && link != nil:
			err = link(err)
		}
		c.drop(d.Field, err)
	}
}

// text returns s, or "" (reporting it) when s is not valid UTF-8: such a
// string is left out, never altered.
func (c *cleaner) text(field, s string) string {
	if !utf8.ValidString(s) {
		c.drop(field, ErrInvalidUTF8)
		return ""
	}
	return s
}
