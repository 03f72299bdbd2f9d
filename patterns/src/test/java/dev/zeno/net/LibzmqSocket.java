package dev.zeno.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A libzmq socket in a child process: Debian's {@code /usr/bin/python3} with pyzmq, driven by
 * one-line commands on stdin (frames hex-encoded) and answering one line each. The child
 * kills itself after a bounded time, and every answer is awaited with a timeout.
 */
final class LibzmqSocket implements ForeignSocket {
    /** Debian's interpreter, which has python3-zmq (the one on PATH may not). */
    static final String PYTHON = "/usr/bin/python3";
    private static final long ANSWER_TIMEOUT_SECONDS = 30;
    private static Boolean available;

    private static final String DRIVER = String.join("\n",
            "import sys, signal, zmq",
            "signal.alarm(int(sys.argv[2]))",
            "ctx = zmq.Context()",
            "s = ctx.socket(getattr(zmq, sys.argv[1]))",
            "s.setsockopt(zmq.LINGER, 2000)",
            "def frames(words): return [b'' if w == '-' else bytes.fromhex(w) for w in words]",
            "def out(line):",
            "    sys.stdout.write(line + '\\n'); sys.stdout.flush()",
            "for line in sys.stdin:",
            "    words = line.split()",
            "    if not words: continue",
            "    op, args = words[0], words[1:]",
            "    try:",
            "        if op == 'identity': s.setsockopt(zmq.IDENTITY, frames(args)[0]); out('ok')",
            "        elif op == 'opt': s.setsockopt(getattr(zmq, args[0]), int(args[1])); out('ok')",
            "        elif op == 'subscribe': s.setsockopt(zmq.SUBSCRIBE, frames(args)[0] if args else b''); out('ok')",
            "        elif op == 'unsubscribe': s.setsockopt(zmq.UNSUBSCRIBE, frames(args)[0] if args else b''); out('ok')",
            "        elif op == 'bind': s.bind(args[0]); out('ok ' + s.getsockopt(zmq.LAST_ENDPOINT).decode())",
            "        elif op == 'connect': s.connect(args[0]); out('ok')",
            "        elif op == 'send': s.send_multipart(frames(args)); out('ok')",
            "        elif op == 'recv':",
            "            if s.poll(int(args[0])):",
            "                out('msg ' + ' '.join(f.hex() if f else '-' for f in s.recv_multipart()))",
            "            else: out('none')",
            "        elif op == 'close':",
            "            s.close(); ctx.term(); out('ok'); sys.exit(0)",
            "        else: out('error unknown op ' + op)",
            "    except Exception as e:",
            "        out('error ' + repr(e).replace('\\n', ' '))");

    private final Process process;
    private final Writer stdin;
    private final LinkedBlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final String type;

    /** Whether {@code /usr/bin/python3} can import zmq (cached). */
    static synchronized boolean isAvailable() {
        if (available == null) {
            try {
                Process probe = new ProcessBuilder(PYTHON, "-c", "import zmq").redirectErrorStream(true).start();
                available = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
                probe.destroyForcibly();
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
        }
        return available;
    }

    /**
     * Starts a libzmq socket of {@code type}, failing (not skipping) the calling test if
     * {@code /usr/bin/python3} cannot import zmq: CI installs python3-zmq, so its absence is a
     * broken set-up, not a reason to test less.
     */
    static LibzmqSocket open(String type) {
        if (!isAvailable()) {
            throw new AssertionError(PYTHON + " cannot import zmq: install python3-zmq (.ci/run does) for the libzmq peers");
        }
        return new LibzmqSocket(type);
    }

    /** Starts a child process with one libzmq socket of {@code type} ("REQ", "PUB", ...). */
    private LibzmqSocket(String type) {
        this.type = type;
        try {
            process = new ProcessBuilder(PYTHON, "-u", "-c", DRIVER, type, "120")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    answers.add(line);
                }
            } catch (IOException ignored) {
                // process gone
            }
            answers.add("error process ended");
        }, "libzmq-" + type + "-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sets an integer socket option by its pyzmq name, e.g. ("SNDHWM", 10). */
    void option(String name, int value) {
        call("opt " + name + " " + value);
    }

    /** Sets the identity (before connect or bind). */
    LibzmqSocket identity(String identity) {
        call("identity " + hex(identity.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    @Override
    public String bind(String endpoint) {
        return call("bind " + endpoint).substring(3);
    }

    @Override
    public void connect(String endpoint) {
        call("connect " + endpoint);
    }

    @Override
    public void subscribe(byte[] topic) {
        call("subscribe " + hex(topic));
    }

    @Override
    public void unsubscribe(byte[] topic) {
        call("unsubscribe " + hex(topic));
    }

    @Override
    public void send(byte[]... frames) {
        StringBuilder line = new StringBuilder("send");
        for (byte[] frame : frames) {
            line.append(' ').append(hex(frame));
        }
        call(line.toString());
    }

    @Override
    public List<byte[]> receive(Duration timeout) {
        String answer = call("recv " + timeout.toMillis());
        if (answer.equals("none")) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        String[] words = answer.split(" ");
        for (int i = 1; i < words.length; i++) {
            frames.add(words[i].equals("-") ? new byte[0] : HexFormat.of().parseHex(words[i]));
        }
        return frames;
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                call("close");
            }
        } catch (RuntimeException ignored) {
            // killed below
        } finally {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Kills the process at once, as a crash would. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized String call(String command) {
        try {
            stdin.write(command + "\n");
            stdin.flush();
            String answer = answers.poll(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (answer == null) {
                throw new IllegalStateException("libzmq " + type + " peer did not answer '" + command + "'");
            }
            if (answer.startsWith("error")) {
                throw new IllegalStateException("libzmq " + type + " peer failed '" + command + "': " + answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("libzmq " + type + " peer is gone", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return bytes.length == 0 ? "-" : HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "libzmq " + type;
    }
}
