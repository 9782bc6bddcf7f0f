package iommulab.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns frame and process names straight from the line buffer's UTF-8 bytes: a profile of 200,000
 * stacks prints ~4 million frame lines but only ~20,000 distinct names, so looking the bytes up before
 * making a String saves almost every allocation and makes frame lists share their strings.
 *
 * <p>Layout for few cache misses per lookup: the open-addressing table holds (hash, id) pairs side by
 * side in one {@code int[]}, and the bytes of all names sit in one {@code byte[]} pool. A name is
 * decoded once, when first seen.
 *
 * <p>A name is interned when its line is read, before the parser knows whether the stack will be a row
 * (a stack cut off before its count is not), so the names that rows use are marked apart
 * ({@link #markUsed(int)}) and counted by {@link #usedCount()}.
 */
final class StackFrameIndex {
  private int[] table = new int[2 << 12]; // slot i: table[2i] = hash, table[2i + 1] = id + 1 (0 = empty)
  private int mask = (1 << 12) - 1;
  private String[] names = new String[1 << 10];
  private int[] offsets = new int[1 << 10];
  private byte[] pool = new byte[1 << 16];
  private int poolSize;
  private int size;
  private int lastId;
  private boolean[] used = new boolean[1 << 10];
  private int usedCount;

  /** The interned String for the UTF-8 bytes {@code bytes[from .. to)}. */
  String intern(byte[] bytes, int from, int to) {
    return intern(bytes, from, to, null);
  }

  /** The interned form of an already built String (unescaped names). */
  String intern(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    return intern(bytes, 0, bytes.length, s);
  }

  private String intern(byte[] bytes, int from, int to, String built) {
    int h = hash(bytes, from, to);
    int slot = mix(h) & mask;
    int n = to - from;
    while (true) {
      int id = table[2 * slot + 1] - 1;
      if (id < 0) {
        return add(bytes, from, to, h, slot, built);
      }
      if (table[2 * slot] == h) {
        int off = offsets[id];
        if (offsets[id + 1] - off == n && Arrays.equals(pool, off, off + n, bytes, from, to)) {
          lastId = id;
          return names[id];
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  /** The id (0 ..{@link #size()}) of the name the last {@code intern} call returned. */
  int lastId() {
    return lastId;
  }

  /** Marks the name with this id as used by a row. */
  void markUsed(int id) {
    if (!used[id]) {
      used[id] = true;
      usedCount++;
    }
  }

  /** How many distinct names were marked used. */
  int usedCount() {
    return usedCount;
  }

  private String add(byte[] bytes, int from, int to, int h, int slot, String built) {
    int n = to - from;
    if (size + 2 > names.length) {
      names = Arrays.copyOf(names, names.length * 2);
      offsets = Arrays.copyOf(offsets, names.length + 1);
      used = Arrays.copyOf(used, names.length);
    }
    if (poolSize + n > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + n));
    }
    System.arraycopy(bytes, from, pool, poolSize, n);
    offsets[size] = poolSize;
    poolSize += n;
    offsets[size + 1] = poolSize;
    String name = built != null ? built : new String(bytes, from, n, StandardCharsets.UTF_8);
    names[size] = name;
    table[2 * slot] = h;
    table[2 * slot + 1] = size + 1;
    lastId = size;
    size++;
    if (size * 2 > mask + 1) {
      grow();
    }
    return name;
  }

  /**
   * Hashes the length and at most 8 bytes from each end, in two independent chains: frames that
   * differ almost always differ there (C++ signatures and Java classes share long middles, not their
   * ends) and the equality check settles the rest. Hashing every byte costs more than the lookup.
   */
  private static int hash(byte[] bytes, int from, int to) {
    int n = to - from;
    int k = Math.min(8, n);
    int head = n;
    int tail = 0;
    for (int i = 0; i < k; i++) {
      head = 31 * head + bytes[from + i];
      tail = 37 * tail + bytes[to - 1 - i];
    }
    return head * 0x9E3779B1 + tail;
  }

  private static int mix(int h) {
    return h ^ (h >>> 16);
  }

  private void grow() {
    int[] old = table;
    table = new int[old.length * 2];
    mask = (old.length) - 1; // slots double: old.length / 2 slots before, old.length now
    for (int i = 0; i < old.length; i += 2) {
      if (old[i + 1] != 0) {
        int slot = mix(old[i]) & mask;
        while (table[2 * slot + 1] != 0) {
          slot = (slot + 1) & mask;
        }
        table[2 * slot] = old[i];
        table[2 * slot + 1] = old[i + 1];
      }
    }
  }
}
