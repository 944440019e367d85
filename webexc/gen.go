//go:generate go run github.com/zeroport/zerofault/gen exceptions.yml

package webexc
