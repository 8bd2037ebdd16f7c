// The container or unit a process's cgroup names, for ipc ns.
package dev.ipc.procfs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IpcNamespacesTest {
    private static final String ID = "4f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0::/system.slice/docker-" + ID + ".scope|docker 4f1c2d3e4a5b",
            "12:memory:/docker/" + ID + "|docker 4f1c2d3e4a5b",
            "0::/machine.slice/libpod-" + ID + ".scope/container|podman 4f1c2d3e4a5b",
            "0::/system.slice/crio-" + ID + ".scope|cri-o 4f1c2d3e4a5b",
            "0::/system.slice/containerd.service/cri-containerd-" + ID + ".scope|containerd 4f1c2d3e4a5b",
            "0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod0a1b2c3d_4e5f_6a7b_8c9d_0e1f2a3b4c5d"
                    + ".slice|kubepods pod 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
            "0::/system.slice/postgresql.service|postgresql.service",
            "0::/user.slice/user-0.slice/session-3.scope|"})
    void names_the_container_or_unit(String cgroup, String expected) {
        assertEquals(expected, IpcNamespaces.workload(cgroup));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "612 31 0:4 ipc:[4026532284] /run/ipcns/web rw shared:1 - nsfs nsfs rw|4026532284",
            "613 31 0:4 ipc:[4026532290] /tmp/a\\040b rw - nsfs nsfs rw|4026532290",
            "614 31 0:4 net:[4026532300] /run/netns/x rw - nsfs nsfs rw|-1",
            "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw|-1"})
    void finds_the_ipc_namespace_a_mount_holds(String line, long inode) {
        assertEquals(inode, IpcNamespaces.nsfsIpcMount(line));
    }

    @org.junit.jupiter.api.Test
    void mount_points_are_unescaped_as_the_kernel_escapes_them() {
        assertEquals("/tmp/a b\\c\td", IpcNamespaces.unescape("/tmp/a\\040b\\134c\\011d"));
        assertEquals("/plain", IpcNamespaces.unescape("/plain"));
    }
}
