package dev.zeno.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionTrieTest {
    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void emptyTrieMatchesNothingAndEmptyPrefixMatchesAll() {
        SubscriptionTrie trie = new SubscriptionTrie();
        assertFalse(trie.matches(b("anything")));
        assertFalse(trie.matches(new byte[0]));
        assertTrue(trie.add(new byte[0]));
        assertTrue(trie.matches(b("anything")));
        assertTrue(trie.matches(new byte[0]));
    }

    @Test
    void prefixesMatchLongerDataOnly() {
        SubscriptionTrie trie = new SubscriptionTrie();
        trie.add(b("10001"));
        trie.add(b("AB"));
        assertTrue(trie.matches(b("10001 25 40")));
        assertTrue(trie.matches(b("AB")));
        assertTrue(trie.matches(b("ABC")));
        assertFalse(trie.matches(b("A")));
        assertFalse(trie.matches(b("1000")));
        assertFalse(trie.matches(b("10002 1 1")));
        assertFalse(trie.matches(b("B")));
    }

    @Test
    void countsReferencesPerTopic() {
        SubscriptionTrie trie = new SubscriptionTrie();
        assertTrue(trie.add(b("A")));
        assertFalse(trie.add(b("A")), "second subscribe is not new");
        assertEquals(2, trie.count(b("A")));
        assertFalse(trie.remove(b("A")), "one reference remains");
        assertTrue(trie.matches(b("A1")));
        assertTrue(trie.remove(b("A")), "last reference");
        assertFalse(trie.matches(b("A1")));
        assertFalse(trie.remove(b("A")), "not subscribed any more");
        assertTrue(trie.isEmpty());
    }

    @Test
    void overlappingFiltersAreIndependent() {
        SubscriptionTrie trie = new SubscriptionTrie();
        trie.add(b("A"));
        trie.add(b("ABC"));
        assertTrue(trie.remove(b("A")));
        assertFalse(trie.matches(b("AB")));
        assertTrue(trie.matches(b("ABCD")));
        assertFalse(trie.remove(b("AB")), "never subscribed");
        assertTrue(trie.matches(b("ABC")));
        assertEquals(1, trie.size());
    }

    @Test
    void listsEachTopicOnce() {
        SubscriptionTrie trie = new SubscriptionTrie();
        for (String topic : new String[] {"", "B", "A", "A", "AB", "a-very-long-topic-of-more-than-sixteen-bytes"}) {
            trie.add(b(topic));
        }
        List<String> topics = new ArrayList<>();
        trie.forEachTopic(topic -> topics.add(new String(topic, StandardCharsets.UTF_8)));
        assertEquals(List.of("", "A", "AB", "B", "a-very-long-topic-of-more-than-sixteen-bytes"), topics);
    }

    @Test
    void bytesAboveSeventyFAreOrderedAndFound() {
        SubscriptionTrie trie = new SubscriptionTrie();
        trie.add(new byte[] {(byte) 0xff, 1});
        trie.add(new byte[] {(byte) 0x80});
        trie.add(new byte[] {0x7f});
        assertTrue(trie.matches(new byte[] {(byte) 0xff, 1, 2}));
        assertTrue(trie.matches(new byte[] {(byte) 0x80}));
        assertTrue(trie.matches(new byte[] {0x7f, 0}));
        assertFalse(trie.matches(new byte[] {(byte) 0xff, 2}));
    }
}
