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
	return v.err
}

// PageConfig returns what of pc a page may carry, and what it found: each
// part is cleaned as its method's rules say. Contact info and custom data
// as ContactInfo and CustomData clean them; a user token that is not valid
// UTF-8 is left out; a colour or an invitation jivokit advises on is kept
// with a report, or left out when strict (an invitation's bad department
// alone is reset to 0); a negative QueueLimit, a setting of jivokit's own,
// is reset to 0 (DropInvalid) in every mode. The result never shares pc's
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
	return out, found
}
