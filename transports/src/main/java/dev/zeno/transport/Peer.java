package dev.zeno.transport;

/**
 * One connection as one socket sees it: the pipe it reads, the pipe it writes, and what the
 * handshake told about the other side.
 *
 * <p>For inproc the two sockets hold mirror-image peers over the same two pipes. For tcp and
 * ipc the other ends belong to the connection's engine on an I/O thread; a connecting
 * socket's peer outlives reconnects, so messages queue while the link is down.
 */
public final class Peer {
    private final Pipe inbound;
    private final Pipe outbound;
    private final String endpoint;
    private final boolean outgoing;
    private final boolean inproc;
    private volatile byte[] routingId;
    private volatile String remoteSocketType;
    private volatile boolean writeThrough;
    private volatile InputReader inputReader;
    private volatile OutputWriter outputWriter;

    /** Reads a connection's input on the calling thread: see {@link Peer#readThrough()}. */
    public interface InputReader {
        /** Reads and decodes what has arrived, if the I/O thread is not at it; true if bytes were read. */
        boolean readNow();

        /** The calling thread reads no more for now: see {@link Peer#endReadThrough()}. */
        void endReads();
    }

    /** Writes a connection's queued output on the calling thread: see {@link Peer#writeQueuedNow()}. */
    public interface OutputWriter {
        /** Writes what the outbound pipe holds, if the I/O thread is not at it; true if any was taken. */
        boolean writeNow();

        /** Writes the whole full pipe and keeps the writing: see {@link Peer#writeFullPipeNow()}. */
        boolean writeFullPipeNow();
    }

    /**
     * @param inbound the pipe this socket reads
     * @param outbound the pipe this socket writes
     * @param endpoint the endpoint that made the connection, for errors and disconnect
     * @param outgoing true on the side that connected, false on the side that bound
     */
    public Peer(Pipe inbound, Pipe outbound, String endpoint, boolean outgoing) {
        this.inbound = inbound;
        this.outbound = outbound;
        this.endpoint = endpoint;
        this.outgoing = outgoing;
        this.inproc = endpoint.startsWith("inproc://");
    }

    /** True if the other side is a socket in this process (no I/O thread in between). */
    public boolean isInproc() {
        return inproc;
    }

    /** True on the side that connected (its disconnect ends this peer), false on the bound side. */
    public boolean isOutgoing() {
        return outgoing;
    }

    /** The pipe this socket reads. */
    public Pipe inbound() {
        return inbound;
    }

    /** The pipe this socket writes. */
    public Pipe outbound() {
        return outbound;
    }

    /** The endpoint that made this connection. */
    public String endpoint() {
        return endpoint;
    }

    /** The identity the peer announced (ZMTP Identity property, inproc identity option), or null. */
    public byte[] routingId() {
        return routingId;
    }

    /** Records the identity the peer announced; empty means none. */
    public void setRoutingId(byte[] routingId) {
        this.routingId = routingId == null || routingId.length == 0 ? null : routingId;
    }

    /** The peer's socket type name ("REQ", "PUB", ...) once known, else null. */
    public String remoteSocketType() {
        return remoteSocketType;
    }

    /** Records the peer's socket type name. */
    public void setRemoteSocketType(String type) {
        this.remoteSocketType = type;
    }

    /**
     * Asks the transport to write this socket's messages on the sending thread, when the
     * connection's output is idle, rather than waking its I/O thread to write them. Worth it
     * for sockets whose every send is followed by a wait for the answer (REQ, REP): there is
     * nothing to batch, and the wake-up is a large part of a round trip. Streaming sockets
     * should not ask: they would pay a system call per message. Transports without an I/O
     * thread (inproc) ignore it.
     */
    public void preferWriteThrough() {
        this.writeThrough = true;
    }

    /** Whether the socket asked for {@link #preferWriteThrough() write-through}. */
    public boolean prefersWriteThrough() {
        return writeThrough;
    }

    /** Transport side: who reads this connection's input for {@link #readThrough()}; null for none. */
    public void setInputReader(InputReader reader) {
        this.inputReader = reader;
    }

    /**
     * Socket thread: reads what the connection has received into the inbound pipe now, on this
     * thread, unless its I/O thread is reading it. For a socket that waits for an answer it
     * expects soon (REQ): polling the connection for a few microseconds beats being woken by
     * the I/O thread, a cross-core wake-up that costs tens of microseconds on some machines.
     * Never blocks; reads nothing for inproc or a connection that is not in its data phase.
     *
     * @return true if bytes were read (messages may have arrived in the inbound pipe)
     */
    public boolean readThrough() {
        InputReader reader = inputReader;
        return reader != null && reader.readNow();
    }

    /**
     * Socket thread: it stops reading through for now, because it is about to sleep or to
     * return without a message. A connection whose I/O thread left the reading to it (it
     * does so while the socket keeps reading through, see {@code ZmtpEngine}) goes back to its
     * I/O thread, which reads what arrives from then on. Cheap when there is nothing to hand back.
     */
    public void endReadThrough() {
        InputReader reader = inputReader;
        if (reader != null) {
            reader.endReads();
        }
    }

    /** Transport side: who writes this connection's output for {@link #writeQueuedNow()}; null for none. */
    public void setOutputWriter(OutputWriter writer) {
        this.outputWriter = writer;
    }

    /**
     * Socket thread: encodes what the outbound pipe holds and writes it to the connection now,
     * on this thread, unless its I/O thread is writing it or the connection cannot take more
     * (the I/O thread then goes on). For a publisher that finds the pipe full and would
     * otherwise drop the message: the time it spends here would have gone to dropping.
     * Never blocks; does nothing for inproc.
     *
     * @return true if messages were taken from the outbound pipe (there is room again)
     */
    public boolean writeQueuedNow() {
        OutputWriter writer = outputWriter;
        return writer != null && writer.writeNow();
    }

    /**
     * Socket thread, whose send found the outbound pipe full: writes the whole pipe to the
     * connection now, on this thread, and keeps writing it whenever it fills, for a socket that
     * streams to this one peer (PUSH, DEALER, PAIR): its I/O thread then stops being woken for
     * the messages and takes the writing back when this thread stops (see {@code ZmtpEngine}).
     * Never blocks; does nothing for inproc, or if the I/O thread is writing or the connection
     * cannot take more.
     *
     * @return true if messages were taken from the outbound pipe (it may have room again)
     */
    public boolean writeFullPipeNow() {
        OutputWriter writer = outputWriter;
        return writer != null && writer.writeFullPipeNow();
    }

    /**
     * Socket thread, sending to this peer as its only one: writes {@code element} (a Msg or a
     * bare frame) to the outbound pipe, writing a full pipe out first ({@link #writeFullPipeNow()}).
     * Does not flush.
     *
     * @return false if the pipe is still full
     */
    public boolean writeStreaming(Object element) {
        return outbound.writeElement(element) || (writeFullPipeNow() && outbound.writeElement(element));
    }

    /**
     * Socket thread: whether {@link #writeStreaming} would take a message now (a full pipe is
     * written out first).
     */
    public boolean hasRoomStreaming() {
        return outbound.hasRoom() || (writeFullPipeNow() && outbound.hasRoom());
    }

    /**
     * Ends this socket's side: it writes no more (queued messages still reach the peer, within
     * linger) and reads no more.
     */
    public void close() {
        outbound.closeWriter();
        inbound.closeReader();
    }

    @Override
    public String toString() {
        return "Peer[" + endpoint + "]";
    }
}
