package gen

import (
	"bytes"
	"errors"
	"reflect"
	"strings"

	"github.com/jivokit/jivokit/jsapi"
)

func init() {
	register(Output{Path: "jsapi/jivo_api.d.ts", Order: 0, Generate: func(string) ([]byte, error) { return dtsFile() }})
}

// dtsConfigDocs documents the fields of the configuration types, which are Go
// structs rather than spec shapes; every JSON field needs an entry here, or
// generation fails.
var dtsConfigDocs = map[string]map[string]string{
	"PageConfig": {
		"":             "The visitor's configuration, which the page runtime reads from the page's JSON script element with id jivokit-config and applies on each load.",
		"user_token":   "passed to setUserToken first",
		"contact_info": "passed to setContactInfo",
		"custom_data":  "passed to setCustomData",
		"widget_color": "passed to setWidgetColor",
		"invitation":   "passed to showProactiveInvitation after the page's queued calls",
		"queue_limit":  "how many calls the runtime queues before load; 0 or absent means 100",
		"load_timeout": "how long, in ms after loading starts, the loader waits for the widget before phase becomes \"failed\"; 0 or absent means 20000, at most 3600000 (an hour)",
		"fallback":     "the link the loader shows in the launcher's place when the widget fails to load",
	},
	"Fallback": {
		"":      "Another way to reach the site, shown when the widget fails to load.",
		"url":   "a path on the site, or a mailto:, tel:, sms:, messenger (tg:, whatsapp:, viber:, skype:) or http(s) URL",
		"label": "the link's text",
	},
	"WidgetColor": {
		"":       "The widget's colour, and optionally a second one for a gradient.",
		"color":  "a hex colour such as #1e88e5 or #fff",
		"color2": "a second hex colour, for a gradient",
	},
	"Invitation": {
		"":              "A proactive invitation.",
		"text":          "the invitation's text",
		"department_id": "the department that answers it",
	},
}

// dtsFile writes jivo_api.d.ts: the spec's shapes, window.jivo_api,
// the jivo_* globals and the page runtime's window.jivokit.
func dtsFile() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString(`
// TypeScript declarations for the JivoChat widget API (window.jivo_api, the
// jivo_init/jivo_destroy globals and the jivo_on* callbacks) and for the
// jivokit page runtime (window.jivokit). See docs/api.md and docs/runtime.md.

`)
	for _, s := range jsapi.Shapes() {
		dtsShape(&b, s)
	}
	for _, t := range []any{jsapi.WidgetColor{}, jsapi.Invitation{}, jsapi.Fallback{}, jsapi.PageConfig{}} {
		if err := dtsStruct(&b, reflect.TypeOf(t)); err != nil {
			return nil, err
		}
	}

	methods := jsapi.Methods()
	b.WriteString("/** window.jivo_api: the widget's methods. */\nexport interface JivoApi {\n")
	for _, m := range methods {
		if m.Global {
			continue
		}
		dtsMethodDoc(&b, "  ", m)
		b.WriteString("  " + m.Name + "(" + dtsParams(m, true) + "): " + dtsReturn(m) + ";\n")
	}
	b.WriteString("}\n\n")

	b.WriteString("/** The jivo_on* callbacks, by global name, as the widget calls them. */\nexport interface JivoCallbacks {\n")
	for _, c := range jsapi.Callbacks() {
		dtsDoc(&b, "  ", c.Doc, c.Params, nil)
		b.WriteString("  " + c.Name + ": (" + dtsParamList(c.Params) + ") => void;\n")
	}
	b.WriteString("}\n\n")

	b.WriteString("/**\n * Each method jivokit.call takes, by name: its arguments (without the\n * callback of an async method) and the value it answers on success.\n */\nexport interface JivoMethods {\n")
	for _, m := range methods {
		b.WriteString("  " + m.Name + ": { args: [" + dtsParams(m, false) + "]; value: " + dtsSuccess(m) + " };\n")
	}
	b.WriteString("}\n\n")
	b.WriteString("/** A method's name, as jivokit.call takes it. */\nexport type JivoMethodName = keyof JivoMethods;\n\n")
	b.WriteString("/** A jivo_on* callback's global name. */\nexport type JivoCallbackName = keyof JivoCallbacks;\n\n")
	b.WriteString("/** How a method answers, as the runtime's method table says. */\nexport type JivoAnswerKind = " +
		dtsUnion([]string{jsapi.AnswerNone.String(), jsapi.AnswerStatus.String(), jsapi.AnswerValue.String(), jsapi.AnswerCallback.String(), jsapi.AnswerErrFirst.String()}) + ";\n\n")
	b.WriteString(dtsRuntime)
	b.WriteString("declare global {\n  interface Window {\n")
	b.WriteString("    /** The widget's API, once the widget has loaded. */\n    jivo_api?: JivoApi;\n")
	for _, m := range methods {
		if !m.Global {
			continue
		}
		dtsMethodDoc(&b, "    ", m)
		b.WriteString("    " + m.Name + "?: (" + dtsParams(m, true) + ") => " + dtsReturn(m) + ";\n")
	}
	for _, c := range jsapi.Callbacks() {
		dtsDoc(&b, "    ", c.Doc, nil, nil)
		b.WriteString("    " + c.Name + "?: JivoCallbacks['" + c.Name + "'] | null;\n")
	}
	b.WriteString("    /** The jivokit page runtime, once runtime.js has run. */\n    jivokit?: JivokitRuntime;\n")
	b.WriteString("  }\n}\n")
	return b.Bytes(), nil
}

// dtsRuntime is the page runtime's own API, as docs/runtime.md defines it.
const dtsRuntime = `/** A failure jivokit.call answers: the widget's reason, or the runtime's own. */
export interface JivoError extends Error {
  readonly name: 'JivoError';
  /** the method that failed, e.g. "startCall" */
  readonly method: string;
  /** the widget's reason verbatim, or "queue full", "not supported by this widget", "unknown method", "the widget did not load: …" */
  readonly reason: string;
  /** why the widget did not load, on a call refused for it */
  readonly failure?: JivoLoadFailure;
}

/** Why the widget did not load (jivokit.failure, the jivokit:failure event's detail). */
export interface JivoLoadFailure {
  /** "timeout", "script-error" or "csp" */
  readonly reason: 'timeout' | 'script-error' | 'csp';
  /** what happened, in words: the timeout, the script's URL, the refused URL */
  readonly detail: string;
}

export interface JivoErrorConstructor {
  new (method: string, reason: string): JivoError;
  readonly prototype: JivoError;
}

/** What jivokit.call answers for method M: now, or as a Promise that never rejects. */
export type JivoResult<M extends JivoMethodName> =
  | JivoMethods[M]['value']
  | JivoError
  | Promise<JivoMethods[M]['value'] | JivoError>;

/** One entry of the runtime's method table; its index is the method's id in jivokit.call. */
export interface JivoMethodInfo {
  readonly name: JivoMethodName;
  readonly global?: true;
  readonly answer: JivoAnswerKind;
  readonly immediate?: true;
  readonly params: readonly string[];
}

/** window.jivokit, the page runtime (docs/runtime.md). */
export interface JivokitRuntime {
  /**
   * Calls a method by name or by its index in methods. Answers true (done,
   * no value), the method's value, a JivoError, or a Promise of one of those
   * (queued before load, or an async method). Never throws.
   */
  call<M extends JivoMethodName>(method: M, ...args: JivoMethods[M]['args']): JivoResult<M>;
  call(method: number, ...args: unknown[]): unknown;
  /** Like call, as a Promise that rejects with the JivoError. */
  invoke<M extends JivoMethodName>(method: M, ...args: JivoMethods[M]['args']): Promise<JivoMethods[M]['value']>;
  invoke(method: number, ...args: unknown[]): Promise<unknown>;
  /** Subscribes to a callback; returns the function that unsubscribes. Throws TypeError for an unknown name. */
  on<C extends JivoCallbackName>(name: C, listener: JivoCallbacks[C]): () => void;
  /** Whether the widget is loaded now. */
  readonly loaded: boolean;
  /** Resolves when the widget is loaded. */
  ready(): Promise<void>;
  /** Why the widget did not load (phase "failed"), or null; the loader's watchdog sets it and fires the window's jivokit:failure event. */
  readonly failure?: JivoLoadFailure | null;
  /** The parsed configuration block, or null; read again on each load. */
  config: PageConfig | null;
  /** Called for a throwing listener (where: the callback's name) or configuration that failed to apply (where: "config"). */
  onerror: (error: unknown, where: string) => void;
  /** The method table: a method's index is its id in call. */
  readonly methods: readonly JivoMethodInfo[];
  /** The jivo_on* callbacks the runtime owns. */
  readonly callbacks: readonly JivoCallbackName[];
  readonly JivoError: JivoErrorConstructor;
  /** The version of the runtime's contract. */
  readonly version: string;
}

`

func dtsShape(b *bytes.Buffer, s jsapi.Shape) {
	dtsDoc(b, "", s.Doc, nil, nil)
	if len(s.Enum) > 0 {
		b.WriteString("export type " + s.Name + " = " + dtsUnion(s.Enum) + ";\n\n")
		return
	}
	b.WriteString("export interface " + s.Name + " {\n")
	for _, f := range s.Fields {
		dtsDoc(b, "  ", f.Doc, nil, nil)
		name := f.Name
		if f.Optional && !strings.HasPrefix(name, "[") {
			name += "?"
		}
		b.WriteString("  " + name + ": " + f.TS + ";\n")
	}
	b.WriteString("}\n\n")
}

// dtsStruct declares a Go struct of package jsapi by its JSON fields.
func dtsStruct(b *bytes.Buffer, t reflect.Type) error {
	docs, ok := dtsConfigDocs[t.Name()]
	if !ok {
		return errors.New("no documentation for " + t.Name() + " in dtsConfigDocs")
	}
	dtsDoc(b, "", docs[""], nil, nil)
	b.WriteString("export interface " + t.Name() + " {\n")
	for f := range t.Fields() {
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			return errors.New(t.Name() + "." + f.Name + " has no JSON name")
		}
		doc, ok := docs[name]
		if !ok {
			return errors.New("no documentation for " + t.Name() + "." + name + " in dtsConfigDocs")
		}
		ts, err := dtsGoType(f.Type)
		if err != nil {
			return errors.New(t.Name() + "." + f.Name + ": " + err.Error())
		}
		if strings.Contains(opts, "omitempty") {
			name += "?"
		}
		dtsDoc(b, "  ", doc, nil, nil)
		b.WriteString("  " + name + ": " + ts + ";\n")
	}
	b.WriteString("}\n\n")
	return nil
}

func dtsGoType(t reflect.Type) (string, error) {
	switch t.Kind() {
	case reflect.String:
		return "string", nil
	case reflect.Int, reflect.Int64, reflect.Float64:
		return "number", nil
	case reflect.Bool:
		return "boolean", nil
	case reflect.Pointer:
		return dtsGoType(t.Elem())
	case reflect.Slice:
		e, err := dtsGoType(t.Elem())
		return e + "[]", err
	case reflect.Struct:
		return t.Name(), nil
	}
	return "", errors.New("no TypeScript type for " + t.String())
}

func dtsUnion(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = "'" + v + "'"
	}
	return strings.Join(q, " | ")
}

func dtsParamList(params []jsapi.Param) string {
	parts := make([]string, len(params))
	for i, p := range params {
		opt := ""
		if p.Optional {
			opt = "?"
		}
		parts[i] = p.Name + opt + ": " + p.TS
	}
	return strings.Join(parts, ", ")
}

// dtsParams lists a method's parameters; with the callback, an async
// method's trailing callback is among them, as the widget takes it.
func dtsParams(m jsapi.Method, withCallback bool) string {
	s := dtsParamList(m.Params)
	if withCallback && m.Answer.Async() {
		if s != "" {
			s += ", "
		}
		s += "callback: " + dtsCallback(m)
	}
	return s
}

func dtsCallback(m jsapi.Method) string {
	if m.Answer == jsapi.AnswerErrFirst {
		return "(err: unknown, value: " + m.Result + ") => void"
	}
	return "(result: Status) => void"
}

// dtsReturn is what the widget's own method returns.
func dtsReturn(m jsapi.Method) string {
	switch m.Answer {
	case jsapi.AnswerStatus:
		return "Status"
	case jsapi.AnswerValue:
		return m.Result
	}
	return "void"
}

// dtsSuccess is what jivokit.call answers when the method succeeds.
func dtsSuccess(m jsapi.Method) string {
	if m.Answer == jsapi.AnswerValue || m.Answer == jsapi.AnswerErrFirst {
		return m.Result
	}
	return "true"
}

func dtsMethodDoc(b *bytes.Buffer, indent string, m jsapi.Method) {
	var extra []string
	if m.Answer.Async() {
		if m.Answer == jsapi.AnswerErrFirst {
			extra = append(extra, "@param callback called once as callback(err, value)")
		} else {
			extra = append(extra, "@param callback called once with {result: 'ok'} or {result: 'fail', reason}")
		}
	}
	switch m.Answer {
	case jsapi.AnswerStatus:
		if m.Status != "" {
			extra = append(extra, "@returns a Status: "+m.Status)
		} else {
			extra = append(extra, "@returns a Status: {result: 'ok'} or {result: 'fail', "+m.FailKey+"}")
		}
	case jsapi.AnswerValue:
		extra = append(extra, "@returns a "+m.Result)
	}
	dtsDoc(b, indent, m.Doc, m.Params, extra)
}

// dtsDoc writes a JSDoc comment: the text, then @param lines, then extra
// tag lines.
func dtsDoc(b *bytes.Buffer, indent, doc string, params []jsapi.Param, extra []string) {
	doc = strings.ReplaceAll(doc, "*/", "*\\/")
	if len(params) == 0 && len(extra) == 0 {
		b.WriteString(indent + "/** " + doc + " */\n")
		return
	}
	b.WriteString(indent + "/**\n" + indent + " * " + doc + "\n")
	for _, p := range params {
		b.WriteString(indent + " * @param " + p.Name + " " + strings.ReplaceAll(p.Doc, "*/", "*\\/") + "\n")
	}
	for _, e := range extra {
		b.WriteString(indent + " * " + e + "\n")
	}
	b.WriteString(indent + " */\n")
}
