#!/usr/bin/env bash
# Lab: tuning the kernel's IPC limits. Each IPC namespace has its own limits in /proc/sys/kernel; a new one
# starts from the kernel's defaults. Lowering a limit below what an application needs is the classic cause of
# "No space left on device" from msgget, semget and shmget; ipc ls -g shows how close each limit is.
# Runs unattended in a private IPC namespace, so nothing here touches the machine's own limits.
# (When ipc sem|msg|shm tune land, they replace the writes to /proc/sys/kernel below.)
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
lab_begin "Tuning IPC limits" "$@"

step "Every limit with what is in use of it, as lsipc -g shows them: nothing is used in a new namespace."
run ipc ls -g
check "the table lists the queue, segment and semaphore limits" \
  contains "$OUT" "SEMMNI"

step "The classic tuning line for a database server: SEMMSL SEMMNS SEMOPM SEMMNI in one write."
set_limit sem "250 32000 100 128"
run cat /proc/sys/kernel/sem
run ipc ls -s -l
check "at most 250 semaphores in a set" contains "$OUT" "max semaphores per array = 250"
check "at most 128 sets" contains "$OUT" "max number of arrays = 128"
check "at most 100 operations in one semop" contains "$OUT" "max ops per semop call = 100"

step "A set larger than SEMMSL is refused: EINVAL."
make_semaphores 251
check "semget of 251 semaphores fails" contains "$OUT" "Invalid argument"
make_semaphores 250
check "250 is allowed" contains "$OUT" "Semaphore id:"

step "With msgmni at 2, the third queue cannot be made: ENOSPC, 'No space left on device'."
set_limit msgmni 2
make_queue
make_queue
make_queue
check "the third msgget fails with ENOSPC" contains "$OUT" "No space left on device"
run ipc ls -g -q
check "ipc ls -g shows 2 of 2 queues in use: 100%" \
  equals "$(ipc ls -g -q -o RESOURCE,LIMIT,USED,USE% --noheadings --raw | grep '^MSGMNI ')" "MSGMNI 2 2 100.00%"

step "shmmax bounds one segment: with 1 MiB, a 2 MiB segment is refused (EINVAL) and 1 MiB is fine."
set_limit shmmax 1048576
make_segment 2M
check "a 2 MiB segment fails" contains "$OUT" "Invalid argument"
make_segment 1M
check "a 1 MiB segment is made" contains "$OUT" "Shared memory id:"

step "To keep limits across reboots, a file in /etc/sysctl.d/ holds them (shown here, not written):"
run printf '%s\n' "# /etc/sysctl.d/60-ipc.conf" "kernel.sem = 250 32000 100 128" "kernel.msgmni = 2" \
  "kernel.shmmax = 1048576"
check "one key = value a line" contains "$OUT" "kernel.sem = 250 32000 100 128"

lab_end
