# The frame of every lab: a private IPC namespace, steps explained in one line and shown as they run, checks of
# what they show, and the commands for each operation in one place. Sourced by each lab; defines functions.
#
# A lab reads top to bottom:
#   step "What happens next, in one line."     explains the next commands
#   run COMMAND ARGS...                        shows "$ COMMAND ARGS", runs it; its output is in $OUT, status in $RC
#   check "what must be true" TEST ARGS...     runs TEST quietly; prints ok or FAILED
#   lab_end                                    "N checks passed, N failed"; exits 1 if any failed

LAB_DIR=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
LAB_NAME=$(basename -- "$0" .sh)
LAB_PASSED=0
LAB_FAILED=0
LAB_PIDS=()

# --- The commands behind each operation ------------------------------------------------------------------
# Each operation is one line here, so that a lab reads the same whatever command does it; the transcript
# shows the command that ran. ipc does them all but one: a process that attaches a segment and stays
# attached, which ./sysv does through perl's IPC::SysV. (ipc and sysv are on the PATH: see lab_begin.)
# in_background NAME OPERATION ARGS...: the operation in the background (see run_background).
make_queue() { ${LAB_RUN:-run} ipc mk -Q; }
make_segment() { ${LAB_RUN:-run} ipc mk -M "$1"; }
make_semaphores() { ${LAB_RUN:-run} ipc mk -S "$1"; }
remove_queue() { ${LAB_RUN:-run} ipc rm -q "$1"; }
remove_segment() { ${LAB_RUN:-run} ipc rm -m "$1"; }
remove_semaphores() { ${LAB_RUN:-run} ipc rm -s "$1"; }
set_value() { ${LAB_RUN:-run} ipc sem set --id "$1" --num "$2" "$3"; }           # SET NUM VALUE
semaphore_op() { ${LAB_RUN:-run} ipc sem op --id "$1" ${4:+--nowait} "$2:$3"; }  # SET NUM OP [nowait]
send_message() { ${LAB_RUN:-run} ipc msg send --id "$1" --type "$2" ${4:+--nowait} "$3"; } # Q TYPE TEXT [nowait]
send_file() { ${LAB_RUN:-run} ipc msg send --id "$1" --type "$2" ${4:+--nowait} --file "$3"; } # Q TYPE FILE [nowait]
receive_message() { ${LAB_RUN:-run} ipc msg recv --id "$1" --type "$2" ${3:+--nowait}; }     # Q TYPE [nowait]
write_segment() { ${LAB_RUN:-run} ipc shm write --id "$1" "$2"; }              # SEG TEXT
read_segment() { ${LAB_RUN:-run} ipc shm read --id "$1" --length "$2" --raw; }    # SEG LENGTH
hold_segment() { ${LAB_RUN:-run} sysv shmhold "$1" "$2"; }                         # SEG SECONDS
serve_fifo() { ${LAB_RUN:-run} ipc fifo serve --dir "$@"; }                        # DIR [OPTIONS]
send_fifo() { ${LAB_RUN:-run} ipc fifo send --dir "$@"; }                          # DIR VERB [ARGUMENT]
pipe_demo() { ${LAB_RUN:-run} ipc pipe-demo "$@"; }                              # DEMO: hello, capacity, ...
signal_demo() { ${LAB_RUN:-run} ipc signal demo "$@"; }                           # [--signals N] [--queued N] ...
socket_demo() { ${LAB_RUN:-run} ipc socket demo "$@"; }                           # [-m TEXT]... [--diagram]
tune_semaphores() { ${LAB_RUN:-run} ipc sem tune "$@"; }                          # SEMMSL SEMMNS SEMOPM SEMMNI
tune_queues() { ${LAB_RUN:-run} ipc msg tune "$@"; }                              # --msgmni N ...
tune_segments() { ${LAB_RUN:-run} ipc shm tune "$@"; }                            # --shmmax SIZE ...

in_background() {
  local name=$1
  shift
  LAB_RUN="run_background $name" "$@"
}

# The id ipc mk printed ("Message queue id: 3" -> 3).
made_id() { echo "${OUT##* }"; }

# --- The frame ---------------------------------------------------------------------------------------------

# Runs the lab in a fresh IPC namespace of its own (root: unshare --ipc; otherwise a user namespace too), so
# that it starts from empty tables and default limits and leaves the machine as it was.
lab_begin() {
  local title=$1
  shift
  if [[ -z ${IPC_LAB_NAMESPACE-} ]]; then
    export IPC_LAB_NAMESPACE=1
    local unshare=(unshare --ipc)
    if [[ $(id -u) != 0 ]] || ! "${unshare[@]}" true 2>/dev/null; then
      unshare=(unshare --map-root-user --ipc) # without root, or root without CAP_SYS_ADMIN (a container)
    fi
    if ! "${unshare[@]}" true 2>/dev/null; then
      echo "$LAB_NAME: cannot make a private IPC namespace ('${unshare[*]}' failed); the lab needs one" >&2
      exit 1
    fi
    exec "${unshare[@]}" bash "$0" "$@"
  fi
  local ipc
  if [[ -n ${IPC-} ]]; then
    ipc=$IPC
  elif command -v ipc >/dev/null; then
    ipc=$(command -v ipc)
  else
    ipc=$LAB_DIR/../ipc # the repository's launcher
  fi
  LAB_TMP=$(mktemp -d)
  trap lab_cleanup EXIT
  # ipc and sysv as commands of those names, so that transcripts read as a user types them
  mkdir "$LAB_TMP/bin"
  printf '#!/bin/sh\nexec %q "$@"\n' "$ipc" >"$LAB_TMP/bin/ipc"
  printf '#!/bin/sh\nexec perl %q "$@"\n' "$LAB_DIR/sysv" >"$LAB_TMP/bin/sysv"
  chmod +x "$LAB_TMP/bin/ipc" "$LAB_TMP/bin/sysv"
  PATH=$LAB_TMP/bin:$PATH:/usr/sbin:/sbin # sysctl lives in sbin
  printf '=== %s ===\n' "$title"
}

step() {
  printf '\n# %s\n' "$1"
}

# The command as a user would type it: plain words bare, others in single quotes.
show() {
  local word line='$'
  for word in "$@"; do
    if [[ $word =~ ^[A-Za-z0-9_./=:@%+,-]+$ ]]; then
      line+=" $word"
    else
      line+=" '${word//\'/\'\\\'\'}'"
    fi
  done
  printf '%s' "$line"
}

run() {
  show "$@"
  printf '\n'
  OUT=$("$@" 2>&1)
  RC=$?
  [[ -n $OUT ]] && printf '%s\n' "$OUT"
  return 0
}

# run_background NAME COMMAND...: starts COMMAND with its output in $LAB_TMP/NAME.out; its pid is in $BG_PID.
run_background() {
  local name=$1
  shift
  show "$@"
  printf ' &\n'
  "$@" >"$LAB_TMP/$name.out" 2>&1 &
  BG_PID=$!
  LAB_PIDS+=("$BG_PID")
}

# finish_background PID NAME: waits for it (10 s at most) and shows what it printed; its status is in $RC.
finish_background() {
  local pid=$1 name=$2 i
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    RC=124
  else
    wait "$pid"
    RC=$?
  fi
  OUT=$(<"$LAB_TMP/$name.out")
  printf '[background %s exited %d]\n' "$name" "$RC"
  [[ -n $OUT ]] && printf '%s\n' "$OUT"
  return 0
}

check() {
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then
    printf '  ok: %s\n' "$what"
    LAB_PASSED=$((LAB_PASSED + 1))
  else
    printf '  FAILED: %s\n' "$what"
    LAB_FAILED=$((LAB_FAILED + 1))
  fi
}

# eventually TEST ARGS...: TEST passes within 10 s (for what another process does in its own time).
eventually() {
  local i
  for ((i = 0; i < 100; i++)); do
    "$@" && return 0
    sleep 0.1
  done
  return 1
}

# Tests for check and eventually.
contains() { [[ $1 == *"$2"* ]]; }
matches() { [[ $1 =~ $2 ]]; } # an extended regular expression
# sleeping_in PID CALL: a thread of the process sleeps in that kernel function (/proc/PID/task/*/wchan);
# the thread's id is left in $SLEEPING_TID.
sleeping_in() {
  local wchan
  for wchan in /proc/"$1"/task/*/wchan; do
    if [[ $(<"$wchan") == *"$2"* ]] 2>/dev/null; then
      SLEEPING_TID=${wchan%/wchan}
      SLEEPING_TID=${SLEEPING_TID##*/}
      return 0
    fi
  done
  return 1
}
equals() { [[ $1 == "$2" ]]; }
# column_is KIND ID COLUMN VALUE: ipc ls shows VALUE in COLUMN for the object (lsipc's columns, in bytes).
column_is() { [[ $(ipc ls "-$1" -i "$2" -o "$3" --noheadings --bytes --raw) == "$4" ]]; }
# semaphore_is SEMID NUM COLUMN VALUE: a semaphore's value, ncount, zcount or pid, as ipc ls -s -i shows it.
semaphore_is() {
  local column
  case $3 in value) column=2 ;; ncount) column=3 ;; zcount) column=4 ;; pid) column=5 ;; esac
  [[ $(ipc ls -s -i "$1" | awk -v n="$2" -v c="$column" '$1 == n && NF == 5 { print $c }') == "$4" ]]
}
listed() { ipc ls "-$1" | awk 'NR > 3 { print $2 }' | grep -qx "$2"; }
not_listed() { ! listed "$@"; }

lab_cleanup() {
  local pid
  for pid in "${LAB_PIDS[@]}"; do
    kill "$pid" 2>/dev/null
  done
  rm -rf -- "$LAB_TMP"
}

lab_end() {
  printf '\n%s: %d passed, %d failed\n' "$LAB_NAME" "$LAB_PASSED" "$LAB_FAILED"
  ((LAB_FAILED == 0))
  exit
}
