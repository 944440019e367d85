package catalog

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// appendJavaString appends v as Java's String.valueOf shows it, which is
// what slf4j puts in a "{}": numbers without grouping, doubles in
// Double.toString's form, nil as "null".
func appendJavaString(dst []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(dst, "null"...)
	case string:
		return append(dst, x...)
	case bool:
		return strconv.AppendBool(dst, x)
	case int:
		return strconv.AppendInt(dst, int64(x), 10)
	case int8:
		return strconv.AppendInt(dst, int64(x), 10)
	case int16:
		return strconv.AppendInt(dst, int64(x), 10)
	case int32:
		return strconv.AppendInt(dst, int64(x), 10)
	case int64:
		return strconv.AppendInt(dst, x, 10)
	case uint:
		return strconv.AppendUint(dst, uint64(x), 10)
	case uint8:
		return strconv.AppendUint(dst, uint64(x), 10)
	case uint16:
		return strconv.AppendUint(dst, uint64(x), 10)
	case uint32:
		return strconv.AppendUint(dst, uint64(x), 10)
	case uint64:
		return strconv.AppendUint(dst, x, 10)
	case float32:
		return appendJavaDouble(dst, float64(x), 32)
	case float64:
		return appendJavaDouble(dst, x, 64)
	case *big.Int:
		if x == nil {
			return append(dst, "null"...)
		}
		return x.Append(dst, 10)
	case time.Time:
		// java.util.Date.toString, in UTC: "Mon Jan 02 15:04:05 UTC 2006".
		return x.UTC().AppendFormat(dst, "Mon Jan 02 15:04:05 UTC 2006")
	case error:
		return append(dst, x.Error()...)
	case fmt.Stringer:
		return append(dst, x.String()...)
	}
	return fmt.Append(dst, v)
}

// appendJavaDouble writes f as Double.toString (Float.toString for 32 bits)
// does: plain notation with at least one fraction digit for magnitudes in
// [1e-3, 1e7), computerized scientific notation ("1.0E10") otherwise.
func appendJavaDouble(dst []byte, f float64, bits int) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, "NaN"...)
	case math.IsInf(f, 1):
		return append(dst, "Infinity"...)
	case math.IsInf(f, -1):
		return append(dst, "-Infinity"...)
	case f == 0:
		if math.Signbit(f) {
			return append(dst, "-0.0"...)
		}
		return append(dst, "0.0"...)
	}
	abs := math.Abs(f)
	if abs >= 1e-3 && abs < 1e7 {
		start := len(dst)
		dst = strconv.AppendFloat(dst, f, 'f', -1, bits)
		if !strings.Contains(string(dst[start:]), ".") {
			dst = append(dst, ".0"...)
		}
		return dst
	}
	s := strconv.FormatFloat(f, 'e', -1, bits) // e.g. "1.2345e+10", "1e-05"
	mant, exp, _ := strings.Cut(s, "e")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	dst = append(dst, mant...)
	dst = append(dst, 'E')
	e, _ := strconv.Atoi(exp)
	return strconv.AppendInt(dst, int64(e), 10)
}
