package dev.zeno.transport.zmtp;

import dev.zeno.transport.Msg;
import java.util.Arrays;

/**
 * Converts subscriptions between their internal form and the wire.
 *
 * <p>Internally (in pipes, and on inproc) a subscription is a single-frame message whose first
 * byte is 0x01 (subscribe) or 0x00 (cancel), followed by the topic prefix. On the wire:
 * <ul>
 *   <li>toward a ZMTP 3.1 peer it is a SUBSCRIBE or CANCEL command whose body is the topic;</li>
 *   <li>toward a ZMTP 3.0 peer it is the internal message itself.</li>
 * </ul>
 * <p>On receipt (on a PUB or XPUB connection) a SUBSCRIBE/CANCEL command becomes the internal
 * form with {@link #fromCommand}; a prefixed message, as 3.0 peers send, already is that form:
 * {@link #fromMessage} recognises it (libzmq accepts it from 3.1 peers too, and so do we).
 */
public final class ZmtpSubscriptions {
    /** First byte of an internal subscribe message. */
    public static final byte SUBSCRIBE = 0x01;
    /** First byte of an internal cancel message. */
    public static final byte CANCEL = 0x00;

    private ZmtpSubscriptions() {
    }

    /** The internal message subscribing to {@code topic}. */
    public static Msg subscribe(byte[] topic) {
        return new Msg(prefixed(SUBSCRIBE, topic, 0, topic.length));
    }

    /** The internal message cancelling one subscription to {@code topic}. */
    public static Msg cancel(byte[] topic) {
        return new Msg(prefixed(CANCEL, topic, 0, topic.length));
    }

    /** Whether {@code message} has the internal subscription form: one frame starting with 0x01 or 0x00. */
    public static boolean isSubscription(Msg message) {
        if (message.frameCount() != 1) {
            return false;
        }
        byte[] frame = message.frame(0);
        return frame.length > 0 && (frame[0] == SUBSCRIBE || frame[0] == CANCEL);
    }

    /** Whether {@code message} is an internal subscribe (not cancel) message. */
    public static boolean isSubscribe(Msg message) {
        return isSubscription(message) && message.frame(0)[0] == SUBSCRIBE;
    }

    /** The topic of an internal subscription message (a copy without the first byte). */
    public static byte[] topic(Msg message) {
        requireSubscription(message);
        byte[] frame = message.frame(0);
        return Arrays.copyOfRange(frame, 1, frame.length);
    }

    /** The SUBSCRIBE or CANCEL command for an internal subscription message (for 3.1 peers). */
    public static ZmtpCommand toCommand(Msg message) {
        byte[] topic = topic(message);
        return message.frame(0)[0] == SUBSCRIBE ? ZmtpCommand.subscribe(topic) : ZmtpCommand.cancel(topic);
    }

    /**
     * Starts {@code encoder} on an internal subscription message in the form the peer expects:
     * a command if the peer speaks 3.1 or later, the message as-is otherwise.
     *
     * @param peer the peer's greeting ({@link Greeting#isAtLeast31()} decides)
     */
    public static void start(ZmtpEncoder encoder, Msg subscription, Greeting peer) {
        start(encoder, subscription, peer.isAtLeast31());
    }

    /** As {@link #start(ZmtpEncoder, Msg, Greeting)}, the peer's version given as a flag. */
    public static void start(ZmtpEncoder encoder, Msg subscription, boolean peerIsAtLeast31) {
        requireSubscription(subscription);
        if (peerIsAtLeast31) {
            encoder.start(toCommand(subscription));
        } else {
            encoder.start(subscription);
        }
    }

    /**
     * The internal form of a SUBSCRIBE or CANCEL command, or null for any other command.
     */
    public static Msg fromCommand(ZmtpCommand command) {
        switch (command.kind()) {
            case SUBSCRIBE:
                return subscribe(command.topic());
            case CANCEL:
                return cancel(command.topic());
            default:
                return null;
        }
    }

    /**
     * {@code message} itself if it is in the subscription form (how ZMTP 3.0 peers subscribe),
     * otherwise null (a PUB ignores it; an XPUB may pass it up as an ordinary message).
     */
    public static Msg fromMessage(Msg message) {
        return isSubscription(message) ? message : null;
    }

    private static byte[] prefixed(byte first, byte[] topic, int offset, int length) {
        byte[] frame = new byte[1 + length];
        frame[0] = first;
        System.arraycopy(topic, offset, frame, 1, length);
        return frame;
    }

    private static void requireSubscription(Msg message) {
        if (!isSubscription(message)) {
            throw new IllegalArgumentException("not a subscription message (one frame starting 0x01 or 0x00): " + message);
        }
    }
}
