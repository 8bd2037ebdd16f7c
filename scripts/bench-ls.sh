#!/usr/bin/env bash
# Times `scripts/ipc ls` against util-linux `ipcs` side by side, in private IPC namespaces: with empty tables,
# then with 10,000 queues, 10,000 semaphore sets and 4,000 segments (made by ../shared/bench/ipcfill.c).
# Prints the median, fastest and slowest wall time of each command, and the peak resident memory of ipc.
# Usage: scripts/bench-ls.sh [RUNS]   (default 21 runs of each command, interleaved)
# With IPC_COMPARE=/other/checkout/scripts/ipc, that launcher's ls runs interleaved with these: before and after.
set -euo pipefail
root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-21}
fill_source=${IPCFILL_SOURCE:-$root/../shared/bench/ipcfill.c} # IPCFILL_SOURCE: from a worktree elsewhere
[[ -f $fill_source ]] || { echo "bench-ls: $fill_source not found" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -Wall -o "$work/ipcfill" "$fill_source"
# Builds the jar and makes its archives (ls has one of its own) first, outside the timing.
"$root/scripts/ipc" --version >/dev/null && unshare --ipc "$root/scripts/ipc" ls >/dev/null
export LC_ALL=C TZ=UTC

ipc=$root/scripts/ipc
commands=("ipcs" "$ipc ls" "$ipc ls --json")
if [[ -n ${IPC_COMPARE-} ]]; then
  "$IPC_COMPARE" --version >/dev/null && unshare --ipc "$IPC_COMPARE" ls >/dev/null
  commands+=("$IPC_COMPARE ls" "$IPC_COMPARE ls --json")
fi
echo "empty tables ($runs runs each):"
unshare --ipc "$root/scripts/time-commands" "$runs" "${commands[@]}"

echo "10000 queues, 10000 semaphore sets, 4000 segments ($runs runs each):"
unshare --ipc bash -c '
  "$1/ipcfill" 10000 10000 4000 && shift && "$@"
  echo "  peak resident memory:"
  for args in "ls" "ls --json"; do
    kb=$(/usr/bin/time -f %M "'"$ipc"'" $args 2>&1 >/dev/null | tail -1)
    printf "  %-34s %6d KiB (%.1f MiB)\n" "ipc $args" "$kb" "$(bc -l <<<"$kb/1024")"
  done
  kb=$(/usr/bin/time -f %M ipcs 2>&1 >/dev/null | tail -1)
  printf "  %-34s %6d KiB\n" "ipcs" "$kb"
' bench "$work" "$root/scripts/time-commands" "$runs" "${commands[@]}"
