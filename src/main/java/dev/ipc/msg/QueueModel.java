// A message queue as the documents describe msgrcv's choice, to predict what the kernel will hand out.
package dev.ipc.msg;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

final class QueueModel {
    record Message(long type, String text) {
        @Override
        public String toString() {
            return type + ":" + text;
        }
    }

    private final List<Message> messages = new ArrayList<>();

    void send(long type, String text) {
        messages.add(new Message(type, text));
    }

    /**
     * The message msgrcv(2) returns and removes: type 0 the first; type N > 0 the first of type N (with except, the
     * first whose type is not N); type -N the first of the lowest type that is N or less. Null when none matches.
     */
    Message select(long type, boolean except) {
        Message chosen = null;
        for (Message m : messages) {
            if (type == 0 || (type > 0 && (m.type() == type) != except)) {
                chosen = m;
                break;
            }
            if (type < 0 && m.type() <= -type && (chosen == null || m.type() < chosen.type())) {
                chosen = m;
            }
        }
        return chosen;
    }

    void remove(Message message) {
        messages.remove(message);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** The queue, oldest first, with one message in brackets: "3:c1 [1:a1] 2:b1". */
    String show(Message marked) {
        return messages.isEmpty() ? "(empty)" : messages.stream()
                .map(m -> m == marked ? "[" + m + "]" : m.toString()).collect(Collectors.joining(" "));
    }
}
