package dev.zeno.examples.recorder;

/**
 * One received update, as stored.
 *
 * @param topic the first word of the first frame
 * @param payload the message's frames as UTF-8 text, joined by newlines
 * @param receivedAtMillis when it was received, in ms since the epoch
 * @param value the first number after the topic, or null if there is none
 */
public record Update(String topic, String payload, long receivedAtMillis, Double value) {
}
