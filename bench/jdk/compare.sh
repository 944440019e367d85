#!/bin/sh
# compare.sh runs the Go benchmarks over Zero's templates and the JDK
# harness MsgFmtBench.java alternately (Go, JDK, Go, JDK, ...), RUNS times
# (default 3), and prints the median of each figure and the ratios that
# BENCHMARKS.md reports. Run it from anywhere in the repository:
#
#	bench/jdk/compare.sh [RUNS]
#	PIN_CPU=1 bench/jdk/compare.sh [RUNS]
#
# With PIN_CPU set, both sides run pinned to that CPU with taskset, so each
# runtime has one core (Go then sets GOMAXPROCS to 1, and the JVM, seeing
# one processor, picks the serial collector), as in the whole-server
# measurement of issue 12; without it both use every core.
#
# It needs Zero's catalog at ../shared/reference/zero-vertx-error.yml,
# beside the repository, and exits 0 saying so when it is absent. GOGC and
# GODEBUG in the environment reach the Go benchmarks, as usual.
set -eu

runs=${1:-3}
pin=
if [ -n "${PIN_CPU:-}" ]; then
	pin="taskset -c $PIN_CPU"
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
yml=$root/../shared/reference/zero-vertx-error.yml
if [ ! -f "$yml" ]; then
	echo "skipped: $yml not found (Zero's catalog is not beside the repository)"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Build everything first, so that no run competes with a compiler.
(cd "$root" && go test -c -o "$tmp/msgfmt.test" ./zero/msgfmt &&
	go test -c -o "$tmp/catalog.test" ./zero/catalog)
javac -d "$tmp" "$root/bench/jdk/MsgFmtBench.java"

echo "pinned: ${PIN_CPU:-no}; before: $(uptime)"
i=1
while [ "$i" -le "$runs" ]; do
	(cd "$root/zero/msgfmt" && $pin "$tmp/msgfmt.test" -test.run '^$' -test.bench '^BenchmarkZeroCatalog$' -test.benchmem) >>"$tmp/go.txt"
	(cd "$root/zero/catalog" && $pin "$tmp/catalog.test" -test.run '^$' -test.bench '^BenchmarkZeroCatalogLookupFormat$' -test.benchmem) >>"$tmp/go.txt"
	$pin java -cp "$tmp" MsgFmtBench "$yml" >>"$tmp/jdk.txt"
	i=$((i + 1))
done
echo "after:  $(uptime)"
grep -h 'crc32' "$tmp/jdk.txt" | sort -u

# Collect "name value" pairs, then print each name's median.
{
	awk '/^Benchmark/ { name = $1; sub(/-[0-9]+$/, "", name); print name, $3, $5, $7 }' "$tmp/go.txt"
	# (allocs is go test's integer average: see BENCHMARKS.md)
	awk '/ns\/op median/ { print "JDK/" $1, $2, "-", "-" }' "$tmp/jdk.txt"
} | sort -k1,1 -k2,2n | awk '
	{ n[$1]++; v[$1, n[$1]] = $2; b[$1] = $3; a[$1] = $4 }
	END {
		for (k in n) {
			c = n[k]
			m[k] = c % 2 ? v[k, (c + 1) / 2] : (v[k, c / 2] + v[k, c / 2 + 1]) / 2
		}
		printf "%-44s %10s %6s %7s %5s\n", "benchmark (median of " '"$runs"' " runs)", "ns/op", "B/op", "allocs", ""
		for (k in n) printf "%-44s %10.1f %6s %7s\n", k, m[k], b[k], a[k] | "sort"
		close("sort")
		s = m["JDK/static"]; p = m["JDK/precompiled"]
		o = m["BenchmarkZeroCatalog/OneOff"]; c = m["BenchmarkZeroCatalog/Compiled"]
		l = m["BenchmarkZeroCatalogLookupFormat"]; f = m["BenchmarkZeroCatalog/Sprintf"]
		y = m["BenchmarkZeroCatalog/Copy"]
		printf "ratio one-off Format / JDK static:           %.2f\n", o / s
		printf "ratio compiled / JDK precompiled:            %.2f\n", c / p
		printf "ratio catalog Lookup+Format / JDK static:    %.2f\n", l / s
		printf "ratio one-off Format / fmt.Sprintf:          %.2f\n", o / f
		printf "ratio compiled / fmt.Sprintf:                %.2f\n", c / f
		printf "ratio copy floor / JDK precompiled:          %.2f\n", y / p
		printf "ratio compiled / copy floor:                 %.2f\n", c / y
	}'
