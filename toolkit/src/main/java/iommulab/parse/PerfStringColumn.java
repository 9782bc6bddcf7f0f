package iommulab.parse;

import it.unimi.dsi.fastutil.bytes.Byte2IntOpenHashMap;
import it.unimi.dsi.fastutil.bytes.Byte2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ByteOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ShortOpenHashMap;
import it.unimi.dsi.fastutil.shorts.Short2IntOpenHashMap;
import it.unimi.dsi.fastutil.shorts.Short2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.strings.ByteDictionaryMap;
import tech.tablesaw.columns.strings.DictionaryMap;
import tech.tablesaw.columns.strings.IntDictionaryMap;
import tech.tablesaw.columns.strings.ShortDictionaryMap;

/**
 * A dictionary-encoded string column filled from {@code char[]} ranges: each distinct text becomes
 * one String once, each row stores only its key. Appending through Tablesaw's StringColumn would hash
 * a String per row; on 14 million rows that alone costs a second. The keys follow Tablesaw's own
 * scheme (first value {@code MIN+1}, the empty string {@code MAX}) so the built column behaves exactly
 * like one Tablesaw filled itself, including later appends.
 */
final class PerfStringColumn {
  private static final int BYTE_CAPACITY = 254;
  private static final int SHORT_CAPACITY = 65534;

  private final String name;
  private final List<String> values = new ArrayList<>();
  /** The chars of each value, compared without String's per-char coder checks. */
  private char[][] keys = new char[16][];
  private int lastId = -2;
  private int[] counts = new int[16];
  private int[] table = new int[64];
  private int emptyCount;
  private byte[] byteKeys;
  private short[] shortKeys;
  private int[] intKeys;
  private int size;

  PerfStringColumn(String name, int capacity) {
    this.name = name;
    byteKeys = new byte[Math.max(capacity, 16)];
    Arrays.fill(table, -1);
  }

  int size() {
    return size;
  }

  /** Appends the text {@code b[s..e)}; an empty range is Tablesaw's missing string. */
  void append(char[] b, int s, int e) {
    if (s >= e) {
      appendId(-1);
      return;
    }
    int last = lastId;
    if (last >= 0 && sameChars(keys[last], b, s, e)) {
      appendId(last);
      return;
    }
    // perf -A / --per-* print the aggregates in the same order every interval: CPU0, CPU1, ...
    int next = last + 1;
    if (next > 0 && next < values.size() && sameChars(keys[next], b, s, e)) {
      lastId = next;
      appendId(next);
      return;
    }
    int id = idOf(b, s, e);
    lastId = id;
    appendId(id);
  }

  /** The id of a text (adding it if new) for {@link #appendId}, so fixed texts are looked up once. */
  int idOf(String text) {
    char[] chars = text.toCharArray();
    return chars.length == 0 ? -1 : idOf(chars, 0, chars.length);
  }

  /**
   * Makes room for {@code rows} rows: keys still one byte wide move into {@code bigger}, allocated
   * ahead for the whole input on another thread; wider keys (more than 254 distinct values) are
   * grown here.
   */
  void adoptKeys(byte[] bigger, int rows) {
    if (byteKeys != null) {
      if (bigger.length > byteKeys.length) {
        System.arraycopy(byteKeys, 0, bigger, 0, size);
        byteKeys = bigger;
      }
    } else if (shortKeys != null && shortKeys.length < rows) {
      shortKeys = Arrays.copyOf(shortKeys, rows);
    } else if (intKeys != null && intKeys.length < rows) {
      intKeys = Arrays.copyOf(intKeys, rows);
    }
  }

  /** Appends the same value as row {@code row} (already appended). */
  void appendCopyOf(int row) {
    appendId(idAt(row));
  }

  void appendMissing() {
    appendId(-1);
  }

  /** The text of a row, for facts and tests. */
  String get(int row) {
    int id = idAt(row);
    return id < 0 ? "" : values.get(id);
  }

  int distinctNonEmpty() {
    return values.size();
  }

  List<String> distinctValues() {
    return List.copyOf(values);
  }

  private int idOf(char[] b, int s, int e) {
    int h = 0;
    for (int j = s; j < e; j++) {
      h = 31 * h + b[j];
    }
    int mask = table.length - 1;
    int slot = (h ^ (h >>> 16)) & mask;
    while (true) {
      int id = table[slot];
      if (id < 0) {
        return insert(new String(b, s, e - s), slot);
      }
      if (sameChars(keys[id], b, s, e)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  private static boolean sameChars(char[] key, char[] b, int s, int e) {
    if (key.length != e - s) {
      return false;
    }
    for (int j = s, k = 0; j < e; j++, k++) {
      if (key[k] != b[j]) {
        return false;
      }
    }
    return true;
  }

  private int insert(String text, int slot) {
    int id = values.size();
    values.add(text.intern());
    table[slot] = id;
    if (id >= counts.length) {
      counts = Arrays.copyOf(counts, counts.length * 2);
      keys = Arrays.copyOf(keys, keys.length * 2);
    }
    keys[id] = text.toCharArray();
    if (values.size() * 2 > table.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    Arrays.fill(bigger, -1);
    int mask = bigger.length - 1;
    for (int id = 0; id < values.size(); id++) {
      int h = values.get(id).hashCode();
      int slot = (h ^ (h >>> 16)) & mask;
      while (bigger[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      bigger[slot] = id;
    }
    table = bigger;
  }

  /** Stores id (-1 = empty) as a Tablesaw key in the narrowest key array that can hold it. */
  void appendId(int id) {
    if (id < 0) {
      emptyCount++;
    } else {
      counts[id]++;
    }
    if (byteKeys != null) {
      if (id < BYTE_CAPACITY) {
        if (size == byteKeys.length) {
          byteKeys = Arrays.copyOf(byteKeys, grow(size));
        }
        byteKeys[size++] = id < 0 ? Byte.MAX_VALUE : (byte) (Byte.MIN_VALUE + 1 + id);
        return;
      }
      widenToShort();
    }
    if (shortKeys != null) {
      if (id < SHORT_CAPACITY) {
        if (size == shortKeys.length) {
          shortKeys = Arrays.copyOf(shortKeys, grow(size));
        }
        shortKeys[size++] = id < 0 ? Short.MAX_VALUE : (short) (Short.MIN_VALUE + 1 + id);
        return;
      }
      widenToInt();
    }
    if (size == intKeys.length) {
      intKeys = Arrays.copyOf(intKeys, grow(size));
    }
    intKeys[size++] = id < 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE + 1 + id;
  }

  static int grow(int size) {
    return size + Math.max(16, size >> 2);
  }

  private int idAt(int row) {
    if (byteKeys != null) {
      byte k = byteKeys[row];
      return k == Byte.MAX_VALUE ? -1 : k - Byte.MIN_VALUE - 1;
    }
    if (shortKeys != null) {
      short k = shortKeys[row];
      return k == Short.MAX_VALUE ? -1 : k - Short.MIN_VALUE - 1;
    }
    int k = intKeys[row];
    return k == Integer.MAX_VALUE ? -1 : k - Integer.MIN_VALUE - 1;
  }

  private void widenToShort() {
    short[] wider = new short[Math.max(byteKeys.length, 16)];
    for (int r = 0; r < size; r++) {
      byte k = byteKeys[r];
      wider[r] = k == Byte.MAX_VALUE ? Short.MAX_VALUE : (short) (Short.MIN_VALUE + (k - Byte.MIN_VALUE));
    }
    shortKeys = wider;
    byteKeys = null;
  }

  private void widenToInt() {
    int[] wider = new int[Math.max(shortKeys.length, 16)];
    for (int r = 0; r < size; r++) {
      short k = shortKeys[r];
      wider[r] = k == Short.MAX_VALUE ? Integer.MAX_VALUE : Integer.MIN_VALUE + (k - Short.MIN_VALUE);
    }
    intKeys = wider;
    shortKeys = null;
  }

  /** Builds the Tablesaw column; this builder must not be used afterwards. */
  StringColumn build() {
    DictionaryMap map;
    int n = values.size();
    if (byteKeys != null) {
      var keyToValue = new Byte2ObjectOpenHashMap<String>();
      var valueToKey = new Object2ByteOpenHashMap<String>();
      valueToKey.defaultReturnValue(Byte.MIN_VALUE);
      var keyToCount = new Byte2IntOpenHashMap();
      for (int id = 0; id < n; id++) {
        byte k = (byte) (Byte.MIN_VALUE + 1 + id);
        keyToValue.put(k, values.get(id));
        valueToKey.put(values.get(id), k);
        keyToCount.put(k, counts[id]);
      }
      if (emptyCount > 0) {
        keyToValue.put(Byte.MAX_VALUE, "");
        valueToKey.put("", Byte.MAX_VALUE);
        keyToCount.put(Byte.MAX_VALUE, emptyCount);
      }
      map =
          new ByteDictionaryMap.ByteDictionaryBuilder()
              .setValues(Arrays.copyOf(byteKeys, size))
              .setKeyToValue(keyToValue)
              .setValueToKey(valueToKey)
              .setKeyToCount(keyToCount)
              .setNextIndex(Byte.MIN_VALUE + n)
              .build();
      byteKeys = null;
    } else if (shortKeys != null) {
      var keyToValue = new Short2ObjectOpenHashMap<String>();
      var valueToKey = new Object2ShortOpenHashMap<String>();
      valueToKey.defaultReturnValue(Short.MIN_VALUE);
      var keyToCount = new Short2IntOpenHashMap();
      for (int id = 0; id < n; id++) {
        short k = (short) (Short.MIN_VALUE + 1 + id);
        keyToValue.put(k, values.get(id));
        valueToKey.put(values.get(id), k);
        keyToCount.put(k, counts[id]);
      }
      if (emptyCount > 0) {
        keyToValue.put(Short.MAX_VALUE, "");
        valueToKey.put("", Short.MAX_VALUE);
        keyToCount.put(Short.MAX_VALUE, emptyCount);
      }
      map =
          new ShortDictionaryMap.ShortDictionaryBuilder()
              .setValues(Arrays.copyOf(shortKeys, size))
              .setKeyToValue(keyToValue)
              .setValueToKey(valueToKey)
              .setKeyToCount(keyToCount)
              .setNextIndex(Short.MIN_VALUE + n)
              .build();
      shortKeys = null;
    } else {
      var keyToValue = new Int2ObjectOpenHashMap<String>();
      var valueToKey = new Object2IntOpenHashMap<String>();
      valueToKey.defaultReturnValue(Integer.MIN_VALUE);
      var keyToCount = new Int2IntOpenHashMap();
      for (int id = 0; id < n; id++) {
        int k = Integer.MIN_VALUE + 1 + id;
        keyToValue.put(k, values.get(id));
        valueToKey.put(values.get(id), k);
        keyToCount.put(k, counts[id]);
      }
      if (emptyCount > 0) {
        keyToValue.put(Integer.MAX_VALUE, "");
        valueToKey.put("", Integer.MAX_VALUE);
        keyToCount.put(Integer.MAX_VALUE, emptyCount);
      }
      map =
          new IntDictionaryMap.IntDictionaryBuilder()
              .setValues(Arrays.copyOf(intKeys, size))
              .setKeyToValue(keyToValue)
              .setValueToKey(valueToKey)
              .setKeyToCount(keyToCount)
              .setNextIndex(Integer.MIN_VALUE + n)
              .build();
      intKeys = null;
    }
    return StringColumn.createInternal(name, map);
  }
}
