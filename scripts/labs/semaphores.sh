#!/usr/bin/env bash
# Lab: System V semaphore sets. semget makes a set of counters, semop changes them atomically and sleeps while
# a decrement would go below zero, and the kernel counts who waits (ncount, zcount) and who acted last (pid).
# Runs unattended in a private IPC namespace; each step says what it shows, and the checks say whether it did.
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
lab_begin "Semaphores" "$@"

step "The limits, as /proc/sys/kernel/sem holds them: SEMMSL SEMMNS SEMOPM SEMMNI."
run cat /proc/sys/kernel/sem
limits=$OUT
run ipc ls -s -l
check "ipc ls -l names the same semaphores-per-set limit" contains "$OUT" "max semaphores per array = ${limits%%[[:space:]]*}"

step "semget makes a set of two semaphores; both start at 0."
make_semaphores 2
s=$(made_id)
run ipc ls -s -i "$s"
check "set $s has 2 semaphores" contains "$OUT" "nsems = 2"
check "semaphore 0 is 0" semaphore_is "$s" 0 value 0

step "semctl(SETVAL) sets semaphore 0 to 1: a lock that is free."
set_value "$s" 0 1
check "semaphore 0 is 1" semaphore_is "$s" 0 value 1

step "semop -1 (P, wait) takes the lock: the value goes from 1 to 0 at once."
semaphore_op "$s" 0 -1
check "semaphore 0 is 0" semaphore_is "$s" 0 value 0

step "A second semop -1 cannot go below 0: that process sleeps, and the kernel counts it in ncount."
in_background waiter semaphore_op "$s" 0 -1
waiter=$BG_PID
check "one process waits for semaphore 0 to rise (ncount 1)" eventually semaphore_is "$s" 0 ncount 1
run ipc ls -s -i "$s"

step "semop +1 (V, signal) releases the lock; the sleeper wakes and takes it."
semaphore_op "$s" 0 1
finish_background "$waiter" waiter
check "the waiter's semop completed" equals "$RC" 0
check "nobody waits any more (ncount 0)" semaphore_is "$s" 0 ncount 0
check "the value is 0 again: the waiter holds the lock" semaphore_is "$s" 0 value 0
check "the pid column names the waiter, the last to operate" semaphore_is "$s" 0 pid "$waiter"

step "semop 0 waits until the value is zero: semaphore 1 is set to 1, so a waiter for zero sleeps (zcount)."
set_value "$s" 1 1
in_background zero semaphore_op "$s" 1 0
zero=$BG_PID
check "one process waits for semaphore 1 to be zero (zcount 1)" eventually semaphore_is "$s" 1 zcount 1
semaphore_op "$s" 1 -1
finish_background "$zero" zero
check "it woke when the value reached zero" equals "$RC" 0

step "IPC_NOWAIT turns the sleep into an error: EAGAIN."
semaphore_op "$s" 0 -1 nowait
check "semop fails at once" contains "$OUT" "would have to wait"

step "Removing a set wakes everyone sleeping on it with EIDRM."
in_background orphan semaphore_op "$s" 0 -1
orphan=$BG_PID
check "a process sleeps on semaphore 0" eventually semaphore_is "$s" 0 ncount 1
remove_semaphores "$s"
finish_background "$orphan" orphan
check "its semop failed: the set was removed (EIDRM)" contains "$OUT" "was removed while waiting"
check "set $s is gone" not_listed s "$s"

lab_end
