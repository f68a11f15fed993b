//go:build js && wasm

package main

import (
	"context"
	"syscall/js"
	"time"
)

// callTimeout bounds each call, so that a page without a widget logs an
// error instead of waiting for ever.
const callTimeout = 30 * time.Second

type ui struct {
	doc, root, methods, list js.Value
	funcs                    []js.Func // kept for the life of the page
}

func newUI() *ui {
	doc := js.Global().Get("document")
	root := doc.Call("getElementById", "jivokit-example")
	if !root.Truthy() {
		root = doc.Get("body")
	}
	u := &ui{doc: doc, root: root}
	u.methods = u.el("div", "id", "jivokit-example-methods")
	u.list = u.el("ol", "id", "jivokit-log")
	root.Call("appendChild", u.methods)
	root.Call("appendChild", u.list)
	return u
}

// el makes an element with attributes given as name, value pairs.
func (u *ui) el(tag string, attrs ...string) js.Value {
	e := u.doc.Call("createElement", tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		e.Call("setAttribute", attrs[i], attrs[i+1])
	}
	return e
}

func (u *ui) log(kind, name, text string) {
	li := u.el("li", "data-kind", kind, "data-name", name)
	li.Set("textContent", text)
	u.list.Call("appendChild", li)
}

func (u *ui) onClick(button js.Value, f func()) {
	fn := js.FuncOf(func(js.Value, []js.Value) any {
		go f() // calls may wait for the widget: never block JavaScript's turn
		return nil
	})
	u.funcs = append(u.funcs, fn)
	button.Call("addEventListener", "click", fn)
}

// row adds a method's button and inputs.
func (u *ui) row(m method) {
	row := u.el("div", "data-row", m.name)
	inputs := map[string]js.Value{}
	for _, p := range m.params {
		label := u.el("label")
		label.Set("textContent", p.name+" ")
		var in js.Value
		if p.multiline {
			in = u.el("textarea", "data-param", p.name, "rows", "3")
		} else {
			in = u.el("input", "data-param", p.name)
		}
		in.Set("value", p.value)
		label.Call("appendChild", in)
		row.Call("appendChild", label)
		inputs[p.name] = in
	}
	button := u.el("button", "data-method", m.name, "type", "button")
	button.Set("textContent", m.name)
	row.Call("insertBefore", button, row.Get("firstChild"))
	u.methods.Call("appendChild", row)

	u.onClick(button, func() {
		arg := func(name string) string { return inputs[name].Get("value").String() }
		text := m.name + "("
		for i, p := range m.params {
			if i > 0 {
				text += ", "
			}
			text += p.name + "=" + arg(p.name)
		}
		u.log("call", m.name, text+")")
		ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
		defer cancel()
		result, err := m.call(ctx, arg)
		if err != nil {
			u.log("error", m.name, err.Error())
			return
		}
		u.log("result", m.name, m.name+": "+result)
	})
}

func (u *ui) panicButton() {
	b := u.el("button", "data-action", "panic", "type", "button")
	b.Set("textContent", "panic in the next callback's listener")
	u.methods.Call("appendChild", b)
	u.onClick(b, func() {
		panicOnce()
		u.log("call", "panic", "a listener will panic on the next callback")
	})
}
