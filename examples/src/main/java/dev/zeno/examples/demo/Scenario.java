package dev.zeno.examples.demo;

import dev.zeno.Context;
import java.nio.file.Path;

/** One of the guide's patterns, run end to end in this process. */
public interface Scenario {
    /** A short name for the report: "hello/world", "weather", "pipeline". */
    String name();

    /**
     * Runs the scenario in {@code ctx} over {@code transport} and returns a one-line summary of
     * what it did. The runner closes {@code ctx} afterwards, which also ends any peer thread the
     * scenario left blocked; it also closes it when the scenario stalls.
     *
     * @throws Exception if the scenario failed; the message says how
     */
    String run(Context ctx, DemoTransport transport, Path ipcDirectory) throws Exception;
}
