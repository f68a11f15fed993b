package webhooktool_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/internal/cli/webhooktool"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
	"github.com/jivokit/jivokit/webhook/samples"
)

// TestSendToTheReceiver: Send posts a sample to the receiver's handler,
// which records it and shows the agent what it got; Send describes that
// and calls the reply good.
func TestSendToTheReceiver(t *testing.T) {
	log := &eventlog.Log{}
	h, err := webhooktool.NewHandler(log, "the test")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, tt := range []struct {
		event webhook.Name
		want  []string
	}{
		{webhook.NameChatAccepted, []string{"POST " + srv.URL + "\nchat_accepted, ", "200 OK", "The agent sees:\n  Contact: John Smith · +14084987855 · email@example.com\n  Visitor: not verified\n  Received by: the test at ", "\nreply ok\n"}},
		{webhook.NameChatFinished, []string{"200 OK", "{\n  \"result\": \"ok\"\n}", "\nreply ok\n"}},
		{"created_deal", []string{"\nreply ok\n"}},
	} {
		payload, err := samples.Payload(tt.event)
		if err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		ok, err := webhooktool.Send(context.Background(), &out, srv.URL, "test", tt.event, payload, false)
		if !ok || err != nil {
			t.Errorf("%s: %v, %v\n%s", tt.event, ok, err, out.String())
		}
		for _, w := range tt.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s: output lacks %q:\n%s", tt.event, w, out.String())
			}
		}
		if strings.Contains(out.String(), "The agent sees") != (tt.event == webhook.NameChatAccepted) {
			t.Errorf("%s: the agent's view:\n%s", tt.event, out.String())
		}
	}
	if log.Len() != 3 {
		t.Errorf("%d events recorded, want 3", log.Len())
	}
}

// TestSendBadReplies: replies the vendor would not read as meant are
// named, with every byte of the endpoint's text visible, and a redirect is
// not followed.
func TestSendBadReplies(t *testing.T) {
	var redirected bool
	mux := http.NewServeMux()
	reply := func(status int, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || r.Header.Get("User-Agent") != "test" {
				t.Errorf("request %s %q %q", r.Method, r.Header.Get("Content-Type"), r.Header.Get("User-Agent"))
			}
			w.WriteHeader(status)
			w.Write([]byte(body))
		}
	}
	mux.Handle("/extra", reply(200, `{"result":"ok","crm_link":"https://crm.example.com/"}`))
	mux.Handle("/failed", reply(200, `{"result":"crm is down \u001b[31m"}`))
	mux.Handle("/status", reply(500, `{"result":"ok"}`))
	mux.Handle("/view", reply(200, `{"result":"ok","contact_info":{"phone":"+14084987855"},"page":{"title":"x"}}`))
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/elsewhere", http.StatusPermanentRedirect)
	})
	mux.HandleFunc("/elsewhere", func(w http.ResponseWriter, r *http.Request) { redirected = true })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, tt := range []struct {
		path  string
		event webhook.Name
		want  string
	}{
		{"/extra", webhook.NameChatFinished, `the reply is not {"result": ...}`},
		{"/failed", webhook.NameChatFinished, `result is "crm is down \x1b[31m", not "ok"`},
		{"/status", webhook.NameOfflineMessage, "status 500 Internal Server Error, want 200 OK"},
		{"/view", webhook.NameChatAccepted, "contact_info has no name"},
		{"/view", webhook.NameChatUpdated, "page has no url"},
		{"/moved", webhook.NameChatFinished, "a redirect to " + srv.URL + "/elsewhere"},
	} {
		var out strings.Builder
		ok, err := webhooktool.Send(context.Background(), &out, srv.URL+tt.path, "test", tt.event, []byte(`{"event_name":"`+tt.event+`"}`), false)
		if ok || err != nil || !strings.Contains(out.String(), "\nbad reply:\n") || !strings.Contains(out.String(), tt.want) {
			t.Errorf("%s %s: %v, %v, want %q in\n%s", tt.path, tt.event, ok, err, tt.want, out.String())
		}
		if strings.Contains(out.String(), "\x1b") {
			t.Errorf("%s: a control byte printed as is:\n%q", tt.path, out.String())
		}
	}
	if redirected {
		t.Error("the redirect was followed")
	}
}

// TestSendUnreachable: a request that gets no answer is an error, after
// the lines that say what was sent.
func TestSendUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	var out strings.Builder
	ok, err := webhooktool.Send(context.Background(), &out, url, "test", webhook.NameChatFinished, []byte(`{}`), false)
	if ok || err == nil || !strings.HasPrefix(out.String(), "POST "+url+"\nchat_finished, 2 bytes\n") {
		t.Fatalf("%v, %v\n%s", ok, err, out.String())
	}
}
