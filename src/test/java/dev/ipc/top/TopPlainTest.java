// ipc top without a terminal: plain text frames, the options that choose what they show, and refused values.
package dev.ipc.top;

import dev.ipc.cli.SelfCommand;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.state.IpcSnapshot;
import dev.ipc.state.UserDirectory;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Holders;
import dev.ipc.support.Kernel;
import dev.ipc.support.TestObjects;
import dev.ipc.libc.FileConstants;
import dev.ipc.libc.PosixIpc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TopPlainTest {
    @RegisterExtension
    final TestObjects objects = new TestObjects("top");
    @RegisterExtension
    final Holders holders = new Holders();

    private static CommandResult top(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "top";
        System.arraycopy(args, 0, line, 1, args.length);
        return Ipc.run(line);
    }

    @Test
    void once_prints_every_kind_as_plain_text_without_escape_codes() {
        int queue = Kernel.createQueue(0x7201, 0600);
        Kernel.send(queue, 1, "abc");
        int segment = Kernel.createSegment(0x7202, 8192, 0600);
        int set = Kernel.createSemaphores(0x7203, 3, 0600);
        Kernel.setValue(set, 1, 7);
        String queueName = objects.posixName();
        PosixIpc.openMessageQueue(queueName, FileConstants.O_CREAT | FileConstants.O_EXCL, 0600, 4, 64);

        CommandResult r = top("--once", "--color=always");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err());
        assertFalse(r.out().contains("\u001b"), "no escape codes, even with --color=always:\n" + r.out());
        assertTrue(r.out().startsWith("ipc top "), r.out());
        assertTrue(r.out().contains("MSGMNI 1/"), "limits' use as ls -g:\n" + r.out());
        assertTrue(r.out().matches("(?s).*\n" + queue + " +0x00007201 +root +rw------- +1 +3B .*"), r.out());
        assertTrue(r.out().matches("(?s).*\n" + segment + " +0x00007202 +root +rw------- +8K +0 .*"), r.out());
        assertTrue(r.out().matches("(?s).*\n" + set + " +0x00007203 +root +rw------- +3 +0 +0 +- +0 7 0\n.*"),
                "values from GETALL:\n" + r.out());
        assertTrue(r.out().matches("(?s).*\n" + queueName + " +root +rw------- +0 +0B .* 4 +64\n.*"), r.out());
        for (Kind kind : Kind.values()) {
            assertTrue(r.out().contains("\n" + kind.title() + ": "), kind + ":\n" + r.out());
        }
    }

    @Test
    void once_shows_the_pid_of_a_process_attached_to_a_segment() {
        int segment = Kernel.createSegment(0x7204, 4096, 0600);
        Process child = holders.hold("attach2", Integer.toString(segment));

        CommandResult r = top("--once", "--kind", "shm");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains(" PIDS "), r.out());
        assertTrue(r.out().matches("(?s).*\n" + segment + " +0x00007204 +root +rw------- +4K +2 .* "
                + child.pid() + " *\n.*"), "the holder's pid in PIDS:\n" + r.out());
    }

    @Test
    void kind_shows_only_the_kinds_named() {
        Kernel.createQueue(0x7211, 0600);
        Kernel.createSegment(0x7212, 4096, 0600);
        CommandResult r = top("--once", "--kind", "shm,psem");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Shared memory segments: 1"), r.out());
        assertTrue(r.out().contains("POSIX semaphores: 0"), r.out());
        assertFalse(r.out().contains("Message queues"), r.out());
        assertFalse(r.out().contains("0x00007211"), r.out());
    }

    @Test
    void sort_by_use_lists_the_fullest_queue_first() {
        int few = Kernel.createQueue(0x7221, 0600);
        int many = Kernel.createQueue(0x7222, 0600);
        Kernel.send(few, 1, "a");
        for (int i = 0; i < 3; i++) {
            Kernel.send(many, 1, "b");
        }
        String byUse = top("--once", "--kind", "msg", "--sort", "use").out();
        assertTrue(byUse.indexOf("0x00007222") < byUse.indexOf("0x00007221"), byUse);
        String reversed = top("--once", "--kind", "msg", "--sort", "use", "--reverse").out();
        assertTrue(reversed.indexOf("0x00007221") < reversed.indexOf("0x00007222"), reversed);
    }

    @Test
    void refused_values_are_one_line_naming_the_value_and_exit_2() {
        for (List<String> line : List.of(List.of("--interval", "0"), List.of("--interval", "soon"),
                List.of("--kind", "msg,pipes"), List.of("--sort", "colour"))) {
            CommandResult r = top(line.toArray(new String[0]));
            assertEquals(2, r.exitCode(), r::toString);
            assertEquals("", r.out());
            assertEquals(1, r.err().lines().count(), r::toString);
            assertTrue(r.err().contains("'" + line.get(1).replace("msg,", "") + "'"), r::toString);
        }
    }

    @Test
    void rows_that_do_not_fit_the_height_are_counted() {
        for (int i = 0; i < 40; i++) {
            Kernel.createQueue(0x7300 + i, 0600);
        }
        SystemPaths paths = SystemPaths.fromSystemProperties();
        FrameText text = new FrameText(new UserDirectory(paths.passwd(), paths.group()), ZoneOffset.UTC, "ns", "1s");
        Frame frame = new Frame(IpcSnapshot.read(paths), System.nanoTime(), System.currentTimeMillis(), null);
        List<FrameText.Line> lines = text.render(frame, new View(SortKey.ID, false, EnumSet.of(Kind.QUEUES)), 80, 20);

        assertEquals(20, lines.size());
        long rows = lines.stream().filter(l -> l.text().matches("[0-9]+ +0x.*")).count();
        String title = lines.stream().map(FrameText.Line::text).filter(t -> t.startsWith("Message queues"))
                .findFirst().orElseThrow();
        assertEquals("Message queues: 40  (+" + (40 - rows) + " more)", title);
        assertTrue(lines.get(19).text().startsWith("q quit"), lines.get(19).text());
        assertTrue(lines.get(18).text().matches("[0-9]+ +0x.*"), "rows fill the screen: " + lines.get(18).text());
    }

    @Test
    void not_a_terminal_with_interval_prints_a_frame_per_interval() throws IOException {
        int queue = Kernel.createQueue(0x7231, 0600);
        // not IpcProcess, whose own thread reads standard output to its end
        Process top = new ProcessBuilder(SelfCommand.of("top", "--interval", "300ms", "--kind", "msg"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            InputStream out = top.getInputStream();
            String first = frames(out, 1);
            Kernel.send(queue, 1, "12345");
            String later = frames(out, 3);
            assertFalse((first + later).contains("\u001b"), first + later);
            assertTrue(first.matches("(?s).*\n" + queue + " +0x00007231 .* 0 +0B +- +- .*"), "no rate yet:\n" + first);
            assertTrue(later.matches("(?s).*\n" + queue + " +0x00007231 .* 1 +5B +\\+[0-9.]+ +\\+[0-9.]+B .*"),
                    "a frame with the message and its rate:\n" + later);
        } finally {
            top.destroyForcibly();
        }
    }

    /** Reads until n more frames are whole: each is followed by the start of the next ("ipc top " after a blank line). */
    private static String frames(InputStream in, int n) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        String text = "";
        while (text.split("\nipc top ", -1).length - 1 < n) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            read.write(b);
            text = b == ' ' ? read.toString(StandardCharsets.UTF_8) : text;
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
