package webhookcmd

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/jivokit/jivokit/internal/lib/term"
	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/webhook"
)

// checkView checks what the vendor would refuse or the agent could not use.
func checkView(v *webhook.AgentView) error {
	var errs []error
	if len(v.CustomData) > 0 {
		if err := jsapi.ValidateCustomData(v.CustomData); err != nil {
			errs = append(errs, fmt.Errorf("custom_data: %w", err))
		}
	}
	if v.CRMLink != "" {
		if err := jsapi.ValidateLink(v.CRMLink); err != nil {
			errs = append(errs, fmt.Errorf("crm_link: %w", err))
		}
	}
	// The reference makes contact_info.name and page.url required.
	if c := v.ContactInfo; c != nil && c.Name == "" {
		errs = append(errs, errors.New("contact_info has no name, which the reference requires"))
	}
	if p := v.Page; p != nil && p.URL == "" {
		errs = append(errs, errors.New("page has no url, which the reference requires"))
	}
	return errors.Join(errs...)
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
