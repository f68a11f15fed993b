package webhook

import (
	"encoding/json"
	"strings"
)

// CRM webhooks are a second family of events, which the vendor posts to
// the URL set for CRM webhooks (it may be the same Handler). Each names
// what it is about in event_type (CRMEntity) and what happened in
// event_name ("created_deal", "fired_task", ...). This package has one
// type per entity, with the action as a field: CRMDealEvent,
// CRMTaskEvent, ... The vendor documents the envelope; the shape of each
// entity object is its CRM's and may grow, so the entity is typed by the
// fields every entity has (id, name or title, times) and kept whole in
// its CRMObject.Raw.

// CRMEntity is what a CRM event is about, as sent in event_type.
type CRMEntity string

// The entities the vendor's CRM webhooks name.
const (
	CRMPipeline     CRMEntity = "crm_pipeline"
	CRMStatus       CRMEntity = "crm_status"
	CRMClientTag    CRMEntity = "crm_client_tag"
	CRMDeal         CRMEntity = "crm_deal"
	CRMTask         CRMEntity = "crm_task"
	CRMOrganization CRMEntity = "crm_organization"
	CRMClient       CRMEntity = "crm_client"
)

// CRMAction is what happened to the entity: event_name without the
// entity's name ("created_deal" is CRMCreated, "changed_require_update_of_status"
// CRMChangedRequireUpdate). An action this package does not know is read
// the same way.
type CRMAction string

// The actions the vendor's CRM webhooks name.
const (
	CRMCreated                  CRMAction = "created"
	CRMUpdated                  CRMAction = "updated"
	CRMDeleted                  CRMAction = "deleted"
	CRMReordered                CRMAction = "reordered"                  // statuses
	CRMAssigned                 CRMAction = "assigned"                   // statuses
	CRMChangedRequireUpdate     CRMAction = "changed_require_update"     // statuses
	CRMMerged                   CRMAction = "merged"                     // client tags
	CRMChangedAdministratorOnly CRMAction = "changed_administrator_only" // client tags
	CRMCompleted                CRMAction = "completed"                  // tasks
	CRMFired                    CRMAction = "fired"                      // tasks: the reminder's time came
)

// CRMBase holds the fields every CRM event carries, and embeds Base
// (event_name, Raw, Problems; the chat fields stay zero).
type CRMBase struct {
	Base
	// EventType is the entity as sent: "crm_deal", ...
	EventType CRMEntity `json:"event_type"`
	// Action is read from event_name by Decode; it is not sent as such.
	Action CRMAction `json:"-"`
	// Timestamp is when it happened, in Unix seconds, when sent.
	Timestamp int64 `json:"timestamp,omitempty"`
}

func (b *CRMBase) crm() *CRMBase { return b }

// crmEvent is implemented by every CRM event type.
type crmEvent interface {
	Event
	crm() *CRMBase
}

// CRMObject is the entity a CRM event is about. The fields every entity
// has are typed; Raw holds the whole object as sent, for the rest (a
// deal's pipeline and amount, a task's deadline, ...): unmarshal it into
// a type of your own.
type CRMObject struct {
	ID        ID     `json:"id,omitempty"`
	Name      string `json:"name,omitempty"`
	Title     string `json:"title,omitempty"`
	CreatedAt Text   `json:"created_at,omitempty"` // as sent: Unix seconds or a date
	UpdatedAt Text   `json:"updated_at,omitempty"`
	// Raw is the whole object as received.
	Raw json.RawMessage `json:"-"`
}

// CRMPipelineEvent: a pipeline of deals was created, updated or deleted.
type CRMPipelineEvent struct {
	CRMBase
	Pipeline CRMObject `json:"pipeline,omitzero"`
}

// CRMStatusEvent: a stage of a pipeline (a status) was created, updated,
// deleted, reordered, assigned, or its "requires an update" setting
// changed. Status shadows Base.Status (a client's status in chat events).
type CRMStatusEvent struct {
	CRMBase
	Status CRMObject `json:"status,omitzero"`
}

// CRMClientTagEvent: a client tag was created, updated, deleted, merged
// into another, or made administrator-only or not.
type CRMClientTagEvent struct {
	CRMBase
	ClientTag CRMObject `json:"client_tag,omitzero"`
}

// CRMDealEvent: a deal was created, updated or deleted.
type CRMDealEvent struct {
	CRMBase
	Deal CRMObject `json:"deal,omitzero"`
}

// CRMTaskEvent: a task was created, updated, deleted, completed, or fired
// (its reminder's time came).
type CRMTaskEvent struct {
	CRMBase
	Task CRMObject `json:"task,omitzero"`
}

// CRMOrganizationEvent: an organization was created. Organization shadows
// Base.Organization (a client's organization in chat events).
type CRMOrganizationEvent struct {
	CRMBase
	Organization CRMObject `json:"organization,omitzero"`
}

// CRMClientEvent: a client (a contact card) was created, updated or
// deleted.
type CRMClientEvent struct {
	CRMBase
	Client CRMObject `json:"client,omitzero"`
}

// Name returns the event_name as sent.
func (b *CRMBase) Name() Name {
	if b == nil {
		return ""
	}
	return Name(b.EventName)
}

// Object returns the entity the event is about.
func (e *CRMPipelineEvent) Object() *CRMObject     { return &e.Pipeline }
func (e *CRMStatusEvent) Object() *CRMObject       { return &e.Status }
func (e *CRMClientTagEvent) Object() *CRMObject    { return &e.ClientTag }
func (e *CRMDealEvent) Object() *CRMObject         { return &e.Deal }
func (e *CRMTaskEvent) Object() *CRMObject         { return &e.Task }
func (e *CRMOrganizationEvent) Object() *CRMObject { return &e.Organization }
func (e *CRMClientEvent) Object() *CRMObject       { return &e.Client }

// CRM is what every CRM event type has: *CRMDealEvent, *CRMTaskEvent, ...
type CRM interface {
	Event
	// Entity returns event_type.
	Entity() CRMEntity
	// Object returns the entity the event is about.
	Object() *CRMObject
	crm() *CRMBase
}

// Entity returns event_type.
func (b *CRMBase) Entity() CRMEntity { return b.EventType }

// crmNames lists the CRM events the vendor documents, by event_name,
// with their entity: the action is the name without its entity, which
// the table says for the names whose entity is not at their end.
var crmNames = []struct {
	name   Name
	entity CRMEntity
}{
	{"created_pipeline", CRMPipeline}, {"updated_pipeline", CRMPipeline}, {"deleted_pipeline", CRMPipeline},
	{"created_status", CRMStatus}, {"updated_status", CRMStatus}, {"deleted_status", CRMStatus},
	{"reordered_status", CRMStatus}, {"assigned_status", CRMStatus}, {"changed_require_update_of_status", CRMStatus},
	{"created_client_tag", CRMClientTag}, {"updated_client_tag", CRMClientTag}, {"deleted_client_tag", CRMClientTag},
	{"merged_client_tag", CRMClientTag}, {"changed_administrator_only_client_tag", CRMClientTag},
	{"created_deal", CRMDeal}, {"updated_deal", CRMDeal}, {"deleted_deal", CRMDeal},
	{"created_task", CRMTask}, {"updated_task", CRMTask}, {"deleted_task", CRMTask},
	{"completed_task", CRMTask}, {"fired_task", CRMTask},
	{"created_organization", CRMOrganization},
	{"created_client", CRMClient}, {"updated_client", CRMClient}, {"deleted_client", CRMClient},
}

var crmEntityOf = func() map[Name]CRMEntity {
	m := make(map[Name]CRMEntity, len(crmNames))
	for _, n := range crmNames {
		m[n.name] = n.entity
	}
	return m
}()

// newCRMEvent returns the empty event of entity, or nil.
func newCRMEvent(entity CRMEntity) Event {
	switch entity {
	case CRMPipeline:
		return &CRMPipelineEvent{}
	case CRMStatus:
		return &CRMStatusEvent{}
	case CRMClientTag:
		return &CRMClientTagEvent{}
	case CRMDeal:
		return &CRMDealEvent{}
	case CRMTask:
		return &CRMTaskEvent{}
	case CRMOrganization:
		return &CRMOrganizationEvent{}
	case CRMClient:
		return &CRMClientEvent{}
	}
	return nil
}

// crmAction reads the action from event_name: the name without its
// entity ("created_deal" → created, "changed_require_update_of_status" →
// changed_require_update). A name that does not end with the entity is
// the action whole.
func crmAction(name string, entity CRMEntity) CRMAction {
	if e, ok := crmEntityOf[Name(name)]; ok {
		entity = e
	}
	noun := strings.TrimPrefix(string(entity), "crm_")
	if noun == "" {
		return CRMAction(name)
	}
	a, ok := strings.CutSuffix(name, "_"+noun)
	if !ok {
		return CRMAction(name)
	}
	a = strings.TrimSuffix(a, "_of")
	return CRMAction(a)
}
