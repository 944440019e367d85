module github.com/zeroport/zerofault/httpfault/catalogpage/browsertest

go 1.26.0

require (
	github.com/chromedp/chromedp v0.23.1
	github.com/zeroport/zerofault v0.0.0
)

require (
	github.com/chromedp/cdproto v0.160.1 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/nicksnyder/go-i18n/v2 v2.7.0 // indirect
	golang.org/x/text v0.44.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

replace github.com/zeroport/zerofault => ../../..
