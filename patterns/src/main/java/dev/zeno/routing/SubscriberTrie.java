package dev.zeno.routing;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
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
 * <p>Matching is the publisher's per-message cost, so it allocates nothing: each node keeps its
 * subscribers in a compact array of per-subscriber records ({@link Subscriber}), and a match
 * numbers itself and stamps each record it passes on, which dedupes a subscriber whose several
 * filters match. The identity map from subscriber to record is used only when subscriptions
 * change.
 *
 * @param <T> the subscriber type (a peer)
 */
public final class SubscriberTrie<T> {
    private final TrieNode<SubscriberSet<T>> root = new TrieNode<>();
    /** Each subscriber holding at least one topic, with its record. */
    private final Map<T, Subscriber<T>> records = new IdentityHashMap<>();
    /** The number of the current (or last) match, stamped on the records it passes on. */
    private long matchCount;

    /**
     * Records that {@code subscriber} subscribes to {@code topic} (again is a no-op).
     *
     * @return true if no subscriber held the topic before: it is new to this publisher
     */
    public boolean add(byte[] topic, T subscriber) {
        TrieNode<SubscriberSet<T>> node = root;
        for (byte b : topic) {
            node = node.childOrCreate(b);
        }
        boolean first = node.value == null;
        if (first) {
            node.value = new SubscriberSet<>();
        }
        Subscriber<T> record = records.computeIfAbsent(subscriber, Subscriber::new);
        if (node.value.add(record)) {
            record.topics++;
        }
        return first;
    }

    /**
     * Records that {@code subscriber} cancelled {@code topic}.
     *
     * @return true if the subscriber held it and was its last holder: the topic is gone
     */
    public boolean remove(byte[] topic, T subscriber) {
        @SuppressWarnings("unchecked")
        TrieNode<SubscriberSet<T>>[] path = (TrieNode<SubscriberSet<T>>[]) new TrieNode<?>[topic.length + 1];
        TrieNode<SubscriberSet<T>> node = root;
        path[0] = node;
        for (int i = 0; i < topic.length; i++) {
            node = node.child(topic[i]);
            if (node == null) {
                return false;
            }
            path[i + 1] = node;
        }
        Subscriber<T> record = records.get(subscriber);
        if (node.value == null || record == null || !node.value.remove(record)) {
            return false;
        }
        release(record);
        if (!node.value.isEmpty()) {
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
        Subscriber<T> record = records.remove(subscriber);
        if (record != null) {
            removeAll(root, record, new byte[16], 0, onTopicGone);
        }
    }

    /** One topic fewer for {@code record}; forgets the subscriber when it holds none. */
    private void release(Subscriber<T> record) {
        if (--record.topics == 0) {
            records.remove(record.subscriber);
        }
    }

    private void removeAll(TrieNode<SubscriberSet<T>> node, Subscriber<T> subscriber, byte[] prefix,
                           int length, Consumer<byte[]> onTopicGone) {
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
     * Calls {@code action} once for every subscriber with a filter that is a prefix of
     * {@code data} (the message's first frame), even if several of its filters match. Allocates
     * nothing. The action must not change this trie's subscriptions.
     */
    public void match(byte[] data, Consumer<? super T> action) {
        long stamp = ++matchCount;
        TrieNode<SubscriberSet<T>> node = root;
        passOn(node.value, stamp, action);
        for (byte b : data) {
            node = node.child(b);
            if (node == null) {
                return;
            }
            passOn(node.value, stamp, action);
        }
    }

    private static <T> void passOn(SubscriberSet<T> set, long stamp, Consumer<? super T> action) {
        if (set == null) {
            return;
        }
        for (int i = 0, n = set.size(); i < n; i++) {
            Subscriber<T> record = set.get(i);
            if (record.lastMatch != stamp) {
                record.lastMatch = stamp;
                action.accept(record.subscriber);
            }
        }
    }

    /** True if {@code subscriber} holds exactly {@code topic}. */
    public boolean holds(byte[] topic, T subscriber) {
        TrieNode<SubscriberSet<T>> node = root;
        for (byte b : topic) {
            node = node.child(b);
            if (node == null) {
                return false;
            }
        }
        Subscriber<T> record = records.get(subscriber);
        return node.value != null && record != null && node.value.contains(record);
    }

    /** True if no subscriber holds any topic. */
    public boolean isEmpty() {
        return root.isEmpty();
    }
}
