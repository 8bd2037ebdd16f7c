// A named table of rows: the data of a structured listing, ready for any of the output modes.
package dev.ipc.render;

import java.util.ArrayList;
import java.util.List;

/**
 * For the text modes every cell is a String; for JSON, cells are String, Long, BigInteger (unsigned 64-bit
 * values above Long.MAX_VALUE), Double or null. The producer fills it for the mode it will be printed in.
 */
public final class Table {
    /**
     * @param header       the heading, and the name in -o lists
     * @param exportName   the variable name for --export (a shell identifier)
     * @param jsonKey      the member name in --json output
     * @param rightAligned numbers line up on the right in the text table
     */
    public record Column(String header, String exportName, String jsonKey, boolean rightAligned) {
    }

    private final String name;
    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public Table(String name, List<Column> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
    }

    public void add(Object[] row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException("row of " + row.length + " cells in a table of " + columns.size());
        }
        rows.add(row);
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
