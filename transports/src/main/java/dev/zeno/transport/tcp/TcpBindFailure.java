package dev.zeno.transport.tcp;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;

/**
 * Why a tcp bind failed, as far as the address tells, without the JDK's message. The JDK throws
 * the same {@link BindException} for EADDRINUSE, EADDRNOTAVAIL and EACCES, and its message is
 * the C library's text in the user's language ("Die Adresse wird bereits verwendet"), so
 * looking for "in use" misreports a taken port on a machine that does not speak English. An
 * address this host does not have is EADDRNOTAVAIL; on a port of 1024 or more (Linux's
 * unprivileged ports) an address of this host can only be taken; a privileged port may be
 * either, and only the message tells.
 */
enum TcpBindFailure {
    NOT_AN_ADDRESS_OF_THIS_HOST,
    ADDRESS_IN_USE,
    ONLY_THE_MESSAGE_TELLS;

    private static final int FIRST_UNPRIVILEGED_PORT = 1024;

    /** What a failed bind of {@code address} means. */
    static TcpBindFailure of(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (!ip.isAnyLocalAddress() && !isAddressOfThisHost(ip)) {
            return NOT_AN_ADDRESS_OF_THIS_HOST;
        }
        return address.getPort() >= FIRST_UNPRIVILEGED_PORT ? ADDRESS_IN_USE : ONLY_THE_MESSAGE_TELLS;
    }

    private static boolean isAddressOfThisHost(InetAddress ip) {
        if (ip.isLoopbackAddress()) {
            return true; // all of 127.0.0.0/8 is bindable on Linux, not only the interface's address
        }
        try {
            return NetworkInterface.getByInetAddress(ip) != null;
        } catch (SocketException e) {
            return true; // cannot tell: the port decides, or the message
        }
    }
}
