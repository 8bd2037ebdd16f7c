// ipc mk: creates IPC objects; a drop-in for ipcmk, with chosen keys, POSIX objects and JSON on top.
package dev.ipc.mk;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ipc.cli.Json;
import dev.ipc.cli.OrderedOptions;
import dev.ipc.cli.ParsedLine;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.CommandSpecs;
import dev.ipc.mk.MkRequest.Option;
import dev.ipc.render.JsonFields;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

public final class MkCommand implements Callable<Integer> {
    /** The first line of the description: all that ipc --help lists (see CommandTree). */
    public static final String SUMMARY = "Create System V and POSIX IPC objects, as ipcmk(1) does.";

    /** The options of a plain line (see {@link #run(List, ParsedLine, RunContext)}), by the name FastPath knows. */
    private static final Map<String, Option> PLAIN_OPTIONS = Map.of("-M", Option.SHMEM, "-Q", Option.QUEUE,
            "-S", Option.SEMAPHORE, "-p", Option.MODE, "--key", Option.KEY, "--json", Option.JSON);

    private CommandSpec spec;
    private final OrderedOptions<Option> options = new OrderedOptions<>();

    private MkCommand() {
    }

    /** The model, built in code like ls's: every option records itself in command-line order. */
    public static CommandSpec spec() {
        MkCommand command = new MkCommand();
        OrderedOptions<Option> options = command.options;
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        command.spec = spec;
        spec.name("mk")
                // ipcmk exits 1 for every error, bad usage included
                .exitCodeOnInvalidInput(1);
        // getopt lets an option repeat; the last value wins (ipcmk -M 1 -M 2 makes one 2-byte segment)
        spec.parser().overwrittenOptionsAllowed(true);
        spec.usageMessage()
                .sortOptions(false)
                .autoWidth(true)
                .description(SUMMARY, "")
                .footer("",
                        "SIZE is read as ipcmk reads it: a number with an optional suffix K, M, G, T, P or E "
                                + "(also KiB, MiB, ...) for powers of 1024, or KB, MB, ... for powers of 1000, "
                                + "and an optional decimal fraction: 1K and 1KiB are 1024, 1KB is 1000, 1.5K is "
                                + "1536. 0x100 is hexadecimal (256) and, beware, a leading 0 means octal: "
                                + "010 is 8.",
                        "",
                        "Without --key or --key-from each System V object gets a new random key that no other "
                                + "object has. With them, an object that already has the key is used as it is "
                                + "(said on stderr) unless --exclusive is given. A POSIX name that exists is "
                                + "likewise used as it is, never resized. If any creation fails, the objects "
                                + "created before it are removed again: all or nothing.",
                        "",
                        "Output: one line per object in ipcmk's order (shared memory, POSIX shared memory, "
                                + "message queue, POSIX message queue, semaphores, POSIX semaphore), "
                                + "e.g. 'Shared memory id: 5' or 'POSIX message queue name: /jobs'; with "
                                + "--json one object {\"objects\": [...]} giving kind, id or name, key and key_number, perms and "
                                + "mode, sizes in bytes and whether it was created or existed (the vocabulary "
                                + "of docs/json/README.md, schema docs/schema/mk.json).",
                        "",
                        "Exit status: 0 on success, 1 on any failure or bad usage (as ipcmk).",
                        "",
                        "Examples:",
                        "  ipc mk -M 1M -p 600            a 1 MiB segment, read-write for its owner",
                        "  ipc mk -Q -S 3 --key 0x1234    a queue and 3 semaphores, both with key 0x1234",
                        "  ipc mk -Q --key-from /srv/app:7  the key ftok(\"/srv/app\", 7) gives",
                        "  ipc mk --posix-mqueue --name jobs --maxmsg 10 --msgsize 512");
        spec.addOption(options.value(Option.SHMEM, "SIZE", "Create a shared memory segment of SIZE bytes.",
                "-M", "--shmem"));
        spec.addOption(options.value(Option.POSIX_SHMEM, "SIZE",
                "Create a POSIX shared memory object of SIZE bytes (needs --name).", "-m", "--posix-shmem"));
        spec.addOption(options.flag(Option.QUEUE, "Create a message queue.", "-Q", "--queue"));
        spec.addOption(options.flag(Option.POSIX_MQUEUE, "Create a POSIX message queue (needs --name).",
                "-q", "--posix-mqueue"));
        spec.addOption(options.value(Option.SEMAPHORE, "NUMBER",
                "Create a semaphore set of NUMBER semaphores (decimal).", "-S", "--semaphore"));
        // -s takes no value, as in util-linux 2.41, so that -sn NAME still means -s -n NAME
        spec.addOption(options.flag(Option.POSIX_SEMAPHORE, "Create a POSIX semaphore of value 0 (needs --name).",
                "-s"));
        spec.addOption(options.optionalValue(Option.POSIX_SEMAPHORE, "VALUE",
                "Create a POSIX semaphore of initial VALUE (default 0; needs --name).", "--posix-semaphore"));
        spec.addOption(options.value(Option.MODE, "MODE",
                "Permissions in octal (default 0644). POSIX objects get exactly MODE, not MODE less the umask.",
                "-p", "--mode"));
        spec.addOption(options.value(Option.NAME, "NAME",
                "The name of the POSIX objects; the leading '/' is added when missing.", "-n", "--name"));
        spec.addOption(options.value(Option.MAXMSG, "N",
                "Capacity of the POSIX message queue in messages (default: fs.mqueue.msg_default).",
                "--maxmsg"));
        spec.addOption(options.value(Option.MSGSIZE, "BYTES",
                "Largest message of the POSIX message queue (default: fs.mqueue.msgsize_default).",
                "--msgsize"));
        spec.addOption(options.value(Option.KEY, "KEY",
                "Give the System V objects this 32-bit key (decimal, 0x hex or 0 octal; -1 is 0xffffffff) "
                        + "instead of a random one; 0 is IPC_PRIVATE.", "--key"));
        spec.addOption(options.value(Option.KEY_FROM, "PATH[:PROJ]",
                "Derive the key as ftok(3) does from an existing file and a project id (1-255 or one "
                        + "character; default 1).", "--key-from"));
        spec.addOption(options.flag(Option.EXCLUSIVE,
                "Fail if an object with the key or name exists already (IPC_EXCL, O_EXCL).", "--exclusive"));
        spec.addOption(options.flag(Option.JSON, "Print what was created as JSON.", "--json"));
        CommandSpecs.withStandardHelp(spec);
        return spec;
    }


    @Override
    public Integer call() {
        return create(MkRequest.parse(spec.commandLine(), options.given()), RunContext.of(spec));
    }

    /**
     * A plain line of System V objects, parsed without picocli (dev.ipc.FastPath): the options among -M, -Q, -S,
     * -p, --key and --json, each once, in command-line order, with one of -M, -Q and -S; line gives their values.
     * Such a line has none of the usage errors that need picocli's model to report them.
     */
    public static int run(List<String> names, ParsedLine line, RunContext context) {
        return create(MkRequest.parse(null, OrderedOptions.plain(names, line, PLAIN_OPTIONS)), context);
    }

    private static int create(MkRequest request, RunContext context) {
        if (request.posixSharedMemorySize().isPresent() || request.posixSemaphoreValue().isPresent()) {
            context.refusePosixFilesInOtherNamespace();
        }
        Creator creator = new Creator(request, context.paths());
        List<MkObject> made;
        try {
            made = creator.createAll();
        } finally {
            for (String note : creator.notes()) {
                context.warning(note);
            }
            context.err().flush();
        }
        PrintWriter out = context.out();
        if (request.json()) {
            writeJson(out, made);
        } else {
            for (MkObject object : made) {
                out.println(object.line());
            }
        }
        out.flush();
        return 0;
    }

    private static void writeJson(PrintWriter out, List<MkObject> made) {
        try {
            JsonGenerator json = Json.openOneLine(out);
            json.writeStartObject();
            json.writeArrayFieldStart("objects");
            for (MkObject object : made) {
                json.writeStartObject();
                json.writeStringField("kind", object.kind());
                if (object.id().isPresent()) {
                    json.writeNumberField("id", object.id().getAsInt());
                    JsonFields.key(json, object.key().getAsInt());
                } else {
                    json.writeStringField("name", object.name());
                }
                JsonFields.perms(json, object.mode());
                for (Map.Entry<String, Long> figure : object.figures().entrySet()) {
                    JsonFields.size(json, figure.getKey(), figure.getValue()); // sizes and counts, unsigned
                }
                json.writeBooleanField("created", object.created());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
