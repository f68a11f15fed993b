package jsapi

import (
	"strconv"
	"unicode/utf8"
)

// Dropped is what a Cleaner found in one part of a value: a part it left
// out and why, or (Reason Advised) a part it kept with jivokit's advice.
// The snippet (package templates) and the webhook handler's replies report
// these.
type Dropped struct {
	// Field names the part in the widget's terms: "custom_data[2]" for a
	// whole field, "custom_data[2].link" or "contact_info.email" for one
	// string.
	Field string
	// Reason says which rule left it out, or Advised.
	Reason DropReason
	// Err is the detail: an *InputError, a *HostError for a link outside
	// the safe hosts, or a *Warning for advice (kept, or left out in
	// strict mode).
	Err error
}

// Error says which part and why: "custom_data[2].link: is not an absolute
// http or https URL".
func (d Dropped) Error() string {
	switch e := d.Err.(type) {
	case *InputError:
		return d.Field + ": " + e.Problem
	case *Warning:
		if d.Reason == Advised {
			return d.Field + ": advice: " + e.Problem
		}
		return d.Field + ": " + e.Problem
	}
	return d.Field + ": " + d.Err.Error()
}

// Unwrap returns Err.
func (d Dropped) Unwrap() error { return d.Err }

// Kept reports whether the part was kept: Reason Advised.
func (d Dropped) Kept() bool { return d.Reason == Advised }

// DropReason is the rule that left a part out, or Advised.
type DropReason uint8

// The rules a Cleaner applies.
const (
	// DropInvalidUTF8: a string that is not valid UTF-8 is left out whole,
	// never altered, in every mode (its form).
	DropInvalidUTF8 DropReason = 1 + iota
	// DropNoText: in strict mode, a custom field with no content, title or
	// key (a link alone shows nothing); advice otherwise.
	DropNoText
	// DropTooMany: a custom field with text after MaxCustomFields such
	// fields were kept (the vendor's limit).
	DropTooMany
	// DropLink: a link outside the safe hosts (the vendor's "Safe URL"), or
	// in strict mode one that is not an absolute http(s) URL.
	DropLink
	// DropInvalid: a value a rule refuses: in strict mode, one jivokit
	// advises on (an e-mail address, phone number, colour, invitation);
	// in every mode, a setting of jivokit's own that is not one (a negative
	// queue limit), or a user token that could not be made.
	DropInvalid
	// Advised: the part was kept as it is; Err is the *Warning of
	// jivokit's advice about it.
	Advised
)

// Cleaner cleans what a server hands the widget (the snippet's page
// configuration, a webhook reply's custom data and contact info) by the
// rules: what the vendor does not take, or what cannot be written, is left
// out; what jivokit only advises on is kept, with a report (Advised), unless
// Strict, which leaves it out. The zero Cleaner has no safe hosts and is not
// strict.
type Cleaner struct {
	// Hosts are the safe hosts links must point to (the admin panel's
	// "Safe URL"); the zero SafeHosts allows any link.
	Hosts SafeHosts
	// Strict turns advice into refusal: a part jivokit advises on is left
	// out.
	Strict bool
}

// advice records a *Warning about a part: kept (Advised), or in strict mode
// left out for reason; it reports whether the part is kept.
func (c Cleaner) advice(out *[]Dropped, field string, reason DropReason, w error) bool {
	if c.Strict {
		*out = append(*out, Dropped{field, reason, w})
		return false
	}
	*out = append(*out, Dropped{field, Advised, w})
	return true
}

// keep records err about a part and reports whether the part is kept: nil
// keeps it; advice keeps it with a report unless strict; a refusal leaves
// it out, for reason (DropInvalidUTF8 when the string is not valid UTF-8).
func (c Cleaner) keep(out *[]Dropped, field string, reason DropReason, err error) bool {
	if err == nil {
		return true
	}
	if IsAdvice(err) {
		return c.advice(out, field, reason, err)
	}
	if ie, ok := err.(*InputError); ok && ie.Problem == problemUTF8 {
		reason = DropInvalidUTF8
	}
	*out = append(*out, Dropped{field, reason, err})
	return false
}

// CleanCustomData is Cleaner{Hosts: hosts}.CustomData(fields).
func CleanCustomData(fields []CustomField, hosts SafeHosts) ([]CustomField, []Dropped) {
	return Cleaner{Hosts: hosts}.CustomData(fields)
}

// CustomData returns what setCustomData may be given of fields, and what
// it found:
//   - a string that is not valid UTF-8 is left out, never altered
//     (DropInvalidUTF8);
//   - a link outside c.Hosts is left out (SafeHosts.Allows; DropLink); the
//     field keeps its text. A link jivokit advises on ("/crm/add") is kept
//     with a report, or left out when strict;
//   - a field with no content, title or key is kept with a report, or left
//     out when strict (DropNoText); a field whose every text was invalid
//     UTF-8 is left out, reported by its invalid strings;
//   - the first MaxCustomFields fields that remain are kept, in order;
//     later ones are left out (DropTooMany), so a field dropped early does
//     not cost a later one its place.
//
// Fields are named by their index in fields. When nothing is left out the
// result is fields itself (not a copy); otherwise it is a new slice, nil
// when empty. ValidateCustomData refuses none of the fields it keeps.
func (c Cleaner) CustomData(fields []CustomField) ([]CustomField, []Dropped) {
	i := 0
	for i < len(fields) && i < MaxCustomFields && fieldIsClean(&fields[i], c.Hosts) {
		i++
	}
	if i == len(fields) {
		if len(fields) == 0 {
			return nil, nil
		}
		return fields, nil
	}
	out := make([]CustomField, i, min(len(fields), MaxCustomFields))
	copy(out, fields[:i])
	var found, own []Dropped
	changed := false
	for j := i; j < len(fields); j++ {
		f := &fields[j]
		name := "custom_data[" + strconv.Itoa(j) + "]"
		own = own[:0]
		noText := f.Content == "" && f.Title == "" && f.Key == ""
		if noText && !c.advice(&own, name, DropNoText, report(name, problemNoContent, KindAdvice)) {
			found = append(found, own...)
			changed = true
			continue
		}
		clean := CustomField{
			Content: validText(&own, name+".content", f.Content),
			Title:   validText(&own, name+".title", f.Title),
			Key:     validText(&own, name+".key", f.Key),
		}
		if link := validText(&own, name+".link", f.Link); link != "" {
			err := c.Hosts.Allows(link)
			if w, ok := err.(*Warning); ok {
				err = &Warning{Field: name + ".link", Problem: w.Problem}
			}
			if err == nil || IsAdvice(err) && c.advice(&own, name+".link", DropLink, err) {
				clean.Link = link
			} else if !IsAdvice(err) {
				own = append(own, Dropped{name + ".link", DropLink, err})
			}
		}
		switch {
		case !noText && clean.Content == "" && clean.Title == "" && clean.Key == "":
			found = append(found, own...)
			changed = true
		case len(out) == MaxCustomFields:
			found = append(found, Dropped{name, DropTooMany,
				invalid(name, "is left out: setCustomData shows at most "+strconv.Itoa(MaxCustomFields)+" fields")})
			changed = true
		default:
			found = append(found, own...)
			changed = changed || clean != *f
			out = append(out, clean)
		}
	}
	if !changed {
		return fields, found // only advice: the fields go through as they are
	}
	if len(out) == 0 {
		out = nil
	}
	return out, found
}

// fieldIsClean reports whether CustomData keeps f whole without a report.
func fieldIsClean(f *CustomField, hosts SafeHosts) bool {
	return (f.Content != "" || f.Title != "" || f.Key != "") &&
		utf8.ValidString(f.Content) && utf8.ValidString(f.Title) && utf8.ValidString(f.Key) &&
		(f.Link == "" || utf8.ValidString(f.Link) && hosts.Allows(f.Link) == nil)
}

// validText returns s, or "" (adding to dropped) when s is not valid UTF-8.
func validText(dropped *[]Dropped, field, s string) string {
	if utf8.ValidString(s) {
		return s
	}
	*dropped = append(*dropped, Dropped{field, DropInvalidUTF8, invalid(field, problemUTF8)})
	return ""
}

// CleanContactInfo is Cleaner{}.ContactInfo(c).
func CleanContactInfo(c ContactInfo) (ContactInfo, []Dropped) { return Cleaner{}.ContactInfo(c) }

// ContactInfo returns what setContactInfo may be given of ci, and what it
// found: strings that are not valid UTF-8 are left out (DropInvalidUTF8);
// an e-mail address or phone number jivokit advises on (ValidateEmail,
// ValidatePhone) is kept with a report, or left out when strict
// (DropInvalid). Parts are named "contact_info.email" and so on.
func (c Cleaner) ContactInfo(ci ContactInfo) (ContactInfo, []Dropped) {
	if utf8.ValidString(ci.Name) && utf8.ValidString(ci.Description) && utf8.ValidString(ci.Email) && utf8.ValidString(ci.Phone) &&
		ci.Validate() == nil {
		return ci, nil
	}
	var found []Dropped
	clean := ContactInfo{
		Name:        validText(&found, "contact_info.name", ci.Name),
		Description: validText(&found, "contact_info.description", ci.Description),
	}
	if e := validText(&found, "contact_info.email", ci.Email); e != "" {
		if c.keep(&found, "contact_info.email", DropInvalid, emailRule.check("contact_info.email", e)) {
			clean.Email = e
		}
	}
	if p := validText(&found, "contact_info.phone", ci.Phone); p != "" {
		if c.keep(&found, "contact_info.phone", DropInvalid, phoneRule.check("contact_info.phone", p)) {
			clean.Phone = p
		}
	}
	return clean, found
}
