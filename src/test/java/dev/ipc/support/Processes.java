// Runs external programs (the util-linux tools, gcc, the launcher) with a time limit.
package dev.ipc.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

public final class Processes {
    private Processes() {
    }

    public static CommandResult run(List<String> command) {
        return run(command, Map.of(), null);
    }

    /** Runs with LC_ALL=C and TZ=UTC added to the environment, so output compares byte for byte. */
    public static CommandResult run(List<String> command, Map<String, String> environment, File directory) {
        return run(command, environment, directory, 120);
    }

    /** As above, for programs that take longer than two minutes on a loaded machine (the lab scripts). */
    public static CommandResult run(List<String> command, Map<String, String> environment, File directory,
                                    int timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("TZ", "UTC");
        builder.environment().putAll(environment);
        if (directory != null) {
            builder.directory(directory);
        }
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command);
            }
            return new CommandResult(process.exitValue(), out.get(), err.get());
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("could not run " + command + ": " + e, e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
