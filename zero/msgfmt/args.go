package msgfmt

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/datefmt"
	"github.com/zeroport/zerofault/zero/msgfmt/internal/decimal"
	"github.com/zeroport/zerofault/zero/msgfmt/internal/jlocale"
)

// valueKind is the Java type an argument stands for.
type valueKind uint8

const (
	vNull   valueKind = iota // null
	vString                  // java.lang.String: printed as is
	vInt                     // Long/Integer/Short/Byte, or a BigInteger that fits a long
	vFloat                   // Double/Float
	vBig                     // BigInteger beyond the long range
	vDate                    // java.util.Date (epoch milliseconds in i)
	vOther                   // any other object: printed by its toString (see appendJavaString)
	vNoDate                  // a time.Time beyond java.util.Date's range (in x): formatting it fails
)

// value is an argument sorted into its Java type.
type value struct {
	kind valueKind
	i    int64
	f    float64
	b    *big.Int
	s    string
	x    any // the argument, for vOther
}

// maxDeref bounds pointer chasing, against self-referential pointer types.
const maxDeref = 8

// classify maps a Go argument to the Java value it stands for. The type
// switch covers the common types without reflection; only other types
// (named types, pointers, containers) go through reflect.
func classify(a any) value {
	switch v := a.(type) {
	case nil:
		return value{kind: vNull}
	case string:
		return value{kind: vString, s: v}
	case int:
		return value{kind: vInt, i: int64(v)}
	case int64:
		return value{kind: vInt, i: v}
	case int32:
		return value{kind: vInt, i: int64(v)}
	case int16:
		return value{kind: vInt, i: int64(v)}
	case int8:
		return value{kind: vInt, i: int64(v)}
	case uint:
		return fromUint(uint64(v))
	case uint64:
		return fromUint(v)
	case uint32:
		return value{kind: vInt, i: int64(v)}
	case uint16:
		return value{kind: vInt, i: int64(v)}
	case uint8:
		return value{kind: vInt, i: int64(v)}
	case uintptr:
		return fromUint(uint64(v))
	case float64:
		return value{kind: vFloat, f: v}
	case float32:
		return value{kind: vFloat, f: float64(v)} // Float.doubleValue widens exactly
	case bool:
		return value{kind: vOther, x: v}
	case time.Time:
		return dateValue(v)
	case *time.Time:
		if v == nil {
			return value{kind: vNull}
		}
		return dateValue(*v)
	case *big.Int:
		if v == nil {
			return value{kind: vNull}
		}
		return fromBig(v)
	case big.Int:
		return fromBig(&v)
	case error, fmt.Stringer:
		if isNilPointer(v) {
			return value{kind: vNull}
		}
		return value{kind: vOther, x: v}
	}
	return classifyReflect(reflect.ValueOf(a), 0)
}

func fromUint(u uint64) value {
	if u <= math.MaxInt64 {
		return value{kind: vInt, i: int64(u)}
	}
	return value{kind: vBig, b: new(big.Int).SetUint64(u)}
}

// fromBig follows DecimalFormat, which formats a BigInteger of bit length
// below 64 as a long.
func fromBig(b *big.Int) value {
	if b.IsInt64() {
		return value{kind: vInt, i: b.Int64()}
	}
	return value{kind: vBig, b: b}
}

// classifyReflect handles named types of basic kinds (by their kind, so a
// "type Code int" is a Number), nil pointers, maps, slices, funcs and
// channels (null), and non-nil pointers (by what they point to).
func classifyReflect(rv reflect.Value, depth int) value {
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return value{kind: vInt, i: rv.Int()}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return fromUint(rv.Uint())
	case reflect.Float32, reflect.Float64:
		return value{kind: vFloat, f: rv.Float()}
	case reflect.String:
		return value{kind: vString, s: rv.String()}
	case reflect.Pointer:
		if rv.IsNil() {
			return value{kind: vNull}
		}
		if depth < maxDeref {
			return classify2(rv.Elem(), depth+1)
		}
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		if rv.IsNil() {
			return value{kind: vNull}
		}
	}
	return value{kind: vOther, x: rv.Interface()}
}

// classify2 classifies a value reached through a pointer: via the type
// switch when it is of a common type, else by reflection.
func classify2(rv reflect.Value, depth int) value {
	if rv.CanInterface() {
		switch x := rv.Interface().(type) {
		case string, int, int64, int32, int16, int8, uint, uint64, uint32, uint16, uint8, uintptr,
			float64, float32, bool, time.Time, big.Int, error, fmt.Stringer:
			return classify(x)
		}
	}
	return classifyReflect(rv, depth)
}

// isNilPointer reports whether v holds a nil pointer (for example a nil
// *MyError stored in an error), which Java would see as null. Calling its
// methods could panic.
func isNilPointer(v any) bool {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.Interface:
		return rv.IsNil()
	}
	return false
}

// maxNesting bounds the rendering of nested containers: a []any can hold
// itself. Deeper levels print as "...".
const maxNesting = 16

// AppendValue appends v as Java's String.valueOf would print the object v
// stands for: no locale formatting, numbers without grouping, doubles in
// Double.toString's form ("1.0E10"), nil as "null". It is what slf4j-style
// "{}" templates show, and what MessageFormat shows for an argument that is
// neither a number, a date nor a string.
func AppendValue(dst []byte, v any) []byte { return appendJavaString(dst, v, 0) }

// appendJavaString appends what Java's String.valueOf(x) would print for the
// object a Go value stands for:
//
//   - nil and nil pointers: "null"; strings as is; bool: "true"/"false"
//   - integers: decimal digits; *big.Int: its digits
//   - float64 and float32: Double.toString / Float.toString ("1.0E10")
//   - time.Time: Date.toString in UTC ("Mon Jan 02 15:04:05 UTC 2006")
//   - error: Error(); fmt.Stringer: String()
//   - slices and arrays: java.util.List style, "[a, b]"
//   - maps: java.util.Map style with sorted keys, "{k=v, k2=v2}"
//   - pointers: what they point to; anything else: fmt's %v
func appendJavaString(dst []byte, x any, depth int) []byte {
	switch v := x.(type) {
	case nil:
		return append(dst, "null"...)
	case string:
		return append(dst, v...)
	case bool:
		return strconv.AppendBool(dst, v)
	case float64:
		return appendJavaDouble(dst, v, 64)
	case float32:
		return appendJavaDouble(dst, float64(v), 32)
	case time.Time:
		return appendJavaDate(dst, v)
	case *big.Int:
		if v == nil {
			return append(dst, "null"...)
		}
		return v.Append(dst, 10)
	case big.Int:
		return v.Append(dst, 10)
	case error:
		if isNilPointer(v) {
			return append(dst, "null"...)
		}
		return append(dst, v.Error()...)
	case fmt.Stringer:
		if isNilPointer(v) {
			return append(dst, "null"...)
		}
		return append(dst, v.String()...)
	}
	switch v := classify(x); v.kind {
	case vNull:
		return append(dst, "null"...)
	case vString:
		return append(dst, v.s...)
	case vInt:
		return strconv.AppendInt(dst, v.i, 10)
	case vFloat:
		return appendJavaDouble(dst, v.f, 64)
	case vBig:
		return v.b.Append(dst, 10)
	case vDate:
		return dateToString().AppendMillis(dst, v.i)
	case vNoDate:
		return appendJavaDate(dst, v.x.(time.Time))
	}
	rv := reflect.ValueOf(x)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Elem().CanInterface() && depth < maxNesting {
		rv = rv.Elem()
		depth++
	}
	if depth >= maxNesting {
		return append(dst, "..."...)
	}
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		dst = append(dst, '[')
		for i := 0; i < rv.Len(); i++ {
			if i > 0 {
				dst = append(dst, ", "...)
			}
			dst = appendJavaString(dst, interfaceOf(rv.Index(i)), depth+1)
		}
		return append(dst, ']')
	case reflect.Map:
		keys := rv.MapKeys()
		slices.SortFunc(keys, compareKeys)
		dst = append(dst, '{')
		for i, k := range keys {
			if i > 0 {
				dst = append(dst, ", "...)
			}
			dst = appendJavaString(dst, interfaceOf(k), depth+1)
			dst = append(dst, '=')
			dst = appendJavaString(dst, interfaceOf(rv.MapIndex(k)), depth+1)
		}
		return append(dst, '}')
	case reflect.Bool:
		return strconv.AppendBool(dst, rv.Bool())
	}
	return fmt.Append(dst, x)
}

// interfaceOf returns the value held by rv, or its %v text when it comes
// from an unexported field and cannot be handed out as an interface.
func interfaceOf(rv reflect.Value) any {
	if !rv.IsValid() {
		return nil
	}
	if rv.CanInterface() {
		return rv.Interface()
	}
	return fmt.Sprint(rv)
}

// compareKeys orders map keys like a java.util.TreeMap of the natural
// ordering: numbers numerically, strings lexically, anything else by text.
func compareKeys(a, b reflect.Value) int {
	for a.Kind() == reflect.Interface && !a.IsNil() {
		a = a.Elem()
	}
	for b.Kind() == reflect.Interface && !b.IsNil() {
		b = b.Elem()
	}
	if a.Kind() == b.Kind() {
		switch a.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			return cmpOrdered(a.Int(), b.Int())
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			return cmpOrdered(a.Uint(), b.Uint())
		case reflect.Float32, reflect.Float64:
			return cmpOrdered(a.Float(), b.Float())
		case reflect.String:
			return strings.Compare(a.String(), b.String())
		}
	}
	return strings.Compare(fmt.Sprint(interfaceOf(a)), fmt.Sprint(interfaceOf(b)))
}

func cmpOrdered[T int64 | uint64 | float64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// dateToString is the format of java.util.Date.toString with the JDK's
// default time zone set to UTC, as in the reference runs. The year is not
// padded ("UTC 1", not "UTC 0001") and counts within its era, as
// Date.toString prints it.
var dateToString = sync.OnceValue(func() *datefmt.Format {
	f, err := datefmt.NewPattern(jlocale.Parse("en-US"), "EEE MMM dd HH:mm:ss zzz y")
	if err != nil {
		panic("msgfmt: Date.toString pattern rejected: " + err.Error())
	}
	return f
})

// appendJavaDouble appends Double.toString(f) (bits 64), exactly as JDK 17
// prints it, or Float.toString (bits 32).
func appendJavaDouble(dst []byte, f float64, bits int) []byte {
	if bits == 64 || f == 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		// Float.toString spells zeros, NaN and infinities as Double's does.
		return decimal.AppendJavaDouble(dst, f)
	}
	return appendJavaFloat32(dst, f)
}

// appendJavaFloat32 appends Float.toString for a float32 widened to f: the
// shortest digits that round-trip as a float32, at least one digit after
// the point, plain notation for 1e-3 <= |f| < 1e7 and "d.dddE±n" otherwise.
//
// JDK 17's algorithm occasionally prints one digit more than the shortest
// round-trip form (fixed in JDK 19); such values differ in the last digit.
// f is finite and not zero.
func appendJavaFloat32(dst []byte, f float64) []byte {
	const bits = 32
	if f < 0 {
		dst = append(dst, '-')
		f = -f
	}
	var buf [32]byte
	// 'e' with shortest precision gives "d.dddde±XX".
	s := strconv.AppendFloat(buf[:0], f, 'e', -1, bits)
	epos := slices.Index(s, 'e')
	digits := make([]byte, 0, 24)
	digits = append(digits, s[0])
	if epos > 1 {
		digits = append(digits, s[2:epos]...)
	}
	exp, _ := strconv.Atoi(string(s[epos+1:]))
	if f >= 1e-3 && f < 1e7 {
		if exp >= 0 {
			intLen := exp + 1
			for len(digits) < intLen+1 {
				digits = append(digits, '0')
			}
			dst = append(dst, digits[:intLen]...)
			dst = append(dst, '.')
			return append(dst, digits[intLen:]...)
		}
		dst = append(dst, "0."...)
		for i := -1; i > exp; i-- {
			dst = append(dst, '0')
		}
		return append(dst, digits...)
	}
	dst = append(dst, digits[0], '.')
	if len(digits) > 1 {
		dst = append(dst, digits[1:]...)
	} else {
		dst = append(dst, '0')
	}
	dst = append(dst, 'E')
	return strconv.AppendInt(dst, int64(exp), 10)
}
