package dev.zeno.transport.zmtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Loads the libzmq byte captures in src/test/resources/zmtp-vectors (copied from
 * {@code ../shared/zmtp-vectors}, where {@code capture.py} wrote them). They are part of the
 * build: a missing one fails the test, so no environment can skip the codec's checks against
 * real libzmq bytes.
 */
final class ZmtpVectors {
    private static final String FOLDER = "/zmtp-vectors/";

    private ZmtpVectors() {
    }

    /** The bytes of {@code name} (e.g. "req-hello-v31.hex"); throws if the file is missing. */
    static byte[] load(String name) {
        try (InputStream in = ZmtpVectors.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new AssertionError("ZMTP vector " + FOLDER + name + " is not on the test class path"
                        + " (transports/src/test/resources" + FOLDER + ")");
            }
            return parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
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
