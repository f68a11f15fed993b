//go:build js && wasm

package main

import (
	"context"
	"strconv"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/wasm/jivo"
)

// param is an input of a method's row, with its sample value.
type param struct {
	name, value string
	multiline   bool
}

// method is a row: the widget's name of the method, its inputs, and the
// call, which reads the inputs with arg and describes the result.
type method struct {
	name   string
	params []param
	call   func(ctx context.Context, arg func(string) string) (string, error)
}

const ok = "ok"

func done(err error) (string, error) { return ok, err }

var methods = []method{
	{"open", []param{{name: "start", value: "chat"}}, func(ctx context.Context, arg func(string) string) (string, error) {
		return done(jivo.Open(ctx, jsapi.OpenOptions{Start: jsapi.OpenStart(arg("start"))}))
	}},
	{"close", nil, func(ctx context.Context, _ func(string) string) (string, error) { return done(jivo.Close(ctx)) }},
	{"chatMode", nil, func(ctx context.Context, _ func(string) string) (string, error) {
		m, err := jivo.ChatMode(ctx)
		return string(m), err
	}},
	{"getContactInfo", nil, func(ctx context.Context, _ func(string) string) (string, error) {
		c, err := jivo.GetContactInfo(ctx)
		return describeContact(c), err
	}},
	{"getVisitorNumber", nil, func(ctx context.Context, _ func(string) string) (string, error) {
		n, err := jivo.GetVisitorNumber(ctx)
		return strconv.Itoa(n), err
	}},
	{"setContactInfo", []param{{name: "name", value: "Ann Example"}, {name: "email", value: "ann@example.com"},
		{name: "phone", value: "+14084987855"}, {name: "description", value: "Came from the example app"}},
		func(ctx context.Context, arg func(string) string) (string, error) {
			return done(jivo.SetContactInfo(ctx, jsapi.ContactInfo{Name: arg("name"), Email: arg("email"), Phone: arg("phone"), Description: arg("description")}))
		}},
	{"setCustomData", []param{{name: "fields", value: "Plan | Pro | https://example.com/plan\nOrder | #1024 | https://example.com/orders/1024\nCart | 3 items |", multiline: true}},
		func(ctx context.Context, arg func(string) string) (string, error) {
			return done(jivo.SetCustomData(ctx, parseFields(arg("fields"))))
		}},
	{"setRules", []param{{name: "rules", value: `{"rules": []}`, multiline: true}}, func(ctx context.Context, arg func(string) string) (string, error) {
		return done(jivo.SetRules(ctx, jsapi.Rules(arg("rules"))))
	}},
	{"setUserToken", []param{{name: "token", value: "example-visitor-1"}}, func(ctx context.Context, arg func(string) string) (string, error) {
		return done(jivo.SetUserToken(ctx, arg("token")))
	}},
	{"showProactiveInvitation", []param{{name: "invitation_text", value: "Need help choosing a plan?"}, {name: "department_id", value: ""}},
		func(ctx context.Context, arg func(string) string) (string, error) {
			inv := jsapi.Invitation{Text: arg("invitation_text")}
			if d := arg("department_id"); d != "" {
				n, err := strconv.Atoi(d)
				if err != nil {
					return "", &jsapi.InputError{Field: "department_id", Problem: "is not a number"}
				}
				inv.DepartmentID = n
			}
			return done(jivo.ShowProactiveInvitation(ctx, inv))
		}},
	{"startCall", []param{{name: "phone", value: "+14084987855"}}, func(ctx context.Context, arg func(string) string) (string, error) {
		return done(jivo.StartCall(ctx, arg("phone")))
	}},
	{"isCallbackEnabled", nil, func(ctx context.Context, _ func(string) string) (string, error) {
		if err := jivo.IsCallbackEnabled(ctx); err != nil {
			return "", err
		}
		return "calls are enabled", nil
	}},
	{"sendOfflineMessage", []param{{name: "name", value: "Ann Example"}, {name: "email", value: "ann@example.com"},
		{name: "phone", value: ""}, {name: "message", value: "Please call me back tomorrow."}},
		func(ctx context.Context, arg func(string) string) (string, error) {
			return done(jivo.SendOfflineMessage(ctx, jsapi.OfflineMessage{Name: arg("name"), Email: arg("email"), Phone: arg("phone"), Message: arg("message")}))
		}},
	{"setWidgetColor", []param{{name: "color", value: "#1e88e5"}, {name: "color2", value: "#43a047"}},
		func(ctx context.Context, arg func(string) string) (string, error) {
			return done(jivo.SetWidgetColor(ctx, jsapi.WidgetColor{Color: arg("color"), Color2: arg("color2")}))
		}},
	{"sendPageTitle", []param{{name: "title", value: "Cart"}, {name: "url", value: "https://example.com/cart"}},
		func(ctx context.Context, arg func(string) string) (string, error) {
			return done(jivo.SendPageTitle(ctx, jsapi.PageTitle{Title: arg("title"), URL: arg("url")}))
		}},
	{"setClientAttributes", []param{{name: "attributes", value: "plan = pro\nseats = 12", multiline: true}},
		func(ctx context.Context, arg func(string) string) (string, error) {
			return done(jivo.SetClientAttributes(ctx, parseAttributes(arg("attributes"))))
		}},
	{"getUnreadMessagesCount", nil, func(ctx context.Context, _ func(string) string) (string, error) {
		n, err := jivo.GetUnreadMessagesCount(ctx)
		return strconv.Itoa(n), err
	}},
	{"getUtm", nil, func(ctx context.Context, _ func(string) string) (string, error) {
		u, err := jivo.GetUTM(ctx)
		return describeUTM(u), err
	}},
	{"clearHistory", nil, func(ctx context.Context, _ func(string) string) (string, error) { return done(jivo.ClearHistory(ctx)) }},
	{"jivo_init", nil, func(ctx context.Context, _ func(string) string) (string, error) { return done(jivo.Init(ctx)) }},
	{"jivo_destroy", nil, func(ctx context.Context, _ func(string) string) (string, error) { return done(jivo.Destroy(ctx)) }},
}
