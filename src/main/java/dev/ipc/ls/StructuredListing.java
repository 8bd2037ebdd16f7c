// ipc ls in lsipc's conventions: chosen columns, as an aligned table, --raw, --export or --json, for System V
// objects, POSIX objects and the limits table.
package dev.ipc.ls;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.Json;
import dev.ipc.cli.RunContext;
import dev.ipc.model.IpcLimits;
import dev.ipc.model.IpcUsage;
import dev.ipc.model.PosixObject;
import dev.ipc.model.LimitRow;
import dev.ipc.model.Semaphore;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVObject;
import dev.ipc.procfs.PosixIpcReader;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.render.CTime;
import dev.ipc.render.HumanSize;
import dev.ipc.render.JsonFields;
import dev.ipc.render.JsonRenderer;
import dev.ipc.render.Permissions;
import dev.ipc.render.Table;
import dev.ipc.render.TableRenderer;
import dev.ipc.render.TextBuffer;
import dev.ipc.render.TimeFormat;
import dev.ipc.state.LimitTable;
import dev.ipc.state.Orphans;
import dev.ipc.state.SystemVSource;
import dev.ipc.state.UserDirectory;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.PageSize;
import dev.ipc.libc.SystemVCalls;
import dev.ipc.util.Parallel;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

final class StructuredListing {
    private final StructuredRequest request;
    private final SystemPaths paths;
    private final SystemVSource source;
    private final ColumnValues cells;
    private final CTime zone;
    private LocalDateTime now; // read when the first time is formatted: the clock needs the time zone
    private final TimeFormat timeFormat;
    /** With --orphans: the one decision, shared by the listings' threads; else null. */
    private final Orphans orphans;
    private final RunContext context;
    /** Under ls -A: the caller said where POSIX files come from, once for every namespace. */
    private boolean posixFilesNoted;

    StructuredListing(StructuredRequest request, RunContext context) {
        this.request = request;
        this.context = context;
        this.zone = CTime.systemDefault(context.environment());
        this.paths = context.paths();
        this.source = new SystemVSource(paths, context.prefetch());
        this.cells = new ColumnValues(new UserDirectory(paths.passwd(), paths.group()));
        StructuredRequest.Look look = request.look();
        this.timeFormat = look.timeFormat() != null ? look.timeFormat()
                : look.details() ? TimeFormat.FULL : TimeFormat.SHORT;
        this.orphans = request.filter().orphans() ? new Orphans(paths) : null;
        // PROCS and REASON ask the same one scan of /proc as --orphans; made only when a cell needs it
        cells.orphans(orphans != null ? orphans : new Orphans(paths));
    }

    /** Checks the columns the request asks for, as {@link #print()} does before anything is read. */
    static void check(StructuredRequest request) {
        resolveColumns(request);
    }

    /** The columns of each listing, validated before anything is read. */
    private static List<List<Column>> resolveColumns(StructuredRequest request) {
        List<List<Column>> all = new ArrayList<>();
        for (Listing listing : request.selection().listings()) {
            all.add(columns(listing, request));
        }
        return all;
    }

    /** lsipc's columns, in lsipc's order: the defaults, then what -c, -t (and ipc's -p) add, then -o's. */
    private static List<Column> columns(Listing listing, StructuredRequest request) {
        LsOptions.ColumnChoice choice = request.columns();
        StructuredRequest.Filter filter = request.filter();
        List<Column> columns = new ArrayList<>();
        String spec = choice.list();
        boolean replace = spec != null && !spec.startsWith("+");
        if (!replace) {
            if (request.look().details() && !choice.creator() && !choice.time()) {
                for (Column column : Column.values()) { // one object: every column lsipc has for it
                    if (column.lsipc() && column.appliesTo(listing)) {
                        columns.add(column);
                    }
                }
            } else {
                defaultColumns(listing, request, columns);
            }
            // one object (-i) in JSON has its users, as ipc who finds them; --orphans says why each was chosen
            if (filter.id() != null && request.look().output() == LsOptions.Output.JSON
                    && Column.PROCS.appliesTo(listing)) {
                addAbsent(columns, List.of(Column.PROCS));
            }
            if (filter.orphans() && Column.REASON.appliesTo(listing)) {
                addAbsent(columns, List.of(Column.REASON));
            }
        }
        if (spec != null) {
            String list = replace ? spec : spec.substring(1);
            if (list.isEmpty()) {
                throw IpcException.usage("no columns in --output '" + spec + "'");
            }
            for (String name : list.split(",", -1)) {
                Column column = Column.byHeader(name.trim());
                if (column == null) {
                    throw IpcException.usage("unknown column: '" + name + "' (the columns are listed in 'ipc ls --help')");
                }
                if (!column.appliesTo(listing)) {
                    throw IpcException.usage("column " + column.header() + " does not apply to "
                            + listing.description() + wayToSemaphoreValues(column, listing));
                }
                columns.add(column); // as lsipc, a column named twice is shown twice
            }
        }
        return List.copyOf(columns);
    }

    /**
     * The limits table with -q, -m or -s starts with that kind's columns, empty, as lsipc's does; -c and -t add
     * theirs after the limits'.
     */
    private static void defaultColumns(Listing listing, StructuredRequest request, List<Column> columns) {
        LsOptions.ColumnChoice choice = request.columns();
        List<Listing> kinds = listing == Listing.GLOBAL ? request.selection().namedWithLimits() : List.of(listing);
        for (Listing kind : kinds) {
            addAbsent(columns, kind.defaultColumns());
        }
        if (listing == Listing.GLOBAL) {
            columns.addAll(listing.defaultColumns());
        }
        for (Listing kind : kinds) {
            if (choice.creator()) {
                addAbsent(columns, kind.creatorColumns());
            }
        }
        for (Listing kind : kinds) {
            if (choice.time()) {
                boolean commandLast = !columns.isEmpty() && columns.get(columns.size() - 1) == Column.COMMAND;
                if (commandLast) {
                    columns.remove(columns.size() - 1);
                }
                addAbsent(columns, kind.timeColumns());
                if (commandLast) {
                    columns.add(Column.COMMAND);
                }
            }
        }
        for (Listing kind : kinds) {
            if (choice.pid()) {
                addAbsent(columns, kind.pidColumns());
            }
        }
    }

    private static void addAbsent(List<Column> columns, List<Column> more) {
        for (Column column : more) {
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
    }

    /** SVAL is a POSIX semaphore's value: say where a System V set's values are. */
    private static String wayToSemaphoreValues(Column column, Listing listing) {
        return column == Column.SVAL && listing == Listing.SEMAPHORES
                ? " (SVAL is a POSIX semaphore's value, with --posix-semaphores; a System V set's values, ncount, "
                + "zcount and pids: ipc ls -s -i ID, with --json as \"elements\")" : "";
    }

    /** Prints the listings; returns the exit code (1 when a listing asked for could not be read). */
    int print() {
        Collected collected = collect();
        PrintWriter out = context.out();
        if (request.look().output() == LsOptions.Output.JSON) {
            JsonRenderer.writeDocument(out, collected.members());
        } else {
            render(request.look(), context, collected.tables());
        }
        warnDoubts();
        return collected.exitCode();
    }

    /**
     * What the listings came to: their tables, or with --json their document members (the other list empty).
     *
     * @param exitCode 1 when a listing asked for could not be read
     */
    record Collected(List<Table> tables, List<JsonRenderer.Member> members, int exitCode) {
    }

    /** Whether the request lists POSIX shared memory or semaphores: files of a mount namespace. */
    static boolean listsPosixFiles(StructuredRequest request) {
        for (Listing listing : request.selection().listings()) {
            if (listing == Listing.POSIX_SHMEMS || listing == Listing.POSIX_SEMAPHORES) {
                return true;
            }
        }
        return false;
    }

    /** ls -A says once for every namespace where their POSIX files come from. */
    StructuredListing posixFilesNoted() {
        posixFilesNoted = true;
        return this;
    }

    /** Reads and tabulates the listings; their warnings and errors go to stderr now. */
    Collected collect() {
        List<List<Column>> columns = resolveColumns(request); // every column checked before anything is read
        List<Listing> listings = request.selection().listings();
        // Each listing is read and tabulated on its own thread.
        List<Callable<Outcome>> tasks = new ArrayList<>();
        for (int i = 0; i < listings.size(); i++) {
            Listing listing = listings.get(i);
            List<Column> listingColumns = columns.get(i);
            tasks.add(() -> outcome(listing, listingColumns));
        }
        List<Table> tables = new ArrayList<>();
        List<JsonRenderer.Member> jsonMembers = new ArrayList<>();
        int exitCode = 0;
        if (context.namespace() != null && !posixFilesNoted && listsPosixFiles(request)) {
            context.warning("POSIX shared memory and semaphores follow the mount namespace, not " + context.namespace().id()
                    + ": these are the files in " + paths.devShm());
        }
        for (Outcome outcome : Parallel.all(tasks)) {
            if (outcome.warning() != null) {
                context.warning(outcome.warning());
            }
            if (outcome.error() != null) {
                context.error(outcome.error());
                exitCode = 1;
            }
            if (outcome.table() != null) {
                tables.add(outcome.table());
            }
            if (outcome.details() != null) {
                context.out().write(outcome.details());
            }
            if (outcome.member() != null) {
                jsonMembers.add(outcome.member());
            }
        }
        return new Collected(tables, jsonMembers, exitCode);
    }

    /** Prints tables as the aligned table, --raw, --export or --newline asks, in lsipc's layout. */
    static void render(StructuredRequest.Look look, RunContext context, List<Table> tables) {
        TextBuffer text = new TextBuffer(64 * 1024);
        TableRenderer.Mode mode = switch (look.output()) {
            case RAW -> TableRenderer.Mode.RAW;
            case EXPORT -> TableRenderer.Mode.EXPORT;
            case NEWLINE -> TableRenderer.Mode.NEWLINE;
            default -> TableRenderer.Mode.TABLE;
        };
        // Colour marks rows in the aligned table, for a person; never in raw, export or JSON.
        boolean colour = mode == TableRenderer.Mode.TABLE && context.terminal().colourOut();
        TableRenderer.lsipc(mode, look.headings(), colour, look.shellNames()).render(text, tables);
        context.out().write(text.toString());
    }

    /** With --orphans, says after the listing what could not be told about the users of objects. */
    void warnDoubts() {
        if (orphans != null) {
            context.out().flush();
            orphans.doubts().ifPresent(doubts -> context.warning(doubts));
        }
    }

    /**
     * What one listing came to: its table, its JSON member or the details of one object (the others null), and
     * a line for stderr.
     *
     * @param warning a warning to print, or null
     * @param error   an error to print, which makes the exit code 1, or null
     */
    private record Outcome(Table table, JsonRenderer.Member member, String details, String warning, String error) {
        Outcome(Table table, JsonRenderer.Member member, String warning, String error) {
            this(table, member, null, warning, error);
        }
    }

    /** Reads and tabulates one listing, on the thread that calls it. */
    private Outcome outcome(Listing listing, List<Column> columns) {
        boolean json = request.look().output() == LsOptions.Output.JSON;
        try {
            Rows<?> rows = rows(listing);
            if (rows.objects().isEmpty() && listing.isPosix() && request.filter().name() != null) {
                // As for an -i that names nothing: one line, and no table for what is not there; JSON keeps its
                // shape, with an empty array.
                return new Outcome(null, json ? jsonMember(listing, columns, rows) : null,
                        notFound(listing, request.filter().name()), null);
            }
            // as lsipc: one line for an -i that names nothing; JSON keeps its shape, with an empty array
            String missing = rows.objects().isEmpty() && request.filter().id() != null
                    ? "id " + request.filter().id() + " not found" : null;
            if (json) {
                // written on the same thread, one document member per listing
                return new Outcome(null, jsonMember(listing, columns, rows), missing, null);
            }
            if (missing != null) {
                return new Outcome(null, null, missing, null);
            }
            if (request.look().details()) {
                return new Outcome(null, null, details(listing, columns, rows), null, null);
            }
            return new Outcome(table(listing, columns, rows), null, null, null);
        } catch (PosixIpcReader.NotMountedException e) {
            return new Outcome(null, null, null, e.getMessage());
        } catch (IOException e) {
            throw new IpcException("cannot list " + listing.description() + ": " + e.getMessage(), 1, e);
        }
    }

    /** --name matched nothing in a POSIX listing. */
    private static String notFound(Listing listing, String name) {
        String kind = switch (listing) {
            case POSIX_QUEUES -> "POSIX message queue";
            case POSIX_SHMEMS -> "POSIX shared memory object";
            default -> "POSIX semaphore";
        };
        return kind + " " + slashed(name) + " not found";
    }

    private static String slashed(String name) {
        return name.startsWith("/") ? name : "/" + name;
    }

    private Rows<?> rows(Listing listing) throws IOException {
        Integer id = request.filter().id();
        String name = request.filter().name() == null ? null : slashed(request.filter().name());
        PosixIpcReader posix = new PosixIpcReader(paths);
        return switch (listing) {
            case QUEUES -> Rows.plain(wanted(source.messageQueues(), id), cells.systemVCells);
            case SEGMENTS -> new Rows<>(wanted(source.sharedMemorySegments(), id), cells.systemVCells, DESTROYED);
            case SEMAPHORES -> Rows.plain(wanted(source.semaphoreSets(), id), cells.systemVCells);
            case POSIX_QUEUES -> Rows.plain(named(posix.messageQueues(), name), cells.posixCells);
            case POSIX_SHMEMS -> Rows.plain(named(posix.sharedMemory(), name), cells.posixCells);
            case POSIX_SEMAPHORES -> Rows.plain(named(posix.semaphores(), name), cells.posixCells);
            case GLOBAL -> new Rows<>(globalRows(posix), ColumnValues.GLOBAL_CELLS, NEARLY_USED);
        };
    }

    /** A segment marked for destruction stands out. */
    private static final Rows.Marker<SharedMemorySegment> DESTROYED = new Rows.Marker<>() {
        @Override
        public Table.Level level(SharedMemorySegment segment) {
            return segment.markedForDestruction() ? Table.Level.ALERT : Table.Level.NORMAL;
        }
    };

    /** A limit nearly or wholly used stands out. */
    private static final Rows.Marker<LimitRow> NEARLY_USED = new Rows.Marker<>() {
        @Override
        public Table.Level level(LimitRow row) {
            return row.percentUsed().isPresent() ? Table.Level.ofPercent(row.percentUsed().getAsDouble())
                    : Table.Level.NORMAL;
        }
    };

    // Loops rather than streams: a listing's first stream and lambdas cost milliseconds of start-up to link.
    private <T extends SystemVObject> List<T> wanted(List<T> objects, Integer id) {
        if (id == null && orphans == null) {
            return objects;
        }
        List<T> kept = new ArrayList<>();
        for (T object : objects) {
            if (wanted(object, id)) {
                kept.add(object);
            }
        }
        return kept;
    }

    private static <T extends PosixObject> List<T> named(List<T> objects, String name) {
        if (name == null) {
            return objects;
        }
        List<T> kept = new ArrayList<>();
        for (T object : objects) {
            if (object.name().equals(name)) {
                kept.add(object);
            }
        }
        return kept;
    }

    /** The object -i names, and with --orphans only one no live process uses, as 'ipc rm -a --orphans'. */
    private boolean wanted(SystemVObject object, Integer id) {
        return (id == null || object.id() == id) && (orphans == null || orphans.orphan(object));
    }

    private <T> Table table(Listing listing, List<Column> columns, Rows<T> rows) throws IOException {
        List<Table.Column> specs = new ArrayList<>(columns.size());
        for (Column column : columns) {
            specs.add(new Table.Column(column.header(), column.exportName(), column.rightAligned()));
        }
        Table table = new Table(listing.jsonName(), specs);
        TextCell cell = new TextCell(listing);
        for (T object : rows.objects()) {
            table.add(row(columns, object, rows.cells(), cell), rows.marker().level(object));
        }
        return table;
    }

    /** One row; a method of its own so that it is compiled after a few hundred rows, not interpreted. */
    private static <T> Object[] row(List<Column> columns, T object, Rows.CellWriter<? super T> cells, TextCell cell)
            throws IOException {
        Object[] row = new Object[columns.size()];
        for (int c = 0; c < row.length; c++) {
            cell.column = columns.get(c);
            cells.write(cell.column, object, cell);
            row[c] = cell.text;
        }
        return row;
    }

    private <T> JsonRenderer.Member jsonMember(Listing listing, List<Column> columns, Rows<T> rows) {
        List<String> keys = new ArrayList<>(columns.size());
        for (Column column : columns) {
            keys.add(column.jsonKey());
        }
        JsonCell cell = new JsonCell();
        Rows.CellWriter<? super T> writer = rows.cells();
        // -s -i ID: the set's semaphores too, as ipcs -s -i and lsipc's text show them (lsipc's JSON drops them)
        JsonRenderer.MoreWriter<T> more = listing == Listing.SEMAPHORES && request.filter().id() != null
                ? (json, object) -> elements(json, (SemaphoreSet) object) : null;
        return JsonRenderer.member(listing.jsonName(), keys, rows.objects(), (json, object, c) -> {
            cell.json = json;
            cell.column = columns.get(c);
            writer.write(cell.column, object, cell);
        }, more);
    }

    /** "elements": lsipc's SEMNUM VALUE NCOUNT ZCOUNT PID for each semaphore; null when semctl is refused. */
    private static void elements(JsonGenerator json, SemaphoreSet set) throws IOException {
        List<Semaphore> semaphores;
        try {
            semaphores = SystemVCalls.semaphores(set.id(), set.count());
        } catch (NativeCallException refused) {
            json.writeNullField("elements");
            return;
        }
        json.writeArrayFieldStart("elements");
        for (Semaphore semaphore : semaphores) {
            JsonFields.element(json, semaphore);
        }
        json.writeEndArray();
    }

    /**
     * One object as lsipc shows it alone: "Label:" and the value from the 37th column on, padded to 36, for each
     * column that has a value; a semaphore set's semaphores follow.
     */
    private <T> String details(Listing listing, List<Column> columns, Rows<T> rows) throws IOException {
        TextBuffer text = new TextBuffer(2048);
        TextCell cell = new TextCell(listing);
        for (T object : rows.objects()) {
            Object[] row = row(columns, object, rows.cells(), cell);
            for (int c = 0; c < row.length; c++) {
                if (row[c] != null) {
                    String label = columns.get(c).label();
                    text.append(label).append(':').spaces(Math.max(1, 35 - label.length()))
                            .left((String) row[c], 36).newline();
                }
            }
            if (object instanceof SemaphoreSet set && set.count() > 0) {
                Table elements = elementsTable(set);
                if (elements != null) {
                    text.append("Elements:").newline().newline();
                    TableRenderer.lsipc(TableRenderer.Mode.TABLE, true, false, false).render(text, List.of(elements));
                }
            }
        }
        return text.toString();
    }

    /**
     * lsipc's table of a set's semaphores: number, value, waiters, last pid and its command line; null when semctl
     * is refused or the set has gone since it was listed.
     */
    private Table elementsTable(SemaphoreSet set) {
        List<Table.Column> columns = new ArrayList<>();
        for (String name : List.of("SEMNUM", "VALUE", "NCOUNT", "ZCOUNT", "PID", "COMMAND")) {
            columns.add(new Table.Column(name, name, true));
        }
        Table table = new Table("elements", columns);
        List<Semaphore> semaphores;
        try {
            semaphores = SystemVCalls.semaphores(set.id(), set.count());
        } catch (NativeCallException refused) {
            return null;
        }
        for (Semaphore semaphore : semaphores) {
            table.add(new Object[] {Integer.toString(semaphore.number()), Integer.toString(semaphore.value()),
                    Integer.toString(semaphore.waitingForIncrease()), Integer.toString(semaphore.waitingForZero()),
                    Integer.toString(semaphore.lastPid()), cells.commandLineOrNull(semaphore.lastPid())});
        }
        return table;
    }

    /** A cell as the aligned table, --raw and --export print it (null: no value); one for each listing's thread. */
    private final class TextCell implements ColumnValues.Sink {
        private final Listing listing;
        private Column column;
        private String text;

        TextCell(Listing listing) {
            this.listing = listing;
        }

        @Override
        public void none() {
            // lsipc's limits table says "-" where nothing is counted
            text = column == Column.USED || column == Column.USE_PERCENT ? "-" : null;
        }

        @Override
        public void name(String name, long id) {
            text = name; // lsipc leaves a name it cannot find empty
        }

        @Override
        public void text(String value) {
            text = value;
        }

        @Override
        public void key(int key) {
            text = TextBuffer.formatKey(key);
        }

        @Override
        public void number(long value) {
            text = switch (column.kind()) {
                case SIZE -> request.look().bytes() ? Long.toUnsignedString(value) : HumanSize.format(value);
                case TIME -> time(value);
                case PERMS -> permissions((int) value);
                default -> Long.toString(value);
            };
        }

        @Override
        public void count(long value) {
            text = Long.toUnsignedString(value);
        }

        @Override
        public void percent(double value) {
            text = String.format(Locale.ROOT, "%.2f%%", value);
        }

        @Override
        public void pids(List<String> pids) {
            text = String.join(",", pids);
        }
    }

    /**
     * A cell as JSON, in the vocabulary every --json shares (render.JsonFields): numbers as numbers, sizes in bytes,
     * times in ISO 8601 whatever --time-format says, KEY and PERMS followed by their twins key_number and mode.
     */
    private final class JsonCell implements ColumnValues.Sink {
        private final byte[] key = new byte[10];
        private JsonGenerator json;
        private Column column;

        @Override
        public void none() throws IOException {
            json.writeNull();
            if (column == Column.KEY) { // a twin goes with its member, empty or not
                json.writeNullField(JsonFields.KEY_NUMBER);
            } else if (column == Column.PERMS) {
                json.writeNullField(JsonFields.MODE);
            }
        }

        @Override
        public void text(String value) throws IOException {
            json.writeString(value);
        }

        @Override
        public void key(int value) throws IOException {
            TextBuffer.formatKey(value, key); // hex digits: nothing to escape
            json.writeRawUTF8String(key, 0, key.length);
            JsonFields.keyNumber(json, value);
        }

        @Override
        public void number(long value) throws IOException {
            switch (column.kind()) {
                case SIZE -> count(value);
                case TIME -> JsonFields.timeValue(json, value);
                case PERMS -> JsonFields.permsValue(json, (int) value);
                default -> json.writeNumber(value);
            }
        }

        @Override
        public void count(long value) throws IOException {
            Json.unsigned(json, value);
        }

        @Override
        public void percent(double value) throws IOException {
            json.writeNumber(Math.round(value * 100) / 100.0);
        }

        @Override
        public void pids(List<String> pids) throws IOException {
            json.writeStartArray();
            for (String pid : pids) {
                json.writeNumber(Integer.parseInt(pid));
            }
            json.writeEndArray();
        }
    }

    private String time(long epochSeconds) {
        return timeFormat.format(epochSeconds, zone, timeFormat == TimeFormat.SHORT ? now() : null);
    }

    private String permissions(int mode) {
        return request.look().numericPerms() ? Permissions.octal(mode) : Permissions.symbolic(mode);
    }

    private LocalDateTime now() {
        LocalDateTime known = now;
        if (known == null) { // threads that race here read the clock within a few microseconds of each other
            known = zone.now();
            now = known;
        }
        return known;
    }

    /** lsipc -g: every limit, with what is in use where the kernel counts it. */
    private List<LimitRow> globalRows(PosixIpcReader posix) throws IOException {
        IpcLimits limits = source.limits();
        IpcUsage usage = source.usage(PageSize.get());
        Set<Listing> only = request.selection().limitsFor();
        List<LimitRow> rows = new ArrayList<>();
        if (only.contains(Listing.QUEUES)) {
            rows.addAll(LimitTable.messages(limits, usage));
        }
        if (only.contains(Listing.SEGMENTS)) {
            rows.addAll(LimitTable.sharedMemory(limits, usage));
        }
        if (only.contains(Listing.SEMAPHORES)) {
            rows.addAll(LimitTable.semaphores(limits, usage));
        }
        if (only.contains(Listing.POSIX_QUEUES) && limits.posixQueues().isPresent()) {
            rows.addAll(LimitTable.posixQueues(limits.posixQueues().get(), posix.messageQueueCount()));
        }
        return rows;
    }
}
