#!/usr/bin/env bash
# Lab: FIFOs (named pipes). mkfifo gives a pipe a name in the file system, so that processes with no common
# parent can meet; opening one end waits for the other; a server reads requests from its well-known FIFO and
# answers each client on the client's own FIFO.
# Runs unattended in a private IPC namespace; each step says what it shows, and the checks say whether it did.
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
lab_begin "FIFOs" "$@"
cd "$LAB_TMP"

step "mkfifo makes a FIFO: a file of type p, with no data blocks of its own."
run mkfifo -m 0600 channel
run ls -l channel
check "its type is p (FIFO)" test -p channel

step "Opening a FIFO for writing waits until a reader opens it: with none, this writer is still waiting after 1 s."
run timeout 1 sh -c 'echo hello > channel'
check "the open did not return (timeout's status 124)" equals "$RC" 124

step "With a reader present, the writer's bytes flow through the kernel, as in a pipe."
run_background reader cat channel
reader=$BG_PID
run sh -c 'echo "hello through a FIFO" > channel'
finish_background "$reader" reader
check "the reader got the line" equals "$OUT" "hello through a FIFO"

step "Data in a FIFO never reaches the disk: with a line waiting in it, its size is still 0."
exec 3<>channel # held open for reading and writing, so that neither open waits
run sh -c 'echo waiting > channel'
run stat -c '%n: %s bytes, type %F' channel
check "size 0" contains "$OUT" "channel: 0 bytes"
read -r -t 5 line <&3
exec 3>&-
check "the line was there all the same" equals "$line" waiting

step "A server makes its well-known FIFO, server.fifo, in a folder only its user may enter, and waits there."
run mkdir -m 0700 service
in_background server serve_fifo service -v
server=$BG_PID
check "server.fifo appears" eventually test -p service/server.fifo
run ls -l service

step "Each client makes its own FIFO, client.PID.fifo, sends one line to server.fifo and reads the answer there."
send_fifo service upper "hello server"
check "the first client got its answer" equals "$OUT" "HELLO SERVER"
send_fifo service --count 3 seq
check "the second got three sequence numbers, in turn" equals "$OUT" $'0\n1\n2'

step "The same by hand: a FIFO named for this shell's pid, opened before the request so the reply has a reader."
cat >client.sh <<'CLIENT'
fifo=service/client.$$.fifo
mkfifo -m 0600 "$fifo"
exec 3<>"$fifo"                     # our end of the reply FIFO is open before the server looks for it
echo "$$ echo $1" >service/server.fifo
read -r -t 5 reply <&3
rm -f "$fifo"
echo "client $$ got: $reply"
CLIENT
run bash client.sh "by hand"
check "the server answered a shell client too" contains "$OUT" "got: by hand"

step "The server stops on SIGTERM: it finishes what it has, removes server.fifo, and its log shows every request."
run kill -TERM "$server"
finish_background "$server" server
check "it exited cleanly" equals "$RC" 0
check "it answered four requests (upper, three seq) and one echo" contains "$OUT" "requests=5"
check "no FIFO is left behind" equals "$(ls service)" ""

lab_end
