package dev.zeno.transport.zmtp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/** Loads the libzmq byte captures in ../../shared/zmtp-vectors (skipping the test if absent). */
final class ZmtpVectors {
    private ZmtpVectors() {
    }

    /** The bytes of {@code name} (e.g. "req-hello-v31.hex"), or the calling test is skipped. */
    static byte[] load(String name) {
        Path file = folder().resolve(name);
        assumeTrue(Files.isRegularFile(file), "vector " + file + " not found");
        try {
            return parseHex(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The libzmq side's greeting: the first 64 bytes. */
    static byte[] greeting(byte[] capture) {
        return Arrays.copyOfRange(capture, 0, Greeting.SIZE);
    }

    /** What follows the greeting: READY and the traffic. */
    static byte[] afterGreeting(byte[] capture) {
        return Arrays.copyOfRange(capture, Greeting.SIZE, capture.length);
    }

    static Path folder() {
        // from /work/main/transports this is /work/shared/zmtp-vectors, a sibling of the repo root
        Path relative = Paths.get("../../shared/zmtp-vectors");
        assumeTrue(Files.isDirectory(relative), "ZMTP vectors folder " + relative.toAbsolutePath() + " not found");
        return relative;
    }

    /** Hex bytes separated by white space; lines starting with '#' are comments. */
    static byte[] parseHex(String text) {
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#")) {
                continue;
            }
            digits.append(trimmed.replaceAll("\\s+", ""));
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    /** Hex string to bytes, spaces allowed: {@code hex("04 19 05")}. */
    static byte[] hex(String text) {
        return parseHex(text);
    }
}
