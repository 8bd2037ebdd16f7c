#!/usr/bin/env bash
# Lab: tuning the kernel's IPC limits. Each IPC namespace has its own limits in /proc/sys/kernel; a new one
# starts from the kernel's defaults. Lowering a limit below what an application needs is the classic cause of
# "No space left on device" from msgget, semget and shmget; ipc ls -g shows how close each limit is.
# Runs unattended in a private IPC namespace, so nothing here touches the machine's own limits.
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
lab_begin "Tuning IPC limits" "$@"

step "Every limit with what is in use of it, as lsipc -g shows them: nothing is used in a new namespace."
run ipc ls -g
check "the table lists the queue, segment and semaphore limits" contains "$OUT" "SEMMNI"

step "The classic tuning line for a database server: SEMMSL SEMMNS SEMOPM SEMMNI. It lowers limits: refused."
before=$(</proc/sys/kernel/sem)
tune_semaphores 250 32000 100 128
check "refused, with the failure each lower limit would cause" contains "$OUT" "lowering SEMMSL from"
check "nothing changed" equals "$(</proc/sys/kernel/sem)" "$before"

step "--force sets them anyway (one write to /proc/sys/kernel/sem), warning of what they will refuse."
tune_semaphores 250 32000 100 128 --force
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
tune_queues --msgmni 2 --force
make_queue
make_queue
make_queue
check "the third msgget fails with ENOSPC" contains "$OUT" "No space left on device"
run ipc ls -g -q
check "ipc ls -g shows 2 of 2 queues in use: 100%" \
  equals "$(ipc ls -g -q -o RESOURCE,LIMIT,USED,USE% --noheadings --raw | grep '^MSGMNI ')" "MSGMNI 2 2 100.00%"
tune_queues
check "ipc msg tune shows the same use" matches "$OUT" "MSGMNI +2 +2 "

step "shmmax bounds one segment: with 1 MiB, a 2 MiB segment is refused (EINVAL) and 1 MiB is fine."
tune_segments --shmmax 1M --force
make_segment 2M
check "a 2 MiB segment fails" contains "$OUT" "Invalid argument"
make_segment 1M
check "a 1 MiB segment is made" contains "$OUT" "Shared memory id:"

step "--persist keeps a limit across reboots in /etc/sysctl.d/ (--dry-run: only shown, nothing written)."
tune_queues --msgmni 1024 --persist --dry-run
check "the file and the line it would write" contains "$OUT" "would save kernel.msgmni = 1024 in /etc/sysctl.d/"

lab_end
