// Every IPC namespace that some process is in, from /proc/PID/ns/ipc, with its processes and what runs there.
package dev.ipc.procfs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A namespace no process is in (held only by a bind mount) is not found here. Processes whose link cannot be read
 * (not root, or a process protected from us) are counted in {@link Scan#unreadable()}.
 */
public final class IpcNamespaces {
    /**
     * An IPC namespace and its processes, lowest pid first.
     *
     * @param inode    the namespace's inode: "ipc:[INODE]"
     * @param workload the container or systemd unit its processes' cgroup names ("docker 1a2b3c4d5e6f",
     *                 "nginx.service"), or null when none does
     */
    public record Namespace(long inode, List<Integer> pids, String workload) {
        public String id() {
            return "ipc:[" + inode + "]";
        }

        public boolean initial() {
            return id().equals(IpcNamespace.INITIAL);
        }

        /** "4242,4250,4251,4260,+3": the first few pids, and how many more. */
        public String somePids(int shown) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < Math.min(shown, pids.size()); i++) {
                text.append(i == 0 ? "" : ",").append(pids.get(i));
            }
            if (pids.size() > shown) {
                text.append(",+").append(pids.size() - shown);
            }
            return text.toString();
        }

        /** The namespace file of its first process, to enter it by. */
        public Path file(Path proc) {
            return proc.resolve(pids.get(0) + "/ns/ipc");
        }
    }

    /** @param unreadable how many processes' namespace could not be read */
    public record Scan(List<Namespace> namespaces, int unreadable) {
    }

    private static final Pattern LINK = Pattern.compile("ipc:\\[(\\d+)]");
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

    /** Every namespace of the processes under proc (/proc), in inode order. */
    public static Scan scan(Path proc) throws IOException {
        Map<Long, List<Integer>> members = new TreeMap<>();
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
            }
        }
        List<Namespace> namespaces = new ArrayList<>();
        for (Map.Entry<Long, List<Integer>> entry : members.entrySet()) {
            List<Integer> pids = entry.getValue();
            pids.sort(null);
            namespaces.add(new Namespace(entry.getKey(), List.copyOf(pids), workload(proc, pids)));
        }
        return new Scan(List.copyOf(namespaces), unreadable);
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
