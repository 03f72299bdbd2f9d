package dev.zeno.transport.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An I/O thread lends its read buffer to a connection that must keep bytes in it, within a bound. */
class ReadBufferLendingTest {
    private static final int SIZE = 4096;
    /** Never started: only its selector to close. */
    private final IoThread io;

    ReadBufferLendingTest() throws IOException {
        io = new IoThread("lending-test");
    }

    @AfterEach
    void closeSelector() throws IOException {
        io.selector().close();
    }

    @Test
    void aLentBufferIsReplacedAndComesBackForReuse() {
        ByteBuffer first = io.readBuffer(SIZE);
        assertSame(first, io.readBuffer(SIZE), "one shared buffer while none is lent");
        assertTrue(io.lendReadBuffer(first));
        ByteBuffer second = io.readBuffer(SIZE);
        assertNotSame(first, second, "the borrower keeps its bytes: the next read needs another buffer");
        assertFalse(io.lendReadBuffer(first), "only the current buffer can be lent");
        assertTrue(io.lendReadBuffer(second));
        io.returnReadBuffer(first);
        assertSame(first, io.readBuffer(SIZE), "a returned buffer is reused");
    }

    @Test
    void lendingStopsAtTheBound() {
        List<ByteBuffer> lent = new ArrayList<>();
        for (int i = 0; i < IoThread.MAX_LENT_READ_BUFFERS; i++) {
            ByteBuffer buffer = io.readBuffer(SIZE);
            assertTrue(io.lendReadBuffer(buffer), "loan " + i);
            lent.add(buffer);
        }
        ByteBuffer current = io.readBuffer(SIZE);
        assertFalse(io.lendReadBuffer(current), "one loan too many: the connection must copy");
        assertSame(current, io.readBuffer(SIZE));
        io.returnReadBuffer(lent.get(0));
        assertTrue(io.lendReadBuffer(current), "a return makes room for another loan");
    }
}
