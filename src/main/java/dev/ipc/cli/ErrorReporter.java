// The one place that turns failures into a one-line "ipc: ..." message on stderr and an exit code.
package dev.ipc.cli;

import dev.ipc.sys.NativeCallException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
    static final String PROGRAM = "ipc";

    private final boolean debug;

    ErrorReporter(boolean debug) {
        this.debug = debug;
    }

    /** Bad command line: the command's own usage exit code (1 for the util-linux clones, 2 elsewhere). */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(PROGRAM + ": " + ex.getMessage() + " (see '" + command.getCommandSpec().qualifiedName()
                + " --help')");
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        command.getOut().flush();
        err.println(PROGRAM + ": " + describe(ex));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        if (ex instanceof IpcException ipc) {
            return ipc.exitCode();
        }
        if (ex instanceof ParameterException) {
            return command.getCommandSpec().exitCodeOnInvalidInput();
        }
        return ExitCodes.FAILURE;
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
