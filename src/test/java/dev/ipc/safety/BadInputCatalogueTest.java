// Bad invocations of every command: each fails with a clear line that names the value, and changes nothing.
package dev.ipc.safety;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.IpcProcess;
import dev.ipc.support.Unprivileged;
import dev.ipc.tune.PrivateLimits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static dev.ipc.support.Arguments.split;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Each case is a command line (with the placeholders of {@link Fixture}), the exit code it must end with, and the
 * value its message must name. The util-linux clones keep their tools' codes (1 for every mistake of ipcs, ipcrm
 * and ipcmk; 2 for ls's lsipc options, which ipcs lacks); the others 2 for usage, 1 or their own code at run time.
 */
@ExtendWith(PrivateLimits.class)
class BadInputCatalogueTest {
    @RegisterExtension
    final Fixture fixture = new Fixture();

    record Case(int exit, String value, String line) {
        @Override
        public String toString() {
            return "ipc " + line + " exits " + exit + (value == null ? "" : " naming '" + value + "'");
        }
    }

    static Case bad(int exit, String value, String line) {
        return new Case(exit, value, line);
    }

    static final List<Case> LS = List.of(
            bad(1, "abc", "ls -q -i abc"),
            bad(1, "99999999999999999999", "ls -q -i 99999999999999999999"),
            bad(1, "''", "ls -m -i ''"),
            bad(1, null, "ls -i 1"),
            bad(1, "-x", "ls -x"),
            bad(1, "--bogus", "ls --bogus"),
            bad(1, "-i", "ls -q -i"),
            bad(2, "yesterday", "ls --time-format yesterday"),
            bad(2, "NOPE", "ls -o NOPE"),
            bad(2, "KEЙ", "ls -o KEЙ"),
            bad(2, "''", "ls -o ''"),
            bad(2, "+", "ls -o +"),
            bad(2, "NAME", "ls -q -o NAME"),
            bad(2, "jobs", "ls -N jobs"),
            bad(2, "\u00fc", "ls -N \u00fc"),
            bad(2, "sometimes", "ls --color=sometimes"), // an option ipcs lacks: a usage error
            bad(1, "abc", "ls --orphans -q -i abc"),
            bad(1, "\u0660", "ls -q -i \u0660"),
            bad(0, "nomatch", "ls -Q -N nomatch")); // as ipcs -i of an id that names nothing

    static final List<Case> MK = List.of(
            bad(1, "abc", "mk -M abc"),
            bad(1, "-1", "mk -M -1"),
            bad(1, "''", "mk -M ''"),
            bad(1, "99999999999999999999", "mk -M 99999999999999999999"),
            bad(1, "100E", "mk -M 100E"),
            bad(1, null, "mk -M 0"),
            bad(1, "abc", "mk -S abc"),
            bad(1, "99999999999", "mk -S 99999999999"),
            bad(1, null, "mk -S 0"),
            bad(1, "abc", "mk -Q -p abc"),
            bad(1, "8", "mk -Q -p 8"),
            bad(1, "''", "mk -Q -p ''"),
            bad(1, "abc", "mk -Q -M abc"),
            bad(1, "abc", "mk -Q -S 1 -M 1K -p abc"),
            bad(1, "extra", "mk -Q extra"),
            bad(1, null, "mk"),
            bad(1, "/nonexistent/file", "mk -Q --key-from /nonexistent/file"),
            bad(1, "abc", "mk -Q --key-from {TMP}/existing.conf:abc"),
            bad(1, "{TMP}/\u00fc", "mk -Q --key-from {TMP}/\u00fc"),
            bad(1, "999", "mk -Q --key-from {TMP}/existing.conf:999"),
            bad(1, "abc", "mk --posix-mqueue --name q --maxmsg abc"),
            bad(1, "-1", "mk --posix-mqueue --name q --msgsize -1"),
            bad(1, "99999999999999999999", "mk --posix-mqueue --name q --maxmsg 99999999999999999999"),
            bad(1, "a/b", "mk -m 1K --name a/b"),
            bad(1, "-5", "mk --posix-semaphore=-5 --name s"),
            bad(1, "abc", "mk -Q --key abc"),
            bad(1, "''", "mk -Q --key ''"),
            bad(1, "99999999999999999999", "mk -Q --key 99999999999999999999"),
            bad(1, "0x00005afe", "mk -Q --key 0x5afe --exclusive"));

    static final List<Case> RM = List.of(
            bad(1, "abc", "rm -q abc"),
            bad(1, "99999999999999999999", "rm -q 99999999999999999999"),
            bad(1, "-5", "rm -q -5"),
            bad(1, "''", "rm -m ''"),
            bad(1, "zz", "rm -Q zz"),
            bad(1, "0", "rm -Q 0"),
            bad(1, "abc", "rm -q {Q} -m {M} -s abc"),
            bad(1, "nope", "rm --all=nope"),
            bad(1, "foo", "rm foo 1"),
            bad(1, null, "rm msg"),
            bad(1, null, "rm"),
            bad(1, "extra", "rm -q {Q} extra"),
            bad(1, "abc", "rm --all --older-than abc"),
            bad(1, "nosuchuser", "rm --all --owner nosuchuser"),
            bad(1, "''", "rm --posix-mqueue ''"),
            bad(1, "99999", "rm -q 99999"),
            bad(1, "abc", "rm --all --orphans --older-than abc"),
            bad(1, "--orphans", "rm -q {Q} --orphans"),
            bad(1, null, "rm --dry-run"));

    static final List<Case> SEM = List.of(
            bad(2, "abc", "sem get --id abc"),
            bad(2, "99999999999999999999", "sem get --id 99999999999999999999"),
            bad(2, "''", "sem get --id ''"),
            bad(2, "zz", "sem get --key zz"),
            bad(2, null, "sem get"),
            bad(3, "12345", "sem get --id 12345"),
            bad(9, "99", "sem get --id {S} --num 99"),
            bad(2, "-1", "sem get --id {S} --num -1"),
            bad(2, "abc", "sem set --id {S} 1 abc"),
            bad(9, "40000", "sem set --id {S} 1 40000"),
            bad(9, "-1", "sem set --id {S} -1 1"),
            bad(2, "99999999999999999999", "sem set --id {S} 1 99999999999999999999"),
            bad(2, null, "sem set --id {S} 1"),
            bad(9, "5", "sem set --id {S} --num 5 1"),
            bad(2, "abc", "sem op --id {S} 0:abc"),
            bad(2, "x:1", "sem op --id {S} x:1"),
            bad(2, "''", "sem op --id {S} ''"),
            bad(2, "0:99999999999999999999", "sem op --id {S} 0:99999999999999999999"),
            bad(9, "5", "sem op --id {S} 0:+1 5:-1"),
            bad(2, "abc", "sem op --id {S} --timeout abc 0:-1"),
            bad(2, "-1s", "sem op --id {S} --timeout -1s 0:-1"),
            bad(2, "abc", "sem op --id {S} --undo --hold abc 0:+1"),
            bad(2, "nosuchuser", "sem set-perms --id {S} --owner nosuchuser"),
            bad(2, "nosuchgroup", "sem set-perms --id {S} --group nosuchgroup"),
            bad(2, "999", "sem set-perms --id {S} --mode 999"),
            bad(2, "''", "sem set-perms --id {S} --mode ''"),
            bad(2, "abc", "sem demo --pace abc"),
            bad(2, "--role", "sem demo --role D"));

    static final List<Case> MSG = List.of(
            bad(2, "abc", "msg send --id {Q} --type abc hi"),
            bad(2, "0", "msg send --id {Q} --type 0 hi"),
            bad(2, "-1", "msg send --id {Q} --type -1 hi"),
            bad(2, "99999999999999999999", "msg send --id {Q} --type 99999999999999999999 hi"),
            bad(1, "/nonexistent/file", "msg send --id {Q} --file /nonexistent/file"),
            bad(1, "{TMP}/dir", "msg send --id {Q} --file {TMP}/dir"),
            bad(1, "{TMP}/\u00fc", "msg send --id {Q} --file {TMP}/\u00fc"),
            bad(2, "abc", "msg send --id {Q} --timeout abc hi"),
            bad(2, null, "msg send --id {Q} --file {TMP}/existing.conf hi"),
            bad(2, "abc", "msg recv --id {Q} --type abc"),
            bad(2, "0", "msg recv --id {Q} --count 0"),
            bad(2, "-1", "msg recv --id {Q} --count -1"),
            bad(2, "abc", "msg recv --id {Q} --max-size abc"),
            bad(2, "-1", "msg recv --id {Q} --max-size -1"),
            bad(2, "abc", "msg recv --id {Q} --timeout abc"),
            bad(2, "abc", "msg stat --id abc"),
            bad(2, "''", "msg stat --key ''"),
            bad(3, "0x00007777", "msg stat --key 0x7777"),
            bad(2, "abc", "msg set-perms --id {Q} --mode abc"),
            bad(2, "nosuchuser", "msg set-perms --id {Q} --owner nosuchuser"),
            bad(2, "abc", "msg demo --clients abc"),
            bad(2, "-1", "msg demo --round-trips -1"),
            bad(2, "--role", "msg demo --role judge"));

    static final List<Case> SHM = List.of(
            bad(2, "99999999999999999999", "shm read --id {M} --offset 99999999999999999999"),
            bad(2, "-1", "shm read --id {M} --offset -1"),
            bad(2, "abc", "shm read --id {M} --length abc"),
            bad(2, "\uff14", "shm read --id {M} --length \uff14"),
            bad(9, "5000", "shm read --id {M} --offset 5000"),
            bad(9, "4094", "shm write --id {M} --offset 4094 hello"),
            bad(1, "/nonexistent/file", "shm write --id {M} --file /nonexistent/file"),
            bad(1, "{TMP}/dir", "shm write --id {M} --file {TMP}/dir"),
            bad(2, "abc", "shm lock --id abc"),
            bad(2, "abc", "shm unlock --id abc"),
            bad(2, "abc", "shm set-perms --id {M} --group abc"),
            bad(2, "abc", "shm demo --items abc"),
            bad(2, "-1", "shm demo --size -1"),
            bad(2, "0", "shm demo --slots 0"),
            bad(2, "--role", "shm demo --role thief --segment 0 --set 0"),
            bad(2, "''", "msg send --id {Q} --file ''"));

    static final List<Case> TUNE = List.of(
            bad(2, "abc", "sem tune --semmni abc"),
            bad(2, "\uff13\uff12\uff10\uff10\uff11", "sem tune --semmni \uff13\uff12\uff10\uff10\uff11"),
            bad(2, "-1", "sem tune --semmni -1"),
            bad(2, "99999999999999999999", "sem tune --semmni 99999999999999999999"),
            bad(2, "''", "sem tune --semmsl ''"),
            bad(2, "0777", "sem tune --semopm 0777"),
            bad(2, null, "sem tune 1 2 3"),
            bad(2, "nope", "sem tune --preset nope"),
            bad(2, "-1", "sem tune --preset postgresql --connections -1"),
            bad(2, "abc", "msg tune --msgmax abc"),
            bad(2, "1e3", "msg tune --msgmnb 1e3"),
            bad(2, "-1", "shm tune --shmmax -1"),
            bad(2, "abc", "shm tune --shmall abc"),
            bad(2, "99999999999999999999", "shm tune --shmmni 99999999999999999999"),
            bad(1, "{TMP}/no/such/folder/x.conf", "sem tune --semmni 32001 --persist={TMP}/no/such/folder/x.conf"),
            bad(1, "{TMP}/dir", "sem tune --semmni 32001 --persist={TMP}/dir"),
            bad(2, "abc", "sem tune --preset db2 --ram abc"),
            bad(2, "-1", "sem tune --preset db2 --ram -1"),
            bad(2, "''", "sem tune --preset db2 --ram ''"),
            bad(1, "{TMP}/\u00fc.conf", "sem tune --semmni 32001 --persist={TMP}/\u00fc.conf"),
            bad(2, "99999999999999999999", "sem tune --preset db2 --ram 99999999999999999999"),
            bad(2, "--ram", "sem tune --ram 64G"));

    static final List<Case> FIFO_AND_PIPES = List.of(
            bad(2, "abc", "fifo send --count abc seq"),
            bad(2, "abc", "fifo send --timeout abc ping"),
            bad(2, "abc", "fifo serve --requests abc"),
            bad(2, "abc", "fifo serve --idle-timeout abc"),
            bad(2, "abc", "fifo bench --clients abc"),
            bad(2, "\u0662", "fifo bench --clients \u0662"),
            bad(2, "\u0663", "fifo send --count \u0663 seq"),
            bad(2, "-1", "fifo bench --requests -1"),
            bad(2, "--worker", "fifo bench --worker"),
            bad(2, "--connect", "socket demo --connect x"),
            bad(2, "abc", "pipe-demo capacity --size abc"),
            bad(2, "99999999999999999999", "pipe-demo capacity --size 99999999999999999999"),
            bad(2, "-1", "pipe-demo atomic --writers -1"),
            bad(2, "''", "pipe-demo atomic --size ''"),
            bad(2, "abc", "pipe-demo hello --timeout abc"),
            bad(2, "-1", "pipe-demo hello --wait -1"),
            bad(2, "x", "pipe-demo popen --mode x ls"),
            bad(127, "no-such-command-here", "pipe-demo pipeline -- no-such-command-here"),
            bad(2, "nosuchcommand", "nosuchcommand"),
            bad(2, "ünïcödé", "sem ünïcödé"));

    static List<Case> catalogue() {
        return java.util.stream.Stream.of(LS, MK, RM, SEM, MSG, SHM, TUNE, FIFO_AND_PIPES)
                .flatMap(List::stream).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void fails_clearly_and_changes_nothing(Case bad) {
        SystemState before = fixture.capture();
        CommandResult result = Ipc.run(split(fixture.fill(bad.line())));
        assertNull(Failures.unclear(result, value(bad.value()), bad.exit()), () -> bad + "\n" + result);
        assertEquals("", before.differences(fixture.capture()), () -> bad
                + " changed something\n" + result);
    }

    static final List<Case> AS_NOBODY = List.of(
            bad(1, "{Q}", "rm -q {Q}"),
            bad(1, null, "sem tune --semmni 1000"),
            bad(4, null, "shm write --id {M} hello"),
            bad(4, null, "msg recv --id {Q} --nowait"),
            bad(4, null, "sem set-perms --id {S} --mode 0666"),
            bad(1, "{TMP}/existing.conf", "msg tune --msgmni 32001 --persist={TMP}/existing.conf"));

    @ParameterizedTest(name = "as nobody: {0}")
    @MethodSource("asNobody")
    void fails_clearly_and_changes_nothing_for_a_user_without_permission(Case bad) {
        Assumptions.assumeTrue(Unprivileged.unavailableReason() == null, Unprivileged::unavailableReason);
        SystemState before = fixture.capture();
        IpcProcess.Result run = IpcProcess.runUnprivileged(split(fixture.fill(bad.line())));
        CommandResult result = new CommandResult(run.exitCode(), run.outText(), run.err());
        assertNull(Failures.unclear(result, value(bad.value()), bad.exit()), () -> bad + "\n" + result);
        assertEquals("", before.differences(fixture.capture()), () -> bad
                + " changed something\n" + result);
    }

    static List<Case> asNobody() {
        return AS_NOBODY;
    }


    /** The value as the message must name it: '' stands for the empty value, named as ''. */
    private String value(String value) {
        return value == null ? null : value.equals("''") ? "''" : fixture.fill(value);
    }
}
