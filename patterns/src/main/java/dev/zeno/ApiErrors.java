package dev.zeno;

import dev.zeno.socket.SocketErrors;
import dev.zeno.transport.TransportException;

/** Turns internal failures into the public exception family. */
final class ApiErrors implements SocketErrors.Factory {
    @Override
    public RuntimeException closed(String what) {
        return new SocketClosedException(what + " is closed");
    }

    @Override
    public RuntimeException illegalState(String message) {
        return new IllegalSocketStateException(message);
    }

    @Override
    public RuntimeException unroutable(String message) {
        return new UnroutableMessageException(message);
    }

    @Override
    public RuntimeException invalidOption(String message) {
        return new InvalidOptionException(message);
    }

    @Override
    public RuntimeException interrupted(String message) {
        return new InterruptedOperationException(message);
    }

    @Override
    public RuntimeException transport(TransportException cause) {
        switch (cause.reason()) {
            case ADDRESS_IN_USE:
                return new AddressInUseException(cause.getMessage(), cause);
            case TERMINATED:
                return new SocketClosedException(cause.getMessage(), cause);
            case INTERRUPTED:
                return new InterruptedOperationException(cause.getMessage());
            default:
                return new InvalidEndpointException(cause.getMessage(), cause);
        }
    }
}
