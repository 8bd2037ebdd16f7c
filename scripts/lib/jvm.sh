# The JVM that runs ipc: start-up flags and a class-data-sharing archive, shared by scripts/ipc and the launcher
# that scripts/install.sh installs. Sourced; defines functions only.

# A short-lived command: the C1 compiler only, no perf-data file; the collector follows once the JDK is known.
# The class-data archive is mapped where it was dumped (ArchiveRelocationMode=0). The JDKs here map it at a random
# address instead (mode 1) and then patch every pointer in it at each start, the largest part of the JVM's own
# start-up for an archive of ipc's size. The price is that the archive's address is not randomised: see the README.
IPC_JVM_FLAGS=(-XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xss2m -XX:+UnlockDiagnosticVMOptions
  -XX:ArchiveRelocationMode=0)

# ipc_native_dir DIR: jffi's stub library is extracted under DIR (the build and the install do it once), so that
# jffi loads it from there rather than copying it out of the jar into the temporary folder on every start.
ipc_native_flags=()
ipc_native_dir() {
  ipc_native_flags=()
  [[ -d $1 ]] && ipc_native_flags=(-Djffi.boot.library.path="$1")
}

# The JVM: $IPC_JAVA, else $JAVA_HOME's, else java on the PATH.
ipc_java_version() { # sets ipc_java_feature to the feature version in JAVA_HOME/release, without a JVM or a subshell
  local line
  ipc_java_feature=0
  [[ -r $1/release ]] || return 0
  while IFS= read -r line; do
    if [[ $line == JAVA_VERSION=* ]]; then
      ipc_java_feature=${line#JAVA_VERSION=\"}
      ipc_java_feature=${ipc_java_feature%%[.\"]*}
    fi
  done <"$1/release"
  [[ $ipc_java_feature =~ ^[0-9]+$ ]] || ipc_java_feature=0
}
if [[ -n ${IPC_JAVA:-} ]]; then
  ipc_java=$IPC_JAVA
  ipc_java_missing="ipc: IPC_JAVA is $IPC_JAVA, which is not a java that can be run"
elif [[ -n ${JAVA_HOME:-} ]]; then
  ipc_java=$JAVA_HOME/bin/java
  ipc_java_missing="ipc: JAVA_HOME is $JAVA_HOME, which has no bin/java that can be run"
else
  ipc_java=java
  ipc_java_missing="ipc: no java on the PATH: install Java 17 or later, or set JAVA_HOME or IPC_JAVA"
fi
# The java's own path (the PATH look-up bash makes, remembered), checked before anything runs it: one line saying
# which variable points where, rather than bash's "No such file or directory" from the exec.
ipc_java_path=$ipc_java
if [[ $ipc_java_path != */* ]] && hash -- "$ipc_java_path" 2>/dev/null; then
  ipc_java_path=${BASH_CMDS[$ipc_java_path]:-$ipc_java_path}
fi
if [[ $ipc_java_path != */* || ! -f $ipc_java_path || ! -x $ipc_java_path ]]; then
  echo "$ipc_java_missing" >&2
  exit 127
fi
# Its version, from the release file of the JDK it belongs to. A link (the alternatives system's /usr/bin/java) is
# matched against the JDKs in /usr/lib/jvm with -ef, which takes no process; readlink only where none matches.
ipc_java_home=$ipc_java_path
if [[ -L $ipc_java_home ]]; then
  for ipc_jdk in /usr/lib/jvm/*/bin/java; do
    if [[ $ipc_jdk -ef $ipc_java_home ]]; then
      ipc_java_home=$ipc_jdk
      break
    fi
  done
  [[ -L $ipc_java_home ]] && ipc_java_home=$(readlink -f -- "$ipc_java_home")
fi
ipc_java_version "${ipc_java_home%/bin/java}"
# jffi loads its stub library (a restricted method from JDK 22) and reads memory through sun.misc.Unsafe (which warns
# from JDK 24 unless allowed, an option from JDK 23): allowed there, so that no command prints the JVM's warnings.
# Not before: --enable-native-access keeps the archive from holding the module graph.
((ipc_java_feature >= 22)) && IPC_JVM_FLAGS+=(--enable-native-access=ALL-UNNAMED)
((ipc_java_feature >= 23)) && IPC_JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow)
# From JDK 18 core reflection calls through method handles (JEP 416), and the first such call spins their classes at
# run time; jffi's Cleaner and the stub check call through reflection on every native command. The JNI accessor of
# JDK 17 and before costs nothing to set up, and a command makes few reflective calls.
((ipc_java_feature >= 18)) && IPC_JVM_FLAGS+=(-Djdk.reflect.useNativeAccessorOnly=true)
# The collector that starts soonest with the archive's heap objects mapped, so that the JVM takes its module graph
# from the archive instead of building it: on JDK 17 only G1 maps them; JDK 25's serial collector maps them too and
# starts sooner than G1 (the README gives the figures).
if ((ipc_java_feature >= 25)); then
  IPC_JVM_FLAGS+=(-XX:+UseSerialGC)
else
  IPC_JVM_FLAGS+=(-XX:+UseG1GC)
fi
# What the benchmarks under scripts/ time ipc against: the same JVM with the same flags, doing nothing but -version.
ipc_yardstick="$ipc_java ${IPC_JVM_FLAGS[*]} -Xshare:auto -version"
# Every JDK gets a static class-data-sharing archive of the classes that training loads. JDK 25's ahead-of-time
# cache (JEP 483, 514) was measured against it: it loads and links every class it holds at each start, which took
# longer than these commands save (the README gives the figures).

# ipc_find_archive DIR COMMAND: sets ipc_archive to the archive in DIR for the java that runs and the command
# (ls has one of its own, with only the classes it loads: about half the size, so quicker to map), and
# ipc_archive_set to ls or all; succeeds when the archive is there and was made by that same java. A link beside
# each archive names the java binary that made it: -ef compares the two files without a process, where resolving
# the java's path (alternatives, say) takes one.
ipc_find_archive() {
  ipc_archive_set=all
  [[ ${2-} == ls ]] && ipc_archive_set=ls
  ipc_archive=$1/ipc-${ipc_java_path//[^A-Za-z0-9._-]/_}
  [[ $ipc_archive_set == ls ]] && ipc_archive+=.ls
  ipc_archive+=.jsa
  [[ -f $ipc_archive && $ipc_archive.java -ef $ipc_java_path ]]
}

# ipc_make_archive JAR ARCHIVE SET: runs the read-only training commands of SET (ls or all) and keeps the classes
# they loaded, with the link to the java that made them (call ipc_find_archive first): a static archive of exactly
# those classes, the JDK's own among them, rather than a dynamic one on top of the JDK's
# archive: one archive to map and relocate at start, not two (ls --json on 24,000 objects: 8 ms less).
ipc_make_archive() {
  local jar=$1 archive=$2 set=${3:-all} made=false
  rm -f -- "$archive.java"
  if "$ipc_java" "${IPC_JVM_FLAGS[@]}" "${ipc_native_flags[@]}" -XX:DumpLoadedClassList="$archive.tmp$$.classes" -Xlog:disable \
      -cp "$jar" dev.ipc.Training "$set" >/dev/null 2>&1; then
    "$ipc_java" "${IPC_JVM_FLAGS[@]}" -Xshare:dump -XX:SharedClassListFile="$archive.tmp$$.classes" \
      -XX:SharedArchiveFile="$archive.tmp$$" -Xlog:disable -cp "$jar" >/dev/null 2>&1 && made=true
  fi
  $made && mv -f "$archive.tmp$$" "$archive" &&
    ln -s -- "$(readlink -f -- "$ipc_java_path")" "$archive.java" 2>/dev/null
  rm -f "$archive.tmp$$" "$archive.tmp$$.config" "$archive.tmp$$.classes"
  [[ -f $archive ]]
}

# ipc_command JAR ARCHIVE: sets ipc_command_line to the command that runs ipc, with the archive when there is one,
# arguments to follow (the installed native launcher is compiled with it: see ipc-launcher.c).
ipc_command() {
  local jar=$1 archive=$2
  ipc_command_line=("$ipc_java" "${IPC_JVM_FLAGS[@]}" "${ipc_native_flags[@]}")
  if [[ -f $archive ]]; then
    ipc_command_line+=(-Xshare:auto -XX:SharedArchiveFile="$archive" -Xlog:cds=off)
  fi
  # -cp rather than -jar: with every class in the archive, the jar's index and manifest are then never read
  ipc_command_line+=(-cp "$jar" dev.ipc.Main)
}

# ipc_exec JAR ARCHIVE ARGS...: runs ipc, with the archive when there is one.
ipc_exec() {
  ipc_command "$1" "$2"
  shift 2
  exec "${ipc_command_line[@]}" "$@"
}
