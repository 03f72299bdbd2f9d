package dev.zeno.bench.compare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The libzmq side of {@code compare}: {@code zmqperf.c} (shipped in this jar) built with gcc
 * against the libzmq shared library. It needs gcc and libzmq5 (which Debian's python3-zmq
 * installs), not libzmq's headers; with libzmq3-dev installed it uses {@code zmq.h} instead.
 */
final class LibzmqPeer {
    private static final String SOURCE = "/dev/zeno/bench/native/zmqperf.c";
    private static final String[] LIBRARY_CANDIDATES = {
        "/usr/lib/x86_64-linux-gnu/libzmq.so.5",
        "/usr/lib/aarch64-linux-gnu/libzmq.so.5",
        "/usr/lib64/libzmq.so.5",
        "/usr/lib/libzmq.so.5",
        "/usr/local/lib/libzmq.so.5",
    };

    final Path binary;
    final String version;

    private LibzmqPeer(Path binary, String version) {
        this.binary = binary;
        this.version = version;
    }

    /**
     * Builds the peer into {@code dir} (reusing an up-to-date build).
     *
     * @throws IOException with the reason if it cannot be built or run here
     */
    static LibzmqPeer build(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path source = dir.resolve("zmqperf.c");
        try (InputStream in = LibzmqPeer.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IOException("zmqperf.c is missing from the jar");
            }
            Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
        }
        Path binary = dir.resolve("zmqperf");
        List<String> cmd = new ArrayList<>(List.of("gcc", "-O2", "-o", binary.toString(), source.toString()));
        if (Files.exists(Path.of("/usr/include/zmq.h"))) {
            cmd.add(3, "-DZMQPERF_USE_ZMQ_H");
            cmd.add("-lzmq");
        } else {
            String library = null;
            for (String candidate : LIBRARY_CANDIDATES) {
                if (Files.exists(Path.of(candidate))) {
                    library = candidate;
                    break;
                }
            }
            if (library == null) {
                throw new IOException("no libzmq shared library (libzmq.so.5) found: install libzmq5 or python3-zmq");
            }
            cmd.add(library);
        }
        cmd.add("-lpthread");
        ChildProcess gcc;
        try {
            gcc = ChildProcess.start(cmd);
        } catch (IOException e) {
            throw new IOException("cannot run gcc to build the libzmq peer: " + e.getMessage());
        }
        int rc = gcc.await(120_000);
        if (rc != 0) {
            throw new IOException("building the libzmq peer failed (" + String.join(" ", cmd) + "): "
                    + gcc.stderr().trim());
        }
        ChildProcess v = ChildProcess.start(List.of(binary.toString(), "version"));
        if (v.await(10_000) != 0) {
            throw new IOException("the libzmq peer does not run: " + v.stderr().trim() + v.stdout().trim());
        }
        return new LibzmqPeer(binary, v.stdout().trim());
    }
}
