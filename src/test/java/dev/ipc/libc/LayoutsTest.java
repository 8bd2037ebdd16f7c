// Every struct offset and size ipc uses, checked against the C headers of this machine.
package dev.ipc.libc;

import dev.ipc.support.CPrograms;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayoutsTest {
    @Test
    void every_layout_constant_matches_the_c_headers() throws ReflectiveOperationException {
        CommandResult probe = Processes.run(List.of(CPrograms.build("layouts").toString()));
        assertEquals(0, probe.exitCode(), probe::toString);
        Set<String> checked = new HashSet<>();
        for (String line : probe.out().split("\n")) {
            String[] parts = line.split(" ");
            Field field = Layouts.class.getField(parts[0]);
            assertEquals(Integer.parseInt(parts[1]), field.getInt(null), parts[0]);
            checked.add(parts[0]);
        }
        for (Field field : Layouts.class.getFields()) {
            assertTrue(checked.contains(field.getName()), "no C check for Layouts." + field.getName());
        }
    }
}
