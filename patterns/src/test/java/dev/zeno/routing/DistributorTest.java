package dev.zeno.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class DistributorTest {
    private static Peer peer(int highWaterMark) {
        return new Peer(new Pipe(0), new Pipe(highWaterMark), "inproc://test", false);
    }

    /** A connection's writer whose {@code writeNow} is {@code writeNow}; a publisher never asks for the other. */
    private static Peer.OutputWriter writingNow(BooleanSupplier writeNow) {
        return new Peer.OutputWriter() {
            @Override
            public boolean writeNow() {
                return writeNow.getAsBoolean();
            }

            @Override
            public boolean writeFullPipeNow() {
                throw new AssertionError("a publisher writes a batch, it does not keep the writing");
            }
        };
    }

    @Test
    void peerAtHighWaterMarkMissesTheMessage() {
        Distributor distributor = new Distributor(peer -> { });
        Peer full = peer(1);
        Peer free = peer(0);
        distributor.add(full);
        distributor.add(free);
        assertEquals(2, distributor.sendToAll(Msg.ofString("1")));
        assertEquals(1, distributor.sendToAll(Msg.ofString("2")));
        assertEquals(1, full.outbound().size());
        assertEquals(2, free.outbound().size());
    }

    @Test
    void aFullPipeIsWrittenOutOnTheSendingThreadBeforeTheMessageIsMissed() {
        Peer full = peer(2);
        List<Object> written = new ArrayList<>();
        full.setOutputWriter(writingNow(() -> {
            Object element;
            while ((element = full.outbound().readElement()) != null) {
                written.add(element);
            }
            return !written.isEmpty();
        }));
        Distributor writingOut = new Distributor(peer -> { }, true);
        writingOut.add(full);
        for (int i = 1; i <= 5; i++) {
            assertEquals(1, writingOut.sendToAll(Msg.ofString(Integer.toString(i))), "message " + i);
        }
        assertEquals(4, written.size(), "two pipe-fulls written out");
        assertEquals(1, full.outbound().size());
    }

    @Test
    void withoutWritingOutAFullPipeMissesTheMessage() {
        Peer full = peer(2);
        full.setOutputWriter(writingNow(() -> {
            throw new AssertionError("not asked to write out");
        }));
        Distributor dropping = new Distributor(peer -> { });
        dropping.add(full);
        assertEquals(1, dropping.sendToAll(Msg.ofString("1")));
        assertEquals(1, dropping.sendToAll(Msg.ofString("2")));
        assertEquals(0, dropping.sendToAll(Msg.ofString("3")));
    }

    @Test
    void aPipeTheWriterCannotEmptyStillMissesTheMessage() {
        Peer full = peer(1);
        full.setOutputWriter(writingNow(() -> false)); // the I/O thread holds the output, or the channel is full
        Distributor writingOut = new Distributor(peer -> { }, true);
        writingOut.add(full);
        assertEquals(1, writingOut.sendToAll(Msg.ofString("1")));
        assertEquals(0, writingOut.sendToAll(Msg.ofString("2")));
        assertEquals(1, full.outbound().size());
    }

    @Test
    void reportsPeersWhoseReaderHasGone() {
        List<Peer> ended = new ArrayList<>();
        Distributor[] holder = new Distributor[1];
        holder[0] = new Distributor(peer -> {
            ended.add(peer);
            holder[0].remove(peer);
        });
        Peer gone = peer(0);
        Peer live = peer(0);
        holder[0].add(gone);
        holder[0].add(live);
        gone.outbound().closeReader();
        assertEquals(1, holder[0].sendToAll(Msg.ofString("x")));
        assertEquals(List.of(gone), ended);
        assertEquals(1, live.outbound().size());
        assertEquals(1, holder[0].size());
    }

    @Test
    void beginSendToEndSendWritesOnlyTheChosenPeersAndReportsEndedOnesAfter() {
        List<Peer> ended = new ArrayList<>();
        Distributor distributor = new Distributor(ended::add);
        Peer a = peer(0);
        Peer b = peer(0);
        Peer gone = peer(0);
        Peer full = peer(1);
        distributor.add(a);
        distributor.add(b);
        distributor.add(gone);
        distributor.add(full);
        full.outbound().write(Msg.ofString("filler"));
        gone.outbound().closeReader();
        Msg msg = Msg.ofString("x");
        distributor.beginSend(msg);
        distributor.sendTo(a);
        distributor.sendTo(gone);
        distributor.sendTo(full);
        assertTrue(ended.isEmpty(), "ended peers are reported by endSend, not during the send");
        assertEquals(1, distributor.endSend());
        assertEquals(List.of(gone), ended);
        assertSame(msg, a.outbound().read());
        assertNull(b.outbound().read());
        assertEquals(1, full.outbound().size());
    }
}
