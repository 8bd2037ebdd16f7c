// What the kernel accepts but should not be done blindly: values that contradict each other, lowering a limit,
// or setting it below what is in use now.
package dev.ipc.tune;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class Checks {
    /** Guides ask for 32 to 100; the kernel's default is 500. */
    static final long SEMOPM_WARNING = 1000;

    private Checks() {
    }

    /**
     * Warnings about a full set of values: the kernel takes them, but some make no sense. A value below what is in
     * use is reported here only when it is not lower than before (a lowering is a refusal, see below).
     */
    static List<String> warnings(LimitGroup group, Map<Limit, Long> values, Map<Limit, Long> old, LimitUse use,
                                 long pageSize, long ipcmni) {
        List<String> warnings = new ArrayList<>();
        for (Limit limit : group.limits()) {
            long value = values.get(limit);
            if (!limit.inRange(value, ipcmni)) {
                warnings.add(limit.name() + " is " + limit.format(value) + ", outside " + limit.rangeText(ipcmni)
                        + ": set it with " + limit.option());
            } else if (value == 0) {
                warnings.add(limit.name() + " is 0: " + limit.atZero());
            }
        }
        switch (group) {
            case SEM -> {
                long semmsl = values.get(Limit.SEMMSL);
                long semmns = values.get(Limit.SEMMNS);
                BigInteger most = BigInteger.valueOf(semmsl).multiply(BigInteger.valueOf(values.get(Limit.SEMMNI)));
                if (BigInteger.valueOf(semmns).compareTo(most) > 0) {
                    warnings.add("SEMMNS " + semmns + " is more than SEMMSL x SEMMNI = " + most
                            + ": no more than " + most + " semaphores can ever exist");
                }
                if (semmns < semmsl) {
                    warnings.add("SEMMNS " + semmns + " is less than SEMMSL " + semmsl + ": a set of more than "
                            + semmns + " semaphores can never be created");
                }
                long semopm = values.get(Limit.SEMOPM);
                if (semopm > SEMOPM_WARNING) {
                    warnings.add("SEMOPM " + semopm + " is above " + SEMOPM_WARNING + ": one semop call may then "
                            + "make the kernel copy and apply that many operations while it holds the set's lock "
                            + "(guides ask for 32 to 100)");
                }
            }
            case MSG -> {
                long msgmax = values.get(Limit.MSGMAX);
                long msgmnb = values.get(Limit.MSGMNB);
                if (msgmax > msgmnb) {
                    warnings.add("MSGMAX " + msgmax + " is more than MSGMNB " + msgmnb + ": a message of more than "
                            + msgmnb + " bytes never fits in a new queue, and msgsnd of one blocks forever (or "
                            + "fails with EAGAIN under IPC_NOWAIT)");
                }
            }
            case SHM -> {
                BigInteger shmmax = unsigned(values.get(Limit.SHMMAX));
                BigInteger total = unsigned(values.get(Limit.SHMALL)).multiply(BigInteger.valueOf(pageSize));
                if (total.compareTo(shmmax) < 0) {
                    warnings.add("SHMALL " + Long.toUnsignedString(values.get(Limit.SHMALL)) + " pages of "
                            + pageSize + " bytes = " + total + " bytes is less than SHMMAX " + shmmax
                            + ": no segment larger than " + total + " bytes can be created");
                }
            }
        }
        for (Limit limit : group.limits()) {
            long value = values.get(limit);
            Optional<LimitUse.InUse> inUse = use.of(limit);
            boolean lowered = limit.compare(value, old.get(limit)) < 0;
            if (!lowered && inUse.isPresent() && limit.compare(value, inUse.get().amount()) < 0) {
                warnings.add(limit.name() + " " + limit.format(value) + " is below what is in use: "
                        + limit.overUse(inUse.get(), value));
            }
        }
        return warnings;
    }

    /** Why each requested value should not be set without --force: it lowers a limit, perhaps below its use. */
    static List<String> refusals(Map<Limit, Long> requested, Map<Limit, Long> old, LimitUse use) {
        List<String> refusals = new ArrayList<>();
        for (Map.Entry<Limit, Long> entry : requested.entrySet()) {
            Limit limit = entry.getKey();
            long value = entry.getValue();
            long now = old.get(limit);
            if (limit.compare(value, now) >= 0) {
                continue;
            }
            Optional<LimitUse.InUse> inUse = use.of(limit);
            boolean belowUse = inUse.isPresent() && limit.compare(value, inUse.get().amount()) < 0;
            refusals.add("lowering " + limit.name() + " from " + limit.format(now) + " to " + limit.format(value)
                    + ": " + (belowUse ? limit.overUse(inUse.get(), value) : limit.consequence(value)));
        }
        return refusals;
    }

    private static BigInteger unsigned(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }
}
