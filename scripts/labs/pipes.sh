#!/usr/bin/env bash
# Lab: pipes. pipe() gives two descriptors on one kernel buffer; bytes go in at one end and out at the other in
# order, a reader sees end of file when the last writer closes, and a writer with no reader gets SIGPIPE.
# The shell shows each rule from outside; ipc pipe-demo shows it with the system calls themselves.
# Runs unattended in a private IPC namespace; each step says what it shows, and the checks say whether it did.
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
lab_begin "Pipes" "$@"

step "The shell's | is pipe(), fork() twice, dup2(): both sides name the same pipe inode, pipe:[N]."
run bash -c 'readlink /proc/self/fd/1 | { cat; readlink /proc/self/fd/0; }'
writer_end=${OUT%%$'\n'*}
reader_end=${OUT##*$'\n'}
check "the writer's stdout is a pipe" contains "$writer_end" "pipe:["
check "the reader's stdin is that same pipe" equals "$reader_end" "$writer_end"

step "pipe(), then fork(): the child writes, the parent reads, each closing the end it does not use."
pipe_demo hello
check "the parent read what the child wrote" contains "$OUT" 'read 16 bytes: "Hello from child"'
check "then end of file" equals "$RC" 0

step "Bytes come out in the order they went in: a pipe is a byte stream, first in, first out."
run bash -c 'printf "one\ntwo\nthree\n" | cat'
check "one, two, three in order" equals "$OUT" $'one\ntwo\nthree'

step "The buffer holds 65536 bytes by default (F_GETPIPE_SZ): a non-blocking writer then gets EAGAIN."
pipe_demo capacity
check "capacity 65536" contains "$OUT" "capacity: 65536 bytes"

step "read() returns 0 (end of file) only when every write end is closed, in every process."
run bash -c 'echo hello | { cat; echo "(read returned 0: end of file)"; }'
check "the reader got the data, then end of file" equals "$OUT" $'hello\n(read returned 0: end of file)'
pipe_demo eof
check "one process's close is not enough while another holds a write end" equals "$RC" 0

step "When no reader is left, write() raises SIGPIPE: yes is killed once head has read its line and exited."
run bash -c 'yes | head -n 1; echo "yes: exit status ${PIPESTATUS[0]}"'
check "yes died of SIGPIPE: status 128 + 13 = 141" contains "$OUT" "yes: exit status 141"
pipe_demo sigpipe
check "a writer that ignores SIGPIPE gets EPIPE instead" contains "$OUT" "Broken pipe"

step "Writes of at most PIPE_BUF (4096) bytes are atomic; larger ones may be split among other writers'."
pipe_demo atomic
check "no 4096-byte record torn" contains "$OUT" "4096-byte records (at most PIPE_BUF): 3276800 bytes read, 0 of 800"
check "every byte arrived" equals "$RC" 0

lab_end
