package templates

import (
	"errors"
	"fmt"
	"strconv"
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
// http(s) or points outside the safe hosts, custom data beyond
// jsapi.MaxCustomFields). The error, a *RenderError, lists those parts; nil
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
		clean := jsapi.ContactInfo{
			Name:        c.text("contact_info.name", ci.Name),
			Description: c.text("contact_info.description", ci.Description),
		}
		if e := c.text("contact_info.email", ci.Email); e != "" {
			if err := jsapi.ValidateEmail(e); err != nil {
				c.drop("contact_info.email", err)
			} else {
				clean.Email = e
			}
		}
		if p := c.text("contact_info.phone", ci.Phone); p != "" {
			if err := jsapi.ValidatePhone(p); err != nil {
				c.drop("contact_info.phone", err)
			} else {
				clean.Phone = p
			}
		}
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

func (w *Widget) customData(c *cleaner, fields []jsapi.CustomField) []jsapi.CustomField {
	if len(fields) == 0 {
		return nil
	}
	out := make([]jsapi.CustomField, 0, min(len(fields), jsapi.MaxCustomFields))
	for i, f := range fields {
		name := "custom_data[" + strconv.Itoa(i) + "]"
		if i >= jsapi.MaxCustomFields {
			c.drop(name, &jsapi.InputError{Field: "custom_data", Problem: "has " + strconv.Itoa(len(fields)) + " entries, at most " + strconv.Itoa(jsapi.MaxCustomFields) + " are allowed"})
			continue
		}
		clean := jsapi.CustomField{
			Content: c.text(name+".content", f.Content),
			Title:   c.text(name+".title", f.Title),
			Key:     c.text(name+".key", f.Key),
		}
		if link := c.text(name+".link", f.Link); link != "" {
			if err := w.checkLink(link); err != nil {
				c.drop(name+".link", err)
			} else {
				clean.Link = link
			}
		}
		if clean.Content == "" && clean.Title == "" && clean.Key == "" {
			if f.Content == "" && f.Title == "" && f.Key == "" {
				c.drop(name, &jsapi.InputError{Field: name, Problem: "has no content, title or key"})
			}
			continue
		}
		out = append(out, clean)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// checkLink lets through an http(s) link whose host is a safe host or a
// subdomain of one; any http(s) link when there are no safe hosts.
func (w *Widget) checkLink(link string) error {
	err := w.safeHosts.Allows(link)
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

// text returns s, or "" (reporting it) when s is not valid UTF-8: such a
// string is left out, never altered.
func (c *cleaner) text(field, s string) string {
	if !utf8.ValidString(s) {
		c.drop(field, ErrInvalidUTF8)
		return ""
	}
	return s
}
