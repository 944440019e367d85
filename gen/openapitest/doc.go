// Package openapitest validates the OpenAPI documents gen writes
// (docs/*.openapi.yaml) with kin-openapi, a maintained OpenAPI library,
// and checks that a team's spec can refer to them. It is a module of its
// own so that zerofault's module does not require kin-openapi: .ci/run
// runs the tests of every nested module.
package openapitest
