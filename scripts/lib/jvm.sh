# The JVM that runs ipc: start-up flags and a class-data-sharing archive, shared by scripts/ipc and the launcher
# that scripts/install.sh installs. Sourced; defines functions only.

# A short-lived command: the C1 compiler only, the serial collector, no perf-data file.
IPC_JVM_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss2m)

# The JVM: $IPC_JAVA, else $JAVA_HOME's, else java on the PATH.
ipc_java_version() { # the feature version in JAVA_HOME/release, without starting a JVM
  local line version=0
  [[ -r $1/release ]] || { echo 0; return; }
  while IFS= read -r line; do
    if [[ $line == JAVA_VERSION=* ]]; then
      version=${line#JAVA_VERSION=\"}
      version=${version%%[.\"]*}
    fi
  done <"$1/release"
  echo "${version:-0}"
}
if [[ -n ${IPC_JAVA:-} ]]; then
  ipc_java=$IPC_JAVA
elif [[ -n ${JAVA_HOME:-} ]]; then
  ipc_java=$JAVA_HOME/bin/java
else
  ipc_java=java
fi
# JDK 25's ahead-of-time cache (JEP 483, 514) holds linked classes and their heap objects; older JVMs get a
# dynamic class-data-sharing archive.
ipc_aot=false
if [[ $ipc_java == */bin/java ]] && (($(ipc_java_version "${ipc_java%/bin/java}") >= 25)); then
  ipc_aot=true
else
  IPC_JVM_FLAGS+=(-Xshare:auto) # JDK 25 refuses it beside -XX:AOTCacheOutput
fi

# ipc_find_archive DIR COMMAND: sets ipc_archive to the archive in DIR for the java that runs and the command
# (ls has one of its own, with only its classes: a tenth of the size, so quicker to map at every start), and
# ipc_archive_set to ls or all; succeeds when the archive is there and was made by that same java. A link beside
# each archive names the java binary that made it: -ef compares the two files without a process, where resolving
# the java's path (alternatives, say) takes one.
ipc_find_archive() {
  ipc_java_path=$ipc_java
  if [[ $ipc_java_path != */* ]] && hash -- "$ipc_java_path" 2>/dev/null; then
    ipc_java_path=${BASH_CMDS[$ipc_java_path]:-$ipc_java_path} # the PATH look-up bash just made
  fi
  ipc_archive_set=all
  [[ ${2-} == ls ]] && ipc_archive_set=ls
  ipc_archive=$1/ipc-${ipc_java_path//[^A-Za-z0-9._-]/_}
  [[ $ipc_archive_set == ls ]] && ipc_archive+=.ls
  if $ipc_aot; then ipc_archive+=.aot; else ipc_archive+=.jsa; fi
  [[ -f $ipc_archive && $ipc_archive.java -ef $ipc_java_path ]]
}

# ipc_make_archive JAR ARCHIVE SET: runs the read-only training commands of SET (ls or all) and keeps the classes
# they loaded, with the link to the java that made them (call ipc_find_archive first).
ipc_make_archive() {
  local jar=$1 archive=$2 set=${3:-all} record=(-XX:ArchiveClassesAtExit="$2.tmp$$")
  $ipc_aot && record=(-XX:AOTCacheOutput="$archive.tmp$$")
  rm -f -- "$archive.java"
  "$ipc_java" "${IPC_JVM_FLAGS[@]}" "${record[@]}" -Xlog:disable -cp "$jar" \
    dev.ipc.cli.Training "$set" >/dev/null 2>&1 && mv -f "$archive.tmp$$" "$archive" &&
    ln -s -- "$(readlink -f -- "$ipc_java_path")" "$archive.java" 2>/dev/null
  rm -f "$archive.tmp$$" "$archive.tmp$$.config"
  [[ -f $archive ]]
}

# ipc_exec JAR ARCHIVE ARGS...: runs ipc, with the archive when there is one.
ipc_exec() {
  local jar=$1 archive=$2
  shift 2
  local flags=("${IPC_JVM_FLAGS[@]}")
  if [[ -f $archive ]] && $ipc_aot; then
    flags+=(-XX:AOTCache="$archive" -Xlog:aot=off -Xlog:cds=off)
  elif [[ -f $archive ]]; then
    flags+=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
  # -cp rather than -jar: with every class in the archive, the jar's index and manifest are then never read
  exec "$ipc_java" "${flags[@]}" -cp "$jar" dev.ipc.Main "$@"
}
