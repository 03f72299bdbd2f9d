package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.time.Duration;

/**
 * The set-up most network tests share: a PULL and a PUSH in one context over a fresh tcp or
 * ipc endpoint. Options go on the sockets before {@link #connect()} or {@link #up()}; closing
 * the fixture closes the context.
 */
final class PushPull implements AutoCloseable {
    /** How long a test waits for something that should happen. */
    static final Duration WAIT = Duration.ofSeconds(10);

    final String endpoint;
    final Context ctx;
    final Socket pull;
    final Socket push;

    private PushPull(String transport) {
        endpoint = Endpoints.fresh(transport);
        ctx = new Context();
        pull = ctx.socket(SocketType.PULL);
        pull.setReceiveTimeout(WAIT);
        push = ctx.socket(SocketType.PUSH);
    }

    /** The two sockets over {@code transport} ("tcp" or "ipc"), neither bound nor connected. */
    static PushPull over(String transport) {
        return new PushPull(transport);
    }

    /** Binds the PULL and connects the PUSH to it. */
    PushPull connect() {
        try {
            pull.bind(endpoint);
            push.connect(endpoint);
        } catch (RuntimeException e) {
            close(); // called inside a try-with-resources header, which would not close it
            throw e;
        }
        return this;
    }

    /** {@link #connect()}, then one message through, so the connection is known to be up. */
    PushPull up() {
        connect();
        try {
            assertTrue(push.send("probe"));
            assertEquals("probe", pull.receiveString());
        } catch (RuntimeException | AssertionError e) {
            close();
            throw e;
        }
        return this;
    }

    @Override
    public void close() {
        ctx.close();
    }
}
