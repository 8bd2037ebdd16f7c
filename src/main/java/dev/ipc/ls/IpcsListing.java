// ipc ls in ipcs's conventions: the sections, limits, summary or one object's block, byte for byte as ipcs.
package dev.ipc.ls;

import dev.ipc.cli.RunContext;
import dev.ipc.model.IpcUsage;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVKind;
import dev.ipc.model.SystemVObject;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.render.CTime;
import dev.ipc.render.IpcsRenderer;
import dev.ipc.render.TextBuffer;
import dev.ipc.state.Orphans;
import dev.ipc.state.SystemVSource;
import dev.ipc.state.UserDirectory;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.PageSize;
import dev.ipc.libc.SystemVCalls;
import dev.ipc.util.Parallel;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

final class IpcsListing {
    private final LsOptions options;
    private final SystemVSource source;
    private final IpcsRenderer renderer;
    private final RunContext context;

    IpcsListing(LsOptions options, RunContext context) {
        SystemPaths paths = context.paths();
        this.options = options;
        this.context = context;
        this.source = new SystemVSource(paths, context.prefetch());
        this.renderer = new IpcsRenderer(new UserDirectory(paths.passwd(), paths.group()), options.format(),
                options.unit(), CTime.systemDefault(context.environment()));
    }

    /** Prints what the options ask for; returns the exit code. */
    int print() {
        PrintWriter out = context.out();
        TextBuffer text = new TextBuffer(64 * 1024);
        Integer objectId = options.objectId();
        if (objectId != null) {
            if (!details(text, objectId)) {
                context.warning("id " + objectId + " not found");
            }
            out.write(text.toString());
            return 0;
        }
        LsOptions.Kinds kinds = options.kinds();
        boolean all = kinds.noneNamed();
        boolean queues = kinds.queues() || all;
        boolean segments = kinds.segments() || all;
        boolean semaphores = kinds.semaphores() || all;
        text.newline();
        switch (options.format()) {
            // the page size only for these: the listings do without Unsafe, whose look-up is by reflection
            case LIMITS -> renderer.limits(text, source.limits(), queues, segments, semaphores, PageSize.get());
            case SUMMARY -> {
                IpcUsage usage = source.usage(PageSize.get());
                if (queues) {
                    renderer.messageSummary(text, usage);
                    text.newline();
                }
                if (segments) {
                    renderer.sharedMemorySummary(text, usage);
                    text.newline();
                }
                if (semaphores) {
                    renderer.semaphoreSummary(text, usage);
                    text.newline();
                }
            }
            default -> {
                // Each section is read, parsed and rendered on its own thread; they are printed in order.
                List<Callable<TextBuffer>> sections = new ArrayList<>(3);
                Orphans only = options.orphans() ? new Orphans(context.paths()) : null;
                if (queues) {
                    sections.add(new Section(renderer, source, SystemVKind.QUEUE, only));
                }
                if (segments) {
                    sections.add(new Section(renderer, source, SystemVKind.SEGMENT, only));
                }
                if (semaphores) {
                    sections.add(new Section(renderer, source, SystemVKind.SEMAPHORE_SET, only));
                }
                List<TextBuffer> rendered = Parallel.all(sections);
                out.write(text.toString());
                for (TextBuffer section : rendered) {
                    out.write(section.toString());
                    out.write('\n');
                }
                if (only != null) {
                    out.flush();
                    only.doubts().ifPresent(doubts -> context.warning(doubts));
                }
                return 0;
            }
        }
        out.write(text.toString());
        return 0;
    }

    /** One section of an ipcs listing: its objects read and rendered; orphans null when not asked for. */
    private record Section(IpcsRenderer renderer, SystemVSource source, SystemVKind resource, Orphans orphans)
            implements Callable<TextBuffer> {
        @Override
        public TextBuffer call() {
            TextBuffer text = new TextBuffer(64 * 1024);
            switch (resource) {
                case QUEUE -> renderer.messageQueues(text, only(source.messageQueues()));
                case SEGMENT -> renderer.sharedMemory(text, only(source.sharedMemorySegments()));
                case SEMAPHORE_SET -> renderer.semaphores(text, only(source.semaphoreSets()));
            }
            return text;
        }

        /** With --orphans, the objects no live process uses (see {@link Orphans}); else all of them. */
        private <T extends SystemVObject> List<T> only(List<T> objects) {
            return orphans != null ? objects.stream().filter(orphans::orphan).toList() : objects;
        }
    }

    /**
     * The object's block, as ipcs -i prints it; false when there is no such object. No lambdas: -i is a line
     * scripts run one object at a time, and a lambda's first call links the JVM's lambda machinery at start-up.
     */
    private boolean details(TextBuffer text, int objectId) {
        LsOptions.Kinds kinds = options.kinds();
        if (kinds.queues()) {
            Optional<MessageQueue> queue = source.messageQueue(objectId);
            if (queue.isPresent()) {
                // qbytes is not in /proc; ipcs shows 0 when IPC_STAT is refused
                renderer.messageQueueDetails(text, queue.get().withMaxBytes(queueLimit(objectId)));
            }
            return queue.isPresent();
        }
        if (kinds.segments()) {
            Optional<SharedMemorySegment> segment = source.sharedMemorySegment(objectId);
            if (segment.isPresent()) {
                renderer.sharedMemoryDetails(text, segment.get());
            }
            return segment.isPresent();
        }
        Optional<SemaphoreSet> set = source.semaphoreSet(objectId);
        if (set.isPresent()) {
            renderer.semaphoreSetDetails(text,
                    set.get().withSemaphores(SystemVCalls.semaphores(objectId, set.get().count())));
        }
        return set.isPresent();
    }

    /** The queue's byte limit by IPC_STAT; 0 when the kernel refuses it (EACCES), as ipcs shows it. */
    private static long queueLimit(int objectId) {
        try {
            Optional<MessageQueue> queue = SystemVCalls.messageQueue(objectId);
            return queue.isPresent() ? queue.get().maxBytes().orElse(0) : 0;
        } catch (NativeCallException refused) {
            return 0;
        }
    }
}
