// What ipc sem|msg|shm tune found or did, one type per outcome, for TuneRenderer to print as text or JSON.
package dev.ipc.tune;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

sealed interface TuneResult {
    /** What the user should know, in the order found: on stderr after the text, or part of the JSON object. */
    List<String> warnings();

    /** The failure to report once the result is printed (exit 1); empty when the run succeeded. */
    Optional<String> failure();

    /** The limits now, how much of each the objects that exist use, and what makes no sense in them. */
    record Shown(Map<Limit, Long> values, LimitUse use, List<String> warnings) implements TuneResult {
        @Override
        public Optional<String> failure() {
            return Optional.empty();
        }
    }

    /**
     * A preset's guide, and what applying it changed.
     *
     * @param description what the values are for: "PostgreSQL with max_connections 200"
     * @param rows        one per limit the guide asks something of; empty when it asks nothing
     * @param applied     empty unless --apply had something to raise or to record
     */
    record Guided(Preset preset, String description, List<GuideRow> rows, Optional<Changed> applied)
            implements TuneResult {
        /** Whether the guide asks more than a current value: with --apply, something changes. */
        boolean raisesALimit() {
            return rows.stream().anyMatch(GuideRow::raises);
        }

        @Override
        public List<String> warnings() {
            return applied.map(Changed::warnings).orElse(List.of());
        }

        @Override
        public Optional<String> failure() {
            return applied.flatMap(Changed::failure);
        }
    }

    /**
     * Values set (or, in a dry run, only checked), and the file they were recorded in.
     *
     * @param saved   empty without --persist, and when the run failed after putting the file in place
     * @param failure the file is in place but its folder could not be synced: the changes are printed, then this
     */
    record Changed(List<Change> changes, boolean dryRun, Optional<Saved> saved, List<String> warnings,
                   Optional<String> failure) implements TuneResult {
    }

    /** Nothing changed: values would lower limits, and --force was not given. */
    record Refused(List<String> warnings, List<String> refusals) implements TuneResult {
        /** All but the last refusal, each printed as an error of its own. */
        List<String> earlierRefusals() {
            return refusals.subList(0, refusals.size() - 1);
        }

        /** The last refusal, with what the run did and what --force would do: the run's one failure. */
        @Override
        public Optional<String> failure() {
            return Optional.of("refusing: " + refusals.get(refusals.size() - 1) + "; nothing changed (--force sets "
                    + (refusals.size() == 1 ? "it" : "them") + " anyway)");
        }
    }

    /** One limit's change; unchanged when old equals now. */
    record Change(Limit limit, long old, long now) {
        boolean changed() {
            return old != now;
        }
    }

    /** The guide's value for one limit and what tune sets: the higher of it and the current value. */
    record GuideRow(Limit limit, long now, long guide, long setting) {
        boolean raises() {
            return setting != now;
        }
    }

    /** @param written false in a dry run */
    record Saved(Path file, Map<String, String> settings, boolean written) {
    }
}
