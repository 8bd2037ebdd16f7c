// A JUnit extension for tests that change IPC limits: they run only in a private IPC namespace, each from the
// kernel's defaults, and the host's limits must be the same after the class as before it.
package dev.ipc.tune;

import dev.ipc.procfs.ProcFile;
import dev.ipc.support.HostIpcNamespace;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

public final class PrivateLimits implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    /** What a new IPC namespace starts with (the kernel's compile-time defaults, Linux 3.19 and later). */
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("sem", "32000 1024000000 500 32000");
        DEFAULTS.put("msgmax", "8192");
        DEFAULTS.put("msgmnb", "16384");
        DEFAULTS.put("msgmni", "32000");
        DEFAULTS.put("shmmax", "18446744073692774399");
        DEFAULTS.put("shmall", "18446744073692774399");
        DEFAULTS.put("shmmni", "4096");
    }

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(PrivateLimits.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Isolation.requirePrivateIpcNamespace();
        HostIpcNamespace.Reading host = HostIpcNamespace.limits();
        if (host.text() == null) {
            System.err.println("host IPC limits not checked: " + host.whyNot());
        }
        context.getStore(STORE).put("host", host);
        context.getStore(STORE).put("saved", read());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Map<String, String> saved = (Map<String, String>) context.getStore(STORE).get("saved");
        if (saved != null) {
            write(saved);
        }
        HostIpcNamespace.Reading before = (HostIpcNamespace.Reading) context.getStore(STORE).get("host");
        if (before != null && before.text() != null) {
            assertEquals(before.text(), HostIpcNamespace.limits().text(),
                    "the host's IPC limits changed while " + context.getDisplayName() + " ran");
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Kernel.removeAll();
        write(DEFAULTS);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Kernel.removeAll();
        write(DEFAULTS);
    }

    /** Each limit file's text, whitespace made single spaces. */
    static Map<String, String> read() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String file : DEFAULTS.keySet()) {
            values.put(file, read(file));
        }
        return values;
    }

    static String read(String file) {
        try {
            return ProcFile.readText(Path.of("/proc/sys/kernel", file)).trim().replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets limits in this (private) namespace, each file in one write. */
    static void write(Map<String, String> values) {
        List<KernelWriter.Write> writes = new ArrayList<>();
        values.forEach((file, value) -> writes.add(
                new KernelWriter.Write("kernel." + file, Path.of("/proc/sys/kernel", file), value, value)));
        String outcome = KernelWriter.restore(writes);
        if (!outcome.startsWith("the previous values are restored")) {
            throw new IllegalStateException(outcome);
        }
    }
}
