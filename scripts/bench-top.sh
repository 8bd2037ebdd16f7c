#!/usr/bin/env bash
# The CPU ipc top takes with 10,000 queues, 10,000 semaphore sets and 4,000 segments (made by
# ../shared/bench/ipcfill.c) in a private IPC namespace, refreshing every second: drawn on a terminal (a tmux pane of
# 50 rows, needs tmux) and as plain text frames of every object written to /dev/null. Prints each one's share of one
# core (user + system time of the JVM over the measured seconds, after a warm-up) and its peak resident memory.
# Usage: scripts/bench-top.sh [SECONDS]   (default 60 measured seconds each, after 15 s of warm-up)
set -euo pipefail
root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}
fill_source=${IPCFILL_SOURCE:-$root/../shared/bench/ipcfill.c} # IPCFILL_SOURCE: from a worktree elsewhere
[[ -f $fill_source ]] || { echo "bench-top: $fill_source not found" >&2; exit 1; }
command -v tmux >/dev/null || { echo "bench-top: needs tmux" >&2; exit 1; }
work=$(mktemp -d)
trap 'tmux -S "$work/tmux.sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
gcc -O2 -Wall -o "$work/ipcfill" "$fill_source"
"$root/scripts/ipc" --version >/dev/null # builds the jar and its archive outside the measurement
export LC_ALL=C TZ=UTC

unshare --ipc bash -s "$root/scripts/ipc" "$work" "$seconds" <<'MEASURE'
set -euo pipefail
ipc=$1 work=$2 seconds=$3
"$work/ipcfill" 10000 10000 4000
ticks() { # user and system clock ticks of a process: fields 14 and 15 of /proc/PID/stat, after the command name
  local stat
  stat=$(<"/proc/$1/stat")
  set -- ${stat##*) }
  echo "${12} ${13}"
}
measure() { # PID LABEL
  sleep 15
  local u0 s0 u1 s1 hz
  read -r u0 s0 < <(ticks "$1")
  sleep "$seconds"
  read -r u1 s1 < <(ticks "$1")
  hz=$(getconf CLK_TCK)
  printf '  %-38s %5.1f%% of one core (user %.1f%%, system %.1f%%), peak RSS %s\n' "$2" \
    "$(bc -l <<<"($u1 - $u0 + $s1 - $s0) * 100 / $hz / $seconds")" "$(bc -l <<<"($u1 - $u0) * 100 / $hz / $seconds")" \
    "$(bc -l <<<"($s1 - $s0) * 100 / $hz / $seconds")" "$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$1/status")"
}
echo "ipc top --interval 1s, 24000 objects, $seconds s measured after 15 s:"
tmux -S "$work/tmux.sock" new-session -d -x 160 -y 50 "echo \$\$ > '$work/pid'; exec '$ipc' top --interval 1s"
until [[ -s $work/pid ]]; do sleep 0.1; done
measure "$(<"$work/pid")" "on a terminal (160x50)"
tmux -S "$work/tmux.sock" kill-server
"$ipc" top --interval 1s >/dev/null &
top_pid=$! # measure's process substitutions change $!
measure "$top_pid" "plain text, every row, to /dev/null"
kill "$top_pid"
MEASURE
