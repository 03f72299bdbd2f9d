package dev.zeno.routing;

/**
 * A {@link SubscriberTrie}'s record of one subscriber: shared by every topic node that the
 * subscriber holds, so that a match can tell in one comparison whether it already passed the
 * subscriber on for this message (a subscriber with several matching prefixes gets the
 * message once, with no set or allocation per message).
 *
 * @param <T> the subscriber type (a peer)
 */
final class Subscriber<T> {
    final T subscriber;
    /** How many topics the subscriber holds; the record is dropped when it reaches zero. */
    int topics;
    /** The number of the last match that passed this subscriber on. */
    long lastMatch;

    Subscriber(T subscriber) {
        this.subscriber = subscriber;
    }
}
