// The commands a script or a loop runs build their picocli models in code: reading annotations makes the JVM
// generate a proxy class per annotation type, which together cost more than the JVM's own start.
package dev.ipc;

import dev.ipc.cli.SelfCommand;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandModelCostTest {
    private int queue;
    private int set;
    private int segment;

    @BeforeEach
    void oneObjectOfEachKind() {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
        queue = Kernel.createQueue(0x4242, 0600);
        set = Kernel.createSemaphores(0x4343, 2, 0600);
        segment = Kernel.createSegment(0x4444, 4096, 0600);
    }

    @AfterEach
    void removeObjects() {
        if (Isolation.inPrivateIpcNamespace()) {
            Kernel.removeAll();
        }
    }

    @Test
    void object_commands_read_no_annotations() {
        String q = Integer.toString(queue);
        String s = Integer.toString(set);
        String m = Integer.toString(segment);
        for (String[] args : List.of(new String[] {"sem", "get", "--id", s},
                new String[] {"sem", "op", "--id", s, "0:+1"},
                new String[] {"msg", "send", "--id", q, "hello"}, new String[] {"msg", "recv", "--id", q},
                new String[] {"shm", "write", "--id", m, "hello"}, new String[] {"shm", "read", "--id", m},
                new String[] {"pipe-demo", "hello"}, new String[] {"mk", "-Q"})) {
            CommandResult run = childWithClassLog(args);
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("dev.ipc.Main "), "the class log was read");
            assertFalse(run.out().contains("__dynamic_proxy__"), () -> String.join(" ", args) + "\n" + proxies(run));
            // the start-up fast path runs plain lines of the object commands without picocli (see FastPath)
            boolean fast = args[0].equals("sem") || args[0].equals("msg") || args[0].equals("shm")
                    || args[0].equals("mk") || args[0].equals("pipe-demo");
            assertEquals(!fast, run.out().contains("picocli.CommandLine "), () -> String.join(" ", args));
        }
        // and the test would see them: msg stat's model still comes from its annotations
        assertTrue(childWithClassLog("msg", "stat", "--id", q).out().contains("__dynamic_proxy__"));
    }

    /**
     * The first lambda or regular expression of a run links the JVM's method-handle machinery (classes spun at run
     * time, which the class-data archive does not hold): the plain lines of the benchmarked commands link none.
     */
    @Test
    void benchmarked_commands_link_no_lambda_and_compile_no_regular_expression() {
        String q = Integer.toString(queue);
        String s = Integer.toString(set);
        String m = Integer.toString(segment);
        int doomed = Kernel.createQueue(0x4545, 0600);
        for (String[] args : List.of(new String[] {"sem", "get", "--id", s},
                new String[] {"sem", "op", "--id", s, "0:+1"},
                new String[] {"msg", "send", "--id", q, "hello"}, new String[] {"msg", "recv", "--id", q},
                new String[] {"shm", "write", "--id", m, "hello"}, new String[] {"shm", "read", "--id", m},
                new String[] {"ls", "-q", "-i", q}, new String[] {"ls", "-s", "-i", s}, new String[] {"sem", "tune"},
                new String[] {"rm", "-q", Integer.toString(doomed)}, new String[] {"--help"},
                new String[] {"pipe-demo", "hello"}, new String[] {"mk", "-Q"})) {
            CommandResult run = childWithClassLog(args);
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("dev.ipc.Main "), "the class log was read");
            assertFalse(run.out().contains(" java.lang.invoke.InnerClassLambdaMetafactory "),
                    () -> String.join(" ", args) + " linked a lambda");
            assertFalse(run.out().contains(" java.util.regex.Pattern "),
                    () -> String.join(" ", args) + " compiled a regular expression");
        }
        // and the test would see both: msg stat's picocli model uses both
        CommandResult stat = childWithClassLog("msg", "stat", "--id", q);
        assertTrue(stat.out().contains(" java.lang.invoke.InnerClassLambdaMetafactory "), stat::toString);
        assertTrue(stat.out().contains(" java.util.regex.Pattern "), stat::toString);
    }

    private static String proxies(CommandResult run) {
        StringBuilder lines = new StringBuilder();
        for (String line : run.out().split("\n")) {
            if (line.contains("__dynamic_proxy__") || line.contains("picocli.CommandLine$Command ")) {
                lines.append(line).append('\n');
            }
        }
        return lines.toString();
    }

    private static CommandResult childWithClassLog(String... args) {
        List<String> command = new ArrayList<>(SelfCommand.of(args));
        command.add(1, "-Xlog:class+load=info:stdout");
        return Processes.run(command);
    }
}
