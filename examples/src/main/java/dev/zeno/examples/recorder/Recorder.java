package dev.zeno.examples.recorder;

import dev.zeno.Message;
import dev.zeno.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The recorder's loop: every message from a SUB socket becomes an update in the writer.
 * The socket's receive timeout is set to the flush interval, so a batch goes out on time even
 * when the feed pauses.
 */
public final class Recorder {
    private final Socket sub;
    private final BatchingWriter writer;
    private final UpdateParser parser = new UpdateParser();

    /** A recorder of what {@code sub} (connected, subscribed) receives, into {@code writer}. */
    public Recorder(Socket sub, BatchingWriter writer, Duration flushInterval) {
        this.sub = sub;
        this.writer = writer;
        // wake up at least once per interval to write a batch that is due
        sub.setReceiveTimeout(flushInterval.isZero() ? Duration.ofMillis(1) : flushInterval);
    }

    /**
     * Records until {@code stop} says so, or {@code maxUpdates} were received (0: no limit), then
     * writes what is waiting. A closed socket ends it with a {@code SocketClosedException}
     * after the pending updates are written.
     *
     * @return the number of updates received
     */
    public long record(BooleanSupplier stop, long maxUpdates) {
        long received = 0;
        try {
            while (!stop.getAsBoolean() && (maxUpdates == 0 || received < maxUpdates)) {
                Message message = sub.receive();
                long now = System.nanoTime();
                if (message == null) {
                    writer.flushIfDue(now);
                    continue;
                }
                writer.add(parser.parse(message, System.currentTimeMillis()), now);
                received++;
            }
        } finally {
            writer.flush();
        }
        return received;
    }
}
