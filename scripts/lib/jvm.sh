# The JVM that runs ipc: start-up flags and a class-data-sharing archive, shared by scripts/ipc and the launcher
# that scripts/install.sh installs. Sourced; defines functions only.

# A short-lived command: the C1 compiler only, the serial collector, no perf-data file.
IPC_JVM_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss2m -Xshare:auto)
ipc_java=${JAVA_HOME:+$JAVA_HOME/bin/}java

# The archive's file name for the java that runs: an archive made by another JVM would be refused anyway.
ipc_archive_name() {
  local java_path
  java_path=$(readlink -f -- "$(command -v "$ipc_java")" 2>/dev/null) || java_path=$ipc_java
  echo "ipc-${java_path//[^A-Za-z0-9._-]/_}.jsa"
}

# ipc_make_archive JAR ARCHIVE: runs the read-only training commands and keeps the classes they loaded.
ipc_make_archive() {
  local jar=$1 archive=$2
  "$ipc_java" "${IPC_JVM_FLAGS[@]}" -XX:ArchiveClassesAtExit="$archive.tmp$$" -Xlog:disable -cp "$jar" \
    dev.ipc.cli.Training >/dev/null 2>&1 && mv -f "$archive.tmp$$" "$archive"
  rm -f "$archive.tmp$$"
}

# ipc_exec JAR ARCHIVE ARGS...: runs ipc, with the archive when there is one.
ipc_exec() {
  local jar=$1 archive=$2
  shift 2
  local flags=("${IPC_JVM_FLAGS[@]}")
  [[ -f $archive ]] && flags+=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
  exec "$ipc_java" "${flags[@]}" -jar "$jar" "$@"
}
