package dev.zeno.examples.support;

import static org.junit.jupiter.api.Assertions.fail;

import dev.zeno.examples.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A role run in this JVM through {@link Main#run}, with what it printed.
 *
 * @param exitCode the role's exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
public record RoleRun(int exitCode, String out, String err) {
    /** Runs {@code args} in this JVM, failing the test if the role takes longer than {@code limit}. */
    public static RoleRun of(Duration limit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        FutureTask<Integer> task = new FutureTask<>(
                () -> Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args));
        Thread thread = new Thread(task, "role-" + (args.length == 0 ? "demo" : args[0]));
        thread.setDaemon(true);
        thread.start();
        try {
            int code = task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return new RoleRun(code, out.toString(), err.toString());
        } catch (TimeoutException e) {
            thread.interrupt();
            return fail("role " + String.join(" ", args) + " did not finish within " + limit
                    + "\nout: " + out + "\nerr: " + err);
        } catch (ExecutionException e) {
            throw new AssertionError("role " + String.join(" ", args) + " threw", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs {@code args} in this JVM within 30 s. */
    public static RoleRun of(String... args) {
        return of(Duration.ofSeconds(30), args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
