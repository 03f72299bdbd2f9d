package dev.zeno.examples.recorder;

/**
 * What the store holds for one topic.
 *
 * @param topic the topic
 * @param count how many updates were stored
 * @param average the average of their values, or null if none had a number
 */
public record TopicStats(String topic, long count, Double average) {
}
