package webhook

import (
	"embed"
	"fmt"
	"slices"
)

// samples are the reference's example payloads, verbatim, and payloads
// for the newer events built from the vendor's newer documentation: one
// per name in Names and CRMNames, and nothing else (the other fixtures are
// for tests). The CRM samples are valid JSON, which the vendor's published
// CRM examples are not: samples/README.md says what was corrected.
//
//go:embed samples/*.json
var samples embed.FS

// Sample returns a realistic payload for the named event: the vendor
// reference's own example where it has one. Tools and tests start from it
// (see the webhooktest package).
func Sample(name Name) ([]byte, error) {
	name = canonical(string(name))
	if !slices.Contains(Names(), name) && !IsCRM(name) {
		return nil, fmt.Errorf("webhook: no sample for event %q; known events: %v and the CRM events %v", name, Names(), CRMNames())
	}
	return samples.ReadFile("samples/" + string(name) + ".json")
}
