package dev.zeno.examples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ZeroMQ guide's Python examples, as peers built on libzmq through Debian's python3-zmq
 * (installed for /usr/bin/python3 only). Each script takes its endpoints as arguments and is
 * otherwise the guide's, payloads and all; clients have a receive timeout so that a broken
 * peer fails the test instead of hanging it.
 */
public final class Python {
    /** The interpreter that has pyzmq (the python3 on PATH may be another one). */
    public static final String INTERPRETER = "/usr/bin/python3";

    /** hwserver.py: REP, binds argv[1], answers "World". */
    public static final String HWSERVER = """
            import sys, zmq
            context = zmq.Context()
            socket = context.socket(zmq.REP)
            socket.bind(sys.argv[1])
            print("bound", flush=True)
            while True:
                message = socket.recv()
                print("Received request: %s" % message.decode(), flush=True)
                socket.send(b"World")
            """;

    /** hwclient.py: REQ, connects argv[1], sends "Hello" ten times. */
    public static final String HWCLIENT = """
            import sys, zmq
            context = zmq.Context()
            socket = context.socket(zmq.REQ)
            socket.setsockopt(zmq.RCVTIMEO, 20000)
            socket.setsockopt(zmq.LINGER, 0)
            socket.connect(sys.argv[1])
            for request in range(10):
                socket.send(b"Hello")
                message = socket.recv()
                print("Received reply %s [ %s ]" % (request, message.decode()), flush=True)
            """;

    /** wuserver.py: PUB, binds every argument, publishes "%i %i %i" forever. */
    public static final String WUSERVER = """
            import sys, zmq
            from random import randrange
            context = zmq.Context()
            socket = context.socket(zmq.PUB)
            for endpoint in sys.argv[1:]:
                socket.bind(endpoint)
            print("bound", flush=True)
            while True:
                zipcode = randrange(1, 100000)
                temperature = randrange(-80, 135)
                relhumidity = randrange(10, 60)
                socket.send_string("%i %i %i" % (zipcode, temperature, relhumidity))
            """;

    /** wuclient.py: SUB, connects argv[1], subscribes to argv[2], averages argv[3] updates. */
    public static final String WUCLIENT = """
            import sys, zmq
            context = zmq.Context()
            socket = context.socket(zmq.SUB)
            socket.setsockopt(zmq.RCVTIMEO, 20000)
            socket.connect(sys.argv[1])
            zip_filter = sys.argv[2]
            socket.setsockopt_string(zmq.SUBSCRIBE, zip_filter)
            count = int(sys.argv[3])
            total_temp = 0
            for update_nbr in range(count):
                string = socket.recv_string()
                zipcode, temperature, relhumidity = string.split()
                assert zipcode.startswith(zip_filter), string
                total_temp += int(temperature)
            print("Average temperature for zipcode '%s' was %dF" % (zip_filter, total_temp / count), flush=True)
            """;

    /** taskwork.py: PULL from argv[1], PUSH to argv[2]; sleeps each workload, sends an empty result. */
    public static final String TASKWORK = """
            import sys, time, zmq
            context = zmq.Context()
            receiver = context.socket(zmq.PULL)
            receiver.connect(sys.argv[1])
            sender = context.socket(zmq.PUSH)
            sender.connect(sys.argv[2])
            print("connected", flush=True)
            while True:
                s = receiver.recv()
                time.sleep(int(s) * 0.001)
                sender.send(b"")
            """;

    private static Boolean available;

    private Python() {
    }

    /**
     * Fails the test unless /usr/bin/python3 can import zmq. CI installs python3-zmq
     * ({@code .ci/run}), so its absence is a broken set-up to fix, not a reason to skip.
     */
    public static synchronized void requireZmq() {
        if (available == null) {
            available = canImportZmq();
        }
        if (!available) {
            throw new AssertionError(INTERPRETER + " cannot import zmq: apt-get install python3-zmq (.ci/run does)");
        }
    }

    /** Starts {@code script} with {@code args}; files go in {@code dir}. */
    public static ChildProcess start(Path dir, String name, String script, String... args) {
        try {
            Path file = dir.resolve(name + ".py");
            Files.writeString(file, script);
            List<String> command = new ArrayList<>(List.of(INTERPRETER, "-u", file.toString()));
            command.addAll(List.of(args));
            return ChildProcess.start(name, command, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean canImportZmq() {
        if (!Files.isExecutable(Path.of(INTERPRETER))) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(INTERPRETER, "-c", "import zmq")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
