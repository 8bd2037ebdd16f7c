// What the socket demo found, for --json.
package dev.ipc.socket;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ipc.libc.SocketCalls.Credentials;

import java.io.IOException;
import java.util.List;

/** Filled as the lab goes; a part that did not run leaves its fields empty and is written as null. */
final class SocketFindings {
    final List<byte[]> messages;
    List<String> streamReads = List.of();
    List<String> pairReads = List.of();
    List<String> pathReads = List.of();
    String path;
    boolean pathLeftAfterClose;
    String abstractName;
    boolean abstractGoneAfterClose;
    long childPid;
    Credentials peer;
    Credentials childCredentials;
    int passedDescriptor = -1;
    String passedNote;
    int udpPort;
    String udpSender;
    List<String> udpReads = List.of();

    SocketFindings(List<byte[]> messages) {
        this.messages = messages;
    }

    void write(JsonGenerator json) throws IOException {
        strings(json, "messages", messages.stream().map(SocketSteps::text).toList());
        json.writeObjectFieldStart("stream");
        strings(json, "reads", streamReads);
        json.writeEndObject();
        json.writeObjectFieldStart("datagram_pair");
        strings(json, "reads", pairReads);
        json.writeEndObject();
        json.writeObjectFieldStart("path");
        json.writeStringField("path", path);
        strings(json, "reads", pathReads);
        json.writeBooleanField("left_after_close", pathLeftAfterClose);
        json.writeEndObject();
        json.writeObjectFieldStart("abstract");
        json.writeStringField("name", abstractName);
        json.writeBooleanField("gone_after_close", abstractGoneAfterClose);
        json.writeNumberField("child_pid", childPid);
        credentials(json, "peer_credentials", peer);
        credentials(json, "child_credentials", childCredentials);
        json.writeNumberField("passed_fd", passedDescriptor);
        json.writeStringField("passed_fd_read", passedNote);
        json.writeEndObject();
        json.writeObjectFieldStart("udp");
        json.writeNumberField("port", udpPort);
        json.writeStringField("sender", udpSender);
        strings(json, "reads", udpReads);
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void credentials(JsonGenerator json, String name, Credentials credentials) throws IOException {
        if (credentials == null) {
            json.writeNullField(name);
            return;
        }
        json.writeObjectFieldStart(name);
        json.writeNumberField("pid", credentials.pid());
        json.writeNumberField("uid", credentials.uid());
        json.writeNumberField("gid", credentials.gid());
        json.writeEndObject();
    }
}
