package dev.zeno.routing;

import dev.zeno.transport.Msg;

/**
 * The form in which (un)subscriptions travel upstream through pipes, from SUB and XSUB to PUB
 * and XPUB: a single-frame message whose first byte is {@code 0x01} (subscribe) or
 * {@code 0x00} (cancel), followed by the topic. The TCP engine translates this form to and
 * from ZMTP 3.1's SUBSCRIBE and CANCEL commands, and it is what XPUB hands to the application.
 */
public final class SubscriptionMessages {
    /** First byte of a subscribe message. */
    public static final byte SUBSCRIBE = 1;
    /** First byte of a cancel message. */
    public static final byte CANCEL = 0;

    private SubscriptionMessages() {
    }

    /** The message subscribing to {@code topic}. */
    public static Msg subscribe(byte[] topic) {
        return new Msg(frame(SUBSCRIBE, topic));
    }

    /** The message cancelling {@code topic}. */
    public static Msg cancel(byte[] topic) {
        return new Msg(frame(CANCEL, topic));
    }

    /** True if {@code msg} is a subscribe or cancel message: one frame starting 0x01 or 0x00. */
    public static boolean isSubscription(Msg msg) {
        if (msg.frameCount() != 1) {
            return false;
        }
        byte[] frame = msg.first();
        return frame.length > 0 && (frame[0] == SUBSCRIBE || frame[0] == CANCEL);
    }

    /** True if {@code msg} (a subscription message) subscribes; false if it cancels. */
    public static boolean isSubscribe(Msg msg) {
        return msg.first()[0] == SUBSCRIBE;
    }

    /** The topic of a subscription message (a copy without the leading byte). */
    public static byte[] topic(Msg msg) {
        byte[] frame = msg.first();
        byte[] topic = new byte[frame.length - 1];
        System.arraycopy(frame, 1, topic, 0, topic.length);
        return topic;
    }

    private static byte[] frame(byte kind, byte[] topic) {
        byte[] frame = new byte[topic.length + 1];
        frame[0] = kind;
        System.arraycopy(topic, 0, frame, 1, topic.length);
        return frame;
    }
}
