#!/usr/bin/env bash
# Requests per second of `ipc fifo serve` against the C reference server (fifo_ref_server), both driven by the
# C load generator (fifo_bench_client), side by side in one run: both servers stay up, and each round measures
# them one after the other with 1 client and with 8, the order alternating from round to round, so that the
# load of the machine weighs on both alike. Prints every run, the medians, and the CPU time each server spent
# per request (user + system, from /proc/PID/stat), which the load of other processes moves much less.
#
# Usage: scripts/bench-fifo.sh [ROUNDS] [REQUESTS_PER_CLIENT]      (default 10 rounds, 20000 requests)
# Needs gcc; the C programs are built from /work/shared/bench (or $IPC_BENCH_SOURCES) into a temporary folder
# and removed after, never kept in the tree.
set -euo pipefail
root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-10}
requests=${2:-20000}
sources=${IPC_BENCH_SOURCES:-/work/shared/bench}

work=$(mktemp -d /tmp/bench-fifo.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for program in fifo_ref_server fifo_bench_client; do
  gcc -O2 -Wall -o "$work/$program" "$sources/$program.c"
done
"$root/scripts/ipc" --version >/dev/null # builds the jar if needed

"$work/fifo_ref_server" "$work/ref" &
pids+=($!)
declare -A server_pid=([ref]=$!)
"$root/scripts/ipc" fifo serve --quiet --dir "$work/ipc" & # the launcher execs java: $! is the server
pids+=($!)
server_pid[ipc]=$!

# Ready when someone reads the FIFO: a non-blocking open for writing succeeds (the shell cannot do that open
# itself, so wait for the FIFO and then for one request to go through the load generator).
wait_ready() {
  for _ in $(seq 1 300); do
    if [[ -p $1/server.fifo ]] && timeout 5 "$work/fifo_bench_client" "$1" 1 1 >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.1
  done
  echo "bench-fifo: no server on $1" >&2
  exit 1
}
wait_ready "$work/ref"
wait_ready "$work/ipc"

# CPU time a process has used so far, in clock ticks (user + system).
cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$1/stat"
}

# One run: prints the rate in requests/s, or fails the script when a reply was missing.
run() {
  local out
  out=$(timeout 300 "$work/fifo_bench_client" "$work/$1" "$2" "$requests")
  if [[ $out != *" errors=0" ]]; then
    echo "bench-fifo: $1 with $2 clients: $out" >&2
    exit 1
  fi
  out=${out##*rate=}
  echo "${out%%/s*}"
}

# Warm-up, not counted: the JVM compiles its hot loop, both servers' pages are in.
for server in ref ipc; do
  run "$server" 8 >/dev/null
  run "$server" 1 >/dev/null
done

declare -A rates ticks
printf '%-6s %-8s %10s %10s\n' round clients ref/s ipc/s
for round in $(seq 1 "$rounds"); do
  if ((round % 2)); then order=(ref ipc); else order=(ipc ref); fi
  for clients in 1 8; do
    for server in "${order[@]}"; do
      before=$(cpu_ticks "${server_pid[$server]}")
      rates[$server,$clients]+="$(run "$server" "$clients") "
      ticks[$server,$clients]=$(( ${ticks[$server,$clients]:-0} + $(cpu_ticks "${server_pid[$server]}") - before ))
    done
    printf '%-6s %-8s %10s %10s\n' "$round" "$clients" \
      "$(echo "${rates[ref,$clients]}" | awk '{print $NF}')" "$(echo "${rates[ipc,$clients]}" | awk '{print $NF}')"
  done
done

median() {
  tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
}
# Microseconds of server CPU per request over all rounds of one configuration.
per_request() {
  awk -v t="${ticks[$1,$2]}" -v hz="$(getconf CLK_TCK)" -v n="$((rounds * $2 * requests))" \
    'BEGIN {printf "%.2f", t / hz * 1e6 / n}'
}
echo
for clients in 1 8; do
  ref=$(echo "${rates[ref,$clients]}" | median)
  ipc=$(echo "${rates[ipc,$clients]}" | median)
  ratio=$(awk -v a="$ipc" -v b="$ref" 'BEGIN {printf "%.2f", a / b}')
  printf 'median, %d client%s: fifo_ref_server %.0f/s, ipc fifo serve %.0f/s (ipc/ref %s); ' \
    "$clients" "$([[ $clients == 1 ]] || echo s)" "$ref" "$ipc" "$ratio"
  printf 'server CPU per request: ref %sus, ipc %sus\n' "$(per_request ref "$clients")" "$(per_request ipc "$clients")"
done
