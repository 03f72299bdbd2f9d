package dev.zeno.routing;

import java.util.Arrays;

/**
 * One node of a byte-wise prefix trie: an optional value and its children, kept in two small
 * parallel arrays sorted by key byte (topic tries are narrow, so a binary search over a few
 * entries beats a 256-slot table in memory and is as fast in practice).
 *
 * @param <V> what a node holds for the prefix that ends at it
 */
final class TrieNode<V> {
    private static final byte[] NO_KEYS = new byte[0];

    /** The value for the prefix ending here, or null if no subscription ends here. */
    V value;
    private byte[] keys = NO_KEYS;
    private TrieNode<V>[] children;
    private int size;

    /** The child for {@code key}, or null. */
    TrieNode<V> child(byte key) {
        int index = indexOf(key);
        return index >= 0 ? children[index] : null;
    }

    /** The child for {@code key}, made if missing. */
    @SuppressWarnings("unchecked")
    TrieNode<V> childOrCreate(byte key) {
        int index = indexOf(key);
        if (index >= 0) {
            return children[index];
        }
        int at = -index - 1;
        if (children == null) {
            children = (TrieNode<V>[]) new TrieNode<?>[2];
            keys = new byte[2];
        } else if (size == children.length) {
            children = Arrays.copyOf(children, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        System.arraycopy(children, at, children, at + 1, size - at);
        System.arraycopy(keys, at, keys, at + 1, size - at);
        TrieNode<V> made = new TrieNode<>();
        children[at] = made;
        keys[at] = key;
        size++;
        return made;
    }

    /** Drops the child for {@code key} if it holds nothing any more. */
    void pruneChild(byte key) {
        int index = indexOf(key);
        if (index >= 0 && children[index].isEmpty()) {
            System.arraycopy(children, index + 1, children, index, size - index - 1);
            System.arraycopy(keys, index + 1, keys, index, size - index - 1);
            size--;
            children[size] = null;
        }
    }

    /** True if this node has no value and no children: it can be pruned. */
    boolean isEmpty() {
        return value == null && size == 0;
    }

    /** The number of children. */
    int childCount() {
        return size;
    }

    /** The key byte of child {@code i}, in key order. */
    byte keyAt(int i) {
        return keys[i];
    }

    /** Child {@code i}, in key order. */
    TrieNode<V> childAt(int i) {
        return children[i];
    }

    private int indexOf(byte key) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = Byte.compare(keys[mid], key);
            if (cmp < 0) {
                low = mid + 1;
            } else if (cmp > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }
}
