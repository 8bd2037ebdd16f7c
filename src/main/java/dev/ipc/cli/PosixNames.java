// Names of POSIX IPC objects as users type them: the leading '/' added where missing, bad names refused.
package dev.ipc.cli;

import dev.ipc.model.PosixResource;

import java.nio.charset.StandardCharsets;

/**
 * glibc and the kernel take a name of one '/' and then 1 to NAME_MAX (255) bytes with no '/'; glibc stores a
 * semaphore as /dev/shm/sem.NAME, which leaves it 251. util-linux passes what it is given and reports whatever
 * errno comes back (mq_open without the '/' fails with EINVAL, shm_open does not); ipc adds the '/' for all
 * three and refuses what no call would accept before anything is created or removed.
 */
public final class PosixNames {
    private static final int NAME_MAX = 255;
    private static final int SEMAPHORE_PREFIX = "sem.".length();

    private PosixNames() {
    }

    /** The name with its leading '/', or a failure (exit 1) that says what is wrong with it. */
    public static String normalize(String text, PosixResource resource) {
        String name = text.startsWith("/") ? text : "/" + text;
        String rest = name.substring(1);
        if (rest.isEmpty() || rest.indexOf('/') >= 0 || rest.equals(".") || rest.equals("..")
                || rest.indexOf('\0') >= 0) {
            throw IpcException.failure("invalid POSIX IPC name: '" + text
                    + "' (expected '/' and then 1 to 255 characters, none of them '/')");
        }
        int limit = resource == PosixResource.SEMAPHORES ? NAME_MAX - SEMAPHORE_PREFIX : NAME_MAX;
        if (rest.getBytes(StandardCharsets.UTF_8).length > limit) {
            throw IpcException.failure("name `" + name + "' too long (a " + resource.description()
                    + " name has at most " + limit + " bytes after the '/')");
        }
        return name;
    }
}
