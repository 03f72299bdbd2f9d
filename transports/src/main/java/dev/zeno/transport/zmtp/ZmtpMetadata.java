package dev.zeno.transport.zmtp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The properties of a READY command: an ordered list of name/value pairs, names compared
 * without regard to case (as the spec demands), values opaque bytes.
 *
 * <p>Wire form of each property: name length (1 byte, 1-255), name (ASCII), value length
 * (4 bytes, big-endian, at most 2^31-1), value.
 */
public final class ZmtpMetadata {
    /** The sender's socket type, e.g. "REQ". */
    public static final String SOCKET_TYPE = "Socket-Type";
    /** The sender's identity (routing id), sent by REQ, DEALER and ROUTER. */
    public static final String IDENTITY = "Identity";
    /** The resource the sender asks for (ZMTP 3.1). */
    public static final String RESOURCE = "Resource";

    private final List<String> names = new ArrayList<>(4);
    private final List<byte[]> values = new ArrayList<>(4);

    /** An empty property list. */
    public ZmtpMetadata() {
    }

    /**
     * Appends a property; the value array is taken, not copied. Returns this.
     *
     * @throws IllegalArgumentException if the name is empty, longer than 255 characters or
     *     holds characters other than letters, digits, '-', '_', '.' and '+'
     */
    public ZmtpMetadata add(String name, byte[] value) {
        checkName(name);
        if (value == null) {
            throw new NullPointerException("value of property " + name);
        }
        names.add(name);
        values.add(value);
        return this;
    }

    /** Appends a property whose value is the UTF-8 bytes of {@code value}. Returns this. */
    public ZmtpMetadata add(String name, String value) {
        return add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The number of properties. */
    public int size() {
        return names.size();
    }

    /** The name of property {@code index}, as sent. */
    public String name(int index) {
        return names.get(index);
    }

    /** The value of property {@code index} (shared; do not modify). */
    public byte[] value(int index) {
        return values.get(index);
    }

    /** The value of the first property called {@code name} (any case), or null if absent. */
    public byte[] get(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return values.get(i);
            }
        }
        return null;
    }

    /** As {@link #get}, decoded as UTF-8 (socket types and most properties are ASCII); null if absent. */
    public String getString(String name) {
        byte[] value = get(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** The wire form of these properties, in order. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encodedLength());
        for (int i = 0; i < names.size(); i++) {
            byte[] name = names.get(i).getBytes(StandardCharsets.US_ASCII);
            byte[] value = values.get(i);
            out.write(name.length);
            out.write(name, 0, name.length);
            out.write(value.length >>> 24);
            out.write(value.length >>> 16);
            out.write(value.length >>> 8);
            out.write(value.length);
            out.write(value, 0, value.length);
        }
        return out.toByteArray();
    }

    /** The length of {@link #encode()}'s result. */
    public int encodedLength() {
        long total = 0;
        for (int i = 0; i < names.size(); i++) {
            total += 1 + names.get(i).length() + 4 + values.get(i).length;
        }
        if (total > ZmtpFlags.MAX_FRAME_SIZE) {
            throw new IllegalStateException("metadata of " + total + " bytes is too large to send");
        }
        return (int) total;
    }

    /**
     * Parses properties from {@code bytes[offset .. offset+length)}.
     *
     * @throws ZmtpProtocolException if a property is truncated, has an empty name, or its name or
     *     value length runs past the end
     */
    public static ZmtpMetadata decode(byte[] bytes, int offset, int length) throws ZmtpProtocolException {
        ZmtpMetadata metadata = new ZmtpMetadata();
        int pos = offset;
        int end = offset + length;
        while (pos < end) {
            int nameLength = bytes[pos++] & 0xFF;
            if (nameLength == 0) {
                throw new ZmtpProtocolException("malformed READY: property " + metadata.size() + " has an empty name");
            }
            if (nameLength > end - pos) {
                throw new ZmtpProtocolException("malformed READY: property name of " + nameLength
                        + " bytes overruns the command (" + (end - pos) + " bytes left)");
            }
            // Latin-1 maps bytes 1:1, so a peer's odd characters cannot make decoding fail
            String name = new String(bytes, pos, nameLength, StandardCharsets.ISO_8859_1);
            pos += nameLength;
            if (4 > end - pos) {
                throw new ZmtpProtocolException("malformed READY: property " + name + " has a truncated value length");
            }
            long valueLength = ((bytes[pos] & 0xFFL) << 24) | ((bytes[pos + 1] & 0xFF) << 16)
                    | ((bytes[pos + 2] & 0xFF) << 8) | (bytes[pos + 3] & 0xFF);
            pos += 4;
            if (valueLength > end - pos) {
                throw new ZmtpProtocolException("malformed READY: value of property " + name + " claims "
                        + valueLength + " bytes but " + (end - pos) + " are left");
            }
            byte[] value = new byte[(int) valueLength];
            System.arraycopy(bytes, pos, value, 0, value.length);
            pos += value.length;
            metadata.names.add(name);
            metadata.values.add(value);
        }
        return metadata;
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw new IllegalArgumentException("a property name must be 1 to 255 characters: " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '+';
            if (!ok) {
                throw new IllegalArgumentException("property name " + name + " holds '" + c
                        + "'; only letters, digits, '-', '_', '.' and '+' are allowed");
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(names.get(i)).append('=').append(values.get(i).length).append('B');
        }
        return out.append('}').toString();
    }
}
