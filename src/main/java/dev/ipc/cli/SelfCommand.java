// The command line that starts ipc itself as a child process: for demos and benchmarks that need several
// real processes, each running an ipc command.
package dev.ipc.cli;

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
        // Child JVMs see the same test overrides (ipc.dev.mqueue, ipc.proc.*) as this one.
        for (String property : System.getProperties().stringPropertyNames()) {
            if (property.startsWith("ipc.")) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }
}
