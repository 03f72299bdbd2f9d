package dev.zeno.transport.zmtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 64-byte ZMTP greeting: ours to send, and the peer's as parsed.
 *
 * <p>Layout: signature (0xFF, 8 padding bytes, 0x7F), version (major, minor), mechanism (20
 * bytes, null-padded ASCII), as-server (1 byte), filler (31 zero bytes). We send version 3.1
 * and the NULL mechanism and accept any peer of major version 3 or higher (a higher peer
 * downgrades to us, as the spec requires).
 *
 * <p>An engine may send its whole greeting at once and read the peer's in pieces; once the
 * first bytes arrive it should call {@link #checkPrefix} so a non-ZMTP peer (an HTTP client,
 * a ZMTP 1.0/2.0 peer) is rejected after 10-12 bytes instead of stalling until 64 arrive.
 */
public final class Greeting {
    /** The size of a greeting in bytes. */
    public static final int SIZE = 64;
    /** The size of the signature (0xFF, 8 padding bytes, 0x7F). */
    public static final int SIGNATURE_SIZE = 10;
    /** The bytes needed to know the signature and the whole version (major and minor). */
    public static final int VERSION_END = 12;
    /** The major version we speak. */
    public static final int MAJOR = 3;
    /** The minor version we speak. */
    public static final int MINOR = 1;
    /** The only security mechanism supported. */
    public static final String NULL_MECHANISM = "NULL";

    private static final int MAJOR_OFFSET = 10;
    private static final int MINOR_OFFSET = 11;
    private static final int MECHANISM_OFFSET = 12;
    private static final int MECHANISM_SIZE = 20;
    private static final int AS_SERVER_OFFSET = 32;

    private final int major;
    private final int minor;
    private final String mechanism;
    private final boolean asServer;

    private Greeting(int major, int minor, String mechanism, boolean asServer) {
        this.major = major;
        this.minor = minor;
        this.mechanism = mechanism;
        this.asServer = asServer;
    }

    /** Our greeting (3.1, NULL, as-server 0, which the NULL mechanism requires) as a new array. */
    public static byte[] encode() {
        byte[] bytes = new byte[SIZE];
        bytes[0] = (byte) 0xFF;
        // padding 1..8 stays zero: the spec recommends zeros when no old-version detection is wanted
        bytes[9] = 0x7F;
        bytes[MAJOR_OFFSET] = MAJOR;
        bytes[MINOR_OFFSET] = MINOR;
        byte[] name = NULL_MECHANISM.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, bytes, MECHANISM_OFFSET, name.length);
        return bytes;
    }

    /** Puts our greeting into {@code out}, which must have {@link #SIZE} bytes free. */
    public static void encode(ByteBuffer out) {
        out.put(encode());
    }

    /**
     * Checks whatever of the first {@link #VERSION_END} bytes is available, so an engine can
     * reject a non-ZMTP or pre-3.0 peer early: byte 0 must be 0xFF, byte 9 must be 0x7F and
     * byte 10 (the major version) at least 3. Bytes beyond {@code length} are not looked at.
     *
     * @param bytes the start of the peer's greeting
     * @param length how many bytes of it have arrived (may be more than 12; only 0..11 are checked)
     * @throws ZmtpProtocolException naming what is wrong
     */
    public static void checkPrefix(byte[] bytes, int length) throws ZmtpProtocolException {
        if (length > 0 && (bytes[0] & 0xFF) != 0xFF) {
            throw new ZmtpProtocolException(String.format(
                    "not a ZMTP 3.x peer: greeting starts with 0x%02X, expected signature 0xFF", bytes[0] & 0xFF));
        }
        if (length > 9 && bytes[9] != 0x7F) {
            // ZMTP 1.0 peers put a frame's flags here (bit 0 clear); anything else is not ZMTP at all
            throw new ZmtpProtocolException(String.format(
                    "not a ZMTP 3.x peer: greeting byte 9 is 0x%02X, expected signature 0x7F"
                            + " (a ZMTP 1.0 peer, or not ZMTP)", bytes[9] & 0xFF));
        }
        if (length > MAJOR_OFFSET && (bytes[MAJOR_OFFSET] & 0xFF) < MAJOR) {
            int peerMajor = bytes[MAJOR_OFFSET] & 0xFF;
            throw new ZmtpProtocolException("peer speaks ZMTP " + (peerMajor == 1 ? "2.0" : "major version " + peerMajor)
                    + "; only ZMTP 3.x is supported (libzmq 4.0 or later)");
        }
    }

    /**
     * As {@link #checkPrefix(byte[], int)}, over the bytes between {@code in}'s position and
     * limit, without moving the position.
     */
    public static void checkPrefix(ByteBuffer in) throws ZmtpProtocolException {
        int length = Math.min(in.remaining(), VERSION_END);
        byte[] prefix = new byte[length];
        in.get(in.position(), prefix);
        checkPrefix(prefix, length);
    }

    /**
     * Parses a whole peer greeting, {@code bytes[offset .. offset+64)}.
     *
     * @throws ZmtpProtocolException on a bad signature, a major version below 3 or a security
     *     mechanism other than NULL
     */
    public static Greeting parse(byte[] bytes, int offset) throws ZmtpProtocolException {
        if (bytes.length - offset < SIZE) {
            throw new IllegalArgumentException("a greeting is " + SIZE + " bytes, got " + (bytes.length - offset));
        }
        byte[] greeting = offset == 0 ? bytes : Arrays.copyOfRange(bytes, offset, offset + SIZE);
        checkPrefix(greeting, SIZE);
        int major = greeting[MAJOR_OFFSET] & 0xFF;
        int minor = greeting[MINOR_OFFSET] & 0xFF;
        String mechanism = mechanismName(greeting);
        if (!NULL_MECHANISM.equals(mechanism)) {
            throw new ZmtpProtocolException("peer uses security mechanism " + quote(mechanism)
                    + "; only NULL is supported (PLAIN and CURVE are not)");
        }
        return new Greeting(major, minor, mechanism, greeting[AS_SERVER_OFFSET] != 0);
    }

    /** Parses a whole peer greeting from the first 64 bytes of {@code bytes}. */
    public static Greeting parse(byte[] bytes) throws ZmtpProtocolException {
        return parse(bytes, 0);
    }

    /**
     * Parses a whole peer greeting from {@code in}, consuming exactly {@link #SIZE} bytes.
     *
     * @throws IllegalArgumentException if fewer than 64 bytes remain (call again once they have arrived)
     */
    public static Greeting parse(ByteBuffer in) throws ZmtpProtocolException {
        if (in.remaining() < SIZE) {
            throw new IllegalArgumentException("a greeting is " + SIZE + " bytes, got " + in.remaining());
        }
        byte[] bytes = new byte[SIZE];
        in.get(bytes);
        return parse(bytes, 0);
    }

    private static String mechanismName(byte[] greeting) {
        int end = MECHANISM_OFFSET;
        while (end < MECHANISM_OFFSET + MECHANISM_SIZE && greeting[end] != 0) {
            end++;
        }
        // Latin-1 keeps every byte visible in the error message, whatever the peer sent
        return new String(greeting, MECHANISM_OFFSET, end - MECHANISM_OFFSET, StandardCharsets.ISO_8859_1);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\x%02X", (int) c));
            }
        }
        return out.append('"').toString();
    }

    /** The peer's major version (3 or higher). */
    public int major() {
        return major;
    }

    /** The peer's minor version as announced (0 for ZMTP 3.0, 1 for 3.1). */
    public int minor() {
        return minor;
    }

    /** The peer's security mechanism (always "NULL" for a greeting that parsed). */
    public String mechanism() {
        return mechanism;
    }

    /** The peer's as-server flag (meaningless for NULL, which requires it to be 0). */
    public boolean asServer() {
        return asServer;
    }

    /**
     * Whether the peer speaks ZMTP 3.1 or later, and therefore expects subscriptions as
     * SUBSCRIBE/CANCEL commands rather than 0x01/0x00-prefixed messages, and understands PING.
     */
    public boolean isAtLeast31() {
        return major > 3 || minor >= 1;
    }

    @Override
    public String toString() {
        return "Greeting[ZMTP " + major + "." + minor + ", " + mechanism + (asServer ? ", as-server" : "") + "]";
    }
}
