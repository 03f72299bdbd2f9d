package dev.zeno.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriberTrieTest {
    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Set<String> matches(SubscriberTrie<String> trie, String data) {
        Set<String> found = new HashSet<>();
        trie.match(b(data), found::add);
        return found;
    }

    @Test
    void matchesEverySubscriberWithAPrefixFilter() {
        SubscriberTrie<String> trie = new SubscriberTrie<>();
        trie.add(b("A"), "p1");
        trie.add(b("AB"), "p2");
        trie.add(b(""), "p3");
        trie.add(b("B"), "p4");
        assertEquals(Set.of("p1", "p2", "p3"), matches(trie, "ABC"));
        assertEquals(Set.of("p1", "p3"), matches(trie, "AC"));
        assertEquals(Set.of("p3", "p4"), matches(trie, "B"));
        assertEquals(Set.of("p3"), matches(trie, "C"));
    }

    @Test
    void firstAndLastHolderOfATopicAreReported() {
        SubscriberTrie<String> trie = new SubscriberTrie<>();
        assertTrue(trie.add(b("A"), "p1"));
        assertFalse(trie.add(b("A"), "p2"));
        assertFalse(trie.add(b("A"), "p1"), "repeat by the same peer is a no-op");
        assertFalse(trie.remove(b("A"), "p1"), "p2 still holds it");
        assertEquals(Set.of("p2"), matches(trie, "A1"));
        assertFalse(trie.remove(b("A"), "p1"), "p1 no longer holds it");
        assertTrue(trie.remove(b("A"), "p2"));
        assertTrue(trie.isEmpty());
    }

    @Test
    void perPeerTopicsAreSetsNotCounts() {
        SubscriberTrie<String> trie = new SubscriberTrie<>();
        trie.add(b("A"), "p1");
        trie.add(b("A"), "p1");
        assertTrue(trie.remove(b("A"), "p1"));
        assertEquals(Set.of(), matches(trie, "A"));
    }

    @Test
    void removeAllReportsTopicsNobodyElseHolds() {
        SubscriberTrie<String> trie = new SubscriberTrie<>();
        trie.add(b("A"), "gone");
        trie.add(b("AB"), "gone");
        trie.add(b("A"), "stays");
        trie.add(b(""), "gone");
        List<String> cancelled = new ArrayList<>();
        trie.removeAll("gone", topic -> cancelled.add(new String(topic, StandardCharsets.UTF_8)));
        cancelled.sort(null);
        assertEquals(List.of("", "AB"), cancelled);
        assertEquals(Set.of("stays"), matches(trie, "ABC"));
        assertTrue(trie.holds(b("A"), "stays"));
        assertFalse(trie.holds(b("AB"), "gone"));
    }

    @Test
    void aSubscriberWithSeveralMatchingFiltersIsPassedOnOnce() {
        SubscriberTrie<String> trie = new SubscriberTrie<>();
        trie.add(b(""), "p1");
        trie.add(b("A"), "p1");
        trie.add(b("AB"), "p1");
        trie.add(b("AB"), "p2");
        List<String> passed = new ArrayList<>();
        trie.match(b("ABC"), passed::add);
        passed.sort(null);
        assertEquals(List.of("p1", "p2"), passed);
        passed.clear();
        trie.match(b("ABC"), passed::add);
        assertEquals(2, passed.size(), "every match passes each subscriber on again");
    }

    @Test
    void aSubscriberComesBackAfterCancellingEverything() {
        SubscriberTrie<String> trie = new SubscriberTrie<>();
        trie.add(b("A"), "p1");
        assertTrue(trie.remove(b("A"), "p1"));
        trie.add(b("B"), "p1");
        trie.removeAll("p1", topic -> { });
        assertTrue(trie.isEmpty());
        assertTrue(trie.add(b("B"), "p1"));
        assertEquals(Set.of("p1"), matches(trie, "B"));
        assertTrue(trie.holds(b("B"), "p1"));
    }

    @Test
    void manySubscribersOfOneTopic() {
        SubscriberTrie<String> trie = new SubscriberTrie<>();
        String[] peers = new String[100]; // subscribers are compared by identity: keep the instances
        Set<String> all = new HashSet<>();
        for (int i = 0; i < peers.length; i++) {
            peers[i] = "p" + i;
            trie.add(b("T"), peers[i]);
            all.add(peers[i]);
        }
        assertEquals(all, matches(trie, "T1"));
        for (int i = 0; i < peers.length; i += 2) {
            assertFalse(trie.remove(b("T"), peers[i]));
            all.remove(peers[i]);
        }
        assertEquals(all, matches(trie, "T"));
    }
}
