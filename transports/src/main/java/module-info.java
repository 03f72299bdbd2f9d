/**
 * Zeno's transports: messages, pipes, the transport SPI, inproc, tcp, ipc and the ZMTP codec.
 * Nothing here is public API — applications use {@code dev.zeno} from {@code dev.zeno.patterns}
 * — so the only package the sockets need is exported to that module alone.
 */
module dev.zeno.transports {
    requires org.jctools.core;
    // JCTools' queues need sun.misc.Unsafe but declare jdk.unsupported only as "requires static":
    // without this, an application on the module path fails with NoClassDefFoundError
    requires jdk.unsupported;

    exports dev.zeno.transport to dev.zeno.patterns;
}
