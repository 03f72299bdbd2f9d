package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zeno.Message;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Numbered messages for stream tests that check every message: short and long frames mixed,
 * and every 7th message in two frames, its number first.
 */
final class NumberedBodies {
    private NumberedBodies() {
    }

    /** Body {@code i}: its number, then {@code i % 300} bytes of {@code (byte) i}. */
    static byte[] body(int i) {
        byte[] number = Integer.toString(i).getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(number, number.length + i % 300);
        Arrays.fill(body, number.length, body.length, (byte) i);
        return body;
    }

    /** Whether message {@code i} has two frames (its number, then the body) rather than one. */
    static boolean isMultipart(int i) {
        return i % 7 == 0;
    }

    /** Message {@code i} as a socket sends it. */
    static Message message(int i) {
        byte[] body = body(i);
        if (!isMultipart(i)) {
            return new Message(body);
        }
        return new Message(Integer.toString(i).getBytes(StandardCharsets.UTF_8), body);
    }

    /** Asserts that {@code received} is message {@code i}, whole. */
    static void assertMessage(Message received, int i) {
        if (isMultipart(i)) {
            assertEquals(2, received.size(), "message " + i);
            assertEquals(Integer.toString(i), received.popString());
        }
        assertEquals(1, received.size(), "message " + i);
        byte[] body = received.pop();
        if (!Arrays.equals(body(i), body)) { // assertArrayEquals builds its message every time
            assertArrayEquals(body(i), body, "message " + i);
        }
    }
}
