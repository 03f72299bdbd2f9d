package dev.zeno.socket;

import dev.zeno.routing.SubscriptionMessages;
import dev.zeno.transport.Msg;
import dev.zeno.transport.TransportContext;

/**
 * XSUB: a SUB whose subscriptions are sent as messages, as a proxy forwards them from an
 * XPUB: a single frame {@code 0x01topic} subscribes, {@code 0x00topic} cancels (both recorded,
 * so they are sent again to new and reconnected publishers, and used to filter what arrives).
 * Any other message is passed upstream to every publisher as it is. A send never waits.
 * {@link #subscribe} works too.
 */
public final class XSubSocket extends SubscriberBase {
    /** An XSUB socket on the given transports. */
    public XSubSocket(TransportContext transports) {
        super("XSUB", transports);
    }

    @Override
    protected boolean trySend(Msg msg) {
        if (SubscriptionMessages.isSubscription(msg)) {
            applySubscription(msg);
        } else {
            sendUpstream(msg);
        }
        return true;
    }

    @Override
    protected boolean canSend() {
        return true;
    }
}
