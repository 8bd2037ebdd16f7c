// Every IPC namespace that some process is in (/proc/PID/ns/ipc) or that a bind mount holds (nsfs mounts in
// /proc/PID/mountinfo), with its processes, its mounts and what runs there.
package dev.ipc.procfs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A namespace no process is in stays alive while a bind mount of its file does (`unshare --ipc=FILE`, `ip netns`
 * style tools): those are found in the mount tables of the processes, one table per mount namespace. Processes
 * whose link cannot be read (not root, or a process protected from us) are counted in {@link Scan#unreadable()}.
 */
public final class IpcNamespaces {
    /**
     * An IPC namespace, its processes (lowest pid first) and the bind mounts that hold it.
     *
     * @param inode    the namespace's inode: "ipc:[INODE]"
     * @param workload the container or systemd unit its processes' cgroup names ("docker 1a2b3c4d5e6f",
     *                 "nginx.service"), or null when none does
     * @param mounts   where its file is bind-mounted, in mount-table order; empty for most
     */
    public record Namespace(long inode, List<Integer> pids, String workload, List<Mount> mounts) {
        public String id() {
            return "ipc:[" + inode + "]";
        }

        public boolean initial() {
            return id().equals(IpcNamespace.INITIAL);
        }

        /** "4242,4250,4251,4260,+3": the first few pids, and how many more; "-" for none. */
        public String somePids(int shown) {
            if (pids.isEmpty()) {
                return "-";
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < Math.min(shown, pids.size()); i++) {
                text.append(i == 0 ? "" : ",").append(pids.get(i));
            }
            if (pids.size() > shown) {
                text.append(",+").append(pids.size() - shown);
            }
            return text.toString();
        }

        /** "bind mount /run/ipcns/web" (",+N" for more), for a namespace only mounts hold; else null. */
        public String heldBy() {
            if (!pids.isEmpty() || mounts.isEmpty()) {
                return null;
            }
            return "bind mount " + mounts.get(0).path() + (mounts.size() > 1 ? ",+" + (mounts.size() - 1) : "");
        }

        /** The mount points of its bind mounts. */
        public List<String> mountPaths() {
            List<String> paths = new ArrayList<>(mounts.size());
            for (Mount mount : mounts) {
                paths.add(mount.path());
            }
            return paths;
        }

        /** Its first process, to find its POSIX files by; 0 when only a bind mount holds it. */
        public int firstPid() {
            return pids.isEmpty() ? 0 : pids.get(0);
        }

        /**
         * Whether its file no longer names it: its process ended (or its pid is another process's now) or its
         * mount went, since the scan. A file that cannot be read for another reason (permission) has not.
         */
        public boolean vanished(Path proc) {
            Path file = file(proc);
            try {
                if (pids.isEmpty()) {
                    return !Long.valueOf(inode).equals(Files.getAttribute(file, "unix:ino"));
                }
                return !Files.readSymbolicLink(file).toString().equals(id());
            } catch (java.nio.file.NoSuchFileException gone) {
                return true;
            } catch (IOException | RuntimeException unreadable) {
                return false;
            }
        }

        /** The namespace file to enter it by: its first process's, else its first bind mount. */
        public Path file(Path proc) {
            return pids.isEmpty() ? mounts.get(0).file() : proc.resolve(pids.get(0) + "/ns/ipc");
        }
    }

    /**
     * A bind mount of a namespace file.
     *
     * @param path the mount point, as the processes of its mount namespace name it
     * @param file the same, reached from here: /proc/PID/root/PATH of a process of that mount namespace
     */
    public record Mount(String path, Path file) {
    }

    /** @param unreadable how many processes' namespace could not be read */
    public record Scan(List<Namespace> namespaces, int unreadable) {
    }

    private static final Pattern LINK = Pattern.compile("ipc:\\[(\\d+)]");
    /** The mount namespace's id, as the IPC one's: "mnt:[4026531841]". */
    private static final Pattern MOUNT_NAMESPACE = Pattern.compile("mnt:\\[(\\d+)]");
    /** Container runtimes' cgroup names (systemd and cgroupfs drivers), most specific first. */
    private static final List<Runtime> RUNTIMES = List.of(
            new Runtime("docker", Pattern.compile("(?:docker-|/docker/)([0-9a-f]{64})")),
            new Runtime("podman", Pattern.compile("libpod-(?:conmon-)?([0-9a-f]{64})")),
            new Runtime("cri-o", Pattern.compile("crio-(?:conmon-)?([0-9a-f]{64})")),
            new Runtime("containerd", Pattern.compile("(?:cri-containerd-|/containerd/)([0-9a-f]{64})")),
            new Runtime("kubepods pod", Pattern.compile("kubepods.*?pod([0-9a-f]{8}[-_][0-9a-f_-]{27})")));
    private static final Pattern SERVICE = Pattern.compile("/([^/]+\\.service)(?:/|$)");

    private record Runtime(String name, Pattern pattern) {
    }

    private IpcNamespaces() {
    }

    /** Every namespace of the processes under proc (/proc), and every one a bind mount holds, in inode order. */
    public static Scan scan(Path proc) throws IOException {
        Map<Long, List<Integer>> members = new TreeMap<>();
        Map<Long, List<Mount>> mounts = new TreeMap<>();
        Set<String> mountTablesRead = new HashSet<>();
        int unreadable = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path process : processes) {
                int pid;
                try {
                    pid = Integer.parseInt(process.getFileName().toString());
                } catch (NumberFormatException notAProcess) {
                    continue;
                }
                Matcher link;
                try {
                    link = LINK.matcher(Files.readSymbolicLink(process.resolve("ns/ipc")).toString());
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue; // ended while we looked
                } catch (IOException | UnsupportedOperationException denied) {
                    unreadable++;
                    continue;
                }
                if (link.matches()) {
                    members.computeIfAbsent(Long.parseLong(link.group(1)), k -> new ArrayList<>()).add(pid);
                }
                bindMounts(process, mountTablesRead, mounts);
            }
        }
        for (Long inode : mounts.keySet()) {
            members.computeIfAbsent(inode, k -> new ArrayList<>());
        }
        List<Namespace> namespaces = new ArrayList<>();
        for (Map.Entry<Long, List<Integer>> entry : members.entrySet()) {
            List<Integer> pids = entry.getValue();
            pids.sort(null);
            namespaces.add(new Namespace(entry.getKey(), List.copyOf(pids), workload(proc, pids),
                    List.copyOf(mounts.getOrDefault(entry.getKey(), List.of()))));
        }
        return new Scan(List.copyOf(namespaces), unreadable);
    }

    /**
     * The IPC namespace files bind-mounted in the process's mount namespace, unless a process of that mount
     * namespace was read before: the table is the same for all of them.
     */
    private static void bindMounts(Path process, Set<String> tablesRead, Map<Long, List<Mount>> mounts) {
        String table;
        try {
            Matcher mountNamespace = MOUNT_NAMESPACE.matcher(
                    Files.readSymbolicLink(process.resolve("ns/mnt")).toString());
            if (!mountNamespace.matches() || !tablesRead.add(mountNamespace.group(1))) {
                return;
            }
            table = ProcFile.readText(process.resolve("mountinfo"));
        } catch (IOException | UnsupportedOperationException unreadable) {
            return; // ended, or not ours to read: another process of its mount namespace may be
        }
        Path root = process.resolve("root");
        for (String line : table.split("\n")) {
            long inode = nsfsIpcMount(line);
            if (inode >= 0) {
                String path = unescape(line.split(" ", 6)[4]);
                List<Mount> held = mounts.computeIfAbsent(inode, k -> new ArrayList<>());
                if (held.stream().noneMatch(mount -> mount.path().equals(path))) {
                    held.add(new Mount(path, root.resolve(path.substring(1))));
                }
            }
        }
    }

    /**
     * The inode of the IPC namespace a mountinfo line mounts ("36 25 0:4 ipc:[4026532284] /run/ipcns/a rw - nsfs
     * nsfs rw"), or -1 for any other mount.
     */
    static long nsfsIpcMount(String line) {
        int separator = line.indexOf(" - nsfs ");
        if (separator < 0) {
            return -1;
        }
        String[] fields = line.substring(0, separator).split(" ");
        if (fields.length < 5) {
            return -1;
        }
        Matcher root = LINK.matcher(fields[3]);
        return root.matches() ? Long.parseLong(root.group(1)) : -1;
    }

    /** A mountinfo path: the kernel writes space, tab, newline and backslash as a backslash and three octal digits. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** The first container named by a member's cgroup, else the first systemd service; null for neither. */
    private static String workload(Path proc, List<Integer> pids) {
        String service = null;
        for (int pid : pids) {
            String named;
            try {
                named = workload(ProcFile.readText(proc.resolve(pid + "/cgroup")));
            } catch (IOException gone) {
                continue;
            }
            if (named != null && !named.endsWith(".service")) {
                return named;
            }
            service = service == null ? named : service;
        }
        return service;
    }

    /** What one /proc/PID/cgroup names: a container, else a systemd service, else null. */
    static String workload(String cgroup) {
        String container = container(cgroup);
        if (container != null) {
            return container;
        }
        Matcher unit = SERVICE.matcher(cgroup);
        return unit.find() ? unit.group(1) : null;
    }

    /** "docker 1a2b3c4d5e6f": the runtime and the short id (12 characters, as docker ps shows), or null. */
    private static String container(String cgroup) {
        for (Runtime runtime : RUNTIMES) {
            Matcher matcher = runtime.pattern().matcher(cgroup);
            if (matcher.find()) {
                String id = matcher.group(1);
                return runtime.name() + " " + (runtime.name().startsWith("kubepods") ? id.replace('_', '-')
                        : id.substring(0, 12));
            }
        }
        return null;
    }
}
