// Prints tables as text: aligned columns (the default), --raw, --export or --newline, with or without headings.
package dev.ipc.render;

import java.nio.charset.StandardCharsets;
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
    /** Non-ASCII text is written as \xNN of its UTF-8 bytes unless the locale's charset is UTF-8, as lsipc does. */
    private final boolean asciiOnly;

    /** What {@link #escape} escapes, besides control characters. */
    private static final int BLANKS = 1;
    private static final int SHELL = 2;
    private static final int NON_ASCII = 4;

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
        this.asciiOnly = lsipcLayout && !"UTF-8".equalsIgnoreCase(System.getProperty("native.encoding",
                System.getProperty("sun.jnu.encoding", "UTF-8")));
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
                widths[c] = Math.max(widths[c], shown(row[c]).length());
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

    /** A cell of the aligned table: in lsipc's layout, control characters (and non-ASCII ones, see above) escaped. */
    private String shown(Object cell) {
        return lsipcLayout ? escape(text(cell), asciiOnly ? NON_ASCII : 0) : text(cell);
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
            String cell = shown(cells[c]);
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
    private void rawLine(TextBuffer out, Object[] row) {
        Object[] escaped = new Object[row.length];
        for (int c = 0; c < row.length; c++) {
            escaped[c] = escape(text(row[c]), BLANKS | (asciiOnly ? NON_ASCII : 0));
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
        return escape(cell, BLANKS);
    }

    private void export(TextBuffer out, Table table) {
        List<Table.Column> columns = table.columns();
        String[] names = new String[columns.size()];
        for (int c = 0; c < names.length; c++) {
            names[c] = exportName(columns.get(c));
        }
        char separator = mode == Mode.NEWLINE ? '\n' : ' ';
        int escapes = SHELL | (asciiOnly ? NON_ASCII : 0);
        for (Object[] row : table.rows()) {
            exportLine(out, names, row, separator, escapes);
        }
    }

    private static void exportLine(TextBuffer out, String[] names, Object[] row, char separator, int escapes) {
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                out.append(separator);
            }
            out.append(names[c]).append("=\"").append(escape(text(row[c]), escapes)).append('"');
        }
        out.newline();
    }

    /** As libsmartcols writes export cells: \, ", $, ` and controls become \xNN; eval in double quotes expands none. */
    static String escapeExport(String cell) {
        return escape(cell, SHELL);
    }

    /**
     * Control characters, and what the flags name, as \xNN (a non-ASCII character as each of its UTF-8 bytes);
     * the cell itself when nothing needs it.
     */
    private static String escape(String cell, int what) {
        StringBuilder s = null;
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            boolean escape = ch < ' ' || ch == 0x7f
                    || ((what & BLANKS) != 0 && (ch == ' ' || ch == '\\'))
                    || ((what & SHELL) != 0 && (ch == '\\' || ch == '"' || ch == '$' || ch == '`'))
                    || ((what & NON_ASCII) != 0 && ch > 0x7f);
            if (escape && s == null) {
                s = new StringBuilder(cell.length() + 8).append(cell, 0, i);
            }
            if (!escape) {
                if (s != null) {
                    s.append(ch);
                }
            } else if (ch <= 0x7f) {
                hex(s, ch);
            } else {
                int end = Character.isHighSurrogate(ch) && i + 1 < cell.length() ? i + 2 : i + 1;
                for (byte b : cell.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    hex(s, b & 0xff);
                }
                i = end - 1;
            }
        }
        return s == null ? cell : s.toString();
    }

    private static void hex(StringBuilder s, int b) {
        s.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
    }
}
