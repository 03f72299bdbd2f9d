package dev.zeno;

import dev.zeno.transport.Msg;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A multipart message: one or more frames, sent and received whole.
 *
 * <p>Frames are byte arrays handed over without copying: a frame given to a message, or
 * received in one, may be shared with the sender or with other subscribers, so do not modify
 * its bytes. The message's own list of frames is private and may be changed freely.
 */
public final class Message implements Iterable<byte[]> {
    private Msg msg;
    /** True while {@link #msg} may be shared with others: copy the frame list before changing it. */
    private boolean shared;

    /** An empty message; add frames before sending it. */
    public Message() {
        this.msg = new Msg();
    }

    /** A message of the given frames (taken, not copied). */
    public Message(byte[]... frames) {
        this.msg = Msg.of(frames);
    }

    /** A message of the given text frames, UTF-8 encoded. */
    public Message(String... frames) {
        this.msg = new Msg();
        for (String frame : frames) {
            msg.add(frame.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Wraps a received message without copying. Not part of the public API. */
    static Message wrap(Msg msg) {
        Message message = new Message();
        message.msg = msg;
        message.shared = true;
        return message;
    }

    /** The underlying message, for sending. Not part of the public API. */
    Msg msg() {
        shared = true;
        return msg;
    }

    private Msg mutable() {
        if (shared) {
            msg = msg.copyFrameList();
            shared = false;
        }
        return msg;
    }

    /** Appends a frame (taken, not copied). Returns this message. */
    public Message add(byte[] frame) {
        mutable().add(frame);
        return this;
    }

    /** Appends a UTF-8 text frame. Returns this message. */
    public Message add(String frame) {
        return add(frame.getBytes(StandardCharsets.UTF_8));
    }

    /** Puts a frame in front of the others (for envelopes). Returns this message. */
    public Message push(byte[] frame) {
        msg = msg.withFrontFrame(frame);
        shared = false;
        return this;
    }

    /** Removes and returns the first frame, or null if the message is empty. */
    public byte[] pop() {
        if (msg.frameCount() == 0) {
            return null;
        }
        byte[] first = msg.first();
        msg = msg.withoutFrontFrame();
        shared = false;
        return first;
    }

    /** Removes the first frame and returns it as UTF-8 text, or null if the message is empty. */
    public String popString() {
        byte[] frame = pop();
        return frame == null ? null : new String(frame, StandardCharsets.UTF_8);
    }

    /** The number of frames. */
    public int size() {
        return msg.frameCount();
    }

    /** True if the message has no frames. */
    public boolean isEmpty() {
        return msg.frameCount() == 0;
    }

    /** Frame {@code index}; do not modify its bytes. */
    public byte[] frame(int index) {
        return msg.frame(index);
    }

    /** Frame {@code index} as UTF-8 text. */
    public String frameString(int index) {
        return new String(msg.frame(index), StandardCharsets.UTF_8);
    }

    /** The first frame; do not modify its bytes. */
    public byte[] first() {
        return msg.first();
    }

    /** The last frame; do not modify its bytes. */
    public byte[] last() {
        return msg.last();
    }

    /** The total size of the frames in bytes. */
    public long byteSize() {
        return msg.byteSize();
    }

    /** The frames as UTF-8 strings, in order. */
    public List<String> toStrings() {
        List<String> strings = new ArrayList<>(msg.frameCount());
        for (int i = 0; i < msg.frameCount(); i++) {
            strings.add(frameString(i));
        }
        return strings;
    }

    @Override
    public Iterator<byte[]> iterator() {
        Msg view = msg;
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < view.frameCount();
            }

            @Override
            public byte[] next() {
                return view.frame(next++);
            }
        };
    }

    @Override
    public String toString() {
        return "Message" + toStrings();
    }
}
