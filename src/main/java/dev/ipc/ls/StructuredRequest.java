// What a structured listing shows, how, and which objects: small named records, checked as a whole before
// anything is read.
package dev.ipc.ls;

import dev.ipc.cli.IpcException;
import dev.ipc.render.IpcsRenderer.Format;
import dev.ipc.render.IpcsRenderer.Unit;
import dev.ipc.render.TimeFormat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

record StructuredRequest(Selection selection, LsOptions.ColumnChoice columns, Look look, Filter filter) {
    /** The structured listing the options ask for; a mistake in them is an error before anything is read. */
    static StructuredRequest of(LsOptions options) {
        TimeFormat times = null;
        if (options.timeFormat() != null) {
            times = TimeFormat.byName(options.timeFormat());
            if (times == null) {
                throw IpcException.usage("invalid --time-format '" + options.timeFormat()
                        + "': expected short, full or iso");
            }
        }
        Integer objectId = options.objectId();
        String name = options.name();
        if (name != null && options.kinds().posixCount() != 1) {
            throw IpcException.usage("--name '" + name + "' needs exactly one of -Q, -M, -S");
        }
        // lsipc shows one object (-i) a line per column unless an output form or --list is asked for
        boolean details = objectId != null && options.output() == LsOptions.Output.TABLE && !options.list();
        Look look = new Look(options.output(), options.headings(), options.unit() == Unit.BYTES,
                options.numericPerms(), times, details, options.shellNames());
        return new StructuredRequest(Selection.of(options), options.columns(), look,
                new Filter(objectId, name, options.orphans()));
    }

    /**
     * The listings, in order; with the limits table, the resources whose limits it shows and the System V kinds
     * named with -g, whose (empty) columns lsipc puts before the limits'.
     */
    record Selection(List<Listing> listings, Set<Listing> limitsFor, List<Listing> namedWithLimits) {
        static Selection of(LsOptions options) {
            LsOptions.Kinds kinds = options.kinds();
            boolean all = kinds.noneNamed();
            List<Listing> listings = new ArrayList<>();
            Set<Listing> limitsFor = EnumSet.noneOf(Listing.class);
            List<Listing> named = new ArrayList<>();
            if (kinds.global() || options.format() == Format.LIMITS || options.format() == Format.SUMMARY) {
                listings.add(Listing.GLOBAL);
                addIf(named, Listing.QUEUES, kinds.queues());
                addIf(named, Listing.SEGMENTS, kinds.segments());
                addIf(named, Listing.SEMAPHORES, kinds.semaphores());
                addIf(limitsFor, Listing.QUEUES, kinds.queues() || all);
                addIf(limitsFor, Listing.SEGMENTS, kinds.segments() || all);
                addIf(limitsFor, Listing.SEMAPHORES, kinds.semaphores() || all);
                addIf(limitsFor, Listing.POSIX_QUEUES, kinds.posixQueues() || all);
            } else {
                addIf(listings, Listing.QUEUES, kinds.queues() || all);
                addIf(listings, Listing.SEGMENTS, kinds.segments() || all);
                addIf(listings, Listing.SEMAPHORES, kinds.semaphores() || all);
                addIf(listings, Listing.POSIX_QUEUES, kinds.posixQueues());
                addIf(listings, Listing.POSIX_SHMEMS, kinds.posixShmems());
                addIf(listings, Listing.POSIX_SEMAPHORES, kinds.posixSemaphores());
            }
            return new Selection(List.copyOf(listings), limitsFor, List.copyOf(named));
        }

        private static void addIf(Collection<Listing> to, Listing listing, boolean condition) {
            if (condition) {
                to.add(listing);
            }
        }
    }

    /**
     * How the listings are printed.
     *
     * @param timeFormat --time-format, or null for the output's default
     * @param details    one object (-i) as lsipc shows it: "Label:" and value, a line per column
     * @param shellNames lsipc's --shell
     */
    record Look(LsOptions.Output output, boolean headings, boolean bytes, boolean numericPerms,
                TimeFormat timeFormat, boolean details, boolean shellNames) {
    }

    /**
     * Which objects are shown.
     *
     * @param id   -i, or null
     * @param name --name of a POSIX object, or null
     */
    record Filter(Integer id, String name, boolean orphans) {
    }
}
