// Package decimal formats numbers exactly as java.text.DecimalFormat and the
// NumberFormat factory instances of JDK 17 do, byte for byte.
//
// zerofault renders the error message templates of the Java framework Zero
// with java.text.MessageFormat semantics, so every number element ({0},
// {0,number,integer}, {0,number,#,##0.00}, ...) must read the same as on the
// JVM. That rules out strconv or golang.org/x/text: Java has its own pattern
// grammar and its own locale data (CLDR as shipped with JDK 17), and its
// rounding depends on how jdk.internal.math.FloatingDecimal turns a double
// into digits. The package therefore ports the relevant JDK algorithms:
//
//   - pattern.go: DecimalFormat.applyPattern, including the errors it raises;
//   - dtoa.go, nat.go: FloatingDecimal's binary-to-decimal conversion, whose
//     digits and "rounded up"/"exact" flags drive HALF_EVEN rounding;
//   - digitlist.go: java.text.DigitList (digit buffer and rounding);
//   - format.go: DecimalFormat.subformat for long, double and BigInteger;
//   - symbols.go, data.go: DecimalFormatSymbols and the locale patterns.
//
// All parsing and locale lookups happen when a Format is built; the Append
// methods do not allocate beyond growing dst (except for big.Int values).
package decimal
