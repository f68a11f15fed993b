//go:build js && wasm

package jivo

import (
	"context"

	"github.com/jivokit/jivokit/jsapi"
)

// The methods that take arguments: each checks them, writes them (see
// args) and makes the call. The generated exported functions forward to
// them.

func open(ctx context.Context, options jsapi.OpenOptions) error {
	a := newArgs(methodOpen, options.Validate())
	if options.Start != jsapi.StartDefault {
		a.object(openKeys, string(options.Start))
	}
	return a.send(ctx)
}

func setContactInfo(ctx context.Context, info jsapi.ContactInfo) error {
	a := newArgs(methodSetContactInfo, info.Validate())
	a.object(contactKeys, info.Name, info.Email, info.Phone, info.Description)
	return a.send(ctx)
}

func setCustomData(ctx context.Context, fields []jsapi.CustomField) error {
	a := newArgs(methodSetCustomData, jsapi.ValidateCustomData(fields))
	a.add("[")
	for _, f := range fields {
		a.object(customFieldKeys, f.Content, f.Title, f.Link, f.Key)
	}
	a.add("]")
	return a.send(ctx)
}

// setRules passes the rules as they are; call makes text JSON.parse
// rejects, such as two objects, an *jsapi.InputError.
func setRules(ctx context.Context, rules jsapi.Rules) error {
	a := newArgs(methodSetRules, rules.Validate())
	a.json = rules
	return a.send(ctx)
}

func setUserToken(ctx context.Context, token string) error {
	a := newArgs(methodSetUserToken, jsapi.ValidateUserToken(token))
	a.arg(token)
	return a.send(ctx)
}

func showProactiveInvitation(ctx context.Context, inv jsapi.Invitation) error {
	a := newArgs(methodShowProactiveInvitation, inv.Validate())
	a.arg(inv.Text)
	if inv.DepartmentID != 0 {
		a.arg(inv.DepartmentID)
	}
	return a.send(ctx)
}

func startCall(ctx context.Context, phone string) error {
	a := newArgs(methodStartCall, jsapi.ValidatePhone(phone))
	a.arg(phone)
	return a.send(ctx)
}

func sendOfflineMessage(ctx context.Context, message jsapi.OfflineMessage) error {
	a := newArgs(methodSendOfflineMessage, message.Validate())
	a.object(contactKeys, message.Name, message.Email, message.Phone, message.Description, message.Message)
	return a.send(ctx)
}

func setWidgetColor(ctx context.Context, color jsapi.WidgetColor) error {
	a := newArgs(methodSetWidgetColor, color.Validate())
	a.arg(color.Color)
	if color.Color2 != "" {
		a.arg(color.Color2)
	}
	return a.send(ctx)
}

func sendPageTitle(ctx context.Context, page jsapi.PageTitle) error {
	a := newArgs(methodSendPageTitle, page.Validate())
	a.arg(page.Title)
	a.arg(true)
	if page.URL != "" {
		a.arg(page.URL)
	}
	return a.send(ctx)
}

// setClientAttributes passes the attributes as an object js.ValueOf
// builds (already in every syscall/js program): a number of any Go
// integer or float type arrives as a JavaScript number. The widget does
// not depend on the order of the ids; JavaScript lists numeric ids, which
// the admin panel gives, in ascending order.
func setClientAttributes(ctx context.Context, attributes jsapi.ClientAttributes) error {
	a := newArgs(methodSetClientAttributes, attributes.Validate())
	a.arg(map[string]any(attributes))
	return a.send(ctx)
}
