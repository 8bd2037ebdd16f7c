// jffi's stub library is loaded from the launcher's folder without jffi's own loader (whose String.format costs every
// native command its start), and jffi's loader still runs where that folder is not given.
package dev.ipc.libc;

import dev.ipc.cli.SelfCommand;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JffiStubTest {
    private static final String STUB_LOADER = " com.kenai.jffi.internal.StubLoader ";
    private static final String FORMATTER = " java.util.Formatter ";

    @BeforeEach
    void clean() {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
    }

    @AfterEach
    void removeObjects() {
        if (Isolation.inPrivateIpcNamespace()) {
            Kernel.removeAll();
        }
    }

    @Test
    void the_test_jvm_loads_the_stub_from_the_named_folder_and_calls_libc_through_it() {
        assertNotNull(System.getProperty("jffi.boot.library.path"), "the build names the extracted stub's folder");
        assertTrue(JffiStub.LOADED_DIRECTLY, "loaded without jffi's loader");
        assertEquals(ProcessHandle.current().pid(), LibC.INSTANCE.getpid());
    }

    @Test
    void a_native_command_never_runs_jffis_loader_where_the_folder_is_named() {
        CommandResult run = semGetWithClassLog(true, 0x5151, 7);
        assertTrue(run.out().contains(" com.kenai.jffi.Foreign "), "the class log was read");
        assertFalse(run.out().contains(STUB_LOADER), "jffi's loader ran");
        assertFalse(run.out().contains(FORMATTER), "a Formatter was set up");
        // jffi's Platform is made without its parse of java.version: no regular expression, no lambda machinery
        assertFalse(run.out().contains(" java.util.regex.Pattern "), "a regular expression was compiled");
        assertFalse(run.out().contains(" java.lang.invoke.LambdaMetafactory "), "a lambda was linked");
    }

    /**
     * Pointer and libc's strings reach memory through Unsafe, so jffi's MemoryIO (which looks up twenty of Unsafe's
     * methods by reflection) is never set up; jffi's Library is registered with the JDK's common cleaner, so no
     * Cleaner.create() makes a thread of its own (only it loads InnocuousThreadFactory).
     */
    @Test
    void a_native_command_sets_up_neither_jffis_memory_access_nor_a_cleaner_thread() {
        CommandResult run = semGetWithClassLog(true, 0x5353, 5);
        assertTrue(run.out().contains(" com.kenai.jffi.Library "), "the class log was read");
        assertFalse(run.out().contains(" com.kenai.jffi.MemoryIO "), "jffi's MemoryIO was set up");
        assertFalse(run.out().contains(" jdk.internal.ref.CleanerImpl$InnocuousThreadFactory "),
                "a Cleaner was made with a thread of its own");
    }

    @Test
    void java_version_is_back_once_jffis_platform_is_made() {
        assertTrue(JffiStub.LOADED_DIRECTLY);
        String version = System.getProperty("java.version");
        assertNotNull(version);
        assertTrue(version.startsWith(Integer.toString(Runtime.version().feature())), version);
        assertEquals(jffisReading(version), com.kenai.jffi.Platform.getPlatform().getJavaMajorVersion(),
                "made without the property, Platform holds what it would have read from " + version);
    }

    /** Platform's constructor's reading of java.version (jffi 1.3): the number after the first dot, else 8. */
    private static int jffisReading(String version) {
        String first = version.split("[^0-9.]")[0];
        int dot = first.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? first : first.substring(dot + 1));
        } catch (NumberFormatException e) {
            return 8;
        }
    }

    @Test
    void without_the_folder_jffis_own_loader_loads_the_stub_and_the_command_works_the_same() {
        CommandResult run = semGetWithClassLog(false, 0x5252, 9);
        assertTrue(run.out().contains(STUB_LOADER), "jffi's loader ran");
        assertEquals("", run.err());
    }

    /** sem get on a set made with that key and value, in a child with the class log: it succeeds with the value. */
    private static CommandResult semGetWithClassLog(boolean namedFolder, int key, int value) {
        int set = Kernel.createSemaphores(key, 1, 0600);
        Kernel.setValue(set, 0, value);
        CommandResult run = childWithClassLog(namedFolder, "sem", "get", "--id", Integer.toString(set));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().lines().anyMatch(line -> line.equals(Integer.toString(value))), run::toString);
        return run;
    }

    private static CommandResult childWithClassLog(boolean namedFolder, String... args) {
        List<String> command = new ArrayList<>(SelfCommand.of(args));
        if (!namedFolder) {
            command.removeIf(arg -> arg.startsWith("-Djffi.boot.library.path="));
        }
        command.add(1, "-Xlog:class+load=info:stdout");
        return Processes.run(command);
    }
}
