package dev.zeno;

/** The endpoint is already bound, by this process or another. */
public class AddressInUseException extends ZenoException {
    private static final long serialVersionUID = 1L;

    /** An exception whose message names the input at fault. */
    public AddressInUseException(String message) {
        super(message);
    }

    /** An exception whose message names the input at fault, with its cause. */
    public AddressInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
