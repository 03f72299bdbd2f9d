package dev.zeno.examples.recorder;

import dev.zeno.Message;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a received message as an {@link Update}: its topic and first number. */
public final class UpdateParser {
    /** A decimal number standing alone as a word: "72", "-12", "3.5", "1e3". */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The update that {@code message}, received at {@code receivedAtMillis}, carries. */
    public Update parse(Message message, long receivedAtMillis) {
        String first = message.isEmpty() ? "" : message.frameString(0);
        String payload = message.size() <= 1 ? first : String.join("\n", message.toStrings());
        String[] words = WHITESPACE.split(first.strip());
        String topic = words.length == 0 ? "" : words[0];
        return new Update(topic, payload, receivedAtMillis, firstNumber(words));
    }

    /** The first word after the topic that is a number, or null. */
    static Double firstNumber(String[] words) {
        for (int i = 1; i < words.length; i++) {
            Matcher matcher = NUMBER.matcher(words[i]);
            if (matcher.matches()) {
                return Double.valueOf(words[i]);
            }
        }
        return null;
    }
}
