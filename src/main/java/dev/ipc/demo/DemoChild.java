// A child process of a demo: a record of its parameters, run in a JVM of its own by dev.ipc.DemoChildMain.
package dev.ipc.demo;

import java.io.PrintWriter;
import java.util.Map;

/**
 * The parent makes the record, {@link DemoRun#start} passes its components on the child's command line (see
 * {@link ChildArguments}), and dev.ipc.DemoChildMain makes the same record again in the child and calls {@link #run}:
 * no user-facing command is the children's entry point, and no parameter is parsed by hand.
 */
public interface DemoChild {
    /**
     * Runs in the child; its exit status. out goes to the parent (narration, facts), environment is the child's
     * own, as its parent built it.
     */
    int run(PrintWriter out, Map<String, String> environment) throws Exception;
}
