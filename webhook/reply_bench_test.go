package webhook

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/jivokit/jivokit/jsapi"
)

// benchView is a typical reply: a few fields, contact info and a CRM link.
var benchView = &AgentView{
	CustomData: []jsapi.CustomField{
		{Title: "Customer since", Content: "2019"},
		{Title: "Orders", Content: "17", Link: "https://crm.example.com/c/42/orders"},
		{Title: "Plan", Content: "Gold <b>&</b>"},
	},
	ContactInfo: &jsapi.ContactInfo{Name: "John Smith", Phone: "+14084987855", Email: "email@example.com"},
	CRMLink:     "https://crm.example.com/c/42",
	Page:        &Page{URL: "https://example.com/pricing", Title: "Pricing"},
}

// viewByLibrary writes the reply appendView writes, cleaned by the same
// rules, with encoding/json into buf.
func viewByLibrary(buf *bytes.Buffer, v *AgentView, hosts jsapi.SafeHosts) {
	rep := Reply{Result: "ok", AgentView: AgentView{EnableAssign: v.EnableAssign}}
	rep.CustomData, _ = jsapi.CleanCustomData(v.CustomData, hosts)
	if v.ContactInfo != nil {
		if c, _ := jsapi.CleanContactInfo(*v.ContactInfo); !c.IsZero() {
			rep.ContactInfo = &c
		}
	}
	if hosts.Allows(v.CRMLink) == nil {
		rep.CRMLink = v.CRMLink
	}
	if p := v.Page; p != nil {
		page := *p
		if hosts.Allows(page.URL) != nil {
			page.URL = ""
		}
		if page != (Page{}) {
			rep.Page = &page
		}
	}
	json.NewEncoder(buf).Encode(&rep)
}

// TestViewByLibraryWritesTheSame keeps the benchmark below honest: both
// writers give the same reply.
func TestViewByLibraryWritesTheSame(t *testing.T) {
	hosts, _ := jsapi.NewSafeHosts("example.com")
	var buf bytes.Buffer
	viewByLibrary(&buf, benchView, hosts)
	var a, b Reply
	if err := json.Unmarshal(appendView(nil, benchView, jsapi.Cleaner{Hosts: hosts}, func(error) {}), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(buf.Bytes(), &b); err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Fatalf("appendView %s\nlibrary    %s", ja, jb)
	}
}

// BenchmarkReplyRatio measures the hand-written reply writer (appendView,
// jsonstr.Append) against encoding/json writing the same reply cleaned by the
// same rules, interleaved in rounds in the same run. It reports ns per
// reply of each and hand/library.
//
//	go test -run '^$' -bench ReplyRatio -count 5 ./webhook/
func BenchmarkReplyRatio(b *testing.B) {
	hosts, _ := jsapi.NewSafeHosts("example.com")
	var dst []byte
	var buf bytes.Buffer
	const round = 1000
	var tHand, tLib time.Duration
	b.ReportAllocs()
	for done := 0; done < b.N; done += round {
		n := min(round, b.N-done)
		start := time.Now()
		for range n {
			dst = appendView(dst[:0], benchView, jsapi.Cleaner{Hosts: hosts}, func(error) {})
		}
		mid := time.Now()
		for range n {
			buf.Reset()
			viewByLibrary(&buf, benchView, hosts)
		}
		tHand, tLib = tHand+mid.Sub(start), tLib+time.Since(mid)
	}
	b.ReportMetric(float64(tHand.Nanoseconds())/float64(b.N), "hand-ns/reply")
	b.ReportMetric(float64(tLib.Nanoseconds())/float64(b.N), "library-ns/reply")
	b.ReportMetric(tHand.Seconds()/tLib.Seconds(), "hand/library")
	b.ReportMetric(0, "ns/op")
}
