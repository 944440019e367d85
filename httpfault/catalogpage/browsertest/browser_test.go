package browsertest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/zero/catalog"
)

// root is zerofault's module root, from this module's directory.
const root = "../../.."

// chromium finds the browser: $CHROMIUM, else Debian's chromium or
// another Chrome on PATH.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium on PATH: .ci/run installs Debian's chromium package")
	}
	t.Skip("no Chromium on PATH (apt-get install chromium); CI=true makes this a failure")
	return ""
}

// demo builds and starts the Echo v4 shop, as README's first command
// does, and returns its base URL.
func demo(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "shop")
	build := exec.Command("go", "build", "-o", bin, "./examples/shop")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./examples/shop: %v\n%s", err, out)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cmd := exec.Command(bin, "-addr", addr)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	base := "http://" + addr
	for range 100 {
		if resp, err := http.Get(base + "/errors/"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("the shop did not answer on %s", addr)
	return ""
}

// browser starts headless Chromium with the flags that work on the
// project's machines and a fresh profile, and collects what the pages
// write to the console.
func browser(t *testing.T) (context.Context, *console) {
	t.Helper()
	exe := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 800),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
	}
	// A guard against a hung browser, not a measurement.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("starting %s: %v", exe, err)
	}
	c := &console{}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			c.add(m)
		}
	}()
	return ctx, c
}

// console is what the pages wrote to the console: a script error or a
// blocked resource (a Content-Security-Policy violation) shows there.
type console struct {
	mu       sync.Mutex
	messages []chromedp.ConsoleMessage
}

func (c *console) add(m chromedp.ConsoleMessage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.messages = append(c.messages, m)
}

func (c *console) problems() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, m := range c.messages {
		if m.Type != chromedp.ConsoleError && !m.IsException() && m.Type != chromedp.ConsoleWarning {
			continue
		}
		if strings.Contains(m.URL+m.Text, "favicon.ico") { // the browser's, not the page's
			continue
		}
		out = append(out, m.String())
	}
	return out
}

// screenshots is where the test writes its pictures: a test artifact.
func screenshots(t *testing.T) string {
	if dir := os.Getenv("CATALOG_SCREENSHOTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

func save(t *testing.T, dir, name string, png []byte) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", p, len(png))
}

// visibleRows is the ids of the table's rows the filter shows.
const visibleRows = `Array.from(document.querySelectorAll("#codes tbody tr")).filter(r => !r.hidden).map(r => r.id)`

// cell is the text of a cell of code's row.
func cell(number, class string) string {
	return fmt.Sprintf(`document.querySelector("#c%s td.%s").textContent`, number, class)
}

// A user searches the demo's catalog page, switches its language and
// opens a code's page; every step is checked in the DOM of a real
// browser, and the views are photographed.
func TestCatalogPage(t *testing.T) {
	base := demo(t)
	ctx, con := browser(t)
	shots := screenshots(t)
	texts := readable.Current()
	zh := texts.Match("zh-CN")
	en60010, _ := texts.Source(texts.Default(), -60010)
	zh60010, _ := texts.Source(zh, -60010)
	tmpl, _ := catalog.Current().Lookup(-60010)

	// The table, whole.
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 800),
		chromedp.Navigate(base+"/errors/"),
		chromedp.WaitVisible(chromedp.ID("codes")),
	); err != nil {
		t.Fatal(err)
	}
	total, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#codes tbody tr").length`))
	if err != nil || total < 200 {
		t.Fatalf("%d rows (%v); the demo's catalog has some 240 codes", total, err)
	}
	if rows, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](visibleRows)); len(rows) != total {
		t.Errorf("%d of %d rows show before any search", len(rows), total)
	}
	if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](cell("60010", "readable"))); got != en60010.Text {
		t.Errorf("-60010 reads %q in English, want %q", got, en60010.Text)
	}

	// A search for a code narrows the table to it, as one types.
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("q"), "60010")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`document.getElementById("shown").textContent === "1"`)); err != nil {
		t.Fatalf("the count never says 1 row: %v", err)
	}
	if rows, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](visibleRows)); len(rows) != 1 || rows[0] != "c60010" {
		t.Errorf("after searching 60010, rows %v show", rows)
	}
	if u, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(u, "/errors/?q=60010&lang=en") {
		t.Errorf("the address does not keep the search: %s", u)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	save(t, shots, "search.png", png)

	// The language switch changes the readable texts, and keeps the search.
	if _, err := chromedp.RunResponse(ctx, chromedp.Evaluate[chromedp.Void](
		`(s => { s.value = "zh-CN"; s.dispatchEvent(new Event("change")); })(document.getElementById("lang"))`)); err != nil {
		t.Fatal(err)
	}
	if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](cell("60010", "readable"))); got != zh60010.Text || got == en60010.Text {
		t.Errorf("after switching to zh-CN, -60010 reads %q, want %q", got, zh60010.Text)
	}
	if rows, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](visibleRows)); len(rows) != 1 || rows[0] != "c60010" {
		t.Errorf("after the switch, rows %v show", rows)
	}
	if lang, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#c60010 td.readable").lang`)); lang != "zh-CN" {
		t.Errorf("the text cell says lang %q", lang)
	}

	// A code's page, from the table's link: its template and the texts
	// of every language, the chosen one marked.
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("#c60010 td.code a"))); err != nil {
		t.Fatal(err)
	}
	if u, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(u, "/errors/60010?lang=zh-CN") {
		t.Errorf("the code's link leads to %s", u)
	}
	for expr, want := range map[string]string{
		`document.getElementById("code").textContent`:                                "-60010",
		`document.getElementById("class").textContent`:                               "_404ServiceNotFoundException",
		`document.getElementById("status").textContent`:                              "404 Not Found",
		`document.getElementById("template").textContent`:                            tmpl.Source(),
		`document.querySelector("#texts tr.selected").dataset.lang`:                  "zh-CN",
		`document.querySelector("#texts tr[data-lang=zh-CN] td").textContent.trim()`: zh60010.Text,
		`document.querySelector("#texts tr[data-lang=en] td").textContent.trim()`:    en60010.Text,
		`String(document.querySelectorAll("#texts tbody tr").length)`:                fmt.Sprint(len(texts.Languages())),
		`String(document.querySelectorAll("#texts td.fallback-row").length)`:         "0",
	} {
		if got, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr)); err != nil || got != want {
			t.Errorf("%s = %q (%v), want %q", expr, got, err, want)
		}
	}
	for _, l := range texts.Languages() {
		src, _ := texts.Source(l, -60010)
		expr := fmt.Sprintf(`document.querySelector("#texts tr[data-lang='%s'] td").textContent.trim()`, l)
		if got, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr)); err != nil || got != src.Text {
			t.Errorf("%s: %q (%v), want %q", l, got, err, src.Text)
		}
	}
	png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	save(t, shots, "code.png", png)

	// The README's picture: the framework's web exceptions, in English.
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1200, 640),
		chromedp.Navigate(base+"/errors/?module=webexc&lang=en"),
		chromedp.WaitVisible(chromedp.ID("codes")),
	); err != nil {
		t.Fatal(err)
	}
	if rows, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](visibleRows)); len(rows) != 49 {
		t.Errorf("module=webexc shows %d rows, want 49", len(rows))
	}
	png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	save(t, shots, "catalog-page.png", png)
	if os.Getenv("UPDATE_README_SCREENSHOT") == "1" {
		save(t, filepath.Join(root, "docs"), "catalog-page.png", png)
	}

	if p := con.problems(); len(p) > 0 {
		t.Errorf("the pages wrote to the console:\n%s", strings.Join(p, "\n"))
	}
}
