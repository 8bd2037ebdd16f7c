// What the person watching chose: the sort key and its direction, and which kinds are shown. Keys change it.
package dev.ipc.top;

import dev.ipc.state.UserDirectory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

final class View {
    /** What a key asks for. */
    enum Action { NOTHING, REDRAW, QUIT }

    private static final int CTRL_C = 3;
    private static final int CTRL_L = 12;

    private SortKey sort;
    private boolean reversed;
    private final Set<Kind> kinds;
    /** The kinds given on the command line, for the key that shows them again. */
    private final Set<Kind> chosen;

    View(SortKey sort, boolean reversed, Set<Kind> kinds) {
        this.sort = sort;
        this.reversed = reversed;
        this.kinds = EnumSet.copyOf(kinds);
        this.chosen = EnumSet.copyOf(kinds);
    }

    SortKey sort() {
        return sort;
    }

    boolean reversed() {
        return reversed;
    }

    /** The kinds shown, in the view's order. */
    Set<Kind> kinds() {
        return kinds;
    }

    /**
     * q or Ctrl-C: quit; &lt; and &gt;: sort by the previous or next key; r: reverse; 1 to 6: only that kind
     * (again: back to the kinds chosen at start); k: the next kind alone; a: every kind; Ctrl-L or space: redraw.
     */
    Action key(int key) {
        switch (key) {
            case 'q', 'Q', CTRL_C -> {
                return Action.QUIT;
            }
            case '<', ',' -> sort = SortKey.values()[(sort.ordinal() + SortKey.values().length - 1)
                    % SortKey.values().length];
            case '>', '.', 's' -> sort = SortKey.values()[(sort.ordinal() + 1) % SortKey.values().length];
            case 'r', 'R' -> reversed = !reversed;
            case 'a', 'A' -> kinds.addAll(EnumSet.allOf(Kind.class));
            case 'k', 'K' -> only(next());
            case ' ', CTRL_L -> {
                return Action.REDRAW;
            }
            default -> {
                if (key >= '1' && key <= '0' + Kind.values().length) {
                    Kind kind = Kind.values()[key - '1'];
                    if (kinds.size() == 1 && kinds.contains(kind)) {
                        kinds.clear();
                        kinds.addAll(chosen);
                    } else {
                        only(kind);
                    }
                } else {
                    return Action.NOTHING;
                }
            }
        }
        return Action.REDRAW;
    }

    /** The kind after the one shown alone, or the first when several are shown. */
    private Kind next() {
        if (kinds.size() != 1) {
            return Kind.values()[0];
        }
        Kind shown = kinds.iterator().next();
        return Kind.values()[(shown.ordinal() + 1) % Kind.values().length];
    }

    private void only(Kind kind) {
        kinds.clear();
        kinds.add(kind);
    }

    /** The rows of one kind in the order chosen; ties by id (name for POSIX objects). */
    List<Row> sorted(List<Row> rows, UserDirectory users) {
        Comparator<Row> byId = Comparator.comparingInt(Row::id).thenComparing(Row::name);
        Comparator<Row> order = switch (sort) {
            case ID -> byId;
            case OWNER -> Comparator.comparing((Row row) -> Cells.userName(users, row.uid())).thenComparing(byId);
            case SIZE -> Comparator.comparing(Row::size, Long::compareUnsigned).thenComparing(byId);
            case USE -> Comparator.comparingLong(Row::use).thenComparing(byId);
            case RATE -> Comparator.comparingDouble((Row row) -> Math.abs(row.rate().orElse(0)))
                    .thenComparingLong(Row::use).thenComparing(byId);
        };
        if (sort.largestFirst() != reversed) {
            order = order.reversed();
        }
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        return sorted;
    }
}
