package dev.zeno.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.examples.support.RoleRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command-line contract: every role has --help; bad options and endpoints exit 2 saying what was wrong. */
class CommandLineTest {
    @ParameterizedTest
    @ValueSource(strings = {"hwserver", "hwclient", "wuserver", "wuclient", "taskvent", "taskwork", "tasksink",
        "demo", "recorder", "query"})
    void everyRoleHasHelp(String role) {
        RoleRun run = RoleRun.of(role, "--help");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Usage: zeno-examples " + role), run.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hwserver", "hwclient", "wuserver", "wuclient", "taskvent", "taskwork", "tasksink",
        "demo", "recorder", "query"})
    void unknownOptionExitsTwo(String role) {
        RoleRun run = RoleRun.of(role, "--no-such-option");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--no-such-option"), run.toString());
    }

    @ParameterizedTest
    @CsvSource({
        "hwclient, --count, many",
        "wuclient, --count, 0",
        "taskvent, --tasks, -1",
        "tasksink, --tasks, ten",
        "recorder, --batch-size, 0",
        "demo, --transport, carrier-pigeon",
        "hwclient, --retries, 0"
    })
    void badOptionValueExitsTwo(String role, String option, String value) {
        RoleRun run = RoleRun.of(role, option, value);
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains(option), "names the option: " + run);
    }

    @ParameterizedTest
    @CsvSource({
        "hwserver, --bind, carrier://pigeon",
        "hwclient, --connect, no-scheme-at-all",
        "wuserver, --bind, inproc://",
        "wuclient, --connect, bogus://x",
        "taskwork, --connect, bogus://x",
        "tasksink, --bind, bogus://x",
        "taskvent, --bind, bogus://x"
    })
    void badEndpointExitsTwoNamingIt(String role, String option, String endpoint) {
        RoleRun run = RoleRun.of(role, option, endpoint);
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains(endpoint), "names the endpoint: " + run);
    }

    @org.junit.jupiter.api.Test
    void unknownRoleExitsTwo() {
        RoleRun run = RoleRun.of("hwserverr");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    }
}
