package dev.zeno.examples.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.SocketType;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario that stalls is failed with a clear message instead of hanging the demo. */
class ScenarioRunnerTest {
    @TempDir
    Path dir;

    @Test
    void stalledScenarioFailsAndIsReleased() {
        Scenario stalls = new Scenario() {
            @Override
            public String name() {
                return "stalls";
            }

            @Override
            public String run(Context ctx, DemoTransport transport, Path ipcDirectory) {
                // a PULL socket with no peer: the receive would wait forever
                return ctx.socket(SocketType.PULL).receiveString();
            }
        };
        ScenarioResult result = new ScenarioRunner(Duration.ofMillis(500), dir).run(stalls, DemoTransport.INPROC);
        assertFalse(result.passed());
        assertTrue(result.detail().contains("stalled"), result.detail());
    }

    @Test
    void failingScenarioReportsWhy() {
        Scenario fails = new Scenario() {
            @Override
            public String name() {
                return "fails";
            }

            @Override
            public String run(Context ctx, DemoTransport transport, Path ipcDirectory) {
                throw new ScenarioFailure("request 3 got 'Wrold' instead of 'World'");
            }
        };
        ScenarioResult result = new ScenarioRunner(Duration.ofSeconds(5), dir).run(fails, DemoTransport.INPROC);
        assertFalse(result.passed());
        assertTrue(result.detail().contains("Wrold"), result.detail());
    }
}
