// ls lines in plain forms skip picocli's parser: they must print and exit exactly as picocli's parsing does.
package dev.ipc;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LsFastPathTest {
    /** Lines the plain parser takes, errors found after parsing among them. */
    private static final String[][] PLAIN = {
            {}, {"-q"}, {"-m"}, {"-s"}, {"-a"}, {"-qt"}, {"-mp"}, {"-s", "-c"}, {"-q", "-t", "-p", "-c"},
            {"-l"}, {"-u"}, {"-lu"}, {"-ul"}, {"-b"}, {"--human"}, {"--bytes", "--human"}, {"--human", "-b"},
            {"-q", "-q"}, {"--queues", "--shmems", "--semaphores"}, {"ignored", "-s", "also-ignored"},
            {"-i", "0", "-q"}, {"-q", "--id", "0"}, {"--id=0", "-s"}, {"-i", "1", "-i", "0", "-m"},
            {"-i", "abc", "-q"}, {"-i", "99999999999", "-q"}, {"-i", "0"}, {"-i", "0", "-q", "-m"},
            {"-i", "12345", "-s"}, {"--json"}, {"-J", "-q"}, {"-e"}, {"-r", "-m"}, {"--noheadings"},
            {"-o", "KEY,ID,OWNER", "-q"}, {"--output=+CTIME,CUSER"}, {"-o", "BOGUS"}, {"-o", "NSEMS", "-q"},
            {"-g"}, {"-g", "--json"}, {"-g", "-m"}, {"-P", "-s"}, {"--numeric-perms", "--json", "-m"},
            {"--time-format", "iso", "-t"}, {"--time-format=full", "-t", "-e"}, {"--time-format", "yesterday"},
            {"-Q"}, {"-M", "--json"}, {"-S", "-e"}, {"--posix"}, {"-N", "nothing-here", "-Q"},
            {"--name=nothing", "-M", "-S"}, {"--orphans"}, {"--orphans", "--json"}, {"--notruncate"},
            {"-t", "-l"}, {"-l", "-t", "-g"}, {"-qi", "0"}, {"-mi", "99999999999"},
    };

    /** Lines left to picocli: help, colour, mistakes in the line itself and forms it has its own rules for. */
    private static final String[][] PICOCLI = {
            {"--help"}, {"-h"}, {"-V"}, {"--color=never"}, {"--debug"}, {"-x"}, {"--bogus"}, {"-qx"}, {"-i"},
            {"-q", "-i"}, {"-i", "-q"}, {"-i5", "-q"}, {"--json=true"}, {"--"}, {"-"}, {""},
            {"@args"}, {"-i", "@file", "-q"}, {"-o", ""}, {"--id=", "-q"}, {"--output="},
    };

    @BeforeAll
    static void createObjects() {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
        int queue = Kernel.createQueue(0x1234, 0640);
        Kernel.send(queue, 1, "hello");
        Kernel.createSegment(0x5555, 4096, 0600);
        Kernel.createSemaphores(0x77, 3, 0644);
    }

    @AfterAll
    static void removeObjects() {
        if (Isolation.inPrivateIpcNamespace()) {
            Kernel.removeAll();
        }
    }

    @Test
    void plain_lines_print_and_exit_as_through_picocli() {
        for (String[] options : PLAIN) {
            assertNotNull(LsFastPath.parsePlain(line(options), 1), () -> "plain: " + Arrays.toString(options));
            // A root option before ls sends the same line through picocli.
            CommandResult plain = Ipc.run(line(options));
            CommandResult picocli = Ipc.run(line("--color=never", options));
            // --orphans says how long ago each object changed: the two runs may fall in different seconds
            assertEquals(withoutAges(picocli.toString()), withoutAges(plain.toString()), () -> Arrays.toString(options));
        }
    }

    @Test
    void lines_with_anything_else_are_left_to_picocli() {
        for (String[] options : PICOCLI) {
            assertNull(LsFastPath.parsePlain(line(options), 1), () -> "left to picocli: " + Arrays.toString(options));
        }
        CommandResult unknown = Ipc.run("ls", "-qx");
        assertEquals(1, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().startsWith("ipc: Unknown option: '-x'"), unknown::toString);
    }

    private static String withoutAges(String output) {
        return output.replaceAll("last change ([0-9]+ (second|minute)s?|just now)( ago)?", "last change (age)");
    }

    private static String[] line(String... options) {
        return line(null, options);
    }

    private static String[] line(String before, String... options) {
        List<String> line = new ArrayList<>();
        if (before != null) {
            line.add(before);
        }
        line.add("ls");
        line.addAll(Arrays.asList(options));
        return line.toArray(new String[0]);
    }
}
