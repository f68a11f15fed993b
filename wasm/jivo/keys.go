package jivo

// The JSON keys of the objects the bridge writes and reads, in the order
// of the fields of their Go types (a host test compares them with package
// jsapi's json tags).
var (
	openKeys = []string{`"start":`}
	// ContactInfo's, then OfflineMessage's own field.
	contactKeys     = []string{`"name":`, `"email":`, `"phone":`, `"description":`, `"message":`}
	customFieldKeys = []string{`"content":`, `"title":`, `"link":`, `"key":`}

	// getContactInfo answers the name as client_name (some widgets: name).
	contactInfoKeys = []string{"client_name", "email", "phone", "description", "name"}
	utmKeys         = []string{"source", "campaign", "content", "medium", "term"}
)
