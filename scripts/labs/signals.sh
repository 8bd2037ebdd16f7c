#!/usr/bin/env bash
# Lab: signals. A signal is a number sent to a process (kill) or to a process group (kill -PGID); a standard
# signal that arrives while blocked is a bit in the pending set, not a count; real-time signals are queued, each
# with a value; SIGCHLD tells a parent that a child ended, and waitpid says how.
# The shell shows each rule from outside; ipc signal demo shows it with the system calls themselves.
# Runs unattended in a private IPC namespace; each step says what it shows, and the checks say whether it did.
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
lab_begin "Signals" "$@"

step "A signal's default action: SIGTERM ends a process, and wait reports it as 128 + 15."
run bash -c 'sleep 30 & kill -TERM $!; wait $!; echo "sleep: exit status $?"'
check "sleep was killed by SIGTERM: status 143" contains "$OUT" "sleep: exit status 143"

step "A standard signal sent 1000 times while blocked is pending once: pending is a bit, not a count."
signal_demo --signals 1000 --queued 10
check "the demo passed" equals "$RC" 0
check "1000 kill()s, SIGUSR1 taken once" contains "$OUT" "  ok    a standard signal is not queued: 1000 kill()s"
check "the receiver says so" contains "$OUT" "took SIGUSR1 once"
check "every thread of the receiver's JVM blocked the signals from birth" contains "$OUT" \
  "  ok    a mask set at posix_spawn is inherited by every thread"

step "Real-time signals are queued: 10 sigqueue()s of SIGRTMIN+1 all arrive, in order, with value, pid and uid."
check "all 10 taken" contains "$OUT" "  ok    real-time signals are queued: 10 sigqueue()s of SIGRTMIN+1, all taken"
check "in the order sent, with their values" contains "$OUT" "  ok    they arrive in the order sent"
check "with the sender's pid and uid, si_code SI_QUEUE" matches "$OUT" \
  "  ok    each came with the sender's pid and uid \(si_pid [0-9]+, si_uid $(id -u)\) and si_code SI_QUEUE"

step "kill -- -PGID sends to a whole process group: a job of three processes ends, a process outside it does not."
run bash -c 'set -m; sleep 30 & outsider=$!
  (sleep 30 & sleep 30 & wait) & group=$!
  sleep 0.3; kill -TERM -- "-$group"; wait "$group"; echo "job $group: exit status $?"
  kill -0 "$outsider" && echo "the outsider still runs"; kill "$outsider"'
check "the job's leader was killed by SIGTERM" matches "$OUT" "job [0-9]+: exit status 143"
check "the process outside the group still ran" contains "$OUT" "the outsider still runs"
signal_demo --signals 1 --queued 1 --members 4
check "kill(-PGID) reached every member" matches "$OUT" "  ok    kill\(-[0-9]+, SIGTERM\) reached every member"
check "and nobody else" contains "$OUT" "  ok    and nobody else: the process outside the group still ran"

step "SIGCHLD tells a parent its child ended; wait (waitpid) then says how: here exit status 3."
run bash -c 'set -m; trap "echo SIGCHLD" CHLD; (exit 3) & wait $!; echo "wait: exit status $?"'
check "the shell's CHLD trap ran" contains "$OUT" "SIGCHLD"
check "wait reported exit status 3" contains "$OUT" "wait: exit status 3"
signal_demo --signals 1 --queued 1 --members 3
check "SIGCHLD for the group's ends, then waitpid reaped them all" contains "$OUT" \
  "  ok    SIGCHLD told the receiver its children ended"
check "SIGCHLD said CLD_EXITED with status 3, waitpid WEXITSTATUS 3" contains "$OUT" \
  "  ok    a child that exits 3: SIGCHLD says CLD_EXITED, status 3"

step "The same findings as JSON, for scripts: one SIGUSR1 taken of 100 sent."
signal_demo --json --signals 100 --queued 5
check "JSON says one taken" matches "$OUT" '"sent" : 100,[[:space:]]+"taken" : 1'

lab_end
