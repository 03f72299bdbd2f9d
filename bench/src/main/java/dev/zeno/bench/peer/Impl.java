package dev.zeno.bench.peer;

import java.util.Locale;

/** The libraries the JVM side of the bench can drive. (libzmq runs as a separate C peer.) */
public enum Impl {
    /** This project. */
    ZENO("Zeno"),
    /** JeroMQ, the pure-Java port of libzmq: a bench peer, never a runtime dependency. */
    JEROMQ("JeroMQ");

    private final String displayName;

    Impl(String displayName) {
        this.displayName = displayName;
    }

    /** The name used in reports. */
    public String displayName() {
        return displayName;
    }

    /** Opens a context of this library with one I/O thread. */
    public BenchContext open() {
        return this == ZENO ? new ZenoContext() : new JeromqContext();
    }

    /** Parses "zeno" or "jeromq" (any case). */
    public static Impl parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown implementation '" + name + "': use zeno or jeromq");
        }
    }
}
