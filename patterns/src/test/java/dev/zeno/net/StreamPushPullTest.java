package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.Message;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PUSH/PULL over tcp and ipc: the basics of the stream transports. */
class StreamPushPullTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void deliversMessagesAndMultipart(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context();
             Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            pull.setReceiveTimeout(WAIT);
            pull.bind(endpoint);
            push.connect(endpoint);
            assertTrue(push.send("hello"));
            push.sendMore("a");
            push.sendMore(new byte[0]);
            push.send("c");
            assertEquals("hello", pull.receiveString());
            Message parts = pull.receive();
            assertNotNull(parts);
            assertEquals(List.of("a", "", "c"), parts.toStrings());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void connectBeforeBindQueues(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context();
             Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            push.connect(endpoint);
            assertTrue(push.send("early"));
            pull.setReceiveTimeout(WAIT);
            pull.bind(endpoint);
            assertEquals("early", pull.receiveString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void manySmallMessagesAndOneLarge(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context();
             Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            pull.setReceiveTimeout(WAIT);
            pull.bind(endpoint);
            push.connect(endpoint);
            int count = 100_000;
            Thread sender = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    push.send(Integer.toString(i));
                }
                byte[] big = new byte[10 * 1024 * 1024];
                for (int i = 0; i < big.length; i++) {
                    big[i] = (byte) (i * 31);
                }
                push.send(big);
            });
            sender.start();
            for (int i = 0; i < count; i++) {
                assertEquals(Integer.toString(i), pull.receiveString());
            }
            byte[] got = pull.receiveBytes();
            assertNotNull(got);
            byte[] expected = new byte[10 * 1024 * 1024];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (byte) (i * 31);
            }
            assertArrayEquals(expected, got);
        }
    }
}
