package dev.zeno;

/** The eleven ZeroMQ socket types, each a messaging pattern's role. */
public enum SocketType {
    /** Request: sends a request, then receives its reply, strictly alternating; round-robin over peers. */
    REQ,
    /** Reply: receives a request, then sends the reply back to the peer that asked. */
    REP,
    /** Asynchronous request: round-robin send, fair-queued receive, no envelope rules. */
    DEALER,
    /** Asynchronous reply: prefixes each message with the sender's identity; routes by the first frame. */
    ROUTER,
    /** Publisher: fans each message out to every subscriber whose filter matches; never blocks. */
    PUB,
    /** Subscriber: receives the messages that match one of its prefix filters. */
    SUB,
    /** A publisher that also receives its subscribers' (un)subscriptions as messages. */
    XPUB,
    /** A subscriber that sends its subscriptions as messages (for proxies). */
    XSUB,
    /** Pipeline upstream: round-robin to downstream peers; blocks when all are full. */
    PUSH,
    /** Pipeline downstream: fair-queued from every upstream peer. */
    PULL,
    /** Exclusive pair: exactly one peer, both directions. */
    PAIR
}
