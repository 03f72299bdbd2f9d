package dev.zeno.net;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A hand-driven ZMTP peer over a plain {@link java.net.Socket}, for feeding a Zeno socket bytes
 * no well-behaved peer would send: garbage, bad signatures, huge frame lengths, silence.
 */
final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    /** Connects to {@code tcp://host:port}. */
    RawPeer(String tcpEndpoint) {
        this(connect(tcpEndpoint));
    }

    /** Speaks over a connection already made, e.g. one accepted from a Zeno socket that connects. */
    RawPeer(Socket connected) {
        socket = connected;
        try {
            socket.setSoTimeout(10_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Socket connect(String tcpEndpoint) {
        String address = tcpEndpoint.substring("tcp://".length());
        int colon = address.lastIndexOf(':');
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1))), 10_000);
            return socket;
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new UncheckedIOException(e);
        }
    }

    /** A ZMTP greeting: version major.minor and a mechanism name. */
    static byte[] greeting(int major, int minor, String mechanism) {
        byte[] bytes = new byte[64];
        bytes[0] = (byte) 0xFF;
        bytes[9] = 0x7F;
        bytes[10] = (byte) major;
        bytes[11] = (byte) minor;
        byte[] name = mechanism.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, bytes, 12, name.length);
        return bytes;
    }

    /** A command frame (short form). */
    static byte[] command(String name, byte[] data) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(name.length());
        body.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(data);
        return frame(0x04, body.toByteArray());
    }

    /** A READY command announcing {@code socketType}. */
    static byte[] ready(String socketType) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] name = "Socket-Type".getBytes(StandardCharsets.US_ASCII);
        byte[] value = socketType.getBytes(StandardCharsets.US_ASCII);
        data.write(name.length);
        data.writeBytes(name);
        data.writeBytes(new byte[] {0, 0, 0, (byte) value.length});
        data.writeBytes(value);
        return command("READY", data.toByteArray());
    }

    /** A PING command with a TTL in deciseconds and no context. */
    static byte[] ping(int ttlDeciseconds) {
        return command("PING", new byte[] {(byte) (ttlDeciseconds >> 8), (byte) ttlDeciseconds});
    }

    /** A frame with {@code flags} (short or long form chosen by size). */
    static byte[] frame(int flags, byte[] body) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        if (body.length > 255) {
            frame.write(flags | 0x02);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) body.length >>> shift));
            }
        } else {
            frame.write(flags);
            frame.write(body.length);
        }
        frame.writeBytes(body);
        return frame.toByteArray();
    }

    /** Writes raw bytes. */
    RawPeer write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Sends a 3.1 NULL greeting and READY as {@code socketType}, and reads the peer's greeting. */
    RawPeer handshake(String socketType) {
        write(greeting(3, 1, "NULL"));
        readGreeting();
        write(ready(socketType));
        Frame ready = readFrame();
        if (!ready.isCommand() || !ready.commandName().equals("READY")) {
            throw new IllegalStateException("expected READY, got " + ready);
        }
        return this;
    }

    /** Reads the peer's 64-byte greeting. */
    byte[] readGreeting() {
        byte[] bytes = new byte[64];
        try {
            in.readFully(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    /** One frame as read. */
    record Frame(int flags, byte[] body) {
        boolean isCommand() {
            return (flags & 0x04) != 0;
        }

        String commandName() {
            return new String(body, 1, body[0] & 0xFF, StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return isCommand() ? "command " + commandName() : "frame of " + body.length + " bytes";
        }
    }

    /** Reads one frame. */
    Frame readFrame() {
        try {
            int flags = in.readUnsignedByte();
            long size = (flags & 0x02) != 0 ? in.readLong() : in.readUnsignedByte();
            byte[] body = new byte[(int) size];
            in.readFully(body);
            return new Frame(flags, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads frames until a message frame (not a command such as PING) and returns its body as text. */
    String readMessageText() {
        Frame frame;
        do {
            frame = readFrame();
        } while (frame.isCommand());
        return new String(frame.body(), StandardCharsets.UTF_8);
    }

    /**
     * Reads (and drops) whatever arrives until the other side closes the connection.
     *
     * @return true if it closed within {@code limit}, false if it stayed open
     */
    boolean closedWithin(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        byte[] sink = new byte[4096];
        try {
            InputStream stream = socket.getInputStream();
            while (System.nanoTime() < deadline) {
                socket.setSoTimeout((int) Math.max(1, Math.min(500, (deadline - System.nanoTime()) / 1_000_000)));
                try {
                    if (stream.read(sink) < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    // keep waiting
                }
            }
            return false;
        } catch (EOFException e) {
            return true;
        } catch (IOException e) {
            return true; // reset by the peer: closed too
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
