package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's logging promise: a connection dropped for hostile input is logged through
 * {@code System.Logger} under {@code dev.zeno.transport.engine} at INFO, an ordinary disconnect
 * at DEBUG (and nothing louder). With no other logging binding, {@code System.Logger} goes to
 * java.util.logging, where DEBUG is FINE; this test listens there.
 */
class HostileInputLoggingTest {
    private static final String LOGGER = "dev.zeno.transport.engine";
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Held strongly: java.util.logging keeps loggers only weakly. */
    private Logger logger;
    private Level savedLevel;
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
                records.notifyAll();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private Context ctx;
    private Socket pull;
    private String endpoint;

    @BeforeEach
    void setUp() {
        logger = Logger.getLogger(LOGGER);
        savedLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        logger.addHandler(capture);
        ctx = new Context();
        pull = ctx.socket(SocketType.PULL);
        pull.setReceiveTimeout(WAIT);
        pull.setMaxMessageSize(1024);
        pull.setHandshakeTimeout(Duration.ofMillis(300));
        endpoint = pull.bind("tcp://127.0.0.1:*");
    }

    @AfterEach
    void tearDown() {
        ctx.close();
        logger.removeHandler(capture);
        logger.setLevel(savedLevel);
    }

    /** Waits for a record from the engine that {@code matches}; fails after {@link #WAIT}. */
    private LogRecord await(String what, Predicate<LogRecord> matches) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (records) {
            while (true) {
                for (LogRecord record : records) {
                    if (record.getLoggerName().startsWith(LOGGER + ".") && matches.test(record)) {
                        return record;
                    }
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return fail("no log record for " + what + " within " + WAIT + "; got " + describe(records));
                }
                try {
                    records.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return fail("interrupted");
                }
            }
        }
    }

    /** Waits for the record that says the connection was closed and checks it is at INFO. */
    private void assertDropLoggedAtInfo(String reason) {
        LogRecord record = await(reason, r -> r.getMessage().contains("connection closed")
                && r.getMessage().contains(reason));
        assertEquals(Level.INFO, record.getLevel(), "dropped for hostile input: " + record.getMessage());
    }

    private static String describe(List<LogRecord> list) {
        List<String> lines = new ArrayList<>();
        for (LogRecord record : list) {
            lines.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
        }
        return lines.toString();
    }

    @Test
    void notZmtpAtAllIsLoggedAtInfo() {
        try (RawPeer raw = new RawPeer(endpoint)) {
            raw.write("GET / HTTP/1.1\r\nHost: example\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(raw.closedWithin(WAIT));
            assertDropLoggedAtInfo("protocol error");
        }
    }

    @Test
    void anotherMechanismIsLoggedAtInfo() {
        try (RawPeer raw = new RawPeer(endpoint)) {
            raw.write(RawPeer.greeting(3, 1, "CURVE"));
            assertTrue(raw.closedWithin(WAIT));
            assertDropLoggedAtInfo("CURVE");
        }
    }

    @Test
    void malformedFrameIsLoggedAtInfo() {
        try (RawPeer raw = new RawPeer(endpoint).handshake("PUSH")) {
            raw.write(new byte[] {(byte) 0x80, 1, 'x'}); // reserved flag bits
            assertTrue(raw.closedWithin(WAIT));
            assertDropLoggedAtInfo("protocol error");
        }
    }

    @Test
    void messageOverTheMaximumSizeIsLoggedAtInfo() {
        try (RawPeer raw = new RawPeer(endpoint).handshake("PUSH")) {
            raw.write(RawPeer.frame(0, new byte[4096]));
            assertTrue(raw.closedWithin(WAIT));
            assertDropLoggedAtInfo("protocol error");
        }
    }

    @Test
    void stalledHandshakeIsLoggedAtInfo() {
        try (RawPeer raw = new RawPeer(endpoint)) {
            assertTrue(raw.closedWithin(WAIT));
            assertDropLoggedAtInfo("handshake");
        }
    }

    @Test
    void incompatibleSocketTypeIsLoggedAtInfo() {
        try (RawPeer raw = new RawPeer(endpoint)) {
            raw.write(RawPeer.greeting(3, 1, "NULL"));
            raw.readGreeting();
            raw.write(RawPeer.ready("PUB"));
            assertTrue(raw.closedWithin(WAIT));
            assertDropLoggedAtInfo("handshake refused");
        }
    }

    @Test
    void ordinaryDisconnectIsLoggedAtDebugOnly() {
        try (RawPeer raw = new RawPeer(endpoint).handshake("PUSH")) {
            raw.write(RawPeer.frame(0, "hello".getBytes(StandardCharsets.US_ASCII)));
            assertEquals("hello", pull.receiveString());
        } // a well-behaved peer hangs up
        LogRecord record = await("an ordinary disconnect",
                r -> r.getMessage().contains("the peer closed the connection"));
        assertEquals(Level.FINE, record.getLevel(), "System.Logger DEBUG is java.util.logging FINE");
        synchronized (records) {
            for (LogRecord r : records) {
                assertTrue(r.getLevel().intValue() < Level.INFO.intValue(),
                        "nothing at INFO or above for a good peer: " + describe(records));
            }
        }
    }
}
