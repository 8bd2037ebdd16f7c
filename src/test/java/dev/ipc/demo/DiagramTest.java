// The Mermaid sequence diagram: participants in the order they first act, arrows, notes, and text Mermaid would
// misread written as entity codes.
package dev.ipc.demo;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiagramTest {
    @Test
    void draws_participants_in_order_of_appearance_with_arrows_and_notes() {
        Diagram diagram = new Diagram();
        diagram.participant("parent", "parent[1]");
        diagram.call("parent", "queue 3", "msgsnd(3, {mtype=1, mtext=\"a;b\"}, 3, 0) = 0");
        diagram.call("A[2]", "queue 3", "msgrcv(3, ..., 8192, 1, 0) <unfinished ...>");
        diagram.reply("queue 3", "A[2]", "<... msgrcv resumed> = 3");
        diagram.noteAcross("ok: #1 arrived");
        assertEquals(String.join("\n",
                "sequenceDiagram",
                "    participant P1 as parent[1]",
                "    participant P2 as queue 3",
                "    participant P3 as A[2]",
                "    P1->>P2: msgsnd(3, {mtype=1, mtext=\"a#59;b\"}, 3, 0) = 0",
                "    P3->>P2: msgrcv(3, ..., 8192, 1, 0) #lt;unfinished ...#gt;",
                "    P2-->>P3: #lt;... msgrcv resumed#gt; = 3",
                "    Note over P1,P3: ok: #35;1 arrived", ""), diagram.render());
        assertEquals(3, diagram.arrows());
        assertEquals(1, diagram.notes());
    }

    @Test
    void events_become_arrows_to_the_object_a_call_names() {
        List<Transcript.Event> events = List.of(
                new Transcript.Event(1, 0, "parent", Transcript.Kind.CALL, null,
                        "semget(IPC_PRIVATE, 2, IPC_CREAT|IPC_EXCL|0600) = 7"),
                new Transcript.Event(2, 1, "parent", Transcript.Kind.START, "A[9]", "starts"),
                new Transcript.Event(3, 2, "A[9]", Transcript.Kind.CALL, null,
                        "semop(7, [{sem_num=0, sem_op=-1, sem_flg=0}], 1) <unfinished ...>"),
                new Transcript.Event(4, 3, "A[9]", Transcript.Kind.SAY, null, "waits"),
                new Transcript.Event(5, 4, "A[9]", Transcript.Kind.CALL, null, "<... semop resumed> = 0"),
                new Transcript.Event(6, 5, "A[9]", Transcript.Kind.EXIT, "parent", "exit status 0"),
                new Transcript.Event(7, 6, "parent", Transcript.Kind.CALL, "socket @x", "close(3) = 0"),
                new Transcript.Event(8, 7, "parent", Transcript.Kind.CALL, null, "shmdt(0x7f00) = 0"),
                new Transcript.Event(9, 8, "parent", Transcript.Kind.CHECK, null, "ok: A woke"));
        String text = DiagramEvents.draw(events, "parent", "parent[8]").render();
        assertEquals(String.join("\n",
                "sequenceDiagram",
                "    participant P1 as parent[8]",
                "    participant P2 as semaphore set 7",
                "    participant P3 as A[9]",
                "    participant P4 as socket @x",
                "    participant P5 as kernel",
                "    P1->>P2: semget(IPC_PRIVATE, 2, IPC_CREAT|IPC_EXCL|0600) = 7",
                "    P1->>P3: starts",
                "    P3->>P2: semop(7, [{sem_num=0, sem_op=-1, sem_flg=0}], 1) #lt;unfinished ...#gt;",
                "    P2-->>P3: #lt;... semop resumed#gt; = 0",
                "    P3-->>P1: exit status 0",
                "    P1->>P4: close(3) = 0",
                "    P1->>P5: shmdt(0x7f00) = 0",
                "    Note over P1,P5: ok: A woke", ""), text);
    }
}
