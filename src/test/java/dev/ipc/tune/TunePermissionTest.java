// Without the right to write the limits: one clear line, exit 1, and nothing changed.
package dev.ipc.tune;

import dev.ipc.cli.SelfCommand;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Processes;
import dev.ipc.support.Unprivileged;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(PrivateLimits.class)
class TunePermissionTest {
    /** A child process as an unprivileged user, in this test's IPC namespace. */
    @Test
    void an_unprivileged_user_gets_one_line_and_nothing_changes() {
        CommandResult result = Processes.run(Unprivileged.ipc("sem", "tune", "--semmni", "32001"));

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("", result.out());
        assertEquals("ipc: no permission to change kernel.sem (/proc/sys/kernel/sem is writable by root only): "
                + "nothing changed\n", result.err());
        assertEquals(PrivateLimits.DEFAULTS, PrivateLimits.read());
    }

    /** As in a container: /proc/sys mounted read-only, here in a mount namespace of the child's own. */
    @Test
    void read_only_proc_sys_gets_one_line_and_nothing_changes() {
        Assumptions.assumeTrue(Processes.onPath("unshare"), "unshare (util-linux) is not installed");
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "sh", "-c",
                "mount --bind /proc/sys /proc/sys && mount -o remount,bind,ro /proc/sys && exec \"$@\"", "sh"));
        command.addAll(SelfCommand.of("msg", "tune", "--msgmax", "65536", "--msgmnb", "65536"));

        CommandResult result = Processes.run(command);

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("", result.out());
        assertEquals("ipc: cannot change kernel.msgmax: /proc/sys/kernel is read-only here (as in most containers): "
                + "nothing changed\n", result.err());
        assertEquals(PrivateLimits.DEFAULTS, PrivateLimits.read());
    }
}
