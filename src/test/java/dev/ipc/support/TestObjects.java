// The IPC objects of one test: empty System V tables before it, and after it those tables and its own POSIX names.
package dev.ipc.support;

import dev.ipc.model.PosixResource;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.PosixIpc;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The System V tables belong to the test JVM's private IPC namespace, so they are emptied whole. /dev/shm is a
 * private tmpfs too, but POSIX names are still made unique and only those are removed afterwards.
 * A test class registers one: {@code @RegisterExtension final TestObjects objects = new TestObjects("mk");}
 */
public final class TestObjects implements BeforeEachCallback, AfterEachCallback {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String prefix;
    private final List<String> names = new ArrayList<>();

    /** prefix tells whose names they are, e.g. "mk" gives /ipc-test-mk-PID-N. */
    public TestObjects(String prefix) {
        this.prefix = prefix;
    }

    /** Skips the test outside a private IPC namespace, else empties the System V tables. */
    @Override
    public void beforeEach(ExtensionContext context) {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
    }

    /** A POSIX name no one else uses, removed (of each kind) by {@link #afterEach}. */
    public String posixName() {
        String name = "/ipc-test-" + prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        names.add(name);
        return name;
    }

    /** Counts a name the test made up itself as its own, for {@link #afterEach}. */
    public void own(String name) {
        names.add(name);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!Isolation.inPrivateIpcNamespace()) {
            return;
        }
        Kernel.removeAll();
        for (String name : names) {
            for (PosixResource resource : PosixResource.values()) {
                try {
                    PosixIpc.unlink(resource, name);
                } catch (NativeCallException absent) {
                    // not made of this kind, or removed by the test
                }
            }
        }
        names.clear();
    }
}
