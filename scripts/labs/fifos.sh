#!/usr/bin/env bash
# Lab: FIFOs (named pipes). mkfifo gives a pipe a name in the file system, so that processes with no common
# parent can meet; opening one end waits for the other; a server reads requests from its well-known FIFO and
# answers each client on the client's own FIFO.
# Runs unattended in a private IPC namespace; each step says what it shows, and the checks say whether it did.
# (When ipc fifo serve/send land, they replace the shell server and clients here.)
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

step "A server reads requests from its well-known FIFO; each client names its own FIFO for the reply."
cat >server.sh <<'SERVER'
# The server: one request per line, "CLIENT-FIFO TEXT"; the reply is TEXT in capitals.
exec 3<>server.fifo # open for reading and writing: the server never sees end of file between clients
while read -r client text <&3; do
  [[ $client == quit ]] && break
  printf '%s\n' "${text^^}" >"$client"
done
SERVER
cat >client.sh <<'CLIENT'
# A client: its FIFO is named for its pid, made before the request goes out, removed at the end.
fifo=client.$$.fifo
mkfifo -m 0600 "$fifo"
echo "$fifo $1" >server.fifo
read -r reply <"$fifo"
rm -f "$fifo"
echo "client $$ got: $reply"
CLIENT
run mkfifo -m 0622 server.fifo
run_background server bash server.sh
server=$BG_PID
run bash client.sh "hello server"
check "the first client got its answer" contains "$OUT" "got: HELLO SERVER"
run bash client.sh "second request"
check "so did the second" contains "$OUT" "got: SECOND REQUEST"
run sh -c 'echo quit > server.fifo'
finish_background "$server" server
check "the server stopped when asked" equals "$RC" 0
check "no client FIFO was left behind" equals "$(ls client.*.fifo 2>/dev/null)" ""

lab_end
