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
#	CONTROL=1 bash bench/wrk.sh  # also the default against itself (a
#	                             # second run of it in each round): the
#	                             # noise these ratios carry on this host
#	FRAMEWORKS=nethttp ROUTES=/users/42 bash bench/wrk.sh
#	                             # only these cases (default: echo4
#	                             # echo5 nethttp; /users/42 /nowhere)
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
# quartiles: "q1–q3" of the numbers read, by the nearest rank.
quartiles() { sort -n | awk '{a[NR]=$1} END {q1=int((NR+3)/4); q3=NR+1-q1; printf "%.2f-%.2f", a[q1], a[q3]}'; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; runs: $RUNS × ${SECS}s"
sides="default"
[ -n "${FLOOR:-}" ] && sides+=" floor"
sides+=" zerofault"
[ -n "${CONTROL:-}" ] && sides+=" control"
head=$(printf '%-8s %-12s %10s' framework route default)
[ -n "${FLOOR:-}" ] && head+=$(printf ' %10s' floor)
head+=$(printf ' %10s %7s' zerofault ratio)
[ -n "${FLOOR:-}" ] && head+=$(printf ' %9s' floor/def)
head+=$(printf ' %11s %10s' round-ratio quartiles)
[ -n "${CONTROL:-}" ] && head+=$(printf ' %13s %10s' control-ratio quartiles)
echo "$head"
reversed=$(echo "$sides" | tr ' ' '\n' | tac | tr '\n' ' ')
for fw in ${FRAMEWORKS:-echo4 echo5 nethttp}; do
  for route in ${ROUTES:-/users/42 /nowhere}; do
    d=() f=() z=() c=()
    for run in $(seq "$RUNS"); do
      order=$sides
      [ $((run % 2)) = 0 ] && order=$reversed
      for side in $order; do
        mode="$fw-$side"
        [ "$side" = control ] && mode="$fw-default"
        pid=$(serve "$mode")
        v=$(rps "$route")
        kill "$pid"; wait "$pid" 2>/dev/null || true
        case $side in default) d+=("$v") ;; floor) f+=("$v") ;; control) c+=("$v") ;; *) z+=("$v") ;; esac
      done
    done
    md=$(printf '%s\n' "${d[@]}" | median)
    mz=$(printf '%s\n' "${z[@]}" | median)
    row=$(printf '%-8s %-12s %10s' "$fw" "$route" "$md")
    [ -n "${FLOOR:-}" ] && { mf=$(printf '%s\n' "${f[@]}" | median); row+=$(printf ' %10s' "$mf"); }
    row+=$(printf ' %10s %7.2f' "$mz" "$(echo "$mz / $md" | bc -l)")
    [ -n "${FLOOR:-}" ] && row+=$(printf ' %9.2f' "$(echo "$mf / $md" | bc -l)")
    rounds=$(for i in "${!d[@]}"; do echo "${z[$i]} / ${d[$i]}" | bc -l; done)
    row+=$(printf ' %11.2f %10s' "$(echo "$rounds" | median)" "$(echo "$rounds" | quartiles)")
    if [ -n "${CONTROL:-}" ]; then
      rounds=$(for i in "${!d[@]}"; do echo "${c[$i]} / ${d[$i]}" | bc -l; done)
      row+=$(printf ' %13.2f %10s' "$(echo "$rounds" | median)" "$(echo "$rounds" | quartiles)")
    fi
    echo "$row"
  done
done
