#!/usr/bin/env bash
# Whole-server error throughput: each framework's own error handling
# against zerofault's, both with their defaults, on a failing handler
# route and on the router's 404. The server runs with GOMAXPROCS=1 on
# core 0, wrk on core 1; runs alternate (default, zerofault, default, …)
# and the median requests/s of each is reported, with the ratio of the
# medians and the median of each round's own ratio (zerofault / default
# in the same round: the host's load drifts between rounds, less within
# one).
#
#	bash bench/wrk.sh            # 3 runs of 5 s per case
#	RUNS=5 SECONDS_PER_RUN=10 bash bench/wrk.sh
#	FLOOR=1 bash bench/wrk.sh    # also the floor: zerofault's headers
#	                             # and body written as constants
#
# Needs wrk (apt-get install wrk). Traffic goes to 127.0.0.1 only, in
# bounded runs.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
SECS=${SECONDS_PER_RUN:-5}
PORT=${PORT:-18100}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
bin="$(mktemp -d)/errserver"
go build -o "$bin" ./bench/errserver

serve() { # mode → pid of a server ready on $PORT
  GOMAXPROCS=1 taskset -c 0 "$bin" -mode "$1" -addr "127.0.0.1:$PORT" >/dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 50); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
    sleep 0.1
  done
  echo "$pid"
}

rps() { # path → requests/s
  taskset -c 1 wrk -t1 -c16 -d"${SECS}s" "http://127.0.0.1:$PORT$1" | awk '/Requests\/sec/ {print $2}'
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; runs: $RUNS × ${SECS}s"
sides="default zerofault"
[ -n "${FLOOR:-}" ] && sides="default floor zerofault"
if [ -n "${FLOOR:-}" ]; then
  printf '%-8s %-12s %10s %10s %10s %7s %7s %9s\n' framework route default floor zerofault ratio floor/def round-ratio
else
  printf '%-8s %-12s %10s %10s %7s %9s\n' framework route default zerofault ratio round-ratio
fi
for fw in echo4 echo5 nethttp; do
  for route in /users/42 /nowhere; do
    d=() f=() z=()
    for _ in $(seq "$RUNS"); do
      for side in $sides; do
        pid=$(serve "$fw-$side")
        v=$(rps "$route")
        kill "$pid"; wait "$pid" 2>/dev/null || true
        case $side in default) d+=("$v") ;; floor) f+=("$v") ;; *) z+=("$v") ;; esac
      done
    done
    md=$(printf '%s\n' "${d[@]}" | median)
    mz=$(printf '%s\n' "${z[@]}" | median)
    mr=$(for i in "${!d[@]}"; do echo "${z[$i]} / ${d[$i]}" | bc -l; done | median)
    if [ -n "${FLOOR:-}" ]; then
      mf=$(printf '%s\n' "${f[@]}" | median)
      printf '%-8s %-12s %10s %10s %10s %7.2f %7.2f %9.2f\n' "$fw" "$route" "$md" "$mf" "$mz" \
        "$(echo "$mz / $md" | bc -l)" "$(echo "$mf / $md" | bc -l)" "$mr"
    else
      printf '%-8s %-12s %10s %10s %7.2f %9.2f\n' "$fw" "$route" "$md" "$mz" "$(echo "$mz / $md" | bc -l)" "$mr"
    fi
  done
done
