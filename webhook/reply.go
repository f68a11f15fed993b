package webhook

import (
	"fmt"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/webhook/internal/jsonstr"
)

// AgentView is what a reply to chat_accepted or chat_updated shows the
// agent beside the chat. The vendor shows nothing of it unless the reply's
// result is "ok", which the Handler writes when the function returns no
// error.
type AgentView struct {
	// CustomData are fields shown in the agent's panel, as setCustomData
	// takes them: at most jsapi.MaxCustomFields, content shown as text. A
	// field without a title, content or key, or with a link that is not an
	// absolute http(s) URL, is jivokit's advice: sent, and reported
	// (ErrAdvice), unless WithStrict. A string that is not valid UTF-8 is
	// left out (see jsapi.Cleaner.CustomData).
	CustomData []jsapi.CustomField `json:"custom_data,omitempty"`
	// ContactInfo is shown as if the visitor had introduced themselves, and
	// saved with the chat. The reference requires its name: a contact
	// without one (or whose name is left out as invalid) is not sent, and
	// reported (ErrContactDropped). It is checked as setContactInfo checks
	// it: any string that is not valid UTF-8 is left out of the reply and
	// reported (ErrContactDropped); an e-mail address or phone number that
	// jsapi.ValidateEmail or jsapi.ValidatePhone advises on is sent and
	// reported (ErrAdvice), or left out with WithStrict.
	ContactInfo *jsapi.ContactInfo `json:"contact_info,omitempty"`
	// EnableAssign shows the agent a button that links the visitor to a
	// CRM card, above the custom data.
	EnableAssign bool `json:"enable_assign,omitempty"`
	// CRMLink is the client's card in the CRM, shown as a button below the
	// custom data.
	CRMLink string `json:"crm_link,omitempty"`
	// Page is the page the agent is told the visitor is on. The reference
	// requires its url: a page without one (or whose url is left out as
	// unsafe) is not sent, and reported (ErrPageDropped).
	Page *Page `json:"page,omitempty"`
}

// Reply is a reply body as the Handler writes it, and as the vendor reads
// it: Result is "ok", or an error text when the event was not handled.
// Error is set only on the Handler's own 4xx and 5xx replies, and repeats
// Result.
type Reply struct {
	Result string `json:"result"`
	AgentView
	Error string `json:"error,omitempty"`
}

// OK reports whether the reply's result is "ok" (in any case).
func (r *Reply) OK() bool {
	return len(r.Result) == 2 && (r.Result[0]|0x20) == 'o' && (r.Result[1]|0x20) == 'k'
}

var okReply = []byte(`{"result":"ok"}`)

// appendView appends the reply {"result":"ok", ...v} to dst. What the
// vendor would not take is left out and reported: custom data and contact
// info are cleaned by clean (jsapi.Cleaner's CustomData and ContactInfo,
// the rules of setCustomData and setContactInfo, which the snippet follows
// too), and links must pass its hosts. What jivokit only advises on is
// kept and reported (ErrAdvice), or left out when clean is strict.
func appendView(dst []byte, v *AgentView, clean jsapi.Cleaner, report func(error)) []byte {
	hosts := clean.Hosts
	dst = append(dst, `{"result":"ok"`...)
	if len(v.CustomData) > 0 {
		fields, dropped := clean.CustomData(v.CustomData)
		tooMany := 0
		for _, d := range dropped {
			if d.Reason == jsapi.DropTooMany {
				tooMany++ // reported once below: one line, not one per field
				continue
			}
			report(fmt.Errorf("%w: %w", dropError(d.Reason), d))
		}
		if tooMany > 0 {
			report(fmt.Errorf("%w: %d fields to send, the first %d sent (setCustomData shows at most %d)",
				ErrTooManyFields, len(fields)+tooMany, len(fields), jsapi.MaxCustomFields))
		}
		if len(fields) > 0 {
			dst = append(dst, `,"custom_data":[`...)
			for i := range fields {
				f := &fields[i]
				if i > 0 {
					dst = append(dst, ',')
				}
				o := object{dst: dst}
				o.str("title", f.Title)
				o.str("content", f.Content)
				o.str("link", f.Link)
				o.str("key", f.Key)
				dst = o.close()
			}
			dst = append(dst, ']')
		}
	}
	if v.ContactInfo != nil && !v.ContactInfo.IsZero() {
		c, dropped := clean.ContactInfo(*v.ContactInfo)
		for _, d := range dropped {
			if d.Kept() {
				report(fmt.Errorf("%w: %w", ErrAdvice, d))
				continue
			}
			report(fmt.Errorf("%w: %w", ErrContactDropped, d))
		}
		if !c.IsZero() && c.Name == "" {
			// The reference makes name required: the vendor may refuse
			// the whole reply over a contact without one.
			report(fmt.Errorf("%w: contact_info has no name, which the reference requires; contact_info left out", ErrContactDropped))
		} else if !c.IsZero() {
			dst = append(dst, `,"contact_info":`...)
			o := object{dst: dst}
			o.str("name", c.Name)
			o.str("phone", c.Phone)
			o.str("email", c.Email)
			o.str("description", c.Description)
			dst = o.close()
		}
	}
	if v.EnableAssign {
		dst = append(dst, `,"enable_assign":true`...)
	}
	if v.CRMLink != "" {
		if err := hosts.Allows(v.CRMLink); jsapi.Refusal(err, clean.Strict) != nil {
			report(fmt.Errorf("%w: crm_link: %w", ErrLinkDropped, err))
		} else {
			if err != nil {
				report(fmt.Errorf("%w: crm_link: %w", ErrAdvice, err))
			}
			dst = append(dst, `,"crm_link":`...)
			dst = jsonstr.Append(dst, v.CRMLink)
		}
	}
	if p := v.Page; p != nil && *p != (Page{}) {
		url := p.URL
		if url != "" {
			if err := hosts.Allows(url); jsapi.Refusal(err, clean.Strict) != nil {
				report(fmt.Errorf("%w: page.url: %w", ErrLinkDropped, err))
				url = ""
			} else if err != nil {
				report(fmt.Errorf("%w: page.url: %w", ErrAdvice, err))
			}
		}
		if url == "" {
			// The reference makes url required: a page without one is
			// not sent.
			report(fmt.Errorf("%w: page has no url, which the reference requires; page left out", ErrPageDropped))
		} else {
			dst = append(dst, `,"page":`...)
			o := object{dst: dst}
			o.str("url", url)
			o.str("title", p.Title)
			dst = o.close()
		}
	}
	return append(dst, '}')
}

// dropError is the sentinel a custom_data part left out for reason is
// reported with, or ErrAdvice for a part kept with advice.
func dropError(reason jsapi.DropReason) error {
	if reason == jsapi.Advised {
		return ErrAdvice
	}
	if reason == jsapi.DropLink {
		return ErrLinkDropped
	}
	return ErrFieldDropped
}

// appendResult appends {"result": text} to dst.
func appendResult(dst []byte, text string) []byte {
	dst = append(dst, `{"result":`...)
	dst = jsonstr.Append(dst, text)
	return append(dst, '}')
}

// appendError appends {"result": text, "error": text} to dst: the vendor
// reads result, so it carries the reason, readable, as a function's error
// does; error repeats it for programs that look for it.
func appendError(dst []byte, text string) []byte {
	dst = append(dst, `{"result":`...)
	dst = jsonstr.Append(dst, text)
	dst = append(dst, `,"error":`...)
	dst = jsonstr.Append(dst, text)
	return append(dst, '}')
}

// object writes a JSON object's non-empty string members.
type object struct {
	dst []byte
	n   int
}

func (o *object) str(key, val string) {
	if val == "" {
		return
	}
	if o.n == 0 {
		o.dst = append(o.dst, '{')
	} else {
		o.dst = append(o.dst, ',')
	}
	o.n++
	o.dst = append(o.dst, '"')
	o.dst = append(o.dst, key...)
	o.dst = append(o.dst, '"', ':')
	o.dst = jsonstr.Append(o.dst, val)
}

func (o *object) close() []byte {
	if o.n == 0 {
		return append(o.dst, '{', '}')
	}
	return append(o.dst, '}')
}
