package dev.zeno.routing;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A subscriber's own filters: a prefix trie of byte topics with reference counts, as SUB and
 * XSUB keep them. Filters may overlap; the empty prefix matches every message; subscribing
 * twice to a topic and cancelling once keeps the filter. Used by one thread.
 */
public final class SubscriptionTrie {
    private final TrieNode<int[]> root = new TrieNode<>();
    private int topics;

    /**
     * Adds one reference to the filter {@code topic}.
     *
     * @return true if the topic was not subscribed before (its count went from 0 to 1)
     */
    public boolean add(byte[] topic) {
        TrieNode<int[]> node = root;
        for (byte b : topic) {
            node = node.childOrCreate(b);
        }
        if (node.value == null) {
            node.value = new int[] {1};
            topics++;
            return true;
        }
        node.value[0]++;
        return false;
    }

    /**
     * Removes one reference to the filter {@code topic}.
     *
     * @return true if that was the last reference (the topic is no longer subscribed); false
     *     if references remain or the topic was not subscribed at all
     */
    public boolean remove(byte[] topic) {
        @SuppressWarnings("unchecked")
        TrieNode<int[]>[] path = (TrieNode<int[]>[]) new TrieNode<?>[topic.length + 1];
        TrieNode<int[]> node = root;
        path[0] = node;
        for (int i = 0; i < topic.length; i++) {
            node = node.child(topic[i]);
            if (node == null) {
                return false;
            }
            path[i + 1] = node;
        }
        if (node.value == null) {
            return false;
        }
        if (--node.value[0] > 0) {
            return false;
        }
        node.value = null;
        topics--;
        for (int i = topic.length; i > 0 && path[i].isEmpty(); i--) {
            path[i - 1].pruneChild(topic[i - 1]);
        }
        return true;
    }

    /** True if some filter is a prefix of {@code data} (the message's first frame). */
    public boolean matches(byte[] data) {
        TrieNode<int[]> node = root;
        if (node.value != null) {
            return true;
        }
        for (byte b : data) {
            node = node.child(b);
            if (node == null) {
                return false;
            }
            if (node.value != null) {
                return true;
            }
        }
        return false;
    }

    /** The number of references to exactly {@code topic} (0 if not subscribed). */
    public int count(byte[] topic) {
        TrieNode<int[]> node = root;
        for (byte b : topic) {
            node = node.child(b);
            if (node == null) {
                return 0;
            }
        }
        return node.value == null ? 0 : node.value[0];
    }

    /** The number of distinct topics subscribed. */
    public int size() {
        return topics;
    }

    /** True if nothing is subscribed. */
    public boolean isEmpty() {
        return topics == 0;
    }

    /** Calls {@code action} once per distinct topic (whatever its count), each a fresh array. */
    public void forEachTopic(Consumer<byte[]> action) {
        walk(root, new byte[16], 0, action);
    }

    private static void walk(TrieNode<int[]> node, byte[] prefix, int length, Consumer<byte[]> action) {
        if (node.value != null) {
            action.accept(Arrays.copyOf(prefix, length));
        }
        for (int i = 0; i < node.childCount(); i++) {
            byte[] next = length < prefix.length ? prefix : Arrays.copyOf(prefix, prefix.length * 2);
            next[length] = node.keyAt(i);
            walk(node.childAt(i), next, length + 1, action);
        }
    }
}
