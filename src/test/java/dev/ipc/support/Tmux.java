// A real terminal for tests of full-screen commands: a tmux server of the test's own, one pane running a command.
package dev.ipc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The server is started by this JVM, so the pane's processes are in the test's IPC and mount namespaces. The pane
 * runs a script that saves the terminal's modes (stty -g) before and after the command and prints its exit
 * status, then stays open so the screen can still be read.
 */
public final class Tmux implements AutoCloseable {
    private static final String SESSION = "test";

    private final Path socket;
    private final Path directory;

    private Tmux(Path directory) {
        this.directory = directory;
        this.socket = directory.resolve("tmux.sock");
    }

    public static boolean available() {
        return Processes.onPath("tmux");
    }

    /** Starts the command in a pane of columns x rows, in directory (where the script and stty files go). */
    public static Tmux start(Path directory, int columns, int rows, List<String> command) {
        Tmux tmux = new Tmux(directory);
        StringBuilder script = new StringBuilder("#!/bin/sh\nexport LC_ALL=C TZ=UTC\nstty -g > stty.before\n");
        for (String arg : command) {
            script.append('\'').append(arg.replace("'", "'\\''")).append("' ");
        }
        // the modes are saved before the exit status shows: a test that sees "exit=" may read them at once
        script.append("\nstatus=$?\nstty -g > stty.after\necho \"exit=$status\"\nexec sleep 600\n");
        try {
            Path file = directory.resolve("pane.sh");
            Files.writeString(file, script);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tmux.run("new-session", "-d", "-s", SESSION, "-x", Integer.toString(columns), "-y", Integer.toString(rows),
                "-c", directory.toString(), directory.resolve("pane.sh").toString());
        return tmux;
    }

    /** The screen as text, one line per row, without attributes. */
    public String screen() {
        return run("capture-pane", "-p", "-t", SESSION);
    }

    /** The screen with its escape sequences for colour and attributes (capture-pane -e). */
    public String screenWithAttributes() {
        return run("capture-pane", "-p", "-e", "-t", SESSION);
    }

    /** Keys by tmux's names: "q", "C-c", "Left"; literal text with -l. */
    public void sendKeys(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        args.addAll(List.of(keys));
        run(args.toArray(new String[0]));
    }

    public void resize(int columns, int rows) {
        run("resize-window", "-t", SESSION, "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    /** A tmux format about the pane: "#{alternate_on}", "#{cursor_flag}". */
    public String pane(String format) {
        return run("display-message", "-p", "-t", SESSION, format).strip();
    }

    /** Waits until the screen shows text; returns that screen. */
    public String awaitScreen(String text) {
        String[] last = {""};
        Await.until(() -> (last[0] = screen()).contains(text), "'" + text + "' on the screen:\n" + last[0]);
        return last[0];
    }

    /** The terminal modes the pane had before and after the command, as stty -g printed them. */
    public List<String> modesBeforeAndAfter() {
        try {
            return List.of(Files.readString(directory.resolve("stty.before")).strip(),
                    Files.readString(directory.resolve("stty.after")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        command.addAll(List.of(args));
        CommandResult result = Processes.run(command, Map.of(), directory.toFile(), 30);
        assertEquals(0, result.exitCode(), () -> "tmux " + String.join(" ", args) + ": " + result);
        return result.out();
    }

    @Override
    public void close() {
        Processes.run(List.of("tmux", "-S", socket.toString(), "kill-server"), Map.of(), directory.toFile(), 30);
    }
}
