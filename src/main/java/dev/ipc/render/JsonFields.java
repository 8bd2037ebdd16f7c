// The JSON vocabulary (docs/json/README.md): each concept every --json shares is written by one method here.
package dev.ipc.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ipc.cli.Json;
import dev.ipc.model.IpcOwnership;
import dev.ipc.model.Semaphore;
import dev.ipc.state.UserDirectory;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One encoding per concept, so that the same object reads the same in ls, mk, stat, who and the demos: a key as
 * lsipc prints it ("key": "0x00001234") and as a number ("key_number": 4660), permissions as lsipc prints them
 * ("perms": "rw-r--r--") and in octal ("mode": "0644"), times as ISO 8601 text (null when never), sizes in bytes as
 * exact integers, durations in seconds. The schemas in docs/schema/common.json describe the same.
 */
public final class JsonFields {
    public static final String KEY_NUMBER = "key_number";
    public static final String MODE = "mode";

    private static final CTime ZONE = CTime.systemDefault();
    private static final String[] OCTAL = new String[512];

    private JsonFields() {
    }

    /** "key": "0x00001234" and "key_number": 4660. */
    public static void key(JsonGenerator json, int key) throws IOException {
        json.writeFieldName("key");
        keyValue(json, key);
    }

    /** The value of a member already named "key", then its "key_number". */
    public static void keyValue(JsonGenerator json, int key) throws IOException {
        json.writeString(TextBuffer.formatKey(key));
        keyNumber(json, key);
    }

    /** The "key_number" that follows a "key" written apart (a listing writes the hex digits as raw bytes). */
    public static void keyNumber(JsonGenerator json, int key) throws IOException {
        json.writeNumberField(KEY_NUMBER, Integer.toUnsignedLong(key));
    }

    /** "key": null and "key_number": null, for an object that has no key (a POSIX object among System V ones). */
    public static void noKey(JsonGenerator json) throws IOException {
        json.writeNullField("key");
        json.writeNullField(KEY_NUMBER);
    }

    /** "perms": "rw-r--r--" and "mode": "0644", from the permission bits of a mode. */
    public static void perms(JsonGenerator json, int mode) throws IOException {
        json.writeFieldName("perms");
        permsValue(json, mode);
    }

    /** The value of a member already named "perms", then its "mode". */
    public static void permsValue(JsonGenerator json, int mode) throws IOException {
        json.writeString(Permissions.symbolic(mode));
        json.writeStringField(MODE, octal(mode));
    }

    /** The permission bits in octal with a leading 0, as chmod takes them: "0644". */
    public static String octal(int mode) {
        int bits = mode & 0777;
        String known = OCTAL[bits];
        if (known == null) { // threads that race here make equal strings
            known = "0" + (char) ('0' + (bits >> 6)) + (char) ('0' + (bits >> 3 & 7)) + (char) ('0' + (bits & 7));
            OCTAL[bits] = known;
        }
        return known;
    }

    /** A time: ISO 8601 text in the local zone, "2026-12-07T15:10:01+00:00"; null when it never happened (0). */
    public static void time(JsonGenerator json, String name, long epochSeconds) throws IOException {
        json.writeFieldName(name);
        timeValue(json, epochSeconds);
    }

    /** As {@link #time(JsonGenerator, String, long)}, null when absent. */
    public static void time(JsonGenerator json, String name, OptionalLong epochSeconds) throws IOException {
        time(json, name, epochSeconds.orElse(0));
    }

    /** The value of a time member already named. */
    public static void timeValue(JsonGenerator json, long epochSeconds) throws IOException {
        if (epochSeconds == 0) {
            json.writeNull();
        } else {
            json.writeString(isoTime(epochSeconds));
        }
    }

    /** The text of a time in JSON. */
    public static String isoTime(long epochSeconds) {
        return TimeFormat.ISO.format(epochSeconds, ZONE, null);
    }

    /** A size in bytes, or any unsigned 64-bit count (shmall): an exact integer, beyond 2^53 too. */
    public static void size(JsonGenerator json, String name, long bytes) throws IOException {
        json.writeFieldName(name);
        Json.unsigned(json, bytes);
    }

    /** A size, null when absent. */
    public static void size(JsonGenerator json, String name, OptionalLong bytes) throws IOException {
        if (bytes.isPresent()) {
            size(json, name, bytes.getAsLong());
        } else {
            json.writeNullField(name);
        }
    }

    /** One semaphore of a set, a member of "elements": semnum, value, ncount, zcount and pid (lsipc's names). */
    public static void element(JsonGenerator json, Semaphore semaphore) throws IOException {
        json.writeStartObject();
        json.writeNumberField("semnum", semaphore.number());
        json.writeNumberField("value", semaphore.value());
        json.writeNumberField("ncount", semaphore.waitingForIncrease());
        json.writeNumberField("zcount", semaphore.waitingForZero());
        json.writeNumberField("pid", semaphore.lastPid());
        json.writeEndObject();
    }

    /** Owner and creator: uid, user, gid, group, cuid, cuser, cgid, cgroup (names as lsipc's columns). */
    public static void ownership(JsonGenerator json, IpcOwnership owner, UserDirectory names) throws IOException {
        account(json, "uid", "user", owner.uid(), names.userName(owner.uid()));
        account(json, "gid", "group", owner.gid(), names.groupName(owner.gid()));
        account(json, "cuid", "cuser", owner.creatorUid(), names.userName(owner.creatorUid()));
        account(json, "cgid", "cgroup", owner.creatorGid(), names.groupName(owner.creatorGid()));
    }

    /** A user or group: the number under idName ("uid", "cgid"), the name under nameName ("user", "cgroup"). */
    public static void account(JsonGenerator json, String idName, String nameName, long id, Optional<String> name)
            throws IOException {
        json.writeNumberField(idName, id);
        json.writeStringField(nameName, name.orElseGet(() -> Long.toString(id)));
    }

    /** A duration, named NAME_seconds: seconds as a number, to the millisecond. */
    public static void seconds(JsonGenerator json, String name, long nanos) throws IOException {
        json.writeFieldName(name);
        json.writeNumber(nanos / 1_000_000 / 1000.0);
    }
}
