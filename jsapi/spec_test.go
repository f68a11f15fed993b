package jsapi

import (
	"strings"
	"testing"
)

// TestSpecHasEveryMethod lists every method by name, from the
// reference and the newer documentation, with how each answers.
func TestSpecHasEveryMethod(t *testing.T) {
	want := []struct {
		name   string
		answer Answer
		global bool
		source Source
	}{
		{"open", AnswerStatus, false, Reference},
		{"close", AnswerStatus, false, Reference},
		{"chatMode", AnswerValue, false, Reference},
		{"getContactInfo", AnswerValue, false, Reference},
		{"getVisitorNumber", AnswerErrFirst, false, Reference},
		{"setContactInfo", AnswerNone, false, Reference},
		{"setCustomData", AnswerStatus, false, Reference},
		{"setRules", AnswerNone, false, Reference},
		{"setUserToken", AnswerStatus, false, Reference},
		{"showProactiveInvitation", AnswerNone, false, Reference},
		{"startCall", AnswerStatus, false, Reference},
		{"isCallbackEnabled", AnswerCallback, false, Reference},
		{"sendOfflineMessage", AnswerStatus, false, Reference},
		{"setWidgetColor", AnswerNone, false, Notes},
		{"sendPageTitle", AnswerNone, false, Notes},
		{"setClientAttributes", AnswerNone, false, Notes},
		{"getUnreadMessagesCount", AnswerValue, false, Notes},
		{"getUtm", AnswerValue, false, Notes},
		{"clearHistory", AnswerNone, false, Notes},
		{"jivo_init", AnswerNone, true, Notes},
		{"jivo_destroy", AnswerNone, true, Notes},
	}
	byName := map[string]Method{}
	for _, m := range Methods() {
		byName[m.Name] = m
	}
	for _, w := range want {
		t.Run(w.name, func(t *testing.T) {
			m, ok := byName[w.name]
			if !ok {
				t.Fatalf("%s is not in Methods()", w.name)
			}
			if m.Answer != w.answer || m.Global != w.global || m.Source != w.source {
				t.Errorf("%s: answer %v, global %v, source %v; want %v, %v, %v", w.name, m.Answer, m.Global, m.Source, w.answer, w.global, w.source)
			}
		})
	}
	if len(byName) != len(want) {
		t.Errorf("Methods() has %d methods, the reference and notes name %d: update this table with the spec", len(byName), len(want))
	}
}

func TestSpecHasEveryCallback(t *testing.T) {
	want := []struct {
		name   string
		params []string // TypeScript types of the arguments
	}{
		{"jivo_onLoadCallback", nil},
		{"jivo_onOpen", nil},
		{"jivo_onMessageSent", nil},
		{"jivo_onAccept", nil},
		{"jivo_onClose", nil},
		{"jivo_onIntroduction", nil},
		{"jivo_onResizeCallback", nil},
		{"jivo_onCallStart", nil},
		{"jivo_onCallEnd", []string{"CallEndResult"}},
		{"jivo_onChangeState", []string{"ChatState"}},
		{"jivo_onClientStartChat", nil},
		{"jivo_onMessageReceived", nil},
		{"jivo_onWidgetDestroy", nil},
	}
	byName := map[string]Callback{}
	for _, c := range Callbacks() {
		byName[c.Name] = c
	}
	for _, w := range want {
		t.Run(w.name, func(t *testing.T) {
			c, ok := byName[w.name]
			if !ok {
				t.Fatalf("%s is not in Callbacks()", w.name)
			}
			var got []string
			for _, p := range c.Params {
				got = append(got, p.TS)
			}
			if strings.Join(got, ",") != strings.Join(w.params, ",") {
				t.Errorf("%s takes (%v), want (%v)", w.name, got, w.params)
			}
		})
	}
	if len(byName) != len(want) {
		t.Errorf("Callbacks() has %d callbacks, the reference and notes name %d", len(byName), len(want))
	}
}

// The details the reference and notes call out by name.
func TestSpecDetails(t *testing.T) {
	m := map[string]Method{}
	for _, x := range Methods() {
		m[x.Name] = x
	}
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{"getVisitorNumber answers (err, number)", m["getVisitorNumber"].Answer == AnswerErrFirst && m["getVisitorNumber"].Result == "number"},
		{"sendOfflineMessage fails with error", m["sendOfflineMessage"].FailKey == "error"},
		{"startCall fails with reason", m["startCall"].FailKey == "reason"},
		{"setUserToken fails with {result: 'fail', token}, no reason", m["setUserToken"].FailKey == "" && m["setUserToken"].FailReason == ReasonTokenRefused &&
			strings.Contains(m["setUserToken"].Status, "{result: 'fail', token: userToken || false}")},
		{"isCallbackEnabled's reason-less failure is Callback unavaiable", m["isCallbackEnabled"].FailReason == ErrCallbackUnavailable.Reason},
		{"jivo_onCallEnd's result is optional", func() bool {
			for _, c := range Callbacks() {
				if c.Name == "jivo_onCallEnd" {
					return len(c.Params) == 1 && c.Params[0].Optional
				}
			}
			return false
		}()},
		{"getContactInfo answers client_name", m["getContactInfo"].Result == "ContactInfoAnswer"},
		{"setContactInfo takes name", m["setContactInfo"].Params[0].TS == "ContactInfo"},
		{"jivo_init is never queued", m["jivo_init"].Immediate},
		{"only jivo_init is immediate", func() bool {
			for _, x := range Methods() {
				if x.Immediate != (x.Name == "jivo_init") {
					return false
				}
			}
			return true
		}()},
		{"showProactiveInvitation's department is optional", len(m["showProactiveInvitation"].Params) == 2 && m["showProactiveInvitation"].Params[1].Optional},
		{"the async callback is not among the params", len(m["getVisitorNumber"].Params) == 0 && len(m["isCallbackEnabled"].Params) == 0},
	} {
		if !tc.ok {
			t.Errorf("%s: no", tc.name)
		}
	}
}

func TestSpecNamesAreUnique(t *testing.T) {
	jsNames := map[string]bool{}
	goNames := map[string]string{} // wasm/jivo holds methods and subscriptions side by side
	check := func(js, goName string) {
		if js == "" || goName == "" {
			t.Errorf("a name is empty: %q / %q", js, goName)
		}
		if jsNames[js] {
			t.Errorf("%s is in the spec twice", js)
		}
		jsNames[js] = true
		if other, ok := goNames[goName]; ok {
			t.Errorf("Go name %s is used by %s and %s", goName, other, js)
		}
		goNames[goName] = js
	}
	for _, m := range Methods() {
		check(m.Name, m.GoName)
	}
	for _, c := range Callbacks() {
		check(c.Name, c.GoName)
	}
	shapes := map[string]bool{}
	for _, s := range Shapes() {
		if shapes[s.Name] {
			t.Errorf("shape %s is declared twice", s.Name)
		}
		shapes[s.Name] = true
	}
}

// TestSpecIsConsistent checks what generators rely on: every type named is
// a primitive or a shape, answers carry what they need, docs are one line.
func TestSpecIsConsistent(t *testing.T) {
	known := map[string]bool{"string": true, "number": true, "boolean": true, "object": true}
	for _, s := range Shapes() {
		known[s.Name] = true
		if s.Doc == "" || (len(s.Fields) == 0) == (len(s.Enum) == 0) {
			t.Errorf("shape %s: needs a doc and either fields or enum values", s.Name)
		}
		for _, f := range s.Fields {
			if f.Doc == "" || f.TS == "" {
				t.Errorf("shape %s field %s: needs a type and a doc", s.Name, f.Name)
			}
		}
	}
	isKnown := func(ts string) bool { return known[strings.TrimSuffix(ts, "[]")] }
	oneLine := func(what, doc string) {
		if doc == "" || strings.Contains(doc, "\n") {
			t.Errorf("%s: doc must be one non-empty line, got %q", what, doc)
		}
	}
	for _, m := range Methods() {
		oneLine(m.Name, m.Doc)
		optional := false
		for _, p := range m.Params {
			oneLine(m.Name+"."+p.Name, p.Doc)
			if !isKnown(p.TS) || p.Go == "" {
				t.Errorf("%s.%s: type %q is not a primitive or a shape, or has no Go type", m.Name, p.Name, p.TS)
			}
			if optional && !p.Optional {
				t.Errorf("%s.%s: a required parameter follows an optional one", m.Name, p.Name)
			}
			optional = optional || p.Optional
		}
		switch m.Answer {
		case AnswerValue, AnswerErrFirst:
			if !isKnown(m.Result) || m.ResultGo == "" {
				t.Errorf("%s: answers a value but its Result %q / ResultGo %q is incomplete", m.Name, m.Result, m.ResultGo)
			}
		case AnswerStatus, AnswerCallback:
			if m.FailKey != "reason" && m.FailKey != "error" && (m.FailKey != "" || m.FailReason == "" || m.Status == "") {
				t.Errorf("%s: answers a status but FailKey is %q; without one, FailReason and Status are required", m.Name, m.FailKey)
			}
		}
	}
	for _, c := range Callbacks() {
		oneLine(c.Name, c.Doc)
		if !strings.HasPrefix(c.Name, "jivo_on") {
			t.Errorf("%s: callbacks are jivo_on* globals", c.Name)
		}
		for _, p := range c.Params {
			if !isKnown(p.TS) {
				t.Errorf("%s.%s: type %q is not a primitive or a shape", c.Name, p.Name, p.TS)
			}
		}
	}
}

func TestAnswerAndSource(t *testing.T) {
	for _, tc := range []struct {
		a     Answer
		name  string
		async bool
	}{
		{AnswerNone, "none", false},
		{AnswerStatus, "status", false},
		{AnswerValue, "value", false},
		{AnswerCallback, "callback", true},
		{AnswerErrFirst, "errFirst", true},
	} {
		if tc.a.String() != tc.name || tc.a.Async() != tc.async {
			t.Errorf("%d: String %q Async %v, want %q %v", tc.a, tc.a, tc.a.Async(), tc.name, tc.async)
		}
	}
	if Reference.String() != "reference" || Notes.String() != "newer documentation" {
		t.Errorf("Source names: %q, %q", Reference, Notes)
	}
}
