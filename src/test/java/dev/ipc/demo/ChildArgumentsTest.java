// A demo child's record goes onto a command line and comes back the same, every component type it may have.
package dev.ipc.demo;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChildArgumentsTest {
    enum Side { LEFT, RIGHT }

    record Everything(int id, long count, double ratio, boolean trace, String objects, Path dir, Side side)
            implements DemoChild {
        @Override
        public int run(PrintWriter out, Map<String, String> environment) {
            return 0;
        }
    }

    record NotAChild(int id) {
    }

    @Test
    void a_record_comes_back_equal_to_itself() throws ReflectiveOperationException {
        Everything child = new Everything(-3, Long.MAX_VALUE, 0.25, true, "SEMAPHORE_SET:3,SEGMENT:5",
                Path.of("/tmp/a b"), Side.RIGHT);
        List<String> args = ChildArguments.of(child);
        assertEquals(List.of(Everything.class.getName(), "-3", Long.toString(Long.MAX_VALUE), "0.25", "true",
                "SEMAPHORE_SET:3,SEGMENT:5", "/tmp/a b", "RIGHT"), args);
        assertEquals(child, ChildArguments.parse(args.toArray(String[]::new)));
    }

    @Test
    void an_empty_text_survives_and_null_is_refused() throws ReflectiveOperationException {
        Everything empty = new Everything(0, 0, 0, false, "", Path.of("."), Side.LEFT);
        assertEquals(empty, ChildArguments.parse(ChildArguments.of(empty).toArray(String[]::new)));
        assertThrows(IllegalArgumentException.class,
                () -> ChildArguments.of(new Everything(0, 0, 0, false, null, Path.of("."), Side.LEFT)));
    }

    @Test
    void only_a_demo_child_with_all_its_components_is_made() {
        assertThrows(IllegalArgumentException.class, () -> ChildArguments.parse(NotAChild.class.getName(), "1"));
        assertThrows(IllegalArgumentException.class, () -> ChildArguments.parse(Everything.class.getName(), "1"));
    }
}
