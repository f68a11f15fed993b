//go:build js && wasm

package jivo

import (
	"context"
	"strconv"

	"github.com/jivokit/jivokit/jsapi"
)

// The methods that take arguments: each checks them, writes them (see
// text) and makes the call. The generated exported functions forward to
// them.

// The keys of the objects the methods take, in the order of the fields of
// their Go types.
var (
	openKeys = []string{`"start":`}
	// ContactInfo's, then OfflineMessage's own field.
	contactKeys     = []string{`"name":`, `"email":`, `"phone":`, `"description":`, `"message":`}
	customFieldKeys = []string{`"content":`, `"title":`, `"link":`, `"key":`}
)

func open(ctx context.Context, options jsapi.OpenOptions) error {
	t := newText(methodOpen, options.Validate())
	if options.Start != jsapi.StartDefault {
		t.object(openKeys, string(options.Start))
	}
	return t.send(ctx)
}

func setContactInfo(ctx context.Context, info jsapi.ContactInfo) error {
	t := newText(methodSetContactInfo, info.Validate())
	t.object(contactKeys, info.Name, info.Email, info.Phone, info.Description)
	return t.send(ctx)
}

func setCustomData(ctx context.Context, fields []jsapi.CustomField) error {
	t := newText(methodSetCustomData, jsapi.ValidateCustomData(fields))
	t.sep()
	t.add("[")
	for _, f := range fields {
		t.object(customFieldKeys, f.Content, f.Title, f.Link, f.Key)
	}
	t.add("]")
	return t.send(ctx)
}

// setRules passes the rules as they are, after JSON.parse has taken them
// on their own: text it rejects, or that holds more than one value, is an
// *jsapi.InputError.
func setRules(ctx context.Context, rules jsapi.Rules) error {
	err := rules.Validate()
	if err == nil {
		var p *page
		if p, err = bridge(); err == nil {
			if _, reason := try(p.json, "parse", string(rules)); reason != "" {
				err = &jsapi.InputError{Field: "rules", Problem: "is not valid JSON: " + reason}
			}
		}
	}
	t := newText(methodSetRules, err)
	t.sep()
	t.add(string(rules))
	return t.send(ctx)
}

func setUserToken(ctx context.Context, token string) error {
	t := newText(methodSetUserToken, jsapi.ValidateUserToken(token))
	t.str(token)
	return t.send(ctx)
}

func showProactiveInvitation(ctx context.Context, inv jsapi.Invitation) error {
	t := newText(methodShowProactiveInvitation, inv.Validate())
	t.str(inv.Text)
	if inv.DepartmentID != 0 {
		t.sep()
		t.add(strconv.Itoa(inv.DepartmentID))
	}
	return t.send(ctx)
}

func startCall(ctx context.Context, phone string) error {
	t := newText(methodStartCall, jsapi.ValidatePhone(phone))
	t.str(phone)
	return t.send(ctx)
}

func sendOfflineMessage(ctx context.Context, message jsapi.OfflineMessage) error {
	t := newText(methodSendOfflineMessage, message.Validate())
	t.object(contactKeys, message.Name, message.Email, message.Phone, message.Description, message.Message)
	return t.send(ctx)
}

func setWidgetColor(ctx context.Context, color jsapi.WidgetColor) error {
	t := newText(methodSetWidgetColor, color.Validate())
	t.str(color.Color)
	if color.Color2 != "" {
		t.str(color.Color2)
	}
	return t.send(ctx)
}

func sendPageTitle(ctx context.Context, page jsapi.PageTitle) error {
	t := newText(methodSendPageTitle, page.Validate())
	t.str(page.Title)
	t.add(",true")
	if page.URL != "" {
		t.str(page.URL)
	}
	return t.send(ctx)
}

// setClientAttributes passes the attributes as an object js.ValueOf
// builds (already in every syscall/js program): a number of any Go
// integer or float type arrives as a JavaScript number. The widget does
// not depend on the order of the ids; JavaScript lists numeric ids, which
// the admin panel gives, in ascending order.
func setClientAttributes(ctx context.Context, attributes jsapi.ClientAttributes) error {
	t := newText(methodSetClientAttributes, attributes.Validate())
	t.obj = map[string]any(attributes)
	return t.send(ctx)
}
