package jivo

// The JSON keys of the answers the bridge reads, in the order of the
// fields of their Go types (a host test compares them with package jsapi's
// json tags and the spec's answer shapes). The keys of the objects it
// writes are generated with their writers, in methods_gen.go.
var (
	// getContactInfo answers the name as client_name (some widgets: name).
	contactInfoKeys = []string{"client_name", "email", "phone", "description", "name"}
	utmKeys         = []string{"source", "campaign", "content", "medium", "term"}
)
