// Guards for tests that create, remove or tune IPC objects: they run only in a private IPC namespace.
package dev.ipc.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * src/test/isolated-jvm/bin/java starts the test JVM in new IPC and mount namespaces and records the namespace it
 * came from; a test checks that it really runs elsewhere before it touches anything.
 */
public final class Isolation {
    private Isolation() {
    }

    public static boolean inPrivateIpcNamespace() {
        String host = System.getenv("IPC_TEST_HOST_IPC_NS");
        String here = currentIpcNamespace();
        return host != null && here != null && !host.equals(here)
                && "private".equals(System.getenv("IPC_TEST_ISOLATION"));
    }

    /** Skips the calling test, with the reason, unless it runs in a private IPC namespace. */
    public static void requirePrivateIpcNamespace() {
        Assumptions.assumeTrue(inPrivateIpcNamespace(),
                () -> "needs a private IPC namespace, and this JVM has none: "
                        + System.getenv().getOrDefault("IPC_TEST_ISOLATION",
                        "not started through src/test/isolated-jvm/bin/java"));
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static String currentIpcNamespace() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/ns/ipc")).toString();
        } catch (IOException e) {
            return null;
        }
    }
}
