// A frame as lines of text: the header (time, namespace, limits' use, counts), then a section per kind shown,
// fitted to the screen's height with "+N more" for the rows left out, or whole when there is no screen.
package dev.ipc.top;

import dev.ipc.model.IpcUsage;
import dev.ipc.model.LimitRow;
import dev.ipc.render.HumanSize;
import dev.ipc.state.IpcSnapshot;
import dev.ipc.state.UserDirectory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

final class FrameText {
    /** How a line is drawn where colour is allowed; plain text ignores it. */
    enum Style { NORMAL, TITLE, HEADING, CHANGED, WARNING, FOOTER }

    record Line(String text, Style style) {
    }

    /** No screen: every row, no footer. */
    static final int WHOLE = -1;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final String KEYS = "q quit  < > sort  r reverse  1-6 one kind  k next kind  a all kinds";

    private final UserDirectory users;
    private final ZoneId zone;
    private final String namespace;
    private final String interval;

    /** @param namespace the IPC namespace as the header names it; interval as the header says it */
    FrameText(UserDirectory users, ZoneId zone, String namespace, String interval) {
        this.users = users;
        this.zone = zone;
        this.namespace = namespace;
        this.interval = interval;
    }

    /**
     * @param width  columns a line may take (longer ones are cut)
     * @param height lines the frame may take, with the key help on the last; {@link #WHOLE} for plain text
     */
    List<Line> render(Frame frame, View view, int width, int height) {
        List<Line> lines = new ArrayList<>();
        header(frame, view, width, lines);
        boolean screen = height != WHOLE;
        Map<Kind, List<Row>> shown = new EnumMap<>(Kind.class);
        for (Kind kind : view.kinds()) {
            shown.put(kind, view.sorted(frame.rows(kind), users));
        }
        Map<Kind, Integer> room = screen ? share(shown, height - lines.size() - 1) : null;
        Cells cells = new Cells(users, frame.epochMillis() / 1000, frame.first(), frame.users());
        for (Map.Entry<Kind, List<Row>> section : shown.entrySet()) {
            section(section.getKey(), section.getValue(), room == null ? Integer.MAX_VALUE : room.get(section.getKey()),
                    cells, frame.first(), width, lines);
        }
        if (screen) {
            while (lines.size() < height - 1) {
                lines.add(new Line("", Style.NORMAL));
            }
            while (lines.size() > height - 1 && lines.size() > 0) {
                lines.remove(lines.size() - 1);
            }
            lines.add(new Line(cut(KEYS + "  (sorted by " + view.sort().label() + ")", width), Style.FOOTER));
        }
        return lines;
    }

    private void header(Frame frame, View view, int width, List<Line> lines) {
        IpcSnapshot snapshot = frame.snapshot();
        String time = CLOCK.format(Instant.ofEpochMilli(frame.epochMillis()).atZone(zone));
        lines.add(new Line(cut("ipc top  " + time + "  namespace " + namespace + "  every " + interval
                + "  sort " + view.sort().label() + (view.reversed() ? " (reversed)" : ""), width), Style.TITLE));
        List<String> limits = new ArrayList<>();
        for (LimitRow row : snapshot.limitRows()) {
            if (row.used().isPresent()) {
                limits.add(row.resource() + " " + row.used().getAsLong() + "/" + Long.toUnsignedString(row.limit())
                        + (row.percentUsed().isPresent()
                        ? String.format(Locale.ROOT, " %.2f%%", row.percentUsed().getAsDouble()) : ""));
            }
        }
        wrap("Limits: ", limits, width, lines);
        IpcUsage usage = snapshot.usage();
        wrap("Objects: ", List.of(
                "msg " + usage.queues() + " (" + usage.queuedMessages() + " messages, "
                        + HumanSize.format(usage.queuedBytes()) + ")",
                "shm " + usage.segments() + " (" + usage.pagesAllocated() + " pages, " + usage.pagesResident()
                        + " resident)",
                "sem " + usage.semaphoreSets() + " (" + usage.semaphores() + " semaphores)",
                "pmsg " + snapshot.posixQueues().size(),
                "pshm " + snapshot.posixSharedMemory().size(),
                "psem " + snapshot.posixSemaphores().size()), width, lines);
        for (String problem : snapshot.unreadable()) {
            lines.add(new Line(cut(problem, width), Style.WARNING));
        }
    }

    /** Items after the label, two blanks apart, on as many lines as the width needs. */
    private static void wrap(String label, List<String> items, int width, List<Line> lines) {
        StringBuilder line = new StringBuilder(label);
        int empty = label.length();
        for (String item : items) {
            if (line.length() > empty && line.length() + 2 + item.length() > width) {
                lines.add(new Line(line.toString(), Style.NORMAL));
                line.setLength(0);
                line.append(" ".repeat(empty));
            }
            line.append(line.length() > empty ? "  " : "").append(item);
        }
        lines.add(new Line(cut(line.toString(), width), Style.NORMAL));
    }

    /**
     * How many lines each section's rows get: every section its title and heading first, then the rows shared
     * out evenly, a section that needs less than its share leaving the rest to the others.
     */
    static Map<Kind, Integer> share(Map<Kind, List<Row>> sections, int available) {
        Map<Kind, Integer> room = new EnumMap<>(Kind.class);
        int left = available;
        List<Kind> waiting = new ArrayList<>();
        for (Map.Entry<Kind, List<Row>> section : sections.entrySet()) {
            left -= 2; // blank line and title
            room.put(section.getKey(), 0);
            if (!section.getValue().isEmpty()) {
                left -= 1; // heading
                waiting.add(section.getKey());
            }
        }
        while (left > 0 && !waiting.isEmpty()) {
            int fair = Math.max(1, left / waiting.size());
            boolean settled = false;
            for (Kind kind : new ArrayList<>(waiting)) {
                int need = sections.get(kind).size();
                if (need <= fair) {
                    room.put(kind, need);
                    left -= need;
                    waiting.remove(kind);
                    settled = true;
                }
            }
            if (!settled) {
                for (Kind kind : waiting) {
                    int give = Math.min(fair, left);
                    room.put(kind, give);
                    left -= give;
                }
                for (int i = 0; left > 0 && i < waiting.size(); i++) {
                    room.merge(waiting.get(i), 1, Integer::sum);
                    left--;
                }
                waiting.clear();
            }
        }
        return room;
    }

    private static void section(Kind kind, List<Row> rows, int room, Cells cells, boolean first, int width,
                                List<Line> lines) {
        lines.add(new Line("", Style.NORMAL));
        int shown = Math.min(rows.size(), room);
        int more = rows.size() - shown;
        lines.add(new Line(cut(kind.title() + ": " + rows.size() + (more > 0 ? "  (+" + more + " more)" : ""), width),
                Style.TITLE));
        if (shown == 0) {
            return;
        }
        List<Kind.Column> columns = kind.columns();
        List<List<String>> table = new ArrayList<>(shown);
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).heading().length();
        }
        for (int r = 0; r < shown; r++) {
            List<String> cellsOfRow = cells.of(rows.get(r));
            table.add(cellsOfRow);
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], cellsOfRow.get(c).length());
            }
        }
        List<String> headings = new ArrayList<>();
        for (Kind.Column column : columns) {
            headings.add(column.heading());
        }
        lines.add(new Line(cut(layout(headings, columns, widths), width), Style.HEADING));
        for (int r = 0; r < shown; r++) {
            Style style = !first && rows.get(r).changed() ? Style.CHANGED : Style.NORMAL;
            lines.add(new Line(cut(layout(table.get(r), columns, widths), width), style));
        }
    }

    private static String layout(List<String> cells, List<Kind.Column> columns, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            boolean last = c == cells.size() - 1;
            int pad = widths[c] - cell.length();
            if (c > 0) {
                line.append(' ');
            }
            if (columns.get(c).right()) {
                line.append(" ".repeat(pad)).append(cell);
            } else {
                line.append(cell);
                if (!last) {
                    line.append(" ".repeat(pad));
                }
            }
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end);
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width));
    }
}
