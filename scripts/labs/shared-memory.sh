#!/usr/bin/env bash
# Lab: System V shared memory. shmget makes a segment, shmat maps it into a process, what one process writes
# another reads with no copy through the kernel, and a segment marked for removal lives on while attached.
# Runs unattended in a private IPC namespace; each step says what it shows, and the checks say whether it did.
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
lab_begin "Shared memory" "$@"

step "The limits: the largest segment (shmmax), all segments together in pages (shmall), how many (shmmni)."
run cat /proc/sys/kernel/shmmax /proc/sys/kernel/shmall /proc/sys/kernel/shmmni
run ipc ls -m -l
check "ipc ls -l shows the number of segments the kernel allows" \
  contains "$OUT" "max number of segments = $(</proc/sys/kernel/shmmni)"

step "shmget makes a segment of 4096 bytes; nobody has it attached yet."
make_segment 4096
m=$(made_id)
run ipc ls -m
check "segment $m is 4096 bytes" column_is m "$m" SIZE 4096
check "no process is attached (nattch 0)" column_is m "$m" NATTCH 0

step "One process attaches the segment, writes a string into it and detaches."
write_segment "$m" "hello, shared memory"

# as many bytes as were written: the rest of the segment is zero bytes, which the shell cannot hold in a variable
step "Another process attaches the same segment and reads the 20 bytes the first one left."
read_segment "$m" 20
check "the second process reads what the first wrote" equals "$OUT" "hello, shared memory"

step "A process that stays attached shows in nattch, and as the last process to attach (lpid)."
in_background holder hold_segment "$m" 30
holder=$BG_PID
check "one process is attached (nattch 1)" eventually column_is m "$m" NATTCH 1
run ipc ls -m -p
check "lpid is the holder's pid" column_is m "$m" LPID "$holder"

step "shmctl(IPC_RMID) on an attached segment only marks it: its key becomes 0 and its status dest."
remove_segment "$m"
run ipc ls -m
check "segment $m is still listed" listed m "$m"
check "it is marked for destruction" column_is m "$m" STATUS dest
check "its key is now 0 (no new process can find it by key)" column_is m "$m" KEY 0x00000000

step "When the last process detaches (here: it exits), the kernel frees the segment."
run kill "$holder"
finish_background "$holder" holder
check "segment $m is gone" eventually not_listed m "$m"

lab_end
