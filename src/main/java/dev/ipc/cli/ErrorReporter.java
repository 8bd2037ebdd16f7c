// The one place that turns failures into a one-line "ipc: ..." message on stderr and an exit code.
package dev.ipc.cli;

import dev.ipc.libc.NativeCallException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
    static final String PROGRAM = "ipc";

    private final boolean debug;
    private final Terminal terminal;

    public ErrorReporter(boolean debug, Terminal terminal) {
        this.debug = debug;
        this.terminal = terminal;
    }

    /** One line: the program's name in bold and the message in the colour, on a terminal; plain otherwise. */
    static void print(Terminal terminal, PrintWriter err, String message, String colour) {
        if (terminal.colourErr()) {
            err.println(Terminal.BOLD + PROGRAM + ":" + Terminal.RESET + " " + colour + message + Terminal.RESET);
        } else {
            err.println(PROGRAM + ": " + message);
        }
    }

    /**
     * Bad command line: the command's own usage exit code (1 for the util-linux clones, 2 elsewhere); 2 for the
     * options every command inherits from the root (--color), which the util-linux tools do not have.
     */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        usage(err, describeParse(ex), command.getCommandSpec().qualifiedName());
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        if (ex.getArgSpec() instanceof OptionSpec option && option.inherited()) {
            return ExitCodes.USAGE;
        }
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** A mistake on the command line, in one line that says where help is: "ipc: MESSAGE (see 'ipc ls --help')". */
    public void usage(PrintWriter err, String message, String command) {
        print(terminal, err, message + " (see '" + command + " --help')", Terminal.RED);
    }

    /** picocli's message, or for a word it could not place, what the word was taken for and what is near it. */
    static String describeParse(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return unknownWord(ex.getCommandLine(), unmatched.getUnmatched().get(0), ex.getMessage());
        }
        return ex.getMessage();
    }

    /**
     * "unknown command 'fifo sned'; did you mean 'fifo send'?" for a word where a command's subcommand goes,
     * picocli's message (otherwise) and "; did you mean '--json'?" for an option.
     */
    public static String unknownWord(CommandLine command, String word, String otherwise) {
        CommandSpec spec = command.getCommandSpec();
        if (word.startsWith("-") && word.length() > 1) {
            List<String> names = new ArrayList<>();
            for (OptionSpec option : spec.options()) {
                if (!option.hidden()) {
                    names.addAll(List.of(option.names()));
                }
            }
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            return otherwise + Suggestions.didYouMean(name, names);
        }
        if (command.getSubcommands().isEmpty()) {
            return otherwise;
        }
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            if (!sub.getValue().getCommandSpec().usageMessage().hidden()) {
                names.add(sub.getKey());
            }
        }
        String path = spec.parent() == null ? "" : spec.qualifiedName(" ").substring(spec.root().name().length() + 1)
                + " ";
        List<String> close = Suggestions.closest(word, names);
        close.replaceAll(name -> path + name);
        String hint = close.isEmpty() ? "" : "; did you mean '" + String.join("' or '", close) + "'?";
        return "unknown command '" + path + word + "'" + hint;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        if (ex instanceof UnmatchedArgumentException unmatched) { // ipc help nosuch: as ipc nosuch
            return handleParseException(unmatched, null);
        }
        if (ex instanceof ParameterException) {
            report(ex, command.getOut(), command.getErr());
            return command.getCommandSpec().exitCodeOnInvalidInput();
        }
        return failed(ex, command.getOut(), command.getErr());
    }

    /** A command failed: its output so far, then the one line; returns the exit code. */
    public int failed(Exception ex, PrintWriter out, PrintWriter err) {
        report(ex, out, err);
        return ex instanceof IpcException ipc ? ipc.exitCode() : ExitCodes.FAILURE;
    }

    private void report(Exception ex, PrintWriter out, PrintWriter err) {
        out.flush();
        print(terminal, err, describe(ex), Terminal.RED);
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
    }

    static String describe(Throwable ex) {
        if (ex instanceof IpcException || ex instanceof NativeCallException || ex instanceof ParameterException) {
            return ex.getMessage();
        }
        if (ex instanceof UncheckedIOException unchecked) {
            return describe(unchecked.getCause());
        }
        if (ex instanceof NoSuchFileException missing) {
            return missing.getFile() + ": No such file or directory";
        }
        if (ex instanceof AccessDeniedException denied) {
            return denied.getFile() + ": Permission denied";
        }
        if (ex instanceof IOException) {
            return ex.getMessage();
        }
        // Not a failure we expected: still one line; --debug shows where it came from.
        return "internal error: " + ex + " (run with --debug for the stack trace)";
    }
}
