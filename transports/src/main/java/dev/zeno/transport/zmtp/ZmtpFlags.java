package dev.zeno.transport.zmtp;

/** The bits of a ZMTP frame's flags byte, and the frame-size limits that go with them. */
public final class ZmtpFlags {
    /** More frames of this message follow. */
    public static final int MORE = 0x01;
    /** The size field is 8 bytes (unsigned, big-endian) instead of 1. */
    public static final int LONG = 0x02;
    /** The frame is a command, not part of a message. */
    public static final int COMMAND = 0x04;
    /** Bits 7-3 are reserved and must be zero. */
    public static final int RESERVED = 0xF8;
    /** The largest body a short frame can carry. */
    public static final int MAX_SHORT_SIZE = 255;
    /** The largest frame body this implementation accepts: the practical limit of a Java array. */
    public static final int MAX_FRAME_SIZE = Integer.MAX_VALUE - 8;

    private ZmtpFlags() {
    }
}
