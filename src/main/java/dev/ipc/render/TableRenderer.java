// Prints tables as text: aligned columns (the default), --raw or --export, with or without headings.
package dev.ipc.render;

import java.util.List;

public final class TableRenderer {
    public enum Mode { TABLE, RAW, EXPORT }

    private static final String YELLOW = "\u001b[33m";
    private static final String BOLD_RED = "\u001b[1;31m";
    private static final String RESET = "\u001b[0m";

    private final Mode mode;
    private final boolean headings;
    private final boolean colour;

    public TableRenderer(Mode mode, boolean headings) {
        this(mode, headings, false);
    }

    /** @param colour whether the aligned table shows rows of a {@link Table.Level} above normal in colour */
    public TableRenderer(Mode mode, boolean headings, boolean colour) {
        this.mode = mode;
        this.headings = headings;
        this.colour = colour && mode == Mode.TABLE;
    }

    /** Several tables are separated by a blank line. */
    public void render(TextBuffer out, List<Table> tables) {
        boolean first = true;
        for (Table table : tables) {
            if (!first && mode != Mode.EXPORT) {
                out.newline();
            }
            first = false;
            switch (mode) {
                case RAW -> raw(out, table);
                case EXPORT -> export(out, table);
                default -> aligned(out, table);
            }
        }
    }

    private void aligned(TextBuffer out, Table table) {
        List<Table.Column> columns = table.columns();
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headings ? columns.get(c).header().length() : 0;
        }
        for (Object[] row : table.rows()) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], ((String) row[c]).length());
            }
        }
        if (headings) {
            String[] header = new String[columns.size()];
            for (int c = 0; c < header.length; c++) {
                header[c] = columns.get(c).header();
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

    private static void alignedLine(TextBuffer out, List<Table.Column> columns, int[] widths, Object[] cells, String sgr) {
        if (sgr != null) {
            out.append(sgr);
        }
        int start = out.length();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                out.append(' ');
            }
            String cell = (String) cells[c];
            if (columns.get(c).rightAligned()) {
                out.right(cell, widths[c]);
            } else if (c == cells.length - 1) {
                out.append(cell); // no padding at the end of a line
            } else {
                out.left(cell, widths[c]);
            }
        }
        out.trimTrailingSpaces(start);
        if (sgr != null) {
            out.append(RESET);
        }
        out.newline();
    }

    private void raw(TextBuffer out, Table table) {
        if (headings) {
            line(out, table.columns().stream().map(Table.Column::header).toArray());
        }
        for (Object[] row : table.rows()) {
            rawLine(out, row);
        }
    }

    /** One row; a method of its own so that it is compiled after a few hundred rows, not interpreted. */
    private static void rawLine(TextBuffer out, Object[] row) {
        Object[] escaped = new Object[row.length];
        for (int c = 0; c < row.length; c++) {
            escaped[c] = escapeRaw((String) row[c]);
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

    private static void export(TextBuffer out, Table table) {
        List<Table.Column> columns = table.columns();
        for (Object[] row : table.rows()) {
            exportLine(out, columns, row);
        }
    }

    private static void exportLine(TextBuffer out, List<Table.Column> columns, Object[] row) {
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                out.append(' ');
            }
            out.append(columns.get(c).exportName()).append("=\"").append(escapeExport((String) row[c])).append('"');
        }
        out.newline();
    }

    /** Safe inside double quotes for sh's eval: \, ", $ and ` are escaped. */
    static String escapeExport(String cell) {
        StringBuilder s = null;
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch == '\\' || ch == '"' || ch == '$' || ch == '`') {
                if (s == null) {
                    s = new StringBuilder(cell.length() + 8).append(cell, 0, i);
                }
                s.append('\\');
            }
            if (s != null) {
                s.append(ch);
            }
        }
        return s == null ? cell : s.toString();
    }
}
