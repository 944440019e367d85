#!/usr/bin/env bash
# Handler benchmarks, medians over several code layouts.
#
# On this project's machine, moving code without changing it (a function
# added in front of package httpfault) moves a ~500 ns handler benchmark
# by up to 10%, so a single build's figure can flatter or wrong a change.
# This builds the test binary of PKG for each revision in LAYOUTS variants
# (variant k adds one unused function of k*23 statements first in
# httpfault, which shifts every function after it), runs all binaries
# alternately ROUNDS times, and prints, per revision and benchmark, the
# median over layouts and rounds with the minimum, maximum and
# allocations. Compare a pair's two sides within one revision: both run in
# the same binary.
#
#	BENCH='^BenchmarkNotFound$' PKG=./echofault bash bench/layouts.sh 457bf6e HEAD
#	BENCH='ProblemJSON' PKG=./httpfault LAYOUTS=4 ROUNDS=3 bash bench/layouts.sh HEAD
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=${BENCH:?set BENCH to a -test.bench pattern}
PKG=${PKG:-./echofault}
LAYOUTS=${LAYOUTS:-4}
ROUNDS=${ROUNDS:-3}
[ $# -gt 0 ] || set -- HEAD
work=$(mktemp -d)
trap 'for d in "$work"/tree-*; do [ -d "$d" ] && git worktree remove --force "$d" >/dev/null 2>&1; done; rm -rf "$work"' EXIT

for rev in "$@"; do
  tree="$work/tree-$(echo "$rev" | tr -c 'A-Za-z0-9\n' _)"
  git worktree add --detach --quiet "$tree" "$rev"
  for k in $(seq 0 $((LAYOUTS - 1))); do
    pad="$tree/httpfault/aaa_layout_pad.go"
    rm -f "$pad"
    if [ "$k" -gt 0 ]; then
      {
        echo "package httpfault"
        echo
        echo "// layoutPad only moves the code after it: see bench/layouts.sh."
        echo "func layoutPad(x []int) (s int) {"
        for i in $(seq $((k * 23))); do echo "	if len(x) > $i { s += x[$i] * $i }"; done
        echo "	return s"
        echo "}"
        echo
        echo "var _ = layoutPad"
      } >"$pad"
    fi
    (cd "$tree" && go test -c -o "$work/$(basename "$tree")-$k.test" "$PKG")
  done
done

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $LAYOUTS layouts × $ROUNDS rounds; $PKG -test.bench '$BENCH'"
for _ in $(seq "$ROUNDS"); do
  for k in $(seq 0 $((LAYOUTS - 1))); do
    for rev in "$@"; do
      bin="$work/tree-$(echo "$rev" | tr -c 'A-Za-z0-9\n' _)-$k.test"
      "$bin" -test.run '^$' -test.bench "$BENCH" -test.benchtime 1s -test.benchmem |
        awk -v r="$rev" '/ns\/op/ {print r, $1, $3, $7}'
    done
  done
done | awk '
  { key = $1 "|" $2; n[key]++; v[key, n[key]] = $3; allocs[key] = $4 }
  END {
    for (key in n) {
      m = n[key]
      for (i = 1; i <= m; i++) s[i] = v[key, i]
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (s[j] < s[i]) { t = s[i]; s[i] = s[j]; s[j] = t }
      med = (m % 2) ? s[(m + 1) / 2] : (s[m / 2] + s[m / 2 + 1]) / 2
      split(key, p, "|")
      printf "%-60s %-10s median %8.1f ns  min %8.1f  max %8.1f  n=%d  allocs %s\n", p[2], p[1], med, s[1], s[m], m, allocs[key]
    }
  }' | sort
