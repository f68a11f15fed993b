package jsapi

import (
	"strconv"
	"unicode/utf8"
)

// Dropped is a part of a value that a Clean function left out, and why.
type Dropped struct {
	// Field names the part in the widget's terms: "custom_data[2]" for a
	// whole field, "custom_data[2].link" or "contact_info.email" for one
	// string.
	Field string
	// Reason says which rule left it out.
	Reason DropReason
	// Err is the detail: an *InputError, or a *HostError for a link
	// outside the safe hosts.
	Err error
}

// Error says which part was left out and why: "custom_data[2].link: is
// not an absolute http or https URL".
func (d Dropped) Error() string {
	if ie, ok := d.Err.(*InputError); ok {
		return d.Field + ": " + ie.Problem
	}
	return d.Field + ": " + d.Err.Error()
}

// Unwrap returns Err.
func (d Dropped) Unwrap() error { return d.Err }

// DropReason is the rule that left a part out.
type DropReason uint8

// The rules CleanCustomData and CleanContactInfo apply.
const (
	// DropInvalidUTF8: a string that is not valid UTF-8 is left out whole,
	// never altered.
	DropInvalidUTF8 DropReason = 1 + iota
	// DropNoText: a custom field with no content, title or key (a link
	// alone shows nothing).
	DropNoText
	// DropTooMany: a custom field with text after MaxCustomFields such
	// fields were kept.
	DropTooMany
	// DropLink: a link that is not an absolute http(s) URL, or whose host
	// is not a safe host.
	DropLink
	// DropInvalid: an e-mail address or phone number that ValidateEmail or
	// ValidatePhone refuses.
	DropInvalid
)

// CleanCustomData returns what setCustomData may be given of fields, and
// what it left out:
//   - a string that is not valid UTF-8 is left out, never altered
//     (DropInvalidUTF8);
//   - a link is kept only when hosts allows it (SafeHosts.Allows: an
//     absolute http or https URL, on a safe host when there is a list);
//     the field keeps its text (DropLink);
//   - a field left with no content, title or key is left out; it is
//     reported as DropNoText only when it had none to begin with, else
//     its invalid strings are the report;
//   - the first MaxCustomFields fields that remain are kept, in order;
//     later ones are left out (DropTooMany), so a field dropped early does
//     not cost a later one its place.
//
// Fields are named by their index in fields. When nothing is left out the
// result is fields itself (not a copy); otherwise it is a new slice, nil
// when empty. The snippet (package templates) and the webhook handler's
// replies clean custom data with this one function; ValidateCustomData
// accepts exactly the fields it leaves whole (with the zero SafeHosts).
func CleanCustomData(fields []CustomField, hosts SafeHosts) ([]CustomField, []Dropped) {
	i := 0
	for i < len(fields) && i < MaxCustomFields && fieldIsClean(&fields[i], hosts) {
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
	var dropped, own []Dropped
	for j := i; j < len(fields); j++ {
		f := &fields[j]
		name := "custom_data[" + strconv.Itoa(j) + "]"
		if f.Content == "" && f.Title == "" && f.Key == "" {
			dropped = append(dropped, Dropped{name, DropNoText, invalid(name, problemNoContent)})
			continue
		}
		own = own[:0]
		clean := CustomField{
			Content: validText(&own, name+".content", f.Content),
			Title:   validText(&own, name+".title", f.Title),
			Key:     validText(&own, name+".key", f.Key),
		}
		if link := validText(&own, name+".link", f.Link); link != "" {
			if err := hosts.Allows(link); err != nil {
				own = append(own, Dropped{name + ".link", DropLink, err})
			} else {
				clean.Link = link
			}
		}
		switch {
		case clean.Content == "" && clean.Title == "" && clean.Key == "":
			dropped = append(dropped, own...)
		case len(out) == MaxCustomFields:
			dropped = append(dropped, Dropped{name, DropTooMany,
				invalid(name, "is left out: setCustomData shows at most "+strconv.Itoa(MaxCustomFields)+" fields")})
		default:
			dropped = append(dropped, own...)
			out = append(out, clean)
		}
	}
	if len(out) == 0 {
		out = nil
	}
	return out, dropped
}

// fieldIsClean reports whether CleanCustomData keeps f whole.
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

// CleanContactInfo returns what setContactInfo may be given of c, and what
// it left out: strings that are not valid UTF-8 (DropInvalidUTF8), and an
// e-mail address or phone number that ContactInfo.Validate refuses
// (DropInvalid). Parts are named "contact_info.email" and so on. The
// snippet and the webhook handler's replies clean contact info with this
// one function; ContactInfo.Validate accepts exactly what it leaves whole
// (apart from invalid UTF-8 in the name and description, which only this
// function checks).
func CleanContactInfo(c ContactInfo) (ContactInfo, []Dropped) {
	if utf8.ValidString(c.Name) && utf8.ValidString(c.Description) && utf8.ValidString(c.Email) && utf8.ValidString(c.Phone) &&
		c.Validate() == nil {
		return c, nil
	}
	var dropped []Dropped
	clean := ContactInfo{
		Name:        validText(&dropped, "contact_info.name", c.Name),
		Description: validText(&dropped, "contact_info.description", c.Description),
	}
	if e := validText(&dropped, "contact_info.email", c.Email); e != "" {
		if err := ValidateEmail(e); err != nil {
			dropped = append(dropped, Dropped{"contact_info.email", DropInvalid, err})
		} else {
			clean.Email = e
		}
	}
	if p := validText(&dropped, "contact_info.phone", c.Phone); p != "" {
		if err := ValidatePhone(p); err != nil {
			dropped = append(dropped, Dropped{"contact_info.phone", DropInvalid, err})
		} else {
			clean.Phone = p
		}
	}
	return clean, dropped
}
