// The check that tests leave the host's limits alone really reads the host's namespace, not the test's.
package dev.ipc.tune;

import dev.ipc.support.HostIpcNamespace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@ExtendWith(PrivateLimits.class)
class HostIpcNamespaceTest {
    @Test
    void reads_the_hosts_limits_not_this_namespaces() {
        HostIpcNamespace.Reading before = HostIpcNamespace.limits();
        Assumptions.assumeTrue(before.text() != null, before::whyNot);

        PrivateLimits.write(Map.of("sem", "1 2 3 4"));
        String after = HostIpcNamespace.limits().text();

        assertFalse(after.startsWith("1\t2\t3\t4\n"), after);
        assertEquals(before.text(), after);
    }
}
