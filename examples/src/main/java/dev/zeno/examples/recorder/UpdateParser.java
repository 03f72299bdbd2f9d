package dev.zeno.examples.recorder;

import dev.zeno.Message;
import java.util.regex.Pattern;

/**
 * Reads a received message as an {@link Update}: its topic and first number. It scans the
 * text by hand rather than splitting it with a regular expression: the recorder parses every
 * update of a feed, and a split cost more than the SQLite insert.
 */
public final class UpdateParser {
    /** A decimal number standing alone as a word: "72", "-12", "3.5", "1e3". */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /** The update that {@code message}, received at {@code receivedAtMillis}, carries. */
    public Update parse(Message message, long receivedAtMillis) {
        String first = message.isEmpty() ? "" : message.frameString(0);
        String payload = message.size() <= 1 ? first : String.join("\n", message.toStrings());
        int length = first.length();
        int start = skipSpace(first, 0);
        int end = skipWord(first, start);
        String topic = first.substring(start, end);
        Double value = null;
        for (int i = skipSpace(first, end); i < length && value == null; i = skipSpace(first, end)) {
            end = skipWord(first, i);
            value = number(first, i, end);
        }
        return new Update(topic, payload, receivedAtMillis, value);
    }

    /** The word {@code text[start, end)} as a number, or null if it is not one. */
    static Double number(String text, int start, int end) {
        // the common case, an integer, without a regex or a substring
        int i = start;
        boolean negative = false;
        if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long integer = 0;
        int digits = 0;
        while (i < end && digits < 18 && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
            integer = integer * 10 + (text.charAt(i) - '0');
            digits++;
            i++;
        }
        if (i == end && digits > 0) {
            return (double) (negative ? -integer : integer);
        }
        String word = text.substring(start, end);
        return NUMBER.matcher(word).matches() ? Double.valueOf(word) : null;
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipWord(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
