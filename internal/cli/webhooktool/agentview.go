package webhooktool

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/jivokit/jivokit/internal/lib/term"
	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/webhook"
)

// checkView checks what the vendor would refuse or the agent could not use;
// with strict, what jivokit advises against too.
func checkView(v *webhook.AgentView, strict bool) error {
	var errs []error
	for _, err := range viewFindings(v) {
		if jsapi.Refusal(errors.Unwrap(err), strict) != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// viewAdvice lists jivokit's advice about v: what the vendor takes, but
// checkView refuses with strict.
func viewAdvice(v *webhook.AgentView) []string {
	var out []string
	for _, err := range viewFindings(v) {
		if jsapi.IsAdvice(errors.Unwrap(err)) {
			out = append(out, err.Error())
		}
	}
	return out
}

// viewFindings are the problems of v's parts, each wrapping the
// *jsapi.InputError or *jsapi.Warning of its check.
func viewFindings(v *webhook.AgentView) []error {
	var errs []error
	if len(v.CustomData) > 0 {
		if err := jsapi.ValidateCustomData(v.CustomData); err != nil {
			errs = append(errs, fmt.Errorf("custom_data: %w", err))
		}
	}
	if v.ContactInfo != nil {
		if err := v.ContactInfo.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("contact_info: %w", err))
		}
	}
	if v.CRMLink != "" {
		if err := jsapi.ValidateLink(v.CRMLink); err != nil {
			errs = append(errs, fmt.Errorf("crm_link: %w", err))
		}
	}
	// The reference makes contact_info.name and page.url required: the
	// vendor's rule, so a refusal in every mode.
	if c := v.ContactInfo; c != nil && c.Name == "" {
		errs = append(errs, fmt.Errorf("%w", errors.New("contact_info has no name, which the reference requires")))
	}
	if p := v.Page; p != nil && p.URL == "" {
		errs = append(errs, fmt.Errorf("%w", errors.New("page has no url, which the reference requires")))
	}
	return errs
}

// describeView prints what the agent's panel shows for v.
func describeView(w io.Writer, v *webhook.AgentView) {
	shown := false
	line := func(format string, a ...any) {
		shown = true
		fmt.Fprintln(w, "  "+term.Visible(fmt.Sprintf(format, a...)))
	}
	if c := v.ContactInfo; c != nil && !c.IsZero() {
		line("Contact: %s", join(c.Name, c.Phone, c.Email, c.Description))
	}
	if v.EnableAssign {
		line("[Link to CRM card] button")
	}
	for _, f := range v.CustomData {
		text := f.Content
		if f.Title != "" {
			text = strings.TrimSpace(f.Title + ": " + f.Content)
		}
		if f.Link != "" {
			text += " → " + f.Link
		}
		line("%s", text)
	}
	if v.CRMLink != "" {
		line("[Open in CRM] → %s", v.CRMLink)
	}
	if p := v.Page; p != nil && (p.URL != "" || p.Title != "") {
		line("Page: %s", join(p.Title, p.URL))
	}
	if !shown {
		fmt.Fprintln(w, "  (nothing beyond the chat)")
	}
}

func join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}
