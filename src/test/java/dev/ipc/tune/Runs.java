// Runs tune command lines in process for the tests of this package.
package dev.ipc.tune;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;

final class Runs {
    private Runs() {
    }

    /** Runs ipc and requires exit 0; the result says all when it fails. */
    static CommandResult ok(String... args) {
        CommandResult result = Ipc.run(args);
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }
}
