package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A stream through tiny receive high-water marks: the engine stops reading at every other
 * message and must always resume. A missed resume once left the channel unread while the
 * socket waited on an empty pipe (a stall first seen after millions of messages in soak runs;
 * with a mark of 1 it came within a few thousand).
 */
class ReceiveBackPressureTest {
    @ParameterizedTest(name = "{0} with high-water marks of {1}")
    @CsvSource({"tcp, 1, 20000", "tcp, 10, 100000", "ipc, 1, 20000", "ipc, 10, 100000"})
    void everyMessageArrivesThroughTinyHighWaterMarks(String transport, int highWaterMark, int count)
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
                byte[] payload = new byte[16];
                for (int i = 0; i < count; i++) {
                    push.send(payload);
                }
            }, "back-pressure-sender");
            sender.setDaemon(true);
            sender.start();
            int received = 0;
            while (received < count && pull.receiveBytes() != null) {
                received++;
            }
            assertEquals(count, received, "messages received before a 5 s silence");
            sender.join(5000);
        }
    }
}
