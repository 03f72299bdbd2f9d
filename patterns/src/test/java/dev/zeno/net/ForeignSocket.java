package dev.zeno.net;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A socket of another ZeroMQ implementation (libzmq through pyzmq, or JeroMQ), for interop
 * tests: one socket per instance, driven from the test thread.
 */
interface ForeignSocket extends AutoCloseable {
    /** Binds and returns the endpoint as bound (libzmq's LAST_ENDPOINT). */
    String bind(String endpoint);

    /** Connects. */
    void connect(String endpoint);

    /** Adds a subscription (SUB). */
    void subscribe(byte[] topic);

    /** Removes a subscription (SUB). */
    void unsubscribe(byte[] topic);

    /** Sends one multipart message. */
    void send(byte[]... frames);

    /** Receives one multipart message, or null if none arrives within {@code timeout}. */
    List<byte[]> receive(Duration timeout);

    /** Closes the socket (and its context or process). */
    @Override
    void close();

    /** Sends string frames. */
    default void send(String... frames) {
        byte[][] bytes = new byte[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            bytes[i] = frames[i].getBytes(StandardCharsets.UTF_8);
        }
        send(bytes);
    }

    /** Receives a message as strings, or null. */
    default List<String> receiveStrings(Duration timeout) {
        List<byte[]> frames = receive(timeout);
        if (frames == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (byte[] frame : frames) {
            out.add(new String(frame, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Subscribes to a string prefix. */
    default void subscribe(String topic) {
        subscribe(topic.getBytes(StandardCharsets.UTF_8));
    }

    /** Removes a subscription to a string prefix. */
    default void unsubscribe(String topic) {
        unsubscribe(topic.getBytes(StandardCharsets.UTF_8));
    }
}
