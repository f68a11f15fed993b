// Package samples holds a realistic payload for every JivoChat webhook
// event: the vendor reference's own example where it has one, and for the
// newer and the CRM events a payload built from the vendor's newer
// documentation (README.md in this folder says how). Tools start from
// them (`jivokit webhook send`, the demo); tests get them decoded through
// package webhooktest.
//
//	body, err := samples.Payload(webhook.NameChatAccepted)
//	ev, err := webhook.Decode(body)
package samples

import (
	"embed"
	"fmt"
	"slices"

	"github.com/jivokit/jivokit/webhook"
)

// files are the payloads, verbatim: one per name in Names and CRMNames,
// and nothing else (the webhook package's other fixtures are for its
// tests).
//
//go:embed *.json
var files embed.FS

// Names lists the chat events, which have a type of their own in package
// webhook (CallEvent, ChatAccepted, ...).
func Names() []webhook.Name {
	return []webhook.Name{webhook.NameCallEvent, webhook.NameChatAccepted, webhook.NameChatAssigned, webhook.NameChatFinished,
		webhook.NameChatUpdated, webhook.NameOfflineMessage, webhook.NameClientUpdated, webhook.NameClientAttributeUpdated}
}

// crmNames are the CRM events the vendor documents, by entity.
var crmNames = []webhook.Name{
	"created_pipeline", "updated_pipeline", "deleted_pipeline",
	"created_status", "updated_status", "deleted_status", "reordered_status", "assigned_status", "changed_require_update_of_status",
	"created_client_tag", "updated_client_tag", "deleted_client_tag", "merged_client_tag", "changed_administrator_only_client_tag",
	"created_deal", "updated_deal", "deleted_deal",
	"created_task", "updated_task", "deleted_task", "completed_task", "fired_task",
	"created_organization",
	"created_client", "updated_client", "deleted_client",
}

// CRMNames lists the CRM events the vendor documents ("created_deal",
// "fired_task", ...), which package webhook decodes into one type per
// entity (CRMDealEvent, ...) with the action as a field. They are posted
// to the URL set for CRM webhooks.
func CRMNames() []webhook.Name { return slices.Clone(crmNames) }

// Payload returns the sample payload of the named event, as the vendor
// sends it; "offline_messages" is offline_message's.
func Payload(name webhook.Name) ([]byte, error) {
	if name == "offline_messages" {
		name = webhook.NameOfflineMessage
	}
	if !slices.Contains(Names(), name) && !slices.Contains(crmNames, name) {
		return nil, fmt.Errorf("samples: no sample for event %q; known events: %v and the CRM events %v", name, Names(), crmNames)
	}
	return files.ReadFile(string(name) + ".json")
}
