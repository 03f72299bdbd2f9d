/**
 * The IoT recorder: a SUB client that stores every update it receives in SQLite, and the
 * query that summarizes what was stored.
 *
 * <p>One row per message in table {@code updates}: {@code topic} (the first word of the first
 * frame), {@code payload} (the frames as UTF-8 text, joined by newlines; a weather update has
 * one frame), {@code received_at} (milliseconds since the epoch) and {@code value} (the first
 * number after the topic, the temperature of a weather update; null if there is none). Rows
 * are written in batches, one transaction per {@code --batch-size} rows or
 * {@code --flush-ms}, whichever comes first, so that the recorder keeps up with a fast feed.
 */
package dev.zeno.examples.recorder;
