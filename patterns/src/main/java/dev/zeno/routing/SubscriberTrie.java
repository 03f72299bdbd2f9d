package dev.zeno.routing;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A publisher's view of its subscribers' filters: a prefix trie of byte topics in which each
 * topic holds the set of subscribers (peers) that asked for it, as PUB and XPUB keep it to
 * filter on the publisher's side.
 *
 * <p>Per subscriber a topic is a set member, not a count: a subscriber that subscribes twice
 * and cancels once no longer holds the topic. That is the ZeroMQ wire contract, where a SUB
 * sends a cancel only when its own count of the topic drops to zero. Subscribers are compared
 * by identity. Used by one thread.
 *
 * @param <T> the subscriber type (a peer)
 */
public final class SubscriberTrie<T> {
    private final TrieNode<Set<T>> root = new TrieNode<>();

    /**
     * Records that {@code subscriber} subscribes to {@code topic} (again is a no-op).
     *
     * @return true if no subscriber held the topic before: it is new to this publisher
     */
    public boolean add(byte[] topic, T subscriber) {
        TrieNode<Set<T>> node = root;
        for (byte b : topic) {
            node = node.childOrCreate(b);
        }
        boolean first = node.value == null;
        if (first) {
            node.value = Collections.newSetFromMap(new IdentityHashMap<>());
        }
        node.value.add(subscriber);
        return first;
    }

    /**
     * Records that {@code subscriber} cancelled {@code topic}.
     *
     * @return true if the subscriber held it and was its last holder: the topic is gone
     */
    public boolean remove(byte[] topic, T subscriber) {
        @SuppressWarnings("unchecked")
        TrieNode<Set<T>>[] path = (TrieNode<Set<T>>[]) new TrieNode<?>[topic.length + 1];
        TrieNode<Set<T>> node = root;
        path[0] = node;
        for (int i = 0; i < topic.length; i++) {
            node = node.child(topic[i]);
            if (node == null) {
                return false;
            }
            path[i + 1] = node;
        }
        if (node.value == null || !node.value.remove(subscriber) || !node.value.isEmpty()) {
            return false;
        }
        node.value = null;
        for (int i = topic.length; i > 0 && path[i].isEmpty(); i--) {
            path[i - 1].pruneChild(topic[i - 1]);
        }
        return true;
    }

    /**
     * Removes {@code subscriber} from every topic (it went away), calling {@code onTopicGone}
     * with each topic that it was the last holder of.
     */
    public void removeAll(T subscriber, Consumer<byte[]> onTopicGone) {
        removeAll(root, subscriber, new byte[16], 0, onTopicGone);
    }

    private void removeAll(TrieNode<Set<T>> node, T subscriber, byte[] prefix, int length,
                           Consumer<byte[]> onTopicGone) {
        if (node.value != null && node.value.remove(subscriber) && node.value.isEmpty()) {
            node.value = null;
            onTopicGone.accept(Arrays.copyOf(prefix, length));
        }
        for (int i = node.childCount() - 1; i >= 0; i--) {
            byte key = node.keyAt(i);
            byte[] next = length < prefix.length ? prefix : Arrays.copyOf(prefix, prefix.length * 2);
            next[length] = key;
            removeAll(node.childAt(i), subscriber, next, length + 1, onTopicGone);
            node.pruneChild(key);
        }
    }

    /**
     * Calls {@code action} for every subscriber with a filter that is a prefix of {@code data}
     * (the message's first frame). A subscriber with several matching filters is passed once
     * per filter; the action must be idempotent (as {@link Distributor#match} is).
     */
    public void match(byte[] data, Consumer<? super T> action) {
        TrieNode<Set<T>> node = root;
        if (node.value != null) {
            node.value.forEach(action);
        }
        for (byte b : data) {
            node = node.child(b);
            if (node == null) {
                return;
            }
            if (node.value != null) {
                node.value.forEach(action);
            }
        }
    }

    /** True if {@code subscriber} holds exactly {@code topic}. */
    public boolean holds(byte[] topic, T subscriber) {
        TrieNode<Set<T>> node = root;
        for (byte b : topic) {
            node = node.child(b);
            if (node == null) {
                return false;
            }
        }
        return node.value != null && node.value.contains(subscriber);
    }

    /** True if no subscriber holds any topic. */
    public boolean isEmpty() {
        return root.isEmpty();
    }
}
