// JUnit extension: a demo run in this JVM leaves no pipe or pidfd open and no child process, zombie or not.
package dev.ipc.pipe;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

final class NothingLeftBehind implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NothingLeftBehind.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        assertEquals(List.of(), children(), "children before the test");
        context.getStore(NAMESPACE).put("fds", pipesAndPidfds());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertEquals(List.of(), children(), "children left behind (running or zombie)");
        assertEquals(context.getStore(NAMESPACE).get("fds"), pipesAndPidfds(), "descriptors left open");
    }

    /** This JVM's children, zombies included (ProcessHandle lists what /proc says has us as parent). */
    static List<String> children() {
        return ProcessHandle.current().children()
                .map(child -> child.pid() + " " + child.info().commandLine().orElse("?")).toList();
    }

    /** "fd -> target" for each pipe and pidfd this JVM holds. */
    static Set<String> pipesAndPidfds() {
        Set<String> open = new TreeSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("pipe:") || target.contains("pidfd")) {
                        open.add(fd.getFileName() + " -> " + target);
                    }
                } catch (IOException closedMeanwhile) {
                    // the fd of the listing itself, gone by now
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return open;
    }
}
