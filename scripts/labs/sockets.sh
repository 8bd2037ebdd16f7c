#!/usr/bin/env bash
# Lab: sockets. A socket is an end point: a stream socket carries bytes with no message boundaries, a datagram
# socket whole messages; its address is a path in the file system, a name in the abstract namespace, or an IP
# address and a port. The kernel also tells a server who its peer is (SO_PEERCRED).
# Runs unattended in a private IPC namespace; each step says what it shows, and the checks say whether it did.
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
lab_begin "Sockets" "$@"
cd "$LAB_TMP"

step "The same three messages through a stream and through datagram sockets: the stream merges them, datagrams do not."
socket_demo -m one -m two -m three
check "one read() on the stream returned all three messages" contains "$OUT" 'one read() returned all 11 bytes, "onetwothree"'
check "a socket pair of datagrams gave three reads" contains "$OUT" "ok    datagrams through a socket pair keep each message whole: 3 sent, 3 received"
check "so did a datagram socket bound to a path" contains "$OUT" "ok    datagrams through a socket bound to a path keep each message whole: 3 sent, 3 received"
check "and UDP on 127.0.0.1" contains "$OUT" "ok    datagrams through UDP keep each message whole: 3 sent, 3 received"
check "SO_PEERCRED named the child that connected" contains "$OUT" "ok    SO_PEERCRED gives the peer's pid, uid and gid"
check "a descriptor went from the child to the parent with SCM_RIGHTS" contains "$OUT" "ok    SCM_RIGHTS passes a descriptor"
check "every rule held" equals "$RC" 0

step "bind() to a path makes a file of type socket, and it stays after the socket is gone, until rm (unlink)."
run perl -MIO::Socket::UNIX -e 'IO::Socket::UNIX->new(Type => SOCK_DGRAM(), Local => "lab.sock") or die "$!\n"'
run stat -c '%n: type %F' lab.sock
check "the process has exited, and lab.sock is still there, a socket" contains "$OUT" "lab.sock: type socket"
run perl -MIO::Socket::UNIX -e 'IO::Socket::UNIX->new(Type => SOCK_DGRAM(), Local => "lab.sock") or die "$!\n"'
check "binding the path again fails: Address already in use" contains "$OUT" "Address already in use"
run rm lab.sock
check "once unlinked it is gone" test ! -e lab.sock

step "A name in the abstract namespace (a leading NUL byte, shown as @) makes no file; ss -x lists it while it is bound."
name="ipc-lab-$$"
run_background listener perl -MIO::Socket::UNIX -e 'my $s = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Local => "\0$ARGV[0]", Listen => 1) or die "$!\n"; sleep 30' "$name"
listener=$BG_PID
check "ss -x -l lists @$name" eventually sh -c "ss -x -l | grep -q '@$name'"
run ls -A
check "no file of that name was made" test ! -e "$name"
run kill "$listener"
finish_background "$listener" listener
check "with the socket closed, the name is gone, with nothing to unlink" eventually sh -c "! ss -x -l | grep -q '@$name'"

step "The run as a Mermaid sequence diagram: an arrow per call, to the socket it acts on, and a note per check."
socket_demo --diagram -m ping -m pong
check "it is a sequence diagram" contains "${OUT%%$'\n'*}" "sequenceDiagram"
sends=$(grep -c -- '->>P[0-9]*: sendto(' <<<"$OUT")
check "four sendto arrows: two messages to the path, two over UDP" equals "$sends" 4
check "the child is a participant" matches "$OUT" "participant P[0-9]+ as peer\[[0-9]+\]"

lab_end
