#!/usr/bin/env bash
# Installs ipc where the system looks for it: the jar and its launcher, the man pages and the bash, zsh and
# fish completions, and records every file and directory it made in a manifest; --uninstall removes exactly those.
#
# Usage: scripts/install.sh [--prefix DIR] [--jar FILE]     (default prefix /usr/local)
#        scripts/install.sh --uninstall [--prefix DIR]
#
#   PREFIX/bin/ipc                                  the launcher (JVM flags, class-data-sharing archive):
#                                                   compiled with $CC (else cc) where there is one, else bash
#   PREFIX/lib/ipc/                                 ipc.jar, jvm.sh, the bash launcher, jffi's stub library,
#                                                   the archives, install-manifest
#   PREFIX/share/man/man1/ipc*.1                    man ipc, man ipc-ls, ...
#   PREFIX/share/bash-completion/completions/ipc    loaded by bash-completion on first use
#   PREFIX/share/zsh/site-functions/_ipc            on zsh's default fpath for /usr/local and /usr
#   PREFIX/share/fish/vendor_completions.d/ipc.fish
#   PREFIX/lib/systemd/system/ipc-metrics.{service,timer}  ipc metrics for node_exporter every minute; disabled
#                                                   (systemctl enable --now ipc-metrics.timer)
# Under a prefix of your own (--prefix ~/.local) no root is needed; add PREFIX/bin to PATH, and for zsh
# PREFIX/share/zsh/site-functions to fpath.
set -euo pipefail
root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
prefix=/usr/local
jar=
uninstall=false

usage() {
  sed -n '5,6s/^# //p' "${BASH_SOURCE[0]}" >&2
  exit 2
}
while (($#)); do
  case $1 in
    --prefix) (($# >= 2)) || usage; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#*=}; shift ;;
    --jar) (($# >= 2)) || usage; jar=$2; shift 2 ;;
    --jar=*) jar=${1#*=}; shift ;;
    --uninstall) uninstall=true; shift ;;
    -h|--help) sed -n '2,21s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "install.sh: unknown argument: '$1'" >&2; usage ;;
  esac
done
[[ -n $prefix ]] || { echo "install.sh: --prefix is empty" >&2; exit 2; }
records=()
make_dir() { # mkdir -p that records each directory it creates
  local dir=$1 missing=()
  while [[ ! -d $dir ]]; do
    missing=("$dir" "${missing[@]}")
    dir=$(dirname -- "$dir")
  done
  for dir in "${missing[@]}"; do
    mkdir -m 755 -- "$dir" # readable by all whatever the umask: the launcher runs as any user
    records+=("dir $dir")
  done
}
[[ $prefix == /* ]] || prefix=$PWD/$prefix
$uninstall || make_dir "$prefix" 2>/dev/null || true # a prefix made here is recorded, and goes on uninstall
# nothing installed there is the answer to an uninstall, whoever runs it
if $uninstall && [[ ! -f $prefix/lib/ipc/install-manifest ]]; then
  echo "install.sh: nothing to uninstall: no $prefix/lib/ipc/install-manifest" >&2
  exit 1
fi
[[ -d $prefix && -w $prefix ]] || {
  echo "install.sh: cannot write to $prefix: run as root, or choose a prefix of your own (--prefix ~/.local)" >&2
  exit 1
}
prefix=$(cd -P -- "$prefix" && pwd)
lib=$prefix/lib/ipc
manifest=$lib/install-manifest

# Removes what the manifest lists: the files, then the directories the install made, deepest first and only
# when empty (something else may have been put there since).
remove_installed() {
  local kind path files=() dirs=() i
  while read -r kind path; do
    case $kind in
      file) files+=("$path") ;;
      dir) dirs+=("$path") ;;
    esac
  done <"$manifest"
  rm -f -- "${files[@]}"
  for ((i = ${#dirs[@]} - 1; i >= 0; i--)); do
    rmdir -- "${dirs[i]}" 2>/dev/null || true
  done
  echo "${#files[@]}"
}

if $uninstall; then
  if [[ ! -f $manifest ]]; then
    echo "install.sh: nothing to uninstall: no $manifest" >&2
    exit 1
  fi
  echo "removed ipc from $prefix ($(remove_installed) files)"
  exit 0
fi

if [[ -z $jar ]]; then
  "$root/scripts/ipc" --version >/dev/null # builds target/ipc.jar when it is missing or older than the sources
  jar=$root/target/ipc.jar
fi
[[ -f $jar ]] || { echo "install.sh: no jar at $jar" >&2; exit 1; }
for generated in man/ipc.1 completions/ipc.bash completions/_ipc completions/ipc.fish; do
  [[ -f $root/$generated ]] || { echo "install.sh: $root/$generated is missing (scripts/generate-docs)" >&2; exit 1; }
done

# A new install replaces an old one entirely, so that pages of commands that are gone go too.
if [[ -f $manifest ]]; then
  remove_installed >/dev/null
fi

put() { # put SOURCE DIRECTORY NAME MODE
  make_dir "$2"
  install -m "$4" -- "$1" "$2/$3"
  records+=("file $2/$3")
}

put "$jar" "$lib" ipc.jar 644
# jffi's stub library, from the build's copy: loaded from here rather than extracted into the temporary folder at
# each start (without it, jffi extracts it as before).
for stub in "$root"/target/jffi/jni/*/libjffi-*.so; do
  [[ -f $stub ]] || continue
  platform=${stub%/*}
  put "$stub" "$lib/jffi/${platform##*/}" "${stub##*/}" 644
done
put "$root/scripts/lib/jvm.sh" "$lib" jvm.sh 644
put "$root/scripts/lib/ipc-installed" "$lib" ipc-launcher.bash 755
for page in "$root"/man/*.1; do
  put "$page" "$prefix/share/man/man1" "$(basename -- "$page")" 644
done
put "$root/completions/ipc.bash" "$prefix/share/bash-completion/completions" ipc 644
put "$root/completions/_ipc" "$prefix/share/zsh/site-functions" _ipc 644
put "$root/completions/ipc.fish" "$prefix/share/fish/vendor_completions.d" ipc.fish 644
# The metrics timer and its service, with this launcher's path; never enabled here (systemd reads
# /usr/local/lib/systemd/system and /usr/lib/systemd/system; other prefixes need a link or systemctl link).
units=$(mktemp -d)
sed "s|@BINDIR@|$prefix/bin|g" "$root/scripts/systemd/ipc-metrics.service" >"$units/ipc-metrics.service"
put "$units/ipc-metrics.service" "$prefix/lib/systemd/system" ipc-metrics.service 644
put "$root/scripts/systemd/ipc-metrics.timer" "$prefix/lib/systemd/system" ipc-metrics.timer 644
rm -r -- "$units"

# The class-data-sharing archives for the java found now (another java later keeps its own in the user's cache).
source "$lib/jvm.sh"
ipc_native_dir "$lib/jffi"
declare -A archives
for command in ls all; do # ls has an archive of its own
  ipc_find_archive "$lib" "$command" || true
  if ipc_make_archive "$lib/ipc.jar" "$ipc_archive" "$ipc_archive_set"; then
    chmod 644 -- "$ipc_archive"
    records+=("file $ipc_archive")
    [[ -L $ipc_archive.java ]] && records+=("file $ipc_archive.java") && archives[$command]=$ipc_archive
  fi
done

# The launcher. With a C compiler, a native one that runs the command lines of the bash launcher for this java
# without a shell (bash, jvm.sh and the processes they start cost milliseconds at every command) and hands over to
# the bash launcher whenever another java would run or an archive is missing; without one, the bash launcher.
c_string() { # $1 as a C string literal, every byte an octal escape: a path may hold any byte but NUL
  printf '"%s"' "$(printf '%s' "$1" | od -An -v -to1 | tr -d '\n' | sed 's/ \([0-7]\{3\}\)/\\\1/g')"
}
native=false
read -ra cc <<<"${CC:-cc}" # as make takes it: a compiler and its options ("ccache gcc", "gcc -m64")
if [[ ${#archives[@]} == 2 && ${#cc[@]} -gt 0 ]] && command -v "${cc[0]}" >/dev/null 2>&1; then
  build=$(mktemp -d)
  {
    for command in ls all; do
      ipc_command "$lib/ipc.jar" "${archives[$command]}"
      printf 'static const char *const %s_ARCHIVE = %s;\n' "${command^^}" "$(c_string "${archives[$command]}")"
      printf 'static const char *const %s_COMMAND[] = {' "${command^^}"
      for word in "${ipc_command_line[@]}"; do
        printf '%s, ' "$(c_string "$word")"
      done
      printf 'NULL};\n'
    done
    printf 'static const char *const BASH_LAUNCHER = %s;\n' "$(c_string "$lib/ipc-launcher.bash")"
    printf 'static const char *const BASH = %s;\n' "$(c_string "$BASH")"
  } >"$build/ipc-launcher.h"
  if "${cc[@]}" -O2 -I "$build" -o "$build/ipc" "$root/scripts/lib/ipc-launcher.c" 2>"$build/cc.log"; then
    put "$build/ipc" "$prefix/bin" ipc 755
    native=true
  else
    echo "note: the native launcher did not compile (${cc[*]}), so bin/ipc is the bash launcher:" >&2
    cat "$build/cc.log" >&2
  fi
  rm -r -- "$build"
fi
$native || put "$root/scripts/lib/ipc-installed" "$prefix/bin" ipc 755

printf '%s\n' "${records[@]}" "file $manifest" >"$manifest"
echo "installed ipc in $prefix: $prefix/bin/ipc, man ipc, completions for bash, zsh and fish"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH" ;;
esac
