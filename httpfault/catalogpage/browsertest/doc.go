// Package browsertest loads the demo shop's catalog page in a real
// browser, headless Chromium driven through the DevTools protocol
// (chromedp), and checks what a user sees: a search narrows the table,
// the language switch changes the texts, a code's page shows its
// template and texts. It is a module of its own so that zerofault's
// module does not require chromedp; .ci/run installs Chromium and runs
// the tests of every nested module.
//
// Outside CI the test skips when no Chromium is installed; with CI=true
// it fails instead. Screenshots are written to a temporary directory,
// or to $CATALOG_SCREENSHOTS when set; UPDATE_README_SCREENSHOT=1 also
// rewrites docs/catalog-page.png, the README's.
package browsertest
