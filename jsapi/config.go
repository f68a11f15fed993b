package jsapi

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
	return nil
}
