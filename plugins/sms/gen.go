// Package sms holds the WebExceptions of zero-ifx-sms, Zero's Aliyun SMS
// client plugin (Zero's io.vertx.tp.error), generated from exceptions.yml.
package sms

//go:generate go tool gen exceptions.yml
