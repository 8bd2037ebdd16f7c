// The command line that starts ipc itself as a child process: for demos and benchmarks that need several
// real processes, each running an ipc command.
package dev.ipc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class SelfCommand {
    private SelfCommand() {
    }

    /** java, start-up flags, this JVM's class path and main class, then the given ipc arguments. */
    public static List<String> of(String... ipcArguments) {
        return ofMain("dev.ipc.Main", ipcArguments);
    }

    /** The same for another main class of ours: a helper process with no command line to parse. */
    public static List<String> ofMain(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:-UsePerfData");
        command.add("-XX:+UnlockDiagnosticVMOptions"); // as the launcher: the archive mapped where it was dumped
        command.add("-XX:ArchiveRelocationMode=0");
        // As the launcher: jffi may load its library and read memory without the JVM's warnings on stderr.
        int feature = Runtime.version().feature();
        if (feature >= 18) {
            command.add("-Djdk.reflect.useNativeAccessorOnly=true");
        }
        if (feature >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        if (feature >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(archiveFlags());
        // Child JVMs see the same test overrides (ipc.dev.mqueue, ipc.proc.*) as this one, and load jffi's library
        // from where this one does.
        for (String property : System.getProperties().stringPropertyNames()) {
            if (property.startsWith("ipc.") || property.equals("jffi.boot.library.path")) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * The class-data-sharing archive this JVM was started with (scripts/ipc makes one for the jar), so
     * that a child starts as fast as its parent did: read from /proc/self/cmdline, which costs less than the
     * management API.
     */
    private static List<String> archiveFlags() {
        List<String> flags = new ArrayList<>();
        try {
            String cmdline = new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), StandardCharsets.UTF_8);
            for (String arg : cmdline.split("\0")) {
                if (arg.startsWith("-XX:SharedArchiveFile=") || arg.startsWith("-Xlog:cds")) {
                    flags.add(arg);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // no archive then: the child starts a little slower
        }
        return flags;
    }
}
