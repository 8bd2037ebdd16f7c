#!/usr/bin/env bash
# Lab: System V message queues. msgget makes a queue, msgsnd appends typed messages, msgrcv takes them out by
# type, and the kernel keeps counts (messages, bytes, last sender and receiver) that ipc ls shows.
# Runs unattended in a private IPC namespace; each step says what it shows, and the checks say whether it did.
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
lab_begin "Message queues" "$@"

step "The kernel's limits for queues: how many queues, the largest message, the default bytes per queue."
run ipc ls -q -l
check "msgmni, msgmax and msgmnb are shown" contains "$OUT" "max size of message (bytes)"

step "msgget(IPC_PRIVATE) makes a queue; the kernel answers with its id."
make_queue
q=$(made_id)
check "queue $q is listed" listed q "$q"
check "it starts empty" column_is q "$q" MSGS 0

step "msgsnd appends three messages: types 1, 2 and 1. Each is a type and a body of bytes."
send_message "$q" 1 first
send_message "$q" 2 second
send_message "$q" 1 third
run ipc ls -q
check "three messages on the queue" column_is q "$q" MSGS 3
check "16 bytes of bodies: 5 + 6 + 5 (the type is not counted)" column_is q "$q" USEDBYTES 16

step "msgrcv with a positive type takes the first message of that type, wherever it is in the queue."
receive_message "$q" 2
check "type 2 came first: second" equals "$OUT" $'2\tsecond'

step "msgrcv with type 0 takes the oldest message: the queue is first in, first out."
receive_message "$q" 0
check "the oldest: first" equals "$OUT" $'1\tfirst'

step "With IPC_NOWAIT, msgrcv of a type that is not there fails at once with ENOMSG instead of waiting."
receive_message "$q" 2 nowait
check "no message of type 2 (ENOMSG)" contains "$OUT" "no message of type 2"

step "msgrcv with a negative type takes the lowest type up to its absolute value."
receive_message "$q" -2
check "the last one: third" equals "$OUT" $'1\tthird'
check "the queue is empty again" column_is q "$q" MSGS 0

step "A receiver on an empty queue sleeps in msgrcv until a sender comes."
in_background receiver receive_message "$q" 0
receiver=$BG_PID
check "the receiver sleeps in msgrcv" eventually sleeping_in "$receiver" msgrcv
send_message "$q" 7 wake
finish_background "$receiver" receiver
check "it received the message sent after it began to wait" equals "$OUT" $'7\twake'
run ipc ls -q -p
# msgrcv records the thread that called it (task_pid_vnr): in a JVM, not the process id
check "lrpid is the receiver's thread that slept in msgrcv ($SLEEPING_TID)" column_is q "$q" LRPID "$SLEEPING_TID"

step "A queue holds msgmnb bytes (16384 by default): two 8192-byte messages fill it, a third cannot go in."
run sh -c "head -c 8192 /dev/zero | tr '\\0' x > $LAB_TMP/8K"
send_file "$q" 1 "$LAB_TMP/8K" nowait
send_file "$q" 1 "$LAB_TMP/8K" nowait
send_file "$q" 1 "$LAB_TMP/8K" nowait
check "the third msgsnd fails with EAGAIN (it would wait without IPC_NOWAIT)" contains "$OUT" "is full"
check "16384 bytes are queued" column_is q "$q" USEDBYTES 16384

step "msgctl(IPC_RMID) removes the queue and every message still in it."
remove_queue "$q"
check "queue $q is gone" not_listed q "$q"

lab_end
