// Prints what tune found or did: a table of limits, a guide's values, the changes made; as text or as JSON.
package dev.ipc.tune;

import dev.ipc.cli.ErrorReporter;
import dev.ipc.cli.Terminal;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ipc.render.Table;
import dev.ipc.render.TableRenderer;
import dev.ipc.render.Text;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sections are collected and printed once, so that --json gives one object whatever happened. Text goes to
 * stdout and warnings to stderr as "ipc: warning: ..."; with --json the warnings are part of the object.
 */
final class TuneReport {
    /** One limit's change; unchanged when old equals now. */
    record Change(Limit limit, long old, long now) {
        boolean changed() {
            return old != now;
        }
    }

    /** The guide's value for one limit and what tune sets: the higher of it and the current value. */
    record GuideRow(Limit limit, long now, long guide, long setting) {
    }

    /** @param written false in a dry run */
    record Saved(Path file, Map<String, String> settings, boolean written) {
    }


    private final LimitGroup group;
    private final IpcNamespace namespace;
    private final long pageSize;
    private final boolean json;
    private final List<String> warnings = new ArrayList<>();

    private Map<Limit, Long> shown;
    private LimitUse use;
    private Preset preset;
    private String presetDescription;
    private List<GuideRow> guide;
    private boolean applying;
    private List<Change> changes;
    private boolean dryRun;
    private Saved saved;

    TuneReport(LimitGroup group, IpcNamespace namespace, long pageSize, boolean json) {
        this.group = group;
        this.namespace = namespace;
        this.pageSize = pageSize;
        this.json = json;
    }

    IpcNamespace namespace() {
        return namespace;
    }

    void warn(List<String> more) {
        warnings.addAll(more);
    }

    void show(Map<Limit, Long> values, LimitUse inUse) {
        this.shown = values;
        this.use = inUse;
    }

    void guide(Preset which, String description, List<GuideRow> rows, boolean apply) {
        this.preset = which;
        this.presetDescription = description;
        this.guide = rows;
        this.applying = apply;
    }

    void changes(List<Change> list, boolean dry) {
        this.changes = list;
        this.dryRun = dry;
    }

    void saved(Saved file) {
        this.saved = file;
    }

    void print(PrintWriter out, PrintWriter err) {
        if (json) {
            out.print(json());
        } else {
            out.print(text());
            out.flush();
            printWarnings(err);
        }
        out.flush();
        err.flush();
    }

    /** The warnings alone, on stderr: also in JSON mode when a refusal means there is no report. */
    void printWarnings(PrintWriter err) {
        for (String warning : warnings) {
            ErrorReporter.warning(err, "warning: " + warning);
        }
        err.flush();
    }

    private String text() {
        Text text = new Text(1024);
        if (shown != null) {
            showText(text);
        }
        if (guide != null) {
            guideText(text);
        }
        if (changes != null) {
            changesText(text);
        }
        if (saved != null) {
            text.append(saved.written() ? "saved " : "would save ").append(settingsText(saved.settings()))
                    .append(" in ").append(saved.file().toString()).newline();
        }
        if (namespace.id() != null && !namespace.initial() && (shown != null || changes != null)) {
            text.append("IPC namespace ").append(namespace.id()).append(" is not the initial one: ")
                    .append(shown != null ? "these limits are its own" : "the change applies to this namespace only")
                    .append('.').newline();
        }
        if (changes != null && dryRun) {
            text.append("dry run: nothing changed").newline();
        }
        return text.toString();
    }

    private void showText(Text text) {
        text.append(group.title()).append(" limits: ").append(keysText()).newline();
        Table table = table("limits", "VALUE", "IN USE", "MEANING");
        for (Limit limit : group.limits()) {
            Optional<LimitUse.InUse> inUse = use.of(limit);
            table.add(new String[] {limit.name(), limit.format(shown.get(limit)),
                    inUse.map(u -> limit.format(u.amount())).orElse("-"), meaning(limit, true)},
                    level(shown.get(limit), inUse));
        }
        // On a terminal, limits nearly or wholly used up stand out, as in ipc ls -g
        boolean colour = Terminal.current().colourOut();
        new TableRenderer(TableRenderer.Mode.TABLE, true, colour).render(text, List.of(table));
    }

    private void guideText(Text text) {
        text.append(presetDescription).newline().append("(").append(preset.source()).append(")").newline();
        if (guide.isEmpty()) {
            text.append("The guide asks nothing of the ").append(group.title().toLowerCase(java.util.Locale.ROOT))
                    .append(" limits.").newline();
            return;
        }
        Table table = table("guide", "NOW", "GUIDE", "SETTING");
        boolean raises = false;
        for (GuideRow row : guide) {
            Limit limit = row.limit();
            boolean raised = row.setting() != row.now();
            raises |= raised;
            table.add(new String[] {limit.name(), limit.format(row.now()), limit.format(row.guide()),
                    limit.format(row.setting()) + (raised ? "" : " (kept)")});
        }
        new TableRenderer(TableRenderer.Mode.TABLE, true).render(text, List.of(table));
        if (!raises) {
            text.append("Nothing to raise: every limit is already at least what the guide asks.").newline();
        } else if (!applying) {
            text.append("Run again with --apply to set these values.").newline();
        }
    }

    private void changesText(Text text) {
        int width = 0;
        for (Change change : changes) {
            width = Math.max(width, change.limit().name().length());
        }
        for (Change change : changes) {
            Limit limit = change.limit();
            text.left(limit.name(), width + 1).append(limit.format(change.old()));
            if (change.changed()) {
                text.append(" -> ").append(limit.format(change.now()));
            } else {
                text.append(" (unchanged)");
            }
            text.newline();
        }
    }

    private String keysText() {
        if (group == LimitGroup.SEM) {
            return "kernel.sem = SEMMSL SEMMNS SEMOPM SEMMNI";
        }
        List<String> keys = new ArrayList<>();
        for (Limit limit : group.limits()) {
            keys.add(limit.key());
        }
        return String.join(", ", keys);
    }

    private String meaning(Limit limit, boolean withUse) {
        String meaning = limit == Limit.SHMALL ? "pages of " + pageSize + " bytes in all segments together"
                : limit.meaning();
        if (withUse && (limit == Limit.SEMMSL || limit == Limit.SHMMAX)) {
            meaning += " (in use: " + limit.inUseMeaning() + ")";
        }
        return meaning;
    }

    private static String settingsText(Map<String, String> settings) {
        List<String> parts = new ArrayList<>();
        settings.forEach((key, value) -> parts.add(key + " = " + value));
        return String.join(", ", parts);
    }

    /** NAME, two numbers aligned on the right, then text: the layout of both tables. */
    private static Table.Level level(long value, Optional<LimitUse.InUse> inUse) {
        return inUse.isEmpty() ? Table.Level.NORMAL : Table.Level.ofUse(inUse.get().amount(), value);
    }

    private static Table table(String name, String first, String second, String last) {
        return new Table(name, List.of(new Table.Column("NAME", "NAME", false),
                new Table.Column(first, first, true), new Table.Column(second, second, true),
                new Table.Column(last, last, false)));
    }

    private String json() {
        StringWriter buffer = new StringWriter();
        try (JsonGenerator gen = new JsonFactory().createGenerator(buffer)) {
            gen.useDefaultPrettyPrinter();
            gen.writeStartObject();
            gen.writeStringField("group", group.command());
            gen.writeObjectFieldStart("namespace");
            gen.writeStringField("id", namespace.id());
            gen.writeBooleanField("initial", namespace.initial());
            gen.writeEndObject();
            gen.writeNumberField("page_size", pageSize);
            if (shown != null) {
                gen.writeArrayFieldStart("limits");
                for (Limit limit : group.limits()) {
                    gen.writeStartObject();
                    limitFields(gen, limit);
                    number(gen, "value", limit, shown.get(limit));
                    Optional<LimitUse.InUse> inUse = use.of(limit);
                    if (inUse.isPresent()) {
                        number(gen, "in_use", limit, inUse.get().amount());
                        gen.writeStringField("in_use_meaning", limit.inUseMeaning());
                    } else {
                        gen.writeNullField("in_use");
                    }
                    gen.writeEndObject();
                }
                gen.writeEndArray();
            }
            if (guide != null) {
                gen.writeObjectFieldStart("preset");
                gen.writeStringField("name", preset.label());
                gen.writeStringField("for", presetDescription);
                gen.writeStringField("source", preset.source());
                gen.writeArrayFieldStart("limits");
                for (GuideRow row : guide) {
                    gen.writeStartObject();
                    gen.writeStringField("name", row.limit().name());
                    number(gen, "now", row.limit(), row.now());
                    number(gen, "guide", row.limit(), row.guide());
                    number(gen, "setting", row.limit(), row.setting());
                    gen.writeEndObject();
                }
                gen.writeEndArray();
                gen.writeEndObject();
            }
            if (changes != null) {
                gen.writeBooleanField("dry_run", dryRun);
                gen.writeArrayFieldStart("changes");
                for (Change change : changes) {
                    gen.writeStartObject();
                    limitFields(gen, change.limit());
                    number(gen, "old", change.limit(), change.old());
                    number(gen, "new", change.limit(), change.now());
                    gen.writeBooleanField("changed", change.changed());
                    gen.writeEndObject();
                }
                gen.writeEndArray();
            }
            if (saved != null) {
                gen.writeObjectFieldStart("persist");
                gen.writeStringField("file", saved.file().toString());
                gen.writeBooleanField("written", saved.written());
                gen.writeObjectFieldStart("settings");
                for (Map.Entry<String, String> setting : saved.settings().entrySet()) {
                    gen.writeStringField(setting.getKey(), setting.getValue());
                }
                gen.writeEndObject();
                gen.writeEndObject();
            }
            gen.writeArrayFieldStart("warnings");
            for (String warning : warnings) {
                gen.writeString(warning);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer + "\n";
    }

    private void limitFields(JsonGenerator gen, Limit limit) throws IOException {
        gen.writeStringField("name", limit.name());
        gen.writeStringField("sysctl", limit.key());
        if (limit.field() >= 0) {
            gen.writeNumberField("field", limit.field() + 1);
        }
        gen.writeStringField("unit", limit.unit());
        gen.writeStringField("meaning", meaning(limit, false));
    }

    /** Unsigned 64-bit values (SHMMAX, SHMALL) are written whole, beyond Long.MAX_VALUE. */
    private static void number(JsonGenerator gen, String field, Limit limit, long value) throws IOException {
        if (limit.unsigned() && value < 0) {
            gen.writeNumberField(field, new BigInteger(Long.toUnsignedString(value)));
        } else {
            gen.writeNumberField(field, value);
        }
    }
}
