// When /proc cannot be read, ipc ls gets the same answers from the kernel's own calls (*_INFO, *_STAT,
// IPC_INFO), and, unlike ipcs, reports the creator's real gid.
package dev.ipc.ls;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeFallbackTest {
    private static long attachment;
    private static int queue;
    private static int segment;
    private static int set;

    @BeforeAll
    static void createObjects() {
        Isolation.requirePrivateIpcNamespace();
        Assumptions.assumeTrue(Isolation.isRoot() && Processes.onPath("setpriv"),
                "creating objects as another user needs root and setpriv");
        Kernel.removeAll();
        queue = Kernel.createQueue(0x1234, 0660);
        Kernel.send(queue, 3, "some bytes");
        segment = Kernel.createSegment(0x2222, 100000, 0640);
        attachment = Kernel.attach(segment);
        set = Kernel.createSemaphores(0x3333, 4, 0600);
        // A creator whose uid and gid differ: ipcs's fallback shows the uid in the cgid column.
        CommandResult made = Processes.run(List.of("setpriv", "--reuid=4242", "--regid=4343", "--clear-groups",
                "ipcmk", "-M", "4096", "-S", "2", "-Q"));
        assertEquals(0, made.exitCode(), made::toString);
    }

    @AfterAll
    static void removeObjects() {
        if (Isolation.inPrivateIpcNamespace() && attachment != 0) {
            Kernel.detach(attachment);
            Kernel.removeAll();
        }
    }

    @AfterEach
    void readProcAgain() {
        System.clearProperty("ipc.proc.sysvipc");
        System.clearProperty("ipc.proc.kernel");
    }

    @ParameterizedTest(name = "ipc ls {0}")
    @ValueSource(strings = {"", "-t", "-p", "-u", "-b", "--human", "-m -i SEGMENT", "-q -i QUEUE", "-s -i SET",
            "-c -q"})
    void the_kernel_calls_give_the_same_listing_as_proc(String arguments) {
        String[] args = IpcsCompatibilityTest.command("ls", arguments.isEmpty() ? new String[0]
                : arguments.replace("SEGMENT", Integer.toString(segment)).replace("QUEUE", Integer.toString(queue))
                .replace("SET", Integer.toString(set)).split(" ")).toArray(String[]::new);
        CommandResult fromProc = Ipc.run(args);
        System.setProperty("ipc.proc.sysvipc", "/nonexistent/sysvipc");
        CommandResult fromKernel = Ipc.run(args);
        assertEquals(0, fromProc.exitCode(), fromProc::toString);
        assertEquals("", fromProc.err(), "every id named exists");
        assertEquals(fromProc, fromKernel);
    }

    @Test
    void ipc_info_gives_the_same_limits_as_proc_sys_kernel() {
        CommandResult fromProc = Ipc.run("ls", "-l");
        System.setProperty("ipc.proc.kernel", "/nonexistent/kernel");
        CommandResult fromKernel = Ipc.run("ls", "-l");
        assertTrue(fromProc.out().contains("max semaphores per array"), fromProc::toString);
        assertEquals(fromProc, fromKernel);
    }

    @Test
    void creators_keep_their_own_gid_where_the_ipcs_fallback_shows_the_uid() {
        String ipcsFromProc = Processes.run(List.of("ipcs", "-m", "-c")).out();
        String ipcsFallback = Processes.run(List.of("unshare", "--mount", "sh", "-c",
                "mount -t tmpfs none /proc/sysvipc && ipcs -m -c")).out();
        System.setProperty("ipc.proc.sysvipc", "/nonexistent/sysvipc");
        String ours = Ipc.run("ls", "-m", "-c").out();
        assertEquals(ipcsFromProc, ours, "the fallback shows what /proc shows");
        assertTrue(ours.lines().anyMatch(l -> l.matches("\\d+ +644 +4242 +4343 +4242 +4343 *")), ours);
        assertNotEquals(ipcsFallback, ours, "ipcs's own fallback differs: its cgid column is the uid");
    }
}
