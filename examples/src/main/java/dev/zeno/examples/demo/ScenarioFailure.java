package dev.zeno.examples.demo;

/** A scenario saw something wrong (no reply in time, a wrong payload); the message says what. */
public final class ScenarioFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with a message for the report. */
    public ScenarioFailure(String message) {
        super(message);
    }
}
