// Whether to colour standard output and standard error: --color=auto|always|never, NO_COLOR, and whether each
// stream is a terminal. Decided only when something would be coloured, so plain listings never pay for it.
package dev.ipc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.ColorScheme;

import java.io.File;
import java.io.IOException;
import java.util.Map;

public final class Terminal {
    public enum Mode { AUTO, ALWAYS, NEVER }

    /** SGR sequences for the few things ipc colours. */
    public static final String BOLD = "\u001b[1m";
    public static final String RED = "\u001b[31m";
    public static final String BOLD_RED = "\u001b[1;31m";
    public static final String YELLOW = "\u001b[33m";
    public static final String RESET = "\u001b[0m";

    private final Mode mode;
    private final Map<String, String> environment;
    private Boolean out;
    private Boolean err;

    public Terminal(Mode mode, Map<String, String> environment) {
        this.mode = mode;
        this.environment = environment;
    }

    /** Outside a command line (a class used on its own, in a test): no colour. */
    public static final Terminal NONE = new Terminal(Mode.NEVER, Map.of());

    /** The mode named by --color on the command line (its last occurrence before "--"), else AUTO. */
    public static Mode mode(String... args) {
        Mode mode = Mode.AUTO;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            String value = arg.startsWith("--color=") ? arg.substring("--color=".length())
                    : arg.equals("--color") && i + 1 < args.length ? args[i + 1] : null;
            Mode named = value == null ? null : byName(value);
            if (named != null) {
                mode = named;
            }
        }
        return mode;
    }

    public static Mode byName(String name) {
        for (Mode mode : Mode.values()) {
            if (mode.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
                return mode;
            }
        }
        return null;
    }

    /** Whether standard output gets colour. */
    public boolean colourOut() {
        if (out == null) {
            out = colour(1);
        }
        return out;
    }

    /** Whether standard error gets colour. */
    public boolean colourErr() {
        if (err == null) {
            err = colour(2);
        }
        return err;
    }

    /** The text in the given colour when standard output gets colour, else as it is. */
    public String paintOut(String sgr, String text) {
        return colourOut() ? sgr + text + RESET : text;
    }

    public String paintErr(String sgr, String text) {
        return colourErr() ? sgr + text + RESET : text;
    }

    /** picocli's help colours (commands bold, options yellow, parameters italic) or none. */
    public ColorScheme helpColours() {
        return CommandLine.Help.defaultColorScheme(colourOut() ? Ansi.ON : Ansi.OFF);
    }

    private boolean colour(int fd) {
        if (mode != Mode.AUTO) {
            return mode == Mode.ALWAYS;
        }
        // https://no-color.org: set and not empty turns colour off; a dumb terminal shows escapes as text
        return environment.getOrDefault("NO_COLOR", "").isEmpty() && !"dumb".equals(environment.get("TERM"))
                && isTerminal(fd);
    }

    /**
     * Whether this process's file descriptor is a terminal: /proc names its target, so no native call is
     * needed (java.io's canonical path rather than java.nio.file, whose classes a listing does not load).
     */
    public static boolean isTerminal(int fd) {
        try {
            String target = new File("/proc/self/fd/" + fd).getCanonicalPath();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException e) {
            return false;
        }
    }
}
