// A listing from /proc must not pay for native bindings (jffi is loaded only by commands that call libc), nor
// for picocli's parser or the time-zone database when it does not need them.
package dev.ipc.ls;

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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupCostTest {
    /** A zone with summer time, for the runs that read the default zone (the children's TZ is UTC otherwise). */
    private static final Map<String, String> BERLIN = Map.of("TZ", "Europe/Berlin");
    /** The JDK's time-zone data, as java.util.TimeZone reads it. */
    private static final String TIME_ZONE = " sun.util.calendar.ZoneInfoFile ";

    private int queue;

    @BeforeEach
    void oneQueue() {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
        queue = Kernel.createQueue(0x4242, 0600);
    }

    @AfterEach
    void removeObjects() {
        if (Isolation.inPrivateIpcNamespace()) {
            Kernel.removeAll();
        }
    }

    @Test
    void listings_from_proc_load_no_native_library() {
        for (String[] args : List.of(new String[] {"ls"}, new String[] {"ls", "--json"},
                new String[] {"ls", "-l"}, new String[] {"ls", "-u"}, new String[] {"ls", "-g"})) {
            CommandResult run = childWithClassLog(args);
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("dev.ipc.ls.LsCommand"), "the class log was read");
            assertFalse(run.out().contains(" com.kenai.jffi."), () -> String.join(" ", args) + " loaded jffi");
        }
        // and the test would see it: -i on a semaphore set needs semctl(GETVAL)
        int set = Kernel.createSemaphores(0x4343, 1, 0600);
        assertTrue(childWithClassLog("ls", "-s", "-i", Integer.toString(set)).out().contains(" com.kenai.jffi."));
    }

    @Test
    void plain_listings_set_up_no_picocli_parser_and_no_time_zones_until_a_time_is_printed() {
        for (String[] args : List.of(new String[] {"ls"}, new String[] {"ls", "-q", "--json"},
                new String[] {"ls", "-l"}, new String[] {"ls", "-g", "-e"})) {
            String classes = childWithClassLog(BERLIN, args).out();
            assertTrue(classes.contains("dev.ipc.ls.LsCommand"), "the class log was read");
            assertFalse(classes.contains("picocli.CommandLine$Interpreter"), () -> String.join(" ", args));
            assertFalse(classes.contains(TIME_ZONE), () -> String.join(" ", args));
        }
        // and the test would see both: help is picocli's, and -t prints times
        assertTrue(childWithClassLog(BERLIN, "ls", "--help").out().contains("picocli.CommandLine$Interpreter"));
        assertTrue(childWithClassLog(BERLIN, "ls", "-q", "-t").out().contains(TIME_ZONE));
    }

    @Test
    void times_in_the_default_zone_are_read_without_java_times_zone_rule_providers() {
        for (String[] args : List.of(new String[] {"ls", "-q", "-t"}, new String[] {"ls", "-q", "-t", "--json"},
                new String[] {"ls", "-q", "-i", Integer.toString(queue)})) {
            CommandResult run = childWithClassLog(BERLIN, args);
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains(TIME_ZONE), () -> String.join(" ", args) + " read no time zone");
            // the providers look for services in the jar before they read the same zone data
            assertFalse(run.out().contains("java.time.zone.ZoneRulesProvider "), () -> String.join(" ", args));
        }
        // TZ=UTC needs no zone data at all
        assertFalse(childWithClassLog(Map.of(), "ls", "-q", "-t").out().contains(TIME_ZONE));
    }

    private static CommandResult childWithClassLog(String... args) {
        return childWithClassLog(Map.of(), args);
    }

    private static CommandResult childWithClassLog(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(SelfCommand.of(args));
        command.add(1, "-Xlog:class+load=info:stdout");
        return Processes.run(command, environment, null);
    }
}
