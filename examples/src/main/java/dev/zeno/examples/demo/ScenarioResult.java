package dev.zeno.examples.demo;

/**
 * How one scenario went over one transport.
 *
 * @param scenario the scenario's name
 * @param transport the transport
 * @param passed true if it did all it should
 * @param detail the summary if it passed, what went wrong if not
 */
public record ScenarioResult(String scenario, DemoTransport transport, boolean passed, String detail) {
}
