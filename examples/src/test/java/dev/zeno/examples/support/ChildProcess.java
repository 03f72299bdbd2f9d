package dev.zeno.examples.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program run as a child process — a role through {@code java -cp}, or a python peer — with
 * its output in files (a pipe nobody reads could block it). Closing it kills it.
 */
public final class ChildProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path out;
    private final Path err;

    private ChildProcess(String name, List<String> command, Path directory) throws IOException {
        this.name = name;
        this.out = Files.createTempFile(directory, name, ".out");
        this.err = Files.createTempFile(directory, name, ".err");
        this.process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
    }

    /** Starts {@code java -cp <test classpath> dev.zeno.examples.Main args}; files go in {@code directory}. */
    public static ChildProcess role(Path directory, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        // surefire runs tests from a manifest-only jar; its real classpath is in this property
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add("dev.zeno.examples.Main");
        command.addAll(List.of(args));
        return start(args.length == 0 ? "demo" : args[0], command, directory);
    }

    /** Starts any command. */
    public static ChildProcess start(String name, List<String> command, Path directory) {
        try {
            return new ChildProcess(name, command, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** What it printed on standard output so far. */
    public String out() {
        return read(out);
    }

    /** What it printed on standard error so far. */
    public String err() {
        return read(err);
    }

    /** Waits until its standard output contains {@code text}; fails the test after {@code limit} or if it exits first. */
    public void awaitOutput(String text, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!out().contains(text)) {
            if (!process.isAlive() && !out().contains(text)) {
                fail(name + " exited with " + process.exitValue() + " before printing '" + text + "'\n" + this);
            }
            if (System.nanoTime() > deadline) {
                fail(name + " did not print '" + text + "' within " + limit + "\n" + this);
            }
            Thread.sleep(50);
        }
    }

    /** Waits for it to exit by itself; fails the test after {@code limit}. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            fail(name + " still running after " + limit + "\n" + this);
        }
        return process.exitValue();
    }

    /** True while it runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Asks it to stop (SIGTERM, as a user's kill) and waits up to 15 s; then kills it. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "--- " + name + " out:\n" + out() + "--- " + name + " err:\n" + err();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
