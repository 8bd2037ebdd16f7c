// Completion candidates for an option whose value is a comma-separated list of them (ls -o KEY,ID,+CTIME).
package dev.ipc.cli;

import java.util.Iterator;
import java.util.List;

/**
 * Set as an option's completionCandidates, it tells the completion generators (dev.ipc.docs) to complete each
 * item of the list after the last comma, not the whole value. picocli itself sees only the candidates.
 */
public final class CommaList implements Iterable<String> {
    private final List<String> values;

    public CommaList(List<String> values) {
        this.values = List.copyOf(values);
    }

    @Override
    public Iterator<String> iterator() {
        return values.iterator();
    }
}
