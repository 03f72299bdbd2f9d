package dev.zeno.bench.peer;

/**
 * The few socket operations the perf tools and benchmarks need, so that one harness drives
 * Zeno and JeroMQ alike. Single-frame messages only. Used by one thread at a time, like the
 * sockets behind it.
 */
public interface BenchSocket extends AutoCloseable {
    /** Binds; returns the endpoint as bound (ephemeral ports resolved where the library says). */
    String bind(String endpoint);

    /** Connects (the peer need not be there yet). */
    void connect(String endpoint);

    /** Sends one single-frame message, blocking while the pattern cannot take it. */
    void send(byte[] frame);

    /**
     * Sends a message made once with {@link #prepare} again; for libraries that can reuse a
     * message object this allocates nothing, otherwise it is {@link #send(byte[])}.
     */
    void sendPrepared(Object prepared);

    /** Makes a reusable message for {@link #sendPrepared}. */
    Object prepare(byte[] frame);

    /** Receives one frame; null if the receive timeout ran out. */
    byte[] receive();

    /**
     * Receives one frame into {@code buffer} (truncating, like {@code zmq_recv}); returns its
     * size, or -1 if the receive timeout ran out.
     */
    int receiveInto(byte[] buffer);

    /** The receive timeout in milliseconds; negative waits forever. */
    void setReceiveTimeoutMillis(int millis);

    /** Send and receive high-water marks in messages; 0 means no limit. Before bind/connect. */
    void setHighWaterMarks(int send, int receive);

    /** How long queued messages may still go out after close; negative: until sent. */
    void setLingerMillis(int millis);

    /** SUB only: adds a prefix filter. */
    void subscribe(byte[] prefix);

    @Override
    void close();
}
