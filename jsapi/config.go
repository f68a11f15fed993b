package jsapi

import (
	"slices"
	"strings"
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
	// (phase "failed"); 0 means DefaultLoadTimeout.
	LoadTimeout int `json:"load_timeout,omitempty"`
	// Fallback is the link the loader shows in the launcher's place when
	// the widget fails to load.
	Fallback *Fallback `json:"fallback,omitempty"`
}

// DefaultLoadTimeout is the loader's wait for the widget, in
// milliseconds, unless PageConfig.LoadTimeout says otherwise.
const DefaultLoadTimeout = 20000

// Fallback is another way to reach the site, shown when the widget fails to
// load: an e-mail address (mailto:), a phone number (tel:), a messenger
// (https://t.me/…, https://wa.me/…) or a contact page, with its label.
type Fallback struct {
	URL   string `json:"url"`
	Label string `json:"label"`
}

// Validate checks every part of the configuration that is set.
func (c PageConfig) Validate() error {
	if c.ContactInfo != nil {
		if err := c.ContactInfo.Validate(); err != nil {
			return err
		}
	}
	if err := ValidateCustomData(c.CustomData); err != nil {
		return err
	}
	if c.WidgetColor != nil {
		if err := c.WidgetColor.Validate(); err != nil {
			return err
		}
	}
	if c.Invitation != nil {
		if err := c.Invitation.Validate(); err != nil {
			return err
		}
	}
	if c.QueueLimit < 0 {
		return &InputError{Field: "queue_limit", Problem: "is negative"}
	}
	if c.LoadTimeout < 0 {
		return &InputError{Field: "load_timeout", Problem: "is negative"}
	}
	if c.Fallback != nil {
		if err := c.Fallback.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// maxFallbackLabel is the longest fallback label, in characters.
const maxFallbackLabel = 100

// FallbackSchemes are the URL schemes a Fallback link may have; a path on
// the site ("/contact") needs none.
var FallbackSchemes = []string{"https", "http", "mailto", "tel", "sms", "tg", "whatsapp", "viber", "skype"}

// Validate checks that the link is a path on the site or a URL with one
// of FallbackSchemes, without spaces or control characters, and that the
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
		if r <= ' ' || r == 0x7f {
			return &InputError{Field: "fallback.url", Problem: "contains a space or a control character"}
		}
	}
	if u[0] != '/' || strings.HasPrefix(u, "//") {
		scheme, _, ok := strings.Cut(u, ":")
		if !ok || !slices.Contains(FallbackSchemes, strings.ToLower(scheme)) {
			return &InputError{Field: "fallback.url", Problem: "is neither a path on the site nor a URL with scheme " + strings.Join(FallbackSchemes, ", ")}
		}
	}
	if !utf8.ValidString(f.Label) {
		return &InputError{Field: "fallback.label", Problem: "is not valid UTF-8"}
	}
	if strings.TrimSpace(f.Label) == "" || utf8.RuneCountInString(f.Label) > maxFallbackLabel {
		return &InputError{Field: "fallback.label", Problem: "must be a text of 1 to 100 characters"}
	}
	return nil
}
