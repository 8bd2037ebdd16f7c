// Prints tables as text: aligned columns (the default), --raw, --export or --newline, with or without headings.
package dev.ipc.render;

import java.util.List;

/**
 * A cell may be null (no value): printed as an empty one. In lsipc's layout (libsmartcols' own, as lsipc 2.38
 * prints through it) a column is as wide as its heading even without headings, nothing after the last column is
 * trimmed, and the last column is padded only when it is right-aligned and has a value.
 */
public final class TableRenderer {
    /** NEWLINE is EXPORT with each pair on a line of its own (lsipc --newline). */
    public enum Mode { TABLE, RAW, EXPORT, NEWLINE }

    private static final String YELLOW = "\u001b[33m";
    private static final String BOLD_RED = "\u001b[1;31m";
    private static final String RESET = "\u001b[0m";

    private final Mode mode;
    private final boolean headings;
    private final boolean colour;
    private final boolean lsipcLayout;
    private final boolean shellNames;

    public TableRenderer(Mode mode, boolean headings) {
        this(mode, headings, false);
    }

    /** @param colour whether the aligned table shows rows of a {@link Table.Level} above normal in colour */
    public TableRenderer(Mode mode, boolean headings, boolean colour) {
        this(mode, headings, colour, false, false);
    }

    private TableRenderer(Mode mode, boolean headings, boolean colour, boolean lsipcLayout, boolean shellNames) {
        this.mode = mode;
        this.headings = headings;
        this.colour = colour && mode == Mode.TABLE;
        this.lsipcLayout = lsipcLayout;
        this.shellNames = shellNames;
    }

    /**
     * In lsipc's layout, byte for byte.
     *
     * @param shellNames headings and export names as shell variables (lsipc --shell); widths keep the headings'
     */
    public static TableRenderer lsipc(Mode mode, boolean headings, boolean colour, boolean shellNames) {
        return new TableRenderer(mode, headings, colour, true, shellNames);
    }

    /** Whether the table has no rows: lsipc then prints nothing, not even its headings. */
    private boolean skipped(Table table) {
        return lsipcLayout && table.rows().isEmpty();
    }

    private String heading(Table.Column column) {
        return shellNames ? column.exportName() : column.header();
    }

    private String exportName(Table.Column column) {
        return shellNames || !lsipcLayout ? column.exportName() : column.header();
    }

    /** Several tables are separated by a blank line. */
    public void render(TextBuffer out, List<Table> tables) {
        boolean first = true;
        for (Table table : tables) {
            if (skipped(table)) {
                continue;
            }
            if (!first && mode != Mode.EXPORT && mode != Mode.NEWLINE) {
                out.newline();
            }
            first = false;
            switch (mode) {
                case RAW -> raw(out, table);
                case EXPORT, NEWLINE -> export(out, table);
                default -> aligned(out, table);
            }
        }
    }

    private void aligned(TextBuffer out, Table table) {
        List<Table.Column> columns = table.columns();
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headings || lsipcLayout ? columns.get(c).header().length() : 0;
        }
        for (Object[] row : table.rows()) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], text(row[c]).length());
            }
        }
        if (headings) {
            String[] header = new String[columns.size()];
            for (int c = 0; c < header.length; c++) {
                header[c] = heading(columns.get(c));
            }
            alignedLine(out, columns, widths, header, null);
        }
        List<Object[]> rows = table.rows();
        for (int r = 0; r < rows.size(); r++) {
            String sgr = !colour ? null : switch (table.level(r)) {
                case WARNING -> YELLOW;
                case ALERT -> BOLD_RED;
                default -> null;
            };
            alignedLine(out, columns, widths, rows.get(r), sgr);
        }
    }

    private static String text(Object cell) {
        return cell == null ? "" : (String) cell;
    }

    private void alignedLine(TextBuffer out, List<Table.Column> columns, int[] widths, Object[] cells, String sgr) {
        if (sgr != null) {
            out.append(sgr);
        }
        int start = out.length();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                out.append(' ');
            }
            String cell = text(cells[c]);
            boolean last = c == cells.length - 1;
            if (columns.get(c).rightAligned() && !(last && cell.isEmpty())) {
                out.right(cell, widths[c]);
            } else if (last) {
                out.append(cell); // no padding at the end of a line
            } else {
                out.left(cell, widths[c]);
            }
        }
        if (!lsipcLayout) {
            out.trimTrailingSpaces(start);
        }
        if (sgr != null) {
            out.append(RESET);
        }
        out.newline();
    }

    private void raw(TextBuffer out, Table table) {
        if (headings) {
            Object[] names = new Object[table.columns().size()];
            for (int c = 0; c < names.length; c++) {
                names[c] = heading(table.columns().get(c));
            }
            line(out, names);
        }
        for (Object[] row : table.rows()) {
            rawLine(out, row);
        }
    }

    /** One row; a method of its own so that it is compiled after a few hundred rows, not interpreted. */
    private static void rawLine(TextBuffer out, Object[] row) {
        Object[] escaped = new Object[row.length];
        for (int c = 0; c < row.length; c++) {
            escaped[c] = escapeRaw(text(row[c]));
        }
        line(out, escaped);
    }

    private static void line(TextBuffer out, Object[] cells) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                out.append(' ');
            }
            out.append((String) cells[c]);
        }
        out.newline();
    }

    /** As libsmartcols' raw mode: blanks, backslashes and control characters become \xNN. */
    static String escapeRaw(String cell) {
        StringBuilder s = null;
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch <= ' ' || ch == '\\' || ch == 0x7f) {
                if (s == null) {
                    s = new StringBuilder(cell.length() + 8).append(cell, 0, i);
                }
                s.append("\\x").append(Character.forDigit(ch >> 4, 16)).append(Character.forDigit(ch & 0xf, 16));
            } else if (s != null) {
                s.append(ch);
            }
        }
        return s == null ? cell : s.toString();
    }

    private void export(TextBuffer out, Table table) {
        List<Table.Column> columns = table.columns();
        String[] names = new String[columns.size()];
        for (int c = 0; c < names.length; c++) {
            names[c] = exportName(columns.get(c));
        }
        char separator = mode == Mode.NEWLINE ? '\n' : ' ';
        for (Object[] row : table.rows()) {
            exportLine(out, names, row, separator);
        }
    }

    private static void exportLine(TextBuffer out, String[] names, Object[] row, char separator) {
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                out.append(separator);
            }
            out.append(names[c]).append("=\"").append(escapeExport(text(row[c]))).append('"');
        }
        out.newline();
    }

    /** As libsmartcols writes export cells: \, ", $, ` and controls become \xNN; eval in double quotes expands none. */
    static String escapeExport(String cell) {
        StringBuilder s = null;
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            boolean escape = ch == '\\' || ch == '"' || ch == '$' || ch == '`' || ch < ' ' || ch == 0x7f;
            if (escape && s == null) {
                s = new StringBuilder(cell.length() + 8).append(cell, 0, i);
            }
            if (escape) {
                s.append("\\x").append(Character.forDigit(ch >> 4, 16)).append(Character.forDigit(ch & 0xf, 16));
            } else if (s != null) {
                s.append(ch);
            }
        }
        return s == null ? cell : s.toString();
    }
}
