package e2e_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jivokit/jivokit/e2e"
)

// A program that is not a test (a benchmark command, a script) launches a
// browser of its own and drives it with chromedp.
func ExampleLaunch() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	b, err := e2e.Launch(ctx, e2e.WithBrowserFlag("js-flags", "--no-opt"))
	if errors.Is(err, e2e.ErrNoChromium) {
		fmt.Println("install Chromium, or set JIVOKIT_CHROMIUM")
		return
	} else if err != nil {
		fmt.Println(err)
		return
	}
	defer b.Close()
	tab, closeTab := chromedp.NewContext(b.Context(), chromedp.WithNewBrowserContext())
	defer closeTab()
	answer, err := chromedp.Run(tab, chromedp.Evaluate[int]("6 * 7"))
	fmt.Println(answer, err)
}
