package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A stream through tiny receive high-water marks: the engine stops reading at every other
 * message and must always resume; and 4 KiB messages at the default mark, whose reads are up
 * to 1 MiB. Every message arrives, in order. A missed resume once left the channel unread while the
 * socket waited on an empty pipe (a stall first seen after millions of messages in soak runs;
 * with a mark of 1 it came within a few thousand).
 */
class ReceiveBackPressureTest {
    @ParameterizedTest(name = "{0}, high-water marks of {1}, {3} B messages")
    @CsvSource({
        "tcp, 1, 20000, 16", "tcp, 10, 100000, 16", "ipc, 1, 20000, 16", "ipc, 10, 100000, 16",
        // 4 KiB at the default mark: reads of up to 1 MiB (ZmtpEngine.readSize), 256 KiB batches
        "tcp, 1000, 20000, 4096", "ipc, 1000, 20000, 4096"})
    void everyMessageArrivesInOrderThroughHighWaterMarks(String transport, int highWaterMark, int count, int size)
            throws Exception {
        try (Context ctx = new Context();
             Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            pull.setReceiveHighWaterMark(highWaterMark);
            push.setSendHighWaterMark(highWaterMark);
            pull.setReceiveTimeout(Duration.ofSeconds(5));
            String endpoint = pull.bind(Endpoints.fresh(transport));
            push.connect(endpoint);
            Thread sender = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    push.send(ByteBuffer.allocate(size).putInt(i).array());
                }
            }, "back-pressure-sender");
            sender.setDaemon(true);
            sender.start();
            int received = 0;
            byte[] message;
            while (received < count && (message = pull.receiveBytes()) != null) {
                assertEquals(size, message.length);
                assertEquals(received, ByteBuffer.wrap(message).getInt(), "message order");
                received++;
            }
            assertEquals(count, received, "messages received before a 5 s silence");
            sender.join(5000);
        }
    }
}
