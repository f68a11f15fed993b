package demo

import (
	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/templates"
)

// sampleVisitor is the visitor the demo page is rendered for, as a site
// would render it for a signed-in customer.
var sampleVisitor = templates.Visitor{
	ID: "demo-customer-42",
	Config: jsapi.PageConfig{
		ContactInfo: &jsapi.ContactInfo{
			Name:        "Ada Lovelace",
			Email:       "ada@example.com",
			Phone:       "+14155550123",
			Description: "Signed in on the demo site",
		},
		CustomData: []jsapi.CustomField{
			{Title: "Plan", Content: "Pro, billed yearly", Link: "https://example.com/account/42"},
			{Key: "Cart", Content: "3 items, $120"},
		},
		Invitation: &jsapi.Invitation{Text: "Hi Ada! Any questions about your cart?"},
	},
}
