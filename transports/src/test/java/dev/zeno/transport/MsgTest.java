package dev.zeno.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A single-frame message holds its frame without an array; every operation must still work. */
class MsgTest {
    private final byte[] a = {1};
    private final byte[] b = {2, 2};

    @Test
    void singleFrameMessage() {
        Msg msg = new Msg(a);
        assertEquals(1, msg.frameCount());
        assertSame(a, msg.first());
        assertSame(a, msg.last());
        assertEquals(1, msg.byteSize());
        assertEquals("Msg[1B]", msg.toString());
        assertThrows(IndexOutOfBoundsException.class, () -> msg.frame(1));
        assertThrows(IndexOutOfBoundsException.class, () -> msg.frame(-1));
    }

    @Test
    void structuralOperationsOnASingleFrame() {
        Msg msg = new Msg(a);
        Msg front = msg.withFrontFrame(b);
        assertEquals(2, front.frameCount());
        assertSame(b, front.frame(0));
        assertSame(a, front.frame(1));
        assertEquals(0, msg.withoutFrontFrame().frameCount());
        assertSame(a, msg.slice(0, 1).first());
        Msg copy = msg.copyFrameList().add(b);
        assertEquals(2, copy.frameCount());
        assertEquals(1, msg.frameCount(), "the copy does not change the original");
    }

    @Test
    void twoFramesTakenAsTheyAre() {
        Msg msg = Msg.of(a, b);
        assertEquals(2, msg.frameCount());
        assertSame(a, msg.frame(0));
        assertSame(b, msg.frame(1));
        assertThrows(NullPointerException.class, () -> Msg.of(a, (byte[]) null));
    }

    @Test
    void addingToASingleFrameMessageSpillsIntoAnArray() {
        Msg msg = new Msg(a).add(b).add(a);
        assertEquals(3, msg.frameCount());
        assertArrayEquals(new byte[][] {a, b, a}, new byte[][] {msg.frame(0), msg.frame(1), msg.frame(2)});
        assertEquals(4, msg.byteSize());
    }

    @Test
    void concatKeepsOrderAndSharesFrames() {
        byte[] a = {1};
        byte[] b = {2, 3};
        byte[] c = {4};
        Msg joined = Msg.concat(Msg.of(a, b), new Msg(c));
        assertEquals(3, joined.frameCount());
        assertSame(a, joined.frame(0));
        assertSame(b, joined.frame(1));
        assertSame(c, joined.frame(2));
        assertEquals(1, Msg.concat(new Msg(), new Msg(c)).frameCount());
    }
}
