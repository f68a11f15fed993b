package webhook_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jivokit/jivokit/internal/lib/testtool"
	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/usertoken"
	"github.com/jivokit/jivokit/usertoken/usertokentest"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/samples"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// errs collects what a handler reports.
type errs struct {
	mu   sync.Mutex
	list []error
}

func (e *errs) add(_ context.Context, err error) {
	e.mu.Lock()
	e.list = append(e.list, err)
	e.mu.Unlock()
}

func (e *errs) has(target error) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, err := range e.list {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}

func newHandler(t *testing.T, f webhook.Funcs, opts ...webhook.Option) (*webhook.Handler, *errs) {
	t.Helper()
	e := &errs{}
	h, err := webhook.New(f, append([]webhook.Option{webhook.WithErrorHandler(e.add), webhook.WithLogger(slog.New(slog.DiscardHandler))}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return h, e
}

func TestHandlerCallsTheEventsFunction(t *testing.T) {
	var got []webhook.Name
	var mu sync.Mutex
	rec := func(ev webhook.Event) { mu.Lock(); got = append(got, ev.Name()); mu.Unlock() }
	h, _ := newHandler(t, webhook.Funcs{
		CallEvent:              func(_ context.Context, e *webhook.CallEvent) error { rec(e); return nil },
		ChatAccepted:           func(_ context.Context, e *webhook.ChatAccepted) (*webhook.AgentView, error) { rec(e); return nil, nil },
		ChatAssigned:           func(_ context.Context, e *webhook.ChatAssigned) error { rec(e); return nil },
		ChatFinished:           func(_ context.Context, e *webhook.ChatFinished) error { rec(e); return nil },
		ChatUpdated:            func(_ context.Context, e *webhook.ChatUpdated) (*webhook.AgentView, error) { rec(e); return nil, nil },
		OfflineMessage:         func(_ context.Context, e *webhook.OfflineMessage) error { rec(e); return nil },
		ClientUpdated:          func(_ context.Context, e *webhook.ClientUpdated) error { rec(e); return nil },
		ClientAttributeUpdated: func(_ context.Context, e *webhook.ClientAttributeUpdated) error { rec(e); return nil },
	})
	for _, name := range samples.Names() {
		rep := webhooktest.Post(t, h, webhooktest.Payload(t, name))
		if rep.Status != 200 || string(rep.Body) != `{"result":"ok"}` {
			t.Errorf("%s: %d %s", name, rep.Status, rep.Body)
		}
		if rep.Header.Get("Content-Type") != "application/json" {
			t.Errorf("%s: content type %q", name, rep.Header.Get("Content-Type"))
		}
	}
	if !reflect.DeepEqual(got, samples.Names()) {
		t.Fatalf("functions called for %v, want %v", got, samples.Names())
	}
}

func TestHandlerWithoutFunctionsAnswersOK(t *testing.T) {
	h, _ := newHandler(t, webhook.Funcs{})
	for _, name := range samples.Names() {
		if rep := webhooktest.Post(t, h, webhooktest.Payload(t, name)); rep.Status != 200 || !rep.OK() {
			t.Errorf("%s: %d %s", name, rep.Status, rep.Body)
		}
	}
}

func TestHandlerWritesTheReferenceReply(t *testing.T) {
	h, _ := newHandler(t, webhook.Funcs{
		ChatAccepted: func(_ context.Context, e *webhook.ChatAccepted) (*webhook.AgentView, error) {
			return &webhook.AgentView{
				CustomData:  []jsapi.CustomField{{Title: "Title", Content: "Content text"}},
				ContactInfo: &jsapi.ContactInfo{Name: e.Visitor.Name, Phone: e.Visitor.Phone, Email: e.Visitor.Email},
				Page:        &e.Page,
			}, nil
		},
	})
	rep := webhooktest.Post(t, h, webhooktest.Event[*webhook.ChatAccepted](t))
	want, err := os.ReadFile("testdata/chat_accepted_reply.json")
	if err != nil {
		t.Fatal(err)
	}
	var compact bytes.Buffer
	json.Compact(&compact, want)
	if string(rep.Body) != compact.String() {
		t.Fatalf("reply\n%s\nwant the reference's\n%s", rep.Body, compact.Bytes())
	}
}

func TestHandlerReplyEncoding(t *testing.T) {
	view := &webhook.AgentView{
		CustomData: []jsapi.CustomField{
			{Title: `<b>"quoted"</b> & more`, Content: "line\nbreak\ttab \u2028 \x01 Анна ✓", Link: "https://crm.example.com/c/42?x=1&y=2", Key: "k"},
			{Content: "only content"},
		},
		ContactInfo:  &jsapi.ContactInfo{Name: "Ann", Description: "VIP"},
		EnableAssign: true,
		CRMLink:      "https://crm.example.com/c/42",
		Page:         &webhook.Page{URL: "https://shop.example.com/cart?a=1&b=<2>", Title: "Cart"},
	}
	h, _ := newHandler(t, webhook.Funcs{
		ChatUpdated: func(context.Context, *webhook.ChatUpdated) (*webhook.AgentView, error) { return view, nil },
	})
	rep := webhooktest.Post(t, h, webhooktest.Payload(t, webhook.NameChatUpdated))
	want, _ := json.Marshal(webhook.Reply{Result: "ok", AgentView: *view})
	var got, wantV any
	json.Unmarshal(rep.Body, &got)
	json.Unmarshal(want, &wantV)
	if !reflect.DeepEqual(got, wantV) {
		t.Fatalf("reply\n%s\nwant (as encoding/json writes it)\n%s", rep.Body, want)
	}
	if !reflect.DeepEqual(rep.AgentView, *view) {
		t.Fatalf("decoded reply %+v, want %+v", rep.AgentView, *view)
	}
	if bytes.ContainsAny(rep.Body, "<>&\n") {
		t.Fatalf("reply has unescaped HTML or newlines: %s", rep.Body)
	}
}

func TestHandlerFunctionError(t *testing.T) {
	h, e := newHandler(t, webhook.Funcs{
		ChatFinished: func(context.Context, *webhook.ChatFinished) error { return errors.New(`crm is down: "503"`) },
		ChatAccepted: func(context.Context, *webhook.ChatAccepted) (*webhook.AgentView, error) {
			return &webhook.AgentView{CRMLink: "https://crm.example.com/"}, errors.New("no such client")
		},
	})
	for _, tt := range []struct {
		name webhook.Name
		want string
	}{{webhook.NameChatFinished, `crm is down: "503"`}, {webhook.NameChatAccepted, "no such client"}} {
		rep := webhooktest.Post(t, h, webhooktest.Payload(t, tt.name))
		if rep.Status != 200 || rep.Result != tt.want || rep.CRMLink != "" {
			t.Errorf("%s: %d %s, want result %q and nothing else", tt.name, rep.Status, rep.Body, tt.want)
		}
	}
	if len(e.list) != 2 {
		t.Fatalf("reported %v", e.list)
	}
}

// TestHandlerUnavailable: a function's error that wraps ErrUnavailable is
// answered 503 with the error as result, so that the sender may send the
// event again; other errors are answered 200.
func TestHandlerUnavailable(t *testing.T) {
	h, e := newHandler(t, webhook.Funcs{
		ChatFinished: func(context.Context, *webhook.ChatFinished) error {
			return fmt.Errorf("archive: %w: database is down", webhook.ErrUnavailable)
		},
		ChatAccepted: func(context.Context, *webhook.ChatAccepted) (*webhook.AgentView, error) {
			return &webhook.AgentView{CRMLink: "https://crm.example.com/"}, fmt.Errorf("crm: %w", webhook.ErrUnavailable)
		},
	})
	for _, name := range []webhook.Name{webhook.NameChatFinished, webhook.NameChatAccepted} {
		rep := webhooktest.Post(t, h, webhooktest.Payload(t, name))
		if rep.Status != http.StatusServiceUnavailable || !strings.Contains(rep.Result, string(webhook.ErrUnavailable)) || rep.CRMLink != "" {
			t.Errorf("%s: %d %s, want 503 and the error alone", name, rep.Status, rep.Body)
		}
	}
	if !e.has(webhook.ErrUnavailable) {
		t.Errorf("reported %v", e.list)
	}
}

func TestHandlerRefuses(t *testing.T) {
	sample := string(webhooktest.Payload(t, webhook.NameChatAccepted))
	h, _ := newHandler(t, webhook.Funcs{}, webhook.WithMaxBodySize(int64(len(sample))))
	tests := []struct {
		name        string
		method      string
		contentType string
		body        string
		chunked     bool
		status      int
		want        error
	}{
		{"GET", "GET", "application/json", "", false, 405, webhook.ErrMethod},
		{"PUT", "PUT", "application/json", sample, false, 405, webhook.ErrMethod},
		{"form", "POST", "application/x-www-form-urlencoded", "event_name=chat_accepted", false, 400, webhook.ErrMalformed},
		{"text, too large", "POST", "text/plain", sample + " ", false, 413, webhook.ErrTooLarge},
		{"too large", "POST", "application/json", sample + " ", false, 413, webhook.ErrTooLarge},
		{"too large, chunked", "POST", "application/json", sample + strings.Repeat(" ", 1000), true, 413, webhook.ErrTooLarge},
		{"malformed", "POST", "application/json", `{"event_name":`, false, 400, webhook.ErrMalformed},
		{"not an object", "POST", "application/json", `[]`, false, 400, webhook.ErrMalformed},
		{"no event_name", "POST", "application/json", `{"chat_id":1}`, false, 400, webhook.ErrNoEventName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, "/", strings.NewReader(tt.body))
			r.Header.Set("Content-Type", tt.contentType)
			if tt.chunked {
				r.ContentLength = -1
			}
			rep := webhooktest.Do(t, h, r)
			if rep.Status != tt.status || rep.Result != rep.Error || !strings.HasPrefix(rep.Error, tt.want.Error()) {
				t.Fatalf("%d %s, want %d with error %q", rep.Status, rep.Body, tt.status, tt.want)
			}
			if tt.status == 405 && rep.Header.Get("Allow") != "POST" {
				t.Fatalf("Allow = %q", rep.Header.Get("Allow"))
			}
		})
	}
}

// TestHandlerAnyContentType: a body that is a JSON object is answered
// whatever its Content-Type, or with none; a type other than JSON is
// logged once, at Info.
func TestHandlerAnyContentType(t *testing.T) {
	var logs testtool.Buffer
	var got []webhook.Name
	h, err := webhook.New(webhook.Funcs{
		ChatFinished: func(_ context.Context, e *webhook.ChatFinished) error { got = append(got, e.Name()); return nil },
		CRMDeal:      func(_ context.Context, e *webhook.CRMDealEvent) error { got = append(got, e.Name()); return nil },
	}, webhook.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		contentType string
		logged      bool
	}{
		{"", false},
		{"application/json", false},
		{"application/json; charset=utf-8", false},
		{"Application/JSON;charset=UTF-8", false},
		{"application/vnd.jivo+json", false},
		{"text/plain", true},
		{"text/plain; charset=utf-8", true},
		{"application/x-www-form-urlencoded", true},
		{"application/octet-stream", true},
		{"multipart/form-data; boundary=x", true},
		{"application/json; =", true},
		{"\x1b[2J", true},
	}
	for _, tt := range tests {
		for _, name := range []webhook.Name{webhook.NameChatFinished, "created_deal"} {
			r := webhooktest.NewRequest(t, "/", webhooktest.Payload(t, name))
			r.Header.Set("Content-Type", tt.contentType)
			if tt.contentType == "" {
				r.Header.Del("Content-Type")
			}
			if rep := webhooktest.Do(t, h, r); rep.Status != 200 || !rep.OK() {
				t.Errorf("Content-Type %q, %s: %d %s", tt.contentType, name, rep.Status, rep.Body)
			}
		}
		if tt.logged && tt.contentType[0] != 0x1b && !strings.Contains(logs.String(), tt.contentType) {
			t.Errorf("Content-Type %q not logged:\n%s", tt.contentType, logs.String())
		}
	}
	if len(got) != 2*len(tests) {
		t.Errorf("%d events delivered, want %d", len(got), 2*len(tests))
	}
	if strings.Contains(logs.String(), "level=WARN") || strings.Count(logs.String(), "level=INFO") != 7 {
		t.Errorf("logs:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "\x1b") {
		t.Errorf("a control character logged raw:\n%q", logs.String())
	}
}

func TestHandlerSurvivesPanics(t *testing.T) {
	h, e := newHandler(t, webhook.Funcs{
		ChatAccepted: func(context.Context, *webhook.ChatAccepted) (*webhook.AgentView, error) { panic("boom") },
	})
	srv := httptest.NewServer(h)
	defer srv.Close()
	post := func(name webhook.Name) (int, string) {
		res, err := http.Post(srv.URL, "application/json", bytes.NewReader(webhooktest.Payload(t, name)))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var rep webhook.Reply
		json.NewDecoder(res.Body).Decode(&rep)
		return res.StatusCode, rep.Error
	}
	for i := 0; i < 3; i++ {
		if status, msg := post(webhook.NameChatAccepted); status != 500 || msg != "webhook: internal error" {
			t.Fatalf("panicking function: %d %q", status, msg)
		}
		if status, _ := post(webhook.NameChatFinished); status != 200 {
			t.Fatalf("after a panic: %d", status)
		}
	}
	if !e.has(webhook.ErrPanic) || !strings.Contains(e.list[0].Error(), "boom") {
		t.Fatalf("panic not reported: %v", e.list)
	}
}

func TestHandlerDeadline(t *testing.T) {
	for _, tt := range []struct {
		name string
		opts []webhook.Option
		want time.Duration // 0: no deadline
	}{
		{"default", nil, webhook.DefaultTimeout},
		{"configured", []webhook.Option{webhook.WithTimeout(50 * time.Millisecond)}, 50 * time.Millisecond},
		{"none", []webhook.Option{webhook.WithTimeout(0)}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var left time.Duration
			var has bool
			h, _ := newHandler(t, webhook.Funcs{
				ChatFinished: func(ctx context.Context, _ *webhook.ChatFinished) error {
					var d time.Time
					d, has = ctx.Deadline()
					left = time.Until(d)
					if tt.want > 0 && tt.want < time.Second {
						<-ctx.Done() // a slow function sees its deadline pass
						return ctx.Err()
					}
					return nil
				},
			}, tt.opts...)
			rep := webhooktest.Post(t, h, webhooktest.Payload(t, webhook.NameChatFinished))
			if has != (tt.want > 0) || has && (left > tt.want || left < tt.want-time.Second) {
				t.Fatalf("deadline %v in %v, want in %v", has, left, tt.want)
			}
			if tt.want == 50*time.Millisecond && rep.Result != context.DeadlineExceeded.Error() {
				t.Fatalf("a function past its deadline: %s", rep.Body)
			}
		})
	}
}

func TestHandlerPathSecret(t *testing.T) {
	const path = "/jivo/webhook/Zk3t9qLm2Xw8Rb4Ny7Pc1Vd6Hs5Jg0Fa"
	h, _ := newHandler(t, webhook.Funcs{}, webhook.WithPath(path))
	body := webhooktest.Payload(t, webhook.NameChatFinished)
	for _, tt := range []struct {
		target string
		status int
	}{
		{path, 200},
		{path + "?x=1", 200},
		{"/", 404},
		{"/jivo/webhook/", 404},
		{path[:len(path)-1], 404},
		{path + "x", 404},
		{path + "/", 404},
		{strings.ToUpper(path), 404},
	} {
		rep := webhooktest.Do(t, h, webhooktest.NewRequest(t, tt.target, body))
		want := `{"result":"ok"}`
		if tt.status == 404 {
			want = notFound
		}
		if rep.Status != tt.status || string(rep.Body) != want || rep.Header.Get("Content-Type") != "application/json" {
			t.Errorf("%s: %d %s (%s), want %d %s", tt.target, rep.Status, rep.Body, rep.Header.Get("Content-Type"), tt.status, want)
		}
	}
	// The path is checked first, so a wrong path tells nothing else.
	r := httptest.NewRequest("GET", "/nope", nil)
	if rep := webhooktest.Do(t, h, r); rep.Status != 404 || string(rep.Body) != notFound || rep.Header.Get("Allow") != "" {
		t.Errorf("GET on a wrong path: %d %s, Allow %q", rep.Status, rep.Body, rep.Header.Get("Allow"))
	}
}

// notFound is the whole reply to a request for a path other than WithPath's.
const notFound = `{"result":"webhook: not found","error":"webhook: not found"}`

func TestHandlerVerifiesUserToken(t *testing.T) {
	signer := usertokentest.Signer(t)
	var got webhook.Identity
	funcs := webhook.Funcs{
		ChatAccepted: func(_ context.Context, e *webhook.ChatAccepted) (*webhook.AgentView, error) {
			got = e.Identity
			return nil, nil
		},
	}
	verifying, _ := newHandler(t, funcs, webhook.WithSigner(signer))
	plain, _ := newHandler(t, funcs)
	tests := []struct {
		name    string
		h       http.Handler
		token   string
		visitor string
		want    []error
	}{
		{"genuine", verifying, usertokentest.Mint(t, signer, "customer-42"), "customer-42", nil},
		{"expired", verifying, usertokentest.Expired(t, signer, "customer-42"), "", []error{webhook.ErrTokenInvalid, usertoken.ErrExpired}},
		{"forged", verifying, usertokentest.Forged(t, "customer-42"), "", []error{webhook.ErrTokenInvalid, usertoken.ErrBadSignature}},
		{"not a token", verifying, "customer-42", "", []error{webhook.ErrTokenInvalid, usertoken.ErrMalformed}},
		{"missing", verifying, "", "", []error{webhook.ErrNoUserToken}},
		{"no signer", plain, usertokentest.Mint(t, signer, "customer-42"), "", []error{webhook.ErrNoSigner}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := webhooktest.Event[*webhook.ChatAccepted](t)
			ev.UserToken = tt.token
			got = webhook.Identity{}
			if rep := webhooktest.Post(t, tt.h, ev); !rep.OK() {
				t.Fatalf("reply %s", rep.Body)
			}
			if got.VisitorID != tt.visitor || got.Verified() != (tt.visitor != "") {
				t.Fatalf("identity %+v, want visitor %q", got, tt.visitor)
			}
			for _, w := range tt.want {
				if !errors.Is(got.Err, w) {
					t.Fatalf("Err = %v, want %v", got.Err, w)
				}
			}
		})
	}
}

func TestHandlerDropsUnsafeLinks(t *testing.T) {
	view := &webhook.AgentView{
		CustomData: []jsapi.CustomField{
			{Title: "CRM", Link: "https://crm.example.com/c/42"},
			{Title: "Shop", Link: "https://EXAMPLE.com./orders"},
			{Title: "Evil", Link: "https://example.com.evil.test/"},
			{Title: "Script", Link: "javascript:alert(1)"},
			{Link: "data:text/html,<script>alert(1)</script>"},
		},
		CRMLink: "https://evil.test/crm",
		Page:    &webhook.Page{URL: "javascript:alert(1)", Title: "Cart"},
	}
	// With an allow-list (the vendor's "Safe URL") only links to its hosts
	// are sent; without one every link is, with advice about those that
	// are not absolute http(s) URLs; strict mode leaves those out.
	tests := []struct {
		name    string
		opts    []webhook.Option
		links   []string
		crmLink string
		pageURL string
	}{
		{"allow-list", []webhook.Option{webhook.WithSafeHosts("example.com")},
			[]string{"https://crm.example.com/c/42", "https://EXAMPLE.com./orders", "", "", ""}, "", ""},
		{"no allow-list", nil,
			[]string{"https://crm.example.com/c/42", "https://EXAMPLE.com./orders", "https://example.com.evil.test/", "javascript:alert(1)", "data:text/html,<script>alert(1)</script>"},
			"https://evil.test/crm", "javascript:alert(1)"},
		{"strict", []webhook.Option{webhook.WithStrict()},
			[]string{"https://crm.example.com/c/42", "https://EXAMPLE.com./orders", "https://example.com.evil.test/", ""}, "https://evil.test/crm", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, e := newHandler(t, webhook.Funcs{
				ChatAccepted: func(context.Context, *webhook.ChatAccepted) (*webhook.AgentView, error) { return view, nil },
			}, tt.opts...)
			rep := webhooktest.Post(t, h, webhooktest.Payload(t, webhook.NameChatAccepted))
			var links []string
			for _, f := range rep.CustomData {
				links = append(links, f.Link)
			}
			if !reflect.DeepEqual(links, tt.links) || rep.CRMLink != tt.crmLink {
				t.Fatalf("links %q crm %q, want %q %q\n%s", links, rep.CRMLink, tt.links, tt.crmLink, rep.Body)
			}
			if tt.pageURL == "" {
				// Left out as unsafe, the page has no url, which the
				// reference requires: it is not sent.
				if rep.Page != nil || !e.has(webhook.ErrPageDropped) {
					t.Fatalf("page %+v sent without its url", rep.Page)
				}
			} else if rep.Page == nil || rep.Page.URL != tt.pageURL || rep.Page.Title != "Cart" {
				t.Fatalf("page %+v", rep.Page)
			}
			if tt.opts == nil {
				if e.has(webhook.ErrLinkDropped) || !e.has(webhook.ErrAdvice) {
					t.Fatalf("reported %v; body %s", e.list, rep.Body)
				}
				return
			}
			if !e.has(webhook.ErrLinkDropped) || bytes.Contains(rep.Body, []byte("script")) {
				t.Fatalf("reported %v; body %s", e.list, rep.Body)
			}
		})
	}
	if view.CustomData[3].Link != "javascript:alert(1)" {
		t.Fatal("the handler changed the function's AgentView")
	}
}

// TestHandlerRequiredReplyFields: the reference requires contact_info.name
// and page.url; a contact or page without one is left out and reported,
// and the rest of the reply is sent.
func TestHandlerRequiredReplyFields(t *testing.T) {
	tests := []struct {
		name     string
		view     webhook.AgentView
		contact  bool
		page     bool
		reported error
	}{
		{"contact without name", webhook.AgentView{ContactInfo: &jsapi.ContactInfo{Email: "ann@example.com", Phone: "+14084987855"}}, false, false, webhook.ErrContactDropped},
		{"contact whose name is invalid UTF-8", webhook.AgentView{ContactInfo: &jsapi.ContactInfo{Name: "\xff", Email: "ann@example.com"}}, false, false, webhook.ErrContactDropped},
		{"contact with a name", webhook.AgentView{ContactInfo: &jsapi.ContactInfo{Name: "Ann", Email: "bad"}}, true, false, webhook.ErrAdvice},
		{"page without url", webhook.AgentView{Page: &webhook.Page{Title: "Cart"}}, false, false, webhook.ErrPageDropped},
		{"page with a url jivokit advises on", webhook.AgentView{Page: &webhook.Page{URL: "ftp://example.com/", Title: "Cart"}}, false, true, webhook.ErrAdvice},
		{"page with url only", webhook.AgentView{Page: &webhook.Page{URL: "https://example.com/"}}, false, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			view := tt.view
			view.CustomData = []jsapi.CustomField{{Title: "Plan", Content: "Gold"}}
			h, e := newHandler(t, webhook.Funcs{
				ChatAccepted: func(context.Context, *webhook.ChatAccepted) (*webhook.AgentView, error) { return &view, nil },
			})
			rep := webhooktest.Post(t, h, webhooktest.Payload(t, webhook.NameChatAccepted))
			if rep.Status != 200 || !rep.OK() || len(rep.CustomData) != 1 {
				t.Fatalf("reply %d %s", rep.Status, rep.Body)
			}
			if (rep.ContactInfo != nil) != tt.contact || (rep.Page != nil) != tt.page {
				t.Fatalf("reply %s", rep.Body)
			}
			if rep.ContactInfo != nil && rep.ContactInfo.Name == "" || rep.Page != nil && rep.Page.URL == "" {
				t.Fatalf("a required field is missing: %s", rep.Body)
			}
			if tt.reported != nil && !e.has(tt.reported) || tt.reported == nil && len(e.list) > 0 {
				t.Fatalf("reported %v, want %v", e.list, tt.reported)
			}
		})
	}
}

func TestHandlerLimitsCustomFields(t *testing.T) {
	fields := make([]jsapi.CustomField, 12)
	for i := range fields {
		fields[i] = jsapi.CustomField{Title: "f", Content: strings.Repeat("x", i+1)}
	}
	h, e := newHandler(t, webhook.Funcs{
		ChatUpdated: func(context.Context, *webhook.ChatUpdated) (*webhook.AgentView, error) {
			return &webhook.AgentView{CustomData: fields}, nil
		},
	})
	rep := webhooktest.Post(t, h, webhooktest.Payload(t, webhook.NameChatUpdated))
	if len(rep.CustomData) != jsapi.MaxCustomFields || !e.has(webhook.ErrTooManyFields) {
		t.Fatalf("%d fields sent, reported %v", len(rep.CustomData), e.list)
	}
}

func TestHandlerPassesUnknownEvents(t *testing.T) {
	body := `{"event_name":"chat_transferred","chat_id":5,"to":{"agent":7}}`
	var raw string
	h, _ := newHandler(t, webhook.Funcs{
		Other: func(_ context.Context, u *webhook.Unknown) error { raw = string(u.Raw); return nil },
	})
	if rep := webhooktest.Post(t, h, body); rep.Status != 200 || !rep.OK() || raw != body {
		t.Fatalf("%d %s; Other got %q", rep.Status, rep.Body, raw)
	}
	h2, _ := newHandler(t, webhook.Funcs{})
	if rep := webhooktest.Post(t, h2, body); rep.Status != 200 || !rep.OK() {
		t.Fatalf("without Other: %d %s", rep.Status, rep.Body)
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	for _, tt := range []struct {
		name string
		opt  webhook.Option
	}{
		{"body size", webhook.WithMaxBodySize(0)},
		{"timeout", webhook.WithTimeout(-time.Second)},
		{"path", webhook.WithPath("jivo/webhook")},
		{"signer", webhook.WithSigner(nil)},
		{"signer without a secret", webhook.WithSigner(&usertoken.Signer{})},
		{"host with scheme", webhook.WithSafeHosts("https://example.com")},
		{"empty host", webhook.WithSafeHosts("")},
		{"error handler", webhook.WithErrorHandler(nil)},
	} {
		if h, err := webhook.New(webhook.Funcs{}, tt.opt); err == nil || h != nil {
			t.Errorf("%s: New succeeded", tt.name)
		}
	}
}

// TestHandlerDropsFieldsWithoutText checks that, with WithStrict, a custom
// field with no title, content or key (a link alone, or nothing) is left
// out and reported: jsapi.ValidateCustomData advises against one. Without
// WithStrict each is sent and reported as advice.
func TestHandlerDropsFieldsWithoutText(t *testing.T) {
	tests := []struct {
		name    string
		fields  []jsapi.CustomField
		want    []jsapi.CustomField
		dropped int
	}{
		{"some dropped", []jsapi.CustomField{
			{Link: "https://example.com/a"},
			{Title: "Plan", Content: "Gold"},
			{},
			{Key: "k", Link: "https://example.com/k"},
			{Link: "javascript:alert(1)"},
		}, []jsapi.CustomField{{Title: "Plan", Content: "Gold"}, {Key: "k", Link: "https://example.com/k"}}, 3},
		{"all dropped", []jsapi.CustomField{{Link: "https://example.com/a"}, {}}, nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			funcs := webhook.Funcs{
				ChatAccepted: func(context.Context, *webhook.ChatAccepted) (*webhook.AgentView, error) {
					return &webhook.AgentView{CustomData: tt.fields}, nil
				},
			}
			h, e := newHandler(t, funcs)
			rep := webhooktest.Post(t, h, webhooktest.Payload(t, webhook.NameChatAccepted))
			if !reflect.DeepEqual(rep.CustomData, tt.fields) || e.has(webhook.ErrFieldDropped) || !e.has(webhook.ErrAdvice) {
				t.Errorf("default: custom_data %+v, reported %v; want all sent, with advice", rep.CustomData, e.list)
			}
			h, e = newHandler(t, funcs, webhook.WithStrict())
			rep = webhooktest.Post(t, h, webhooktest.Payload(t, webhook.NameChatAccepted))
			if !reflect.DeepEqual(rep.CustomData, tt.want) {
				t.Errorf("custom_data %+v, want %+v\n%s", rep.CustomData, tt.want, rep.Body)
			}
			if err := jsapi.ValidateCustomData(rep.CustomData); err != nil {
				t.Errorf("the reply's custom_data does not validate: %v\n%s", err, rep.Body)
			}
			if tt.want == nil && bytes.Contains(rep.Body, []byte("custom_data")) {
				t.Errorf("an empty custom_data was written: %s", rep.Body)
			}
			n := 0
			for _, err := range e.list {
				if errors.Is(err, webhook.ErrFieldDropped) {
					n++
				}
			}
			if n != tt.dropped {
				t.Errorf("%d fields reported dropped, want %d: %v", n, tt.dropped, e.list)
			}
		})
	}
}

// TestHandlerDefaultBodyLimit: without WithMaxBodySize a Handler reads
// bodies up to 8 MiB and answers 413 beyond.
func TestHandlerDefaultBodyLimit(t *testing.T) {
	if webhook.DefaultMaxBodySize != 8<<20 {
		t.Fatalf("DefaultMaxBodySize = %d, the documented default is 8 MiB", webhook.DefaultMaxBodySize)
	}
	h, _ := newHandler(t, webhook.Funcs{})
	sample := webhooktest.Payload(t, webhook.NameChatFinished)
	pad := func(n int) string { // the sample, padded with white space to n bytes
		return string(sample) + strings.Repeat(" ", n-len(sample))
	}
	for _, tt := range []struct {
		size   int
		status int
	}{
		{webhook.DefaultMaxBodySize, 200},
		{webhook.DefaultMaxBodySize + 1, 413},
	} {
		r := httptest.NewRequest("POST", "/", strings.NewReader(pad(tt.size)))
		r.Header.Set("Content-Type", "application/json")
		if rep := webhooktest.Do(t, h, r); rep.Status != tt.status {
			t.Errorf("%d-byte body: status %d %s, want %d", tt.size, rep.Status, rep.Body, tt.status)
		}
	}
}
