// A named table of rows: the data of a structured listing, ready for any of the output modes.
package dev.ipc.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Every cell is the String to print; JSON is written from the objects themselves (JsonRenderer).
 */
public final class Table {
    /**
     * @param header       the heading, and the name in -o lists
     * @param exportName   the variable name for --export (a shell identifier)
     * @param rightAligned numbers line up on the right in the text table
     */
    public record Column(String header, String exportName, boolean rightAligned) {
    }

    /** How much a row asks for a reader's attention; the aligned table in a terminal shows it in colour. */
    public enum Level {
        /** Nothing to point out. */
        NORMAL,
        /** Soon a problem: a limit nearly used up (yellow). */
        WARNING,
        /** A limit used up, an object on its way out (red). */
        ALERT;

        /** A limit 90% used is nearly reached; at 100% the next object of its kind cannot be made. */
        public static Level ofPercent(double percentUsed) {
            return percentUsed >= 100 ? ALERT : percentUsed >= 90 ? WARNING : NORMAL;
        }

        /** @param limit an unsigned 64-bit limit; 0 (creation disabled) is not measured against */
        public static Level ofUse(long used, long limit) {
            if (limit == 0) {
                return NORMAL;
            }
            double max = limit >= 0 ? limit : Math.scalb((double) (limit >>> 1), 1);
            return ofPercent(used * 100.0 / max);
        }
    }

    private final String name;
    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();

    public Table(String name, List<Column> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
    }

    public void add(Object[] row) {
        add(row, Level.NORMAL);
    }

    public void add(Object[] row, Level level) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException("row of " + row.length + " cells in a table of " + columns.size());
        }
        rows.add(row);
        levels.add(level);
    }

    /** The level of the row at this index. */
    public Level level(int row) {
        return levels.get(row);
    }

    /** The name of the table's array in JSON output. */
    public String name() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Object[]> rows() {
        return rows;
    }
}
