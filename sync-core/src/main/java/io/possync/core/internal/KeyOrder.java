package io.possync.core.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sorted order of an object's keys, remembered per shape: trees of one record type repeat the
 * same key sequence (the same String instances, from Jackson's serializers), so sorting them once is
 * enough. A sequence not seen before is sorted and remembered, up to a bound.
 */
final class KeyOrder {

    private static final int MAX_SHAPES = 4096;
    private static final Map<Long, Shape> SHAPES = new ConcurrentHashMap<>();

    private record Shape(String[] keys, int[] order) {
        boolean matches(Map.Entry<String, ?>[] entries, int n) {
            if (keys.length != n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (keys[i] != entries[i].getKey()) {
                    return false;
                }
            }
            return true;
        }
    }

    private KeyOrder() {
    }

    /** Indexes into {@code entries[0..n)} in the order of their keys. */
    static int[] of(Map.Entry<String, ?>[] entries, int n) {
        if (n == 0) {
            return new int[0];
        }
        long shape = ((long) System.identityHashCode(entries[0].getKey()) << 32)
                ^ ((long) System.identityHashCode(entries[n - 1].getKey()) << 8) ^ n;
        Shape known = SHAPES.get(shape);
        if (known != null && known.matches(entries, n)) {
            return known.order();
        }
        String[] keys = new String[n];
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            keys[i] = entries[i].getKey();
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> keys[a].compareTo(keys[b]));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        if (SHAPES.size() < MAX_SHAPES) {
            SHAPES.put(shape, new Shape(keys, order));
        }
        return order;
    }
}
