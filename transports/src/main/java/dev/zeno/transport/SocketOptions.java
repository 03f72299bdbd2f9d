package dev.zeno.transport;

import java.util.Arrays;

/**
 * The options of one socket that transports need. The socket validates and sets them from its
 * user thread; transports read them when a connection opens (fields are volatile for that).
 * Durations are in milliseconds; -1 means "infinite" or "unlimited" as documented per field.
 */
public final class SocketOptions {
    /** The ZMTP socket type name ("REQ", "PUB", ...). */
    public final String socketType;
    /** Outbound high-water mark in messages; 0 = no limit. */
    public volatile int sendHighWaterMark = 1000;
    /** Inbound high-water mark in messages; 0 = no limit. */
    public volatile int receiveHighWaterMark = 1000;
    /** How long queued messages may wait to be sent after close; -1 = forever, 0 = drop. */
    public volatile long lingerMillis = 0;
    /** The identity announced to peers (ZMTP Identity property); empty = none. */
    public volatile byte[] identity = new byte[0];
    /** First reconnect interval; -1 = do not reconnect. */
    public volatile long reconnectIntervalMillis = 100;
    /** Upper bound of the exponential back-off; 0 = no back-off (always the interval). */
    public volatile long reconnectIntervalMaxMillis = 0;
    /** PING interval; 0 = no heartbeats. */
    public volatile long heartbeatIntervalMillis = 0;
    /** How long to wait for any traffic after a PING; 0 = the interval. */
    public volatile long heartbeatTimeoutMillis = 0;
    /** The TTL announced in our PINGs; 0 = none. */
    public volatile long heartbeatTtlMillis = 0;
    /** Largest inbound message in bytes; -1 = unlimited. */
    public volatile long maxMessageSize = -1;
    /** Longest a ZMTP handshake may take before the connection is dropped; 0 = no limit. */
    public volatile long handshakeTimeoutMillis = 30_000;
    /** TCP backlog for bound sockets. */
    public volatile int backlog = 100;

    /** Options with ZeroMQ's defaults for a socket of the given ZMTP type name. */
    public SocketOptions(String socketType) {
        this.socketType = socketType;
    }

    /** A copy of the identity. */
    public byte[] identityCopy() {
        return Arrays.copyOf(identity, identity.length);
    }
}
