package dev.zeno.transport.engine;

/** What an engine tells its session: the handshake is done, the connection is gone. */
interface EngineListener {
    /**
     * The ZMTP handshake succeeded: the session now gives the engine its pipes
     * ({@link ZmtpEngine#attachPipes}) and, on the bound side, attaches a new peer to its socket.
     *
     * @param peerSocketType the peer's Socket-Type, already checked against ours
     * @param peerIdentity the peer's Identity property, or null if it sent none
     */
    void handshakeDone(ZmtpEngine engine, String peerSocketType, byte[] peerIdentity);

    /** The engine has sent everything it had and found the outbound pipe empty. */
    void outputIdle(ZmtpEngine engine);

    /** The connection is closed (by the peer, an error, or us); the engine is finished. */
    void engineClosed(ZmtpEngine engine, String reason);
}
