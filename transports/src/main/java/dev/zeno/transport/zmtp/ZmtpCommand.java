package dev.zeno.transport.zmtp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One ZMTP command: a name (1-255 ASCII letters) and the data after it.
 *
 * <p>The commands this codec understands are parsed and validated when decoded, so an engine
 * can use the typed accessors without further checks: READY ({@link #metadata()}), ERROR
 * ({@link #errorReason()}), SUBSCRIBE and CANCEL ({@link #topic()}), PING ({@link #pingTtl()},
 * {@link #pingContext()}) and PONG ({@link #pingContext()}). Any other name decodes as
 * {@link Kind#UNKNOWN}, which an engine ignores (security mechanisms and later versions may
 * define more).
 *
 * <p>Wire form of a command frame's body: name length (1 byte), name, data.
 */
public final class ZmtpCommand {
    /** What a command is. */
    public enum Kind {
        /** NULL handshake: the sender's properties. */
        READY,
        /** A fatal error with a reason to log. */
        ERROR,
        /** Subscribe to a topic prefix (ZMTP 3.1). */
        SUBSCRIBE,
        /** Cancel one subscription to a topic prefix (ZMTP 3.1). */
        CANCEL,
        /** Heartbeat request (ZMTP 3.1). */
        PING,
        /** Heartbeat reply (ZMTP 3.1). */
        PONG,
        /** A command this codec does not know; to be ignored. */
        UNKNOWN
    }

    /** The longest ping context, in bytes. */
    public static final int MAX_PING_CONTEXT = 16;
    /** The longest ERROR reason, in bytes. */
    public static final int MAX_ERROR_REASON = 255;

    private static final byte[] NONE = new byte[0];

    private final Kind kind;
    private final String name;
    private final byte[] data;
    private final ZmtpMetadata metadata;

    private ZmtpCommand(Kind kind, String name, byte[] data, ZmtpMetadata metadata) {
        this.kind = kind;
        this.name = name;
        this.data = data;
        this.metadata = metadata;
    }

    /** A READY command carrying {@code metadata}. */
    public static ZmtpCommand ready(ZmtpMetadata metadata) {
        return new ZmtpCommand(Kind.READY, "READY", metadata.encode(), metadata);
    }

    /**
     * Our READY: Socket-Type, then Identity when the socket type sends one (see
     * {@link SocketTypeRules#sendsIdentity}); {@code identity} may be null or empty.
     */
    public static ZmtpCommand ready(String socketType, byte[] identity) {
        ZmtpMetadata metadata = new ZmtpMetadata().add(ZmtpMetadata.SOCKET_TYPE, socketType);
        if (SocketTypeRules.sendsIdentity(socketType)) {
            metadata.add(ZmtpMetadata.IDENTITY, identity == null ? NONE : identity);
        }
        return ready(metadata);
    }

    /** An ERROR command; a reason longer than 255 bytes is cut (it is only for logs). */
    public static ZmtpCommand error(String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, MAX_ERROR_REASON);
        byte[] data = new byte[1 + length];
        data[0] = (byte) length;
        System.arraycopy(text, 0, data, 1, length);
        return new ZmtpCommand(Kind.ERROR, "ERROR", data, null);
    }

    /** A SUBSCRIBE command for {@code topic} (taken, not copied). */
    public static ZmtpCommand subscribe(byte[] topic) {
        return new ZmtpCommand(Kind.SUBSCRIBE, "SUBSCRIBE", topic.length == 0 ? NONE : topic, null);
    }

    /** A CANCEL command for {@code topic} (taken, not copied). */
    public static ZmtpCommand cancel(byte[] topic) {
        return new ZmtpCommand(Kind.CANCEL, "CANCEL", topic.length == 0 ? NONE : topic, null);
    }

    /**
     * A PING command.
     *
     * @param ttlDeciseconds how long the peer may wait for traffic before giving up on us, in
     *     tenths of a second (0-65535; 0 means no hint)
     * @param context up to 16 bytes the peer echoes in its PONG (null = none)
     */
    public static ZmtpCommand ping(int ttlDeciseconds, byte[] context) {
        if (ttlDeciseconds < 0 || ttlDeciseconds > 0xFFFF) {
            throw new IllegalArgumentException("ping TTL must be 0-65535 deciseconds: " + ttlDeciseconds);
        }
        byte[] ctx = checkContext(context);
        byte[] data = new byte[2 + ctx.length];
        data[0] = (byte) (ttlDeciseconds >>> 8);
        data[1] = (byte) ttlDeciseconds;
        System.arraycopy(ctx, 0, data, 2, ctx.length);
        return new ZmtpCommand(Kind.PING, "PING", data, null);
    }

    /** A PONG command echoing {@code context} (up to 16 bytes; null = none). */
    public static ZmtpCommand pong(byte[] context) {
        return new ZmtpCommand(Kind.PONG, "PONG", checkContext(context).clone(), null);
    }

    /**
     * Any command by name and data, e.g. a mechanism's own command. Known names are parsed as
     * if received, so {@code of("PING", data)} is a PING.
     *
     * @throws IllegalArgumentException if the name is not 1-255 ASCII letters, or the data is
     *     malformed for a known command
     */
    public static ZmtpCommand of(String name, byte[] data) {
        checkName(name);
        byte[] body = new byte[1 + name.length() + data.length];
        body[0] = (byte) name.length();
        System.arraycopy(name.getBytes(StandardCharsets.US_ASCII), 0, body, 1, name.length());
        System.arraycopy(data, 0, body, 1 + name.length(), data.length);
        try {
            return decode(body, 0, body.length);
        } catch (ZmtpProtocolException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Decodes a whole command frame body. */
    public static ZmtpCommand decode(byte[] body) throws ZmtpProtocolException {
        return decode(body, 0, body.length);
    }

    /**
     * Decodes a command frame body, {@code body[offset .. offset+length)}.
     *
     * @throws ZmtpProtocolException if the body is empty, the name is empty or overruns the
     *     body, or a known command's data is malformed (truncated property, overlong reason,
     *     PING without its TTL)
     */
    public static ZmtpCommand decode(byte[] body, int offset, int length) throws ZmtpProtocolException {
        if (length < 1) {
            throw new ZmtpProtocolException("malformed command: empty body, no name");
        }
        int nameLength = body[offset] & 0xFF;
        if (nameLength == 0) {
            throw new ZmtpProtocolException("malformed command: empty name");
        }
        if (nameLength > length - 1) {
            throw new ZmtpProtocolException("malformed command: name of " + nameLength
                    + " bytes overruns the " + length + "-byte command");
        }
        String name = new String(body, offset + 1, nameLength, StandardCharsets.ISO_8859_1);
        int dataOffset = offset + 1 + nameLength;
        int dataLength = length - 1 - nameLength;
        byte[] data = dataLength == 0 ? NONE : Arrays.copyOfRange(body, dataOffset, dataOffset + dataLength);
        switch (name) {
            case "READY":
                return new ZmtpCommand(Kind.READY, name, data, ZmtpMetadata.decode(data, 0, data.length));
            case "ERROR":
                if (data.length < 1) {
                    throw new ZmtpProtocolException("malformed ERROR: no reason length");
                }
                if ((data[0] & 0xFF) > data.length - 1) {
                    throw new ZmtpProtocolException("malformed ERROR: reason of " + (data[0] & 0xFF)
                            + " bytes overruns the command (" + (data.length - 1) + " bytes left)");
                }
                return new ZmtpCommand(Kind.ERROR, name, data, null);
            case "SUBSCRIBE":
                return new ZmtpCommand(Kind.SUBSCRIBE, name, data, null);
            case "CANCEL":
                return new ZmtpCommand(Kind.CANCEL, name, data, null);
            case "PING":
                if (data.length < 2) {
                    throw new ZmtpProtocolException("malformed PING: " + data.length + " bytes, the TTL alone needs 2");
                }
                return new ZmtpCommand(Kind.PING, name, data, null);
            case "PONG":
                return new ZmtpCommand(Kind.PONG, name, data, null);
            default:
                return new ZmtpCommand(Kind.UNKNOWN, name, data, null);
        }
    }

    /** What this command is. */
    public Kind kind() {
        return kind;
    }

    /** The command's name as sent, e.g. "READY". */
    public String name() {
        return name;
    }

    /** The bytes after the name (shared; do not modify). */
    public byte[] data() {
        return data;
    }

    /** The length of {@link #encode()}'s result: name length byte, name, data. */
    public int encodedLength() {
        return 1 + name.length() + data.length;
    }

    /** The command frame's body: name length, name, data. */
    public byte[] encode() {
        byte[] body = new byte[encodedLength()];
        body[0] = (byte) name.length();
        for (int i = 0; i < name.length(); i++) {
            body[1 + i] = (byte) name.charAt(i);
        }
        System.arraycopy(data, 0, body, 1 + name.length(), data.length);
        return body;
    }

    /** READY's properties. */
    public ZmtpMetadata metadata() {
        require(Kind.READY);
        return metadata;
    }

    /** ERROR's reason (decoded as UTF-8, bad bytes replaced). */
    public String errorReason() {
        require(Kind.ERROR);
        return new String(data, 1, data[0] & 0xFF, StandardCharsets.UTF_8);
    }

    /** SUBSCRIBE's or CANCEL's topic (shared; do not modify). */
    public byte[] topic() {
        if (kind != Kind.SUBSCRIBE && kind != Kind.CANCEL) {
            throw new IllegalStateException("a " + name + " command has no topic");
        }
        return data;
    }

    /** PING's time-to-live hint in tenths of a second (0 = none). */
    public int pingTtl() {
        require(Kind.PING);
        return ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
    }

    /**
     * PING's or PONG's context: what a PONG must echo. A peer's context longer than 16 bytes
     * (which the spec forbids) is cut to 16 rather than failing the connection.
     */
    public byte[] pingContext() {
        int from;
        if (kind == Kind.PING) {
            from = 2;
        } else if (kind == Kind.PONG) {
            from = 0;
        } else {
            throw new IllegalStateException("a " + name + " command has no ping context");
        }
        return Arrays.copyOfRange(data, from, Math.min(data.length, from + MAX_PING_CONTEXT));
    }

    private void require(Kind expected) {
        if (kind != expected) {
            throw new IllegalStateException("not a " + expected + " command: " + name);
        }
    }

    private static byte[] checkContext(byte[] context) {
        if (context == null) {
            return NONE;
        }
        if (context.length > MAX_PING_CONTEXT) {
            throw new IllegalArgumentException("a ping context is at most 16 bytes, got " + context.length);
        }
        return context;
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw new IllegalArgumentException("a command name must be 1 to 255 letters: " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw new IllegalArgumentException("a command name must be ASCII letters only: " + name);
            }
        }
    }

    @Override
    public String toString() {
        return name + "[" + data.length + "B]";
    }
}
