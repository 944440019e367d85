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
// The message is formatted when it is first asked for (Message, Error,
// Params), from the catalog snapshot in force when the exception was
// made, and then kept: the text is the same whatever catalog.Swap does
// meanwhile, and an exception that is made, tested with errors.Is,
// errors.As or a generated predicate, and dropped costs no formatting at
// all. Generated constructors keep their params typed (see Args) and box
// them only when a text or Params needs them, so making one costs a
// single allocation. A param that refers to data the caller changes
// afterwards (a map, a slice) is formatted as it is then, as with the
// errors of package os that format on Error.
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
