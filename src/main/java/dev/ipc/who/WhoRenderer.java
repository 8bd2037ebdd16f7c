// ipc who's two outputs: a block of lines per object for people, one JSON document for scripts.
package dev.ipc.who;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ipc.cli.Json;
import dev.ipc.procfs.IpcUsers;
import dev.ipc.procfs.IpcUsers.SemOp;
import dev.ipc.render.HumanSize;
import dev.ipc.render.JsonFields;
import dev.ipc.render.TextBuffer;
import dev.ipc.who.UsedObject.Kind;
import dev.ipc.who.UsedObject.Recorded;
import dev.ipc.who.UsedObject.User;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

final class WhoRenderer {
    private WhoRenderer() {
    }

    /**
     * <pre>
     * shared memory segment 3, key 0x00001234: 3 attachments, 2 processes
     *       812 root     attached 2 times, read-write, RSS 8K, PSS 4K   ./server --port 80
     *   creator 810 gone, last shmat/shmdt 812 alive
     * </pre>
     */
    static void text(PrintWriter out, List<UsedObject> objects) {
        boolean first = true;
        for (UsedObject object : objects) {
            if (!first) {
                out.println();
            }
            first = false;
            out.println(title(object));
            int width = 0;
            for (User user : object.users()) {
                width = Math.max(width, how(user.use()).length());
            }
            for (User user : object.users()) {
                out.println(String.format("  %7d %-8s %-" + width + "s  %s", user.use().pid(), user.userName(),
                        how(user.use()), user.command()));
            }
            String recorded = recorded(object.recorded());
            if (!recorded.isEmpty()) {
                out.println("  " + recorded);
            }
        }
    }

    static String title(UsedObject object) {
        StringBuilder title = new StringBuilder(object.kind().noun);
        if (object.id().isPresent()) {
            title.append(' ').append(object.id().getAsLong());
        }
        if (object.key().isPresent()) {
            title.append(", key ").append(TextBuffer.formatKey((int) object.key().getAsLong()));
        }
        if (object.name() != null) {
            title.append(' ').append(object.name());
        }
        if (object.removed() && object.kind() == Kind.SEGMENT) {
            title.append(" (removed, destroyed at the last detach)");
        }
        List<String> counts = new ArrayList<>();
        if (object.attachments().isPresent()) {
            long n = object.attachments().getAsLong();
            counts.add(n + (n == 1 ? " attachment" : " attachments"));
        }
        counts.add(IpcUsers.count((int) object.processes(), "process", "processes"));
        return title.append(": ").append(String.join(", ", counts)).toString();
    }

    /** "attached 2 times, read-only, RSS 8K, PSS 4K", "receiving type 42", "waiting: semaphore 0 -1". */
    static String how(IpcUsers.Use use) {
        StringBuilder how = new StringBuilder(use.role().word());
        switch (use.role()) {
            case ATTACHED, MAPPED -> {
                if (use.count() > 1) {
                    how.append(' ').append(use.count()).append(" times");
                }
                how.append(use.writable() ? ", read-write" : ", read-only");
                use.rssBytes().ifPresent(rss -> how.append(", RSS ").append(HumanSize.format(rss)));
                use.pssBytes().ifPresent(pss -> how.append(", PSS ").append(HumanSize.format(pss)));
            }
            case OPEN -> how.append(use.count() > 1 ? ", " + use.count() + " descriptors" : "");
            case RECEIVING -> use.messageType().ifPresent(type -> how.append(" type ").append(type));
            case WAITING -> {
                for (int i = 0; i < use.operations().size(); i++) {
                    SemOp op = use.operations().get(i);
                    how.append(i == 0 ? ": " : ", ").append("semaphore ").append(op.number()).append(' ')
                            .append(op.operation() > 0 ? "+" : "").append(op.operation());
                }
            }
            default -> {
            }
        }
        if (use.role() != IpcUsers.Role.ATTACHED && use.role() != IpcUsers.Role.MAPPED
                && use.role() != IpcUsers.Role.OPEN && use.count() > 1) {
            how.append(" (").append(use.count()).append(" threads)");
        }
        return how.toString();
    }

    /** "creator 810 gone, last shmat/shmdt 812 alive"; a set's semaphores one after the other. */
    static String recorded(List<Recorded> recorded) {
        List<String> parts = new ArrayList<>();
        for (Recorded r : recorded) {
            String who = r.semaphore() >= 0 ? "semaphore " + r.semaphore() + " " + r.role() : r.role();
            parts.add(r.pid() == 0 ? who + " none" : who + " " + r.pid() + " " + r.state().word());
        }
        return String.join(", ", parts);
    }

    static void json(PrintWriter out, List<UsedObject> objects, IpcUsers users) {
        Json.write(out, json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("objects");
            for (UsedObject object : objects) {
                object(json, object);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("uninspected");
            for (Map.Entry<Integer, String> entry : users.uninspected().entrySet()) {
                json.writeStartObject();
                json.writeNumberField("pid", entry.getKey());
                json.writeStringField("reason", entry.getValue());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeBooleanField("complete", users.complete());
            json.writeEndObject();
        });
    }

    private static void object(JsonGenerator json, UsedObject object) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", object.kind().type);
        Json.optional(json, "id", object.id());
        if (object.key().isPresent()) {
            JsonFields.key(json, (int) object.key().getAsLong());
        } else {
            JsonFields.noKey(json);
        }
        json.writeStringField("name", object.name());
        json.writeBooleanField("removed", object.removed());
        Json.optional(json, "nattch", object.attachments());
        json.writeNumberField("processes", object.processes());
        json.writeArrayFieldStart("users");
        for (User user : object.users()) {
            IpcUsers.Use use = user.use();
            json.writeStartObject();
            json.writeNumberField("pid", use.pid());
            if (user.uid() < 0) { // the process ended before its owner was read: unknown, not a uid
                json.writeNullField("uid");
                json.writeNullField("user");
            } else {
                json.writeNumberField("uid", user.uid());
                json.writeStringField("user", user.userName());
            }
            json.writeStringField("command", user.command());
            json.writeStringField("role", use.role().word());
            json.writeNumberField("count", use.count());
            json.writeBooleanField("writable", use.writable());
            JsonFields.size(json, "rss", use.rssBytes());
            JsonFields.size(json, "pss", use.pssBytes());
            Json.optional(json, "msgtype", use.messageType());
            json.writeArrayFieldStart("operations");
            for (SemOp op : use.operations()) {
                json.writeStartObject();
                json.writeNumberField("semnum", op.number());
                json.writeNumberField("op", op.operation());
                json.writeNumberField("flags", op.flags());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("path", use.path());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("recorded");
        for (Recorded r : object.recorded()) {
            json.writeStartObject();
            json.writeStringField("role", r.role());
            if (r.semaphore() >= 0) {
                json.writeNumberField("semnum", r.semaphore());
            }
            json.writeNumberField("pid", r.pid());
            json.writeStringField("state", r.state().name().toLowerCase(java.util.Locale.ROOT));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
