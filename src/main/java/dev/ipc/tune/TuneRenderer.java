// Prints what tune found or did: a table of limits, a guide's values, the changes made; as text or as JSON.
package dev.ipc.tune;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ipc.cli.Json;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.Terminal;
import dev.ipc.procfs.IpcNamespace;
import dev.ipc.render.Table;
import dev.ipc.render.TableRenderer;
import dev.ipc.render.TextBuffer;
import dev.ipc.tune.TuneResult.Change;
import dev.ipc.tune.TuneResult.Changed;
import dev.ipc.tune.TuneResult.GuideRow;
import dev.ipc.tune.TuneResult.Guided;
import dev.ipc.tune.TuneResult.Refused;
import dev.ipc.tune.TuneResult.Saved;
import dev.ipc.tune.TuneResult.Shown;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A result is printed once, whole, so that --json gives one object whatever happened. Text goes to stdout and
 * warnings to stderr as "ipc: warning: ..."; with --json the warnings are part of the object. A refusal goes to
 * stderr in both modes, and with --json is also the object's "refused" list.
 */
final class TuneRenderer {
    private final LimitGroup group;
    private final Machine machine;
    private final boolean json;
    /** Whether limits nearly used up are coloured: the run's standard output. */
    private final Terminal terminal;

    TuneRenderer(LimitGroup group, Machine machine, boolean json, Terminal terminal) {
        this.terminal = terminal;
        this.group = group;
        this.machine = machine;
        this.json = json;
    }

    /** Prints the result; the command then fails with its failure, if it has one. */
    void print(TuneResult result, RunContext context) {
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        if (result instanceof Refused refused) {
            if (json) { // the refusal as an object too, so that a script reading stdout learns it
                Json.write(out, generator -> json(generator, result));
            } else {
                printWarnings(refused.warnings(), context);
            }
            for (String refusal : refused.earlierRefusals()) {
                context.error("refusing: " + refusal);
            }
        } else if (json) {
            Json.write(out, generator -> json(generator, result));
        } else {
            out.print(text(result));
            out.flush();
            printWarnings(result.warnings(), context);
        }
        out.flush();
        err.flush();
    }

    private static void printWarnings(List<String> warnings, RunContext context) {
        for (String warning : warnings) {
            context.warning("warning: " + warning);
        }
        context.err().flush();
    }

    private String text(TuneResult result) {
        TextBuffer text = new TextBuffer(1024);
        if (result instanceof Shown shown) {
            shownText(text, shown);
            namespaceText(text, "these limits are its own");
        } else if (result instanceof Guided guided) {
            guideText(text, guided);
            guided.applied().ifPresent(changed -> changedText(text, changed));
        } else if (result instanceof Changed changed) {
            changedText(text, changed);
        }
        return text.toString();
    }

    private void shownText(TextBuffer text, Shown shown) {
        text.append(group.title()).append(" limits: ").append(keysText()).newline();
        Table table = table("limits", "VALUE", "IN USE", "MEANING");
        for (Limit limit : group.limits()) {
            long value = shown.values().get(limit);
            Optional<LimitUse.InUse> inUse = shown.use().of(limit);
            table.add(new String[] {limit.name(), limit.format(value),
                    inUse.isPresent() ? limit.format(inUse.get().amount()) : "-", meaning(limit, true)},
                    level(value, inUse));
        }
        // On a terminal, limits nearly or wholly used up stand out, as in ipc ls -g
        boolean colour = terminal.colourOut();
        new TableRenderer(TableRenderer.Mode.TABLE, true, colour).render(text, List.of(table));
    }

    private void guideText(TextBuffer text, Guided guided) {
        text.append(guided.description()).newline().append("(").append(guided.preset().source()).append(")")
                .newline();
        if (guided.rows().isEmpty()) {
            text.append("The guide asks nothing of the ").append(group.title().toLowerCase(Locale.ROOT))
                    .append(" limits.").newline();
            return;
        }
        Table table = table("guide", "NOW", "GUIDE", "SETTING");
        for (GuideRow row : guided.rows()) {
            Limit limit = row.limit();
            table.add(new String[] {limit.name(), limit.format(row.now()), limit.format(row.guide()),
                    limit.format(row.setting()) + (row.raises() ? "" : " (kept)")});
        }
        new TableRenderer(TableRenderer.Mode.TABLE, true).render(text, List.of(table));
        if (!guided.raisesALimit()) {
            text.append("Nothing to raise: every limit is already at least what the guide asks.").newline();
        } else if (guided.applied().isEmpty()) {
            text.append("Run again with --apply to set these values.").newline();
        }
    }

    private void changedText(TextBuffer text, Changed changed) {
        int width = 0;
        for (Change change : changed.changes()) {
            width = Math.max(width, change.limit().name().length());
        }
        for (Change change : changed.changes()) {
            Limit limit = change.limit();
            text.left(limit.name(), width + 1).append(limit.format(change.old()));
            if (change.changed()) {
                text.append(" -> ").append(limit.format(change.now()));
            } else {
                text.append(" (unchanged)");
            }
            text.newline();
        }
        changed.saved().ifPresent(saved -> text.append(saved.written() ? "saved " : "would save ")
                .append(settingsText(saved.settings())).append(" in ").append(saved.file().toString()).newline());
        namespaceText(text, "the change applies to this namespace only");
        if (changed.dryRun()) {
            text.append("dry run: nothing changed").newline();
        }
    }

    /** A note that the limits shown or changed are those of this namespace only. */
    private void namespaceText(TextBuffer text, String consequence) {
        IpcNamespace namespace = machine.namespace();
        if (namespace.separate()) {
            text.append("IPC namespace ").append(namespace.id()).append(" is not the initial one: ")
                    .append(consequence).append('.').newline();
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
        String meaning = limit == Limit.SHMALL ? "pages of " + machine.pageSize() + " bytes in all segments together"
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

    private static Table.Level level(long value, Optional<LimitUse.InUse> inUse) {
        return inUse.isEmpty() ? Table.Level.NORMAL : Table.Level.ofUse(inUse.get().amount(), value);
    }

    /** NAME, two numbers aligned on the right, then text: the layout of both tables. */
    private static Table table(String name, String first, String second, String last) {
        return new Table(name, List.of(new Table.Column("NAME", "NAME", false),
                new Table.Column(first, first, true), new Table.Column(second, second, true),
                new Table.Column(last, last, false)));
    }

    private void json(JsonGenerator gen, TuneResult result) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("group", group.command());
        gen.writeStringField("namespace", machine.namespace().id()); // ipc:[INODE], as every --json names one
        gen.writeBooleanField("initial_namespace", machine.namespace().initial());
        gen.writeNumberField("page_size", machine.pageSize());
        if (result instanceof Shown shown) {
            shownJson(gen, shown);
        } else if (result instanceof Guided guided) {
            guideJson(gen, guided);
            if (guided.applied().isPresent()) {
                changedJson(gen, guided.applied().get());
            }
        } else if (result instanceof Changed changed) {
            changedJson(gen, changed);
        } else if (result instanceof Refused refused) {
            gen.writeArrayFieldStart("refused");
            for (String refusal : refused.refusals()) {
                gen.writeString(refusal);
            }
            gen.writeEndArray();
        }
        gen.writeArrayFieldStart("warnings");
        for (String warning : result.warnings()) {
            gen.writeString(warning);
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private void shownJson(JsonGenerator gen, Shown shown) throws IOException {
        gen.writeArrayFieldStart("limits");
        for (Limit limit : group.limits()) {
            gen.writeStartObject();
            limitFields(gen, limit);
            number(gen, "value", limit, shown.values().get(limit));
            Optional<LimitUse.InUse> inUse = shown.use().of(limit);
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

    private static void guideJson(JsonGenerator gen, Guided guided) throws IOException {
        gen.writeObjectFieldStart("preset");
        gen.writeStringField("name", guided.preset().label());
        gen.writeStringField("for", guided.description());
        gen.writeStringField("source", guided.preset().source());
        gen.writeArrayFieldStart("limits");
        for (GuideRow row : guided.rows()) {
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

    private void changedJson(JsonGenerator gen, Changed changed) throws IOException {
        gen.writeBooleanField("dry_run", changed.dryRun());
        gen.writeArrayFieldStart("changes");
        for (Change change : changed.changes()) {
            gen.writeStartObject();
            limitFields(gen, change.limit());
            number(gen, "old", change.limit(), change.old());
            number(gen, "new", change.limit(), change.now());
            gen.writeBooleanField("changed", change.changed());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        if (changed.saved().isPresent()) {
            Saved saved = changed.saved().get();
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
            gen.writeFieldName(field);
            Json.unsigned(gen, value);
        } else {
            gen.writeNumberField(field, value);
        }
    }
}
