// Package zero is the root of zerofault's error tree, a Go port of the
// fault-tolerance system of the Java framework Zero (vertx-zero).
//
// Zero has two roots, as Java does:
//
//   - checked exceptions (Zero's ZeroException): errors a caller must
//     handle. In Go they are returned, never thrown. Their Go type is
//     *ZeroException, or any type embedding it; they satisfy Checked.
//   - runtime exceptions (Zero's ZeroRunException): these may be returned
//     too, but may also be raised with Throw and recovered with Catch at a
//     boundary. Their Go type is *ZeroRunException, or any type embedding
//     it; they satisfy Runtime.
//
// Throw accepts only a Runtime, so throwing a checked exception is a
// compile error, not a runtime surprise:
//
//	zero.Throw(demon.NewRequiredField(t, data, "name")) // does not compile
//
// Three families sit on these roots, each in its own package: demon
// (checked, system), up (runtime, system) and webexc (runtime, business:
// what handlers return).
//
// Every exception has a negative code (0 for the few uncoded ones), a
// Target naming where it arose (Zero passes the caller's Class<?>), the
// params it was built with, and a message formatted from the template
// E<code> of the catalog in force (package catalog). A code whose template
// is missing yields the message of ErrorMissing instead, and the exception
// unwraps to that *ErrorMissingException: building an exception never
// panics.
//
// Error() has Zero's log form:
//
//	[ ERR-60007 ] ( UserHandler ) Web Error: <message>
//
// where the word before "Error" names the family: Zero and Run for the two
// roots, Demon, Up and Web for the families.
//
// errors.Is matches exceptions by code (an uncoded exception by its class
// name), errors.As finds a family (*ZeroRunException, *webexc.WebException,
// the Checked and Runtime interfaces) as well as a concrete type, and
// Unwrap exposes the cause given with WithCause.
package zero
