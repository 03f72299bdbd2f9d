/**
 * The socket types' implementations, not for applications: {@link dev.zeno.socket.SocketBase}
 * holds the machinery every type shares (options, peers, bind and connect, a mailbox of attach
 * events handled on the user's thread, blocking send and receive with timeouts, close), and
 * each socket type is a small subclass composed from the strategies of
 * {@code dev.zeno.routing}: PUSH, PULL, REQ, REP, DEALER, ROUTER, PUB and XPUB (on
 * {@link dev.zeno.socket.PublisherBase}), SUB and XSUB (on
 * {@link dev.zeno.socket.SubscriberBase}), PAIR. {@link dev.zeno.socket.SocketWaker} wakes the
 * one thread waiting on a socket; {@link dev.zeno.socket.SocketErrors} builds the public
 * exceptions.
 */
package dev.zeno.socket;
