package dev.zeno.transport.zmtp;

import dev.zeno.transport.Msg;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Test helper: everything a decoder produced, in order (messages and commands interleaved). */
final class Decoded implements ZmtpDecoder.Handler {
    final List<Object> items = new ArrayList<>();

    @Override
    public void onMessage(Msg message) {
        items.add(message);
    }

    @Override
    public void onCommand(ZmtpCommand command) {
        items.add(command);
    }

    Msg message(int index) {
        return (Msg) items.get(index);
    }

    ZmtpCommand command(int index) {
        return (ZmtpCommand) items.get(index);
    }

    /** Decodes {@code bytes} fed in one go. */
    static Decoded all(byte[] bytes, long max) throws ZmtpProtocolException {
        Decoded out = new Decoded();
        ZmtpDecoder decoder = new ZmtpDecoder(max);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        decoder.decodeAll(in, out);
        if (in.hasRemaining()) {
            throw new AssertionError("decoder left " + in.remaining() + " bytes");
        }
        return out;
    }

    /** Decodes {@code bytes} fed {@code chunk} bytes at a time, each chunk in a fresh buffer. */
    static Decoded chunked(byte[] bytes, int chunk, long max) throws ZmtpProtocolException {
        Decoded out = new Decoded();
        ZmtpDecoder decoder = new ZmtpDecoder(max);
        for (int pos = 0; pos < bytes.length; pos += chunk) {
            ByteBuffer in = ByteBuffer.wrap(bytes, pos, Math.min(chunk, bytes.length - pos)).slice();
            decoder.decodeAll(in, out);
            if (in.hasRemaining()) {
                throw new AssertionError("decoder left " + in.remaining() + " bytes");
            }
        }
        return out;
    }
}
