package iommulab.analysis;

import java.util.Arrays;

/**
 * A primitive long to int hash map (open addressing, linear probing) so grouping ten million rows
 * boxes nothing. Values are non-negative; {@link #get} answers -1 when the key is absent.
 */
final class LongIntMap {
  private long[] keys;
  private int[] values;
  private int size;
  private int mask;

  LongIntMap() {
    keys = new long[64];
    values = new int[64];
    Arrays.fill(values, -1);
    mask = 63;
  }

  int get(long key) {
    for (int i = slot(key); ; i = (i + 1) & mask) {
      if (values[i] < 0) {
        return -1;
      }
      if (keys[i] == key) {
        return values[i];
      }
    }
  }

  void put(long key, int value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    for (int i = slot(key); ; i = (i + 1) & mask) {
      if (values[i] < 0) {
        keys[i] = key;
        values[i] = value;
        size++;
        return;
      }
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
    }
  }

  int size() {
    return size;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads sequential keys
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(values, -1);
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] >= 0) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}
