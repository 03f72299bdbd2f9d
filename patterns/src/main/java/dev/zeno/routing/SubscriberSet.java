package dev.zeno.routing;

import java.util.Arrays;

/**
 * The subscribers holding one topic, in a compact array: a match walks it as a plain loop
 * (the former identity hash set cost a hashed-table scan and an iterator per node per
 * message). Membership changes are rare and linear; removal swaps in the last entry.
 *
 * @param <T> the subscriber type (a peer)
 */
final class SubscriberSet<T> {
    private Subscriber<T>[] items;
    private int size;

    @SuppressWarnings("unchecked")
    SubscriberSet() {
        items = (Subscriber<T>[]) new Subscriber<?>[2];
    }

    /** Adds {@code entry}; false if it was already here. */
    boolean add(Subscriber<T> entry) {
        if (indexOf(entry) >= 0) {
            return false;
        }
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = entry;
        return true;
    }

    /** Removes {@code entry}; false if it was not here. */
    boolean remove(Subscriber<T> entry) {
        int index = indexOf(entry);
        if (index < 0) {
            return false;
        }
        items[index] = items[--size];
        items[size] = null;
        return true;
    }

    boolean contains(Subscriber<T> entry) {
        return indexOf(entry) >= 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    Subscriber<T> get(int index) {
        return items[index];
    }

    private int indexOf(Subscriber<T> entry) {
        for (int i = 0; i < size; i++) {
            if (items[i] == entry) {
                return i;
            }
        }
        return -1;
    }
}
