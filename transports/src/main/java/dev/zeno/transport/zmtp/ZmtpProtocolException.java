package dev.zeno.transport.zmtp;

import java.io.IOException;

/**
 * A peer broke the ZMTP protocol (bad greeting, malformed frame or command, oversize message,
 * incompatible socket type). The connection that produced it must be closed; other connections
 * are unaffected.
 *
 * <p>It is an {@link IOException} on purpose: an engine already closes a connection on I/O
 * errors, and a protocol error needs exactly that treatment.
 */
public class ZmtpProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A protocol error described by {@code message} (which names what was wrong). */
    public ZmtpProtocolException(String message) {
        super(message);
    }
}
