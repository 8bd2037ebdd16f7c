// Compiles the tests' small C programs (src/test/c) with gcc, once per test run.
package dev.ipc.support;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public final class CPrograms {
    private CPrograms() {
    }

    /** The path of the built program; the calling test is skipped, with the reason, when gcc is missing. */
    public static synchronized Path build(String name) {
        Assumptions.assumeTrue(Processes.onPath("gcc"), "gcc is not installed (.ci/run installs it)");
        Path project = Path.of(System.getProperty("ipc.project.dir", "."));
        Path source = project.resolve("src/test/c/" + name + ".c");
        Path binary = project.resolve("target/test-bin/" + name);
        try {
            if (!Files.exists(binary) || Files.getLastModifiedTime(binary).compareTo(
                    Files.getLastModifiedTime(source)) < 0) {
                Files.createDirectories(binary.getParent());
                CommandResult gcc = Processes.run(List.of("gcc", "-O2", "-Wall", "-o", binary.toString(),
                        source.toString()));
                if (gcc.exitCode() != 0) {
                    throw new AssertionError("gcc failed for " + source + ":\n" + gcc.err());
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return binary;
    }
}
