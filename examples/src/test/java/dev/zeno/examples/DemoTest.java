package dev.zeno.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.examples.support.RoleRun;
import dev.zeno.examples.support.Transports;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The demo: every scenario over every transport, exit 0 only when all passed. */
class DemoTest {
    @Test
    void passesOverInproc() {
        RoleRun run = RoleRun.of(Duration.ofSeconds(60), "demo", "--transport", "inproc");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("3 of 3 scenarios passed"), run.toString());
        assertTrue(run.out().contains("speed-up"), run.toString());
    }

    @Test
    @Timeout(150)
    void defaultRunPassesOverEveryTransport() {
        // no arguments at all: the demo is the default role
        RoleRun run = RoleRun.of(Duration.ofSeconds(140));
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("9 of 9 scenarios passed"), run.toString());
    }
}
