// ipc pipe-demo pipeline: the documents' "ls | more", or any pipeline of N stages, built the way a shell
// builds it: pipe(), one child per stage with dup2 onto stdin and stdout, every end closed in the parent.
package dev.ipc.pipe;

import dev.ipc.cli.IpcException;
import dev.ipc.model.WaitStatus;
import dev.ipc.pipe.Children.Child;
import dev.ipc.pipe.Descriptors.Pipe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

@Command(name = "pipeline",
        description = {
                "ls | more, or any pipeline of N stages, built with pipe, posix_spawn (dup2, close) and waitpid.",
                "",
                "The documents' \"ls | more\": pipe(), a child for ls with its stdout dup2'd onto the write end, "
                        + "a child for more with its stdin dup2'd onto the read end, both ends closed in the "
                        + "parent, then waitpid for each. Any pipeline of N stages runs the same way: give it "
                        + "after --, stages separated by a quoted '|'.",
                "",
                "The last stage writes to this process's stdout; the story goes to stderr. When stdout is not "
                        + "a terminal, more behaves as cat, so the demo works in scripts. With --json the last "
                        + "stage's output is read through one more pipe and given in the JSON.",
                ""},
        footer = {"",
                "Examples:",
                "  ipc pipe-demo pipeline                                ls | more",
                "  ipc pipe-demo pipeline -- ls -l /etc '|' grep conf '|' wc -l",
                "",
                "Exit status: 0 when every stage exited 0 (a writer killed by SIGPIPE because a later stage "
                        + "ended first is not a failure), 1 when a stage failed or was still running at the "
                        + "timeout, 2 on bad usage (an empty stage), 126 or 127 when a command cannot be run "
                        + "or is not found."})
public final class PipePipelineCommand extends DemoCommand {
    @Parameters(paramLabel = "CMD", arity = "0..*",
            description = "Stages: CMD [ARGS...] ['|' CMD [ARGS...]]... Default: ls '|' more.")
    List<String> words = new ArrayList<>();

    @Override
    int run() {
        List<List<String>> stages = stages(words.isEmpty() ? List.of("ls", "|", "more") : words);
        List<Program> programs = new ArrayList<>();
        for (List<String> stage : stages) {
            programs.add(program(stage));
        }
        Output output = Output.of(spec, options);
        try (Demo demo = Demo.startWithStoryOnStderr(spec, options)) {
            int n = programs.size();
            demo.say("pipeline: " + String.join(" | ", stages.stream().map(s -> String.join(" ", s)).toList())
                    + " (" + n + " stage" + (n == 1 ? "" : "s") + ", " + (n - 1) + " pipe" + (n == 2 ? "" : "s") + ")");
            List<Pipe> pipes = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                Pipe pipe = demo.fds.pipe("pipe " + i + ", from stage " + i + " to stage " + (i + 1));
                pipes.add(pipe);
                demo.say("pipe " + i + ": fd[0]=" + pipe.read() + " is the read end, fd[1]=" + pipe.write()
                        + " the write end");
            }
            Pipe capture = output.direct() ? null
                    : demo.fds.pipe("the last stage's output, for this process to read (--json, or run in process)");
            int stdin = output.ownStreams() ? 0 : demo.fds.devNull();

            List<Child> children = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<String> story = new ArrayList<>();
                Children.Setup setup = stage(i, pipes, capture, stdin, story);
                Child child = demo.children.spawn("stage " + (i + 1), programs.get(i), setup);
                children.add(child);
                demo.say("stage " + (i + 1) + " (pid " + child.pid + ", " + programs.get(i).name() + "): "
                        + String.join(", ", story));
            }

            for (Pipe pipe : pipes) {
                demo.fds.close(pipe.read(), "the parent closes both ends: only the stages may hold them");
                demo.fds.close(pipe.write(), "... or the last reader would never see end of file");
            }
            if (!pipes.isEmpty()) {
                demo.say("parent: closed both ends of every pipe, so that only the stages hold them");
            }
            if (stdin != 0) {
                demo.fds.close(stdin, "the stages have their own copies");
            }
            if (capture != null) {
                demo.fds.close(capture.write(), "only the last stage may hold the capture pipe's write end");
                new PipeIo(demo.trace, 64 * 1024).drain(capture.read(), demo.deadline, output,
                        "the last stage's output", "end of file: the last stage is done",
                        "the pipeline is still running at the timeout");
                demo.fds.close(capture.read(), "all of the output is in");
            }

            for (Child child : children) {
                WaitStatus status = demo.awaitSuccess(child, true);
                String how = Trace.describe(status);
                if (child.killed()) {
                    how += " (still running at the timeout)";
                } else if (Demo.killedBySigpipe(status)) {
                    how += child == children.get(n - 1) ? ": it wrote after our own stdout had gone"
                            : ": it wrote after a later stage had ended, which is how a pipeline stops its writers";
                }
                demo.say(child.role + " (" + child.program.name() + "): " + how);
            }
            output.finish();
            return demo.finish(json -> {
                json.writeArrayFieldStart("pipes");
                for (Pipe pipe : pipes) {
                    json.writeStartObject();
                    json.writeNumberField("read_fd", pipe.read());
                    json.writeNumberField("write_fd", pipe.write());
                    json.writeEndObject();
                }
                json.writeEndArray();
                output.writeJson(json);
            });
        }
    }

    /**
     * What stage i gets, as the documents' children do it: dup2 of its pipe ends onto stdin and stdout, then
     * close() of both ends of each pipe it touches. What it gets goes into the story.
     */
    private static Children.Setup stage(int i, List<Pipe> pipes, Pipe capture, int stdin, List<String> story) {
        Children.Setup setup = new Children.Setup();
        boolean first = i == 0;
        boolean last = i == pipes.size();
        if (!first) {
            setup.dup2(pipes.get(i - 1).read(), 0, "stdin becomes the read end of pipe " + i);
            story.add("stdin <- read end of pipe " + i);
        } else if (stdin != 0) {
            setup.dup2(stdin, 0, "stdin is /dev/null: this process's stdin is not the demo's to give");
        }
        if (!last) {
            setup.dup2(pipes.get(i).write(), 1, "stdout becomes the write end of pipe " + (i + 1));
            story.add("stdout -> write end of pipe " + (i + 1));
        } else if (capture != null) {
            setup.dup2(capture.write(), 1, "stdout becomes the write end of the capture pipe");
            story.add("stdout -> this process, through a pipe");
        } else {
            story.add("stdout is this process's stdout");
        }
        if (!first) {
            Pipe in = pipes.get(i - 1);
            setup.close(in.read(), "pipe " + i + "'s read end: the stage has it as fd 0 now");
            setup.close(in.write(), "pipe " + i + "'s write end: kept, it would hide the end of file from the "
                    + "stage itself");
        }
        if (!last) {
            Pipe out = pipes.get(i);
            setup.close(out.read(), "pipe " + (i + 1) + "'s read end: the stage only writes this pipe");
            setup.close(out.write(), "pipe " + (i + 1) + "'s write end: the stage has it as fd 1 now");
        }
        return setup;
    }

    /** Splits the words at each '|'; an empty stage is a usage error, found before anything is started. */
    static List<List<String>> stages(List<String> words) {
        List<List<String>> stages = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String word : words) {
            if (word.equals("|")) {
                stages.add(current);
                current = new ArrayList<>();
            } else {
                current.add(word);
            }
        }
        stages.add(current);
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).isEmpty()) {
                String where = i == 0 ? "before the first '|'"
                        : i == stages.size() - 1 ? "after the last '|'" : "between two '|'";
                throw IpcException.usage("empty stage " + (i + 1) + " " + where + ": each stage needs a command");
            }
        }
        return stages;
    }
}
