package jsapi

import (
	"unicode/utf8"
)

// ConfigElementID is the id of the page's JSON data block that carries the
// server-rendered configuration (PageConfig) to the page runtime:
//
//	<script type="application/json" id="jivokit-config">{"user_token":"..."}</script>
const ConfigElementID = "jivokit-config"

// DefaultQueueLimit is how many calls the page runtime queues before the
// widget has loaded, unless PageConfig.QueueLimit says otherwise.
const DefaultQueueLimit = 100

// PageConfig is the per-visitor configuration a server renders into the
// page for the runtime to apply each time the widget loads, in this order:
// user token, contact info, custom data, widget colour, then the calls the
// page queued, then the invitation. Empty parts are left alone.
type PageConfig struct {
	UserToken   string        `json:"user_token,omitempty"`
	ContactInfo *ContactInfo  `json:"contact_info,omitempty"`
	CustomData  []CustomField `json:"custom_data,omitempty"`
	WidgetColor *WidgetColor  `json:"widget_color,omitempty"`
	Invitation  *Invitation   `json:"invitation,omitempty"`
	// QueueLimit bounds the calls queued before load; 0 means
	// DefaultQueueLimit.
	QueueLimit int `json:"queue_limit,omitempty"`
	// LoadTimeout is how long, in milliseconds after loading starts, the
	// runtime's loader waits for the widget before it reports the failure
	// (phase "failed"); 0 means DefaultLoadTimeout, and more than
	// MaxLoadTimeout is refused.
	LoadTimeout int `json:"load_timeout,omitempty"`
	// Fallback is the link the loader shows in the launcher's place when
	// the widget fails to load.
	Fallback *Fallback `json:"fallback,omitempty"`
}

// DefaultLoadTimeout is the loader's wait for the widget, in
// milliseconds, unless PageConfig.LoadTimeout says otherwise.
const DefaultLoadTimeout = 20000

// MaxLoadTimeout is the longest LoadTimeout, in milliseconds: an hour, as
// for templates.WithLoadTimeout. A browser's timer fires at once for a
// delay beyond 2^31-1 ms, which would fail every load.
const MaxLoadTimeout = 3600000

// problemLoadTimeout is why a load_timeout beyond MaxLoadTimeout is refused.
const problemLoadTimeout = "is more than 3600000 ms (an hour)"

// Fallback is another way to reach the site, shown when the widget fails to
// load: an e-mail address (mailto:), a phone number (tel:), a messenger
// (https://t.me/…, https://wa.me/…) or a contact page, with its label.
type Fallback struct {
	URL   string `json:"url"`
	Label string `json:"label"`
}

// Validate checks every part of the configuration that is set: nil, the
// first refusal (an *InputError), or else the first advice (a *Warning).
// A negative QueueLimit, a setting of jivokit's own, is refused.
func (c PageConfig) Validate() error {
	var v verdict
	if c.QueueLimit < 0 {
		v.add(invalid("queue_limit", problemNegative))
	}
	v.add(utf8Rule.check("user_token", c.UserToken))
	if c.ContactInfo != nil {
		v.add(c.ContactInfo.Validate())
	}
	v.add(ValidateCustomData(c.CustomData))
	if c.WidgetColor != nil {
		v.add(c.WidgetColor.Validate())
	}
	if c.Invitation != nil {
		v.add(c.Invitation.Validate())
	}
	if c.LoadTimeout < 0 {
		v.add(invalid("load_timeout", problemNegative))
	} else if c.LoadTimeout > MaxLoadTimeout {
		v.add(invalid("load_timeout", problemLoadTimeout))
	}
	if c.Fallback != nil {
		v.add(c.Fallback.Validate())
	}
	return v.err
}

// PageConfig returns what of pc a page may carry, and what it found: each
// part is cleaned as its method's rules say. Contact info and custom data
// as ContactInfo and CustomData clean them; a user token that is not valid
// UTF-8 is left out; a colour or an invitation jivokit advises on is kept
// with a report, or left out when strict (an invitation's bad department
// alone is reset to 0); a negative QueueLimit, a setting of jivokit's own,
// is reset to 0 (DropInvalid) in every mode, and so is a LoadTimeout that
// is negative or more than MaxLoadTimeout. The result never shares pc's
// custom data slice.
func (c Cleaner) PageConfig(pc PageConfig) (PageConfig, []Dropped) {
	var found []Dropped
	out := PageConfig{QueueLimit: pc.QueueLimit}
	if pc.QueueLimit < 0 {
		found = append(found, Dropped{"queue_limit", DropInvalid, invalid("queue_limit", problemNegative)})
		out.QueueLimit = 0
	}
	out.UserToken = validText(&found, "user_token", pc.UserToken)
	if ci := pc.ContactInfo; ci != nil {
		clean, d := c.ContactInfo(*ci)
		found = append(found, d...)
		if !clean.IsZero() {
			out.ContactInfo = &clean
		}
	}
	fields, d := c.CustomData(pc.CustomData)
	found = append(found, d...)
	if len(fields) > 0 {
		out.CustomData = append([]CustomField(nil), fields...)
	}
	if wc := pc.WidgetColor; wc != nil {
		if c.keep(&found, "widget_color", DropInvalid, colorRule.check("widget_color", wc.Color)) {
			clean := WidgetColor{Color: wc.Color}
			if wc.Color2 != "" {
				if c.keep(&found, "widget_color.color2", DropInvalid, colorRule.check("widget_color.color2", wc.Color2)) {
					clean.Color2 = wc.Color2
				}
			}
			out.WidgetColor = &clean
		}
	}
	if inv := pc.Invitation; inv != nil {
		text := validText(&found, "invitation.text", inv.Text)
		if inv.Text == "" || text != "" { // else left out as invalid UTF-8
			if c.keep(&found, "invitation", DropInvalid, filledRule.check("invitation.text", text)) {
				clean := Invitation{Text: text, DepartmentID: inv.DepartmentID}
				if inv.DepartmentID < 0 && !c.advice(&found, "invitation.department_id", DropInvalid,
					report("invitation.department_id", problemNegative, KindAdvice)) {
					clean.DepartmentID = 0
				}
				out.Invitation = &clean
			}
		}
	}
	// The loader's settings, jivokit's own: refused, not advised on.
	out.LoadTimeout = pc.LoadTimeout
	if pc.LoadTimeout < 0 {
		found = append(found, Dropped{"load_timeout", DropInvalid, invalid("load_timeout", problemNegative)})
		out.LoadTimeout = 0
	} else if pc.LoadTimeout > MaxLoadTimeout {
		found = append(found, Dropped{"load_timeout", DropInvalid, invalid("load_timeout", problemLoadTimeout)})
		out.LoadTimeout = 0
	}
	if f := pc.Fallback; f != nil {
		if err := f.Validate(); err != nil {
			found = append(found, Dropped{"fallback", DropInvalid, err})
		} else {
			clean := *f
			out.Fallback = &clean
		}
	}
	return out, found
}

// knownScheme reports whether scheme is one of FallbackSchemes.
func knownScheme(scheme string) bool {
	for _, s := range FallbackSchemes {
		if s == scheme {
			return true
		}
	}
	return false
}

// maxFallbackLabel is the longest fallback label, in characters.
const maxFallbackLabel = 100

// FallbackSchemes are the URL schemes a Fallback link may have; a path on
// the site ("/contact") needs none.
var FallbackSchemes = []string{"https", "http", "mailto", "tel", "sms", "tg", "whatsapp", "viber", "skype"}

// Validate checks that the link is a path on the site or a URL with one
// of FallbackSchemes, without spaces, control characters or backslashes
// (a browser reads "/\\evil.example" as "//evil.example"), and that the
// label is a text of 1 to 100 characters.
func (f Fallback) Validate() error {
	u := f.URL
	if u == "" {
		return &InputError{Field: "fallback.url", Problem: "is empty"}
	}
	if !utf8.ValidString(u) {
		return &InputError{Field: "fallback.url", Problem: "is not valid UTF-8"}
	}
	for _, r := range u {
		if r <= ' ' || r >= 0x7f && r <= 0x9f { // white space, C0 and C1 controls
			return &InputError{Field: "fallback.url", Problem: "contains a space or a control character"}
		}
		if r == '\\' {
			return &InputError{Field: "fallback.url", Problem: "contains a backslash (a browser reads it as /)"}
		}
	}
	if u[0] != '/' || len(u) > 1 && u[1] == '/' {
		if i := indexByte(u, ':'); i < 0 || !knownScheme(lowerASCII(u[:i])) {
			schemes := ""
			for i, sc := range FallbackSchemes {
				if i > 0 {
					schemes += ", "
				}
				schemes += sc
			}
			return &InputError{Field: "fallback.url", Problem: "is neither a path on the site nor a URL with scheme " + schemes}
		}
	}
	if !utf8.ValidString(f.Label) {
		return &InputError{Field: "fallback.label", Problem: "is not valid UTF-8"}
	}
	if isBlank(f.Label) || utf8.RuneCountInString(f.Label) > maxFallbackLabel {
		return &InputError{Field: "fallback.label", Problem: "must be a text of 1 to 100 characters"}
	}
	return nil
}
