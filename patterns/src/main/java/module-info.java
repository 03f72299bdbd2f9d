/**
 * Zeno's public API, {@code dev.zeno}: Context, Socket, SocketType, Message, Poller, Proxy and
 * the exception family. The socket types and routing strategies behind it stay internal.
 */
module dev.zeno.patterns {
    requires dev.zeno.transports;
    requires org.jctools.core;

    exports dev.zeno;
}
