// ipc ls's start-up fast path: the /proc files a listing reads, read ahead, and plain lines parsed without picocli.
package dev.ipc;

import dev.ipc.cli.NamespaceTarget;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.Terminal;
import dev.ipc.ls.LsCommand;
import dev.ipc.ls.LsOption;
import dev.ipc.ls.LsOptions;
import dev.ipc.procfs.Prefetch;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.procfs.SysvIpcProcReader;

import java.io.PrintWriter;
import java.util.Map;

/**
 * A listing is start-up bound: the kernel's printing of /proc/sysvipc overlaps with the JVM's start when it is
 * begun first, and a line of ls's own options in their plain forms needs none of picocli's parser, whose set-up
 * is a large part of a listing's start (scripts/bench-ls.sh measures both). ls itself knows nothing of this.
 */
final class LsFastPath {
    private LsFastPath() {
    }

    /** Runs an ls line, through picocli (as {@link CommandTree} runs every line) unless it is plain. */
    static int run(PrintWriter out, PrintWriter err, boolean processStreams, NamespaceTarget namespace,
                   String... args) {
        SystemPaths paths = SystemPaths.fromSystemProperties();
        Prefetch prefetch = Prefetch.start(SysvIpcProcReader.files(paths.sysvipc()));
        Map<String, String> environment = System.getenv();
        LsOptions plain = parsePlain(args, 1);
        // a plain line has no --color
        Terminal terminal = new Terminal(plain != null ? Terminal.Mode.AUTO : Terminal.mode(args), environment);
        RunContext context = new RunContext(out, err, processStreams, terminal, environment, paths, prefetch,
                namespace);
        return plain != null ? runWithoutPicocli(plain, context) : CommandTree.execute(context, args);
    }

    /**
     * The options of a line that uses only ls's own options, each in its plain form (-q, -qt, --json, -i 5,
     * --id=5, --id 5), and arguments that ls ignores; null for anything else, from help and --color to every
     * mistake, which picocli then parses and reports. Each option goes to the same builder picocli's parse uses.
     */
    static LsOptions parsePlain(String[] args, int from) {
        LsOptions.Builder options = new LsOptions.Builder();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.isEmpty() || arg.charAt(0) == '@' || arg.equals("-") || arg.equals("--")) {
                return null; // @files, a lone dash and "--" have picocli's own rules
            }
            if (arg.charAt(0) != '-') {
                continue; // ignored, as ipcs ignores arguments that are not options
            }
            if (arg.equals("--ns") || arg.startsWith("--ns=")) {
                // the root entered the namespace before this line was parsed (see InNamespace)
                if (arg.equals("--ns") && ++i >= args.length) {
                    return null;
                }
                continue;
            }
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                LsOption option = LsOption.named(equals < 0 ? arg : arg.substring(0, equals));
                if (option == null || (!option.takesValue() && equals >= 0)) {
                    return null;
                }
                String value = null;
                if (option.takesValue()) {
                    value = equals >= 0 ? arg.substring(equals + 1) : plainValue(args, ++i);
                    if (value == null || value.isEmpty()) {
                        return null;
                    }
                }
                options.apply(option, value);
                continue;
            }
            for (int at = 1; at < arg.length(); at++) {
                LsOption option = LsOption.named("-" + arg.charAt(at));
                if (option == null || (option.takesValue() && at != arg.length() - 1)) {
                    return null; // a value joined to its option (-i5) is left to picocli
                }
                String value = option.takesValue() ? plainValue(args, ++i) : null;
                if (option.takesValue() && value == null) {
                    return null;
                }
                options.apply(option, value);
            }
        }
        return options.build();
    }

    /** args[at] as an option's value, or null when it is missing or could be read as something else. */
    private static String plainValue(String[] args, int at) {
        if (at >= args.length) {
            return null;
        }
        String value = args[at];
        return value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@' ? null : value;
    }

    /** ls as picocli would run it: the same terminal, errors reported the same way. */
    private static int runWithoutPicocli(LsOptions options, RunContext context) {
        try {
            return LsCommand.run(options, context);
        } catch (Exception e) {
            return FastPath.failed(e, context);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }
}
