package dev.zeno.bench.compare;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process of {@code compare}, with its output collected in the background and a hard
 * time limit: a child that overruns is destroyed, by its own process handle (PID), never by
 * name, and its descendants with it.
 */
final class ChildProcess {
    private final List<String> command;
    private final Process process;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread outPump;
    private final Thread errPump;
    private boolean timedOut;

    private ChildProcess(List<String> command, Process process) {
        this.command = command;
        this.process = process;
        this.outPump = pump(process.getInputStream(), stdout, "stdout-" + process.pid());
        this.errPump = pump(process.getErrorStream(), stderr, "stderr-" + process.pid());
    }

    static ChildProcess start(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        return new ChildProcess(command, p);
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (sink) {
                        sink.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process went away
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    long pid() {
        return process.pid();
    }

    List<String> command() {
        return command;
    }

    /**
     * Waits up to {@code millis} for the child to exit; kills it (and its descendants) if it
     * does not.
     *
     * @return the exit code, or -1 if it had to be killed
     */
    int await(long millis) throws InterruptedException {
        if (!process.waitFor(Math.max(1, millis), TimeUnit.MILLISECONDS)) {
            timedOut = true;
            kill();
            return -1;
        }
        outPump.join(2_000);
        errPump.join(2_000);
        return process.exitValue();
    }

    /** Destroys the child by its process handle: politely first, then forcibly. */
    void kill() throws InterruptedException {
        ProcessHandle handle = process.toHandle();
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        outPump.join(1_000);
        errPump.join(1_000);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    boolean timedOut() {
        return timedOut;
    }

    String stdout() {
        synchronized (stdout) {
            return stdout.toString(StandardCharsets.UTF_8);
        }
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }
}
