#!/usr/bin/env bash
# Lab: pipes. pipe() gives two descriptors on one kernel buffer; bytes go in at one end and out at the other in
# order, a reader sees end of file when the last writer closes, and a writer with no reader gets SIGPIPE.
# Runs unattended in a private IPC namespace; each step says what it shows, and the checks say whether it did.
# (When ipc pipe-demo lands, its demos replace the shell and perl one-liners here.)
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
lab_begin "Pipes" "$@"

step "The shell's | is pipe(), fork() twice, dup2(): both sides name the same pipe inode, pipe:[N]."
run bash -c 'readlink /proc/self/fd/1 | { cat; readlink /proc/self/fd/0; }'
writer_end=${OUT%%$'\n'*}
reader_end=${OUT##*$'\n'}
check "the writer's stdout is a pipe" contains "$writer_end" "pipe:["
check "the reader's stdin is that same pipe" equals "$reader_end" "$writer_end"

step "Bytes come out in the order they went in: a pipe is a byte stream, first in, first out."
run bash -c 'printf "one\ntwo\nthree\n" | cat'
check "one, two, three in order" equals "$OUT" $'one\ntwo\nthree'

step "The buffer holds 65536 bytes by default (F_GETPIPE_SZ)."
run perl -e 'pipe(my $r, my $w) or die "pipe: $!"; printf "%d\n", fcntl($w, 1032, 0)'
check "capacity 65536" equals "$OUT" 65536

step "With nobody reading, a non-blocking writer fills the buffer and then gets EAGAIN (a blocking one would sleep)."
run perl -MFcntl -e 'pipe(my $r, my $w) or die; fcntl($w, F_SETFL, fcntl($w, F_GETFL, 0) | O_NONBLOCK);
  my $n = 0; while (defined(my $k = syswrite($w, "x" x 4096))) { $n += $k } print "$n bytes, then: $!\n"'
check "65536 bytes went in before the writer would block" equals "$OUT" "65536 bytes, then: Resource temporarily unavailable"

step "When the last writer closes its end, read() returns 0: the reader sees end of file and stops."
run bash -c 'echo hello | { cat; echo "(read returned 0: end of file)"; }'
check "the reader got the data, then end of file" equals "$OUT" $'hello\n(read returned 0: end of file)'

step "When no reader is left, write() raises SIGPIPE: yes is killed when head has read its line and exited."
run bash -c 'yes | head -n 1; echo "yes: exit status ${PIPESTATUS[0]}"'
check "yes died of SIGPIPE: status 128 + 13 = 141" contains "$OUT" "yes: exit status 141"

step "Writes of at most PIPE_BUF (4096) bytes are atomic: four writers' 512-byte lines never interleave."
run bash -c 'for w in a b c d; do (for i in $(seq 200); do printf "%0511d\n" 0 | tr 0 "$w"; done) & done | sort | uniq -c | cut -c 1-24'
check "800 whole lines, 200 of each writer" equals "$(awk '{ print $1 }' <<<"$OUT" | sort -u)" 200
check "four kinds of line: none torn" equals "$(wc -l <<<"$OUT")" 4

lab_end
