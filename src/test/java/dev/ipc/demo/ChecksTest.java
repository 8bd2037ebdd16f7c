// The one check API of the demos: what is counted as failed, the lines shown, and the exit status of the verdict.
package dev.ipc.demo;

import dev.ipc.cli.IpcException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChecksTest {
    @Test
    void every_check_passed_is_exit_status_0() {
        Checks checks = new Checks();
        assertEquals("ok: read returns 0 at end of file",
                checks.check(true, "read returns 0 at end of file", "read returned 0").storyLine());
        assertTrue(checks.passed());
        assertEquals(List.of("  ok    read returns 0 at end of file"), checks.summaryLines());
        assertEquals(0, checks.verdict("demo: ", broken -> "unused"));
    }

    @Test
    void a_broken_rule_is_counted_shown_and_exit_status_1() {
        Checks checks = new Checks();
        checks.check(true, "first", "seen");
        Checks.Check broken = checks.check(false, "second", "what was seen");
        assertEquals("NOT AS DOCUMENTED: second (what was seen)", broken.storyLine());
        assertEquals(List.of("  ok    first", "  FAIL  second"), checks.summaryLines());
        assertEquals(1, checks.failed());
        assertFalse(checks.passed());
        IpcException e = assertThrows(IpcException.class,
                () -> checks.verdict("demo: ", list -> list.size() + " broken: " + list.get(0).rule()));
        assertEquals(1, e.exitCode());
        assertEquals("demo: 1 broken: second", e.getMessage());
    }

    @Test
    void a_failure_that_is_not_the_kernels_counts_too_and_is_named_first() {
        Checks checks = new Checks();
        checks.check(false, "a rule", "seen");
        checks.fail("child 123 exited with status 3");
        assertEquals(2, checks.failed());
        assertEquals(List.of("  FAIL  a rule", "  FAIL  child 123 exited with status 3"), checks.summaryLines());
        IpcException e = assertThrows(IpcException.class, () -> checks.verdict("", list -> "unused"));
        assertEquals(1, e.exitCode());
        assertEquals("child 123 exited with status 3", e.getMessage());
    }
}
