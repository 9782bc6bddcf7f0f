package iommulab.parse;

import java.util.Arrays;

/**
 * Interns frame and process names straight from the line buffer: a profile of 200,000 stacks prints
 * ~4 million frame lines but only ~20,000 distinct names, so looking the characters up before making a
 * String saves almost every allocation and makes frame lists share their strings.
 */
final class StackFrameIndex {
  private String[] names = new String[1 << 12];
  private char[][] keys = new char[1 << 12][];
  private int[] hashes = new int[1 << 12];
  private int size;

  /** The interned String for {@code chars[from .. to)}. */
  String intern(char[] chars, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + chars[i];
    }
    int mask = names.length - 1;
    int slot = mix(h) & mask;
    while (true) {
      String name = names[slot];
      if (name == null) {
        String created = new String(chars, from, to - from);
        names[slot] = created;
        keys[slot] = Arrays.copyOfRange(chars, from, to);
        hashes[slot] = h;
        if (++size * 2 > names.length) {
          grow();
        }
        return created;
      }
      if (hashes[slot] == h && Arrays.equals(keys[slot], 0, keys[slot].length, chars, from, to)) {
        return name;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The interned form of an already built String (quoted or unescaped names, folded elements). */
  String intern(String s) {
    char[] chars = s.toCharArray();
    return intern(chars, 0, chars.length);
  }

  int size() {
    return size;
  }



  private static int mix(int h) {
    return h ^ (h >>> 16);
  }

  private void grow() {
    String[] oldNames = names;
    char[][] oldKeys = keys;
    int[] oldHashes = hashes;
    names = new String[oldNames.length * 2];
    keys = new char[oldNames.length * 2][];
    hashes = new int[oldNames.length * 2];
    int mask = names.length - 1;
    for (int i = 0; i < oldNames.length; i++) {
      if (oldNames[i] != null) {
        int slot = mix(oldHashes[i]) & mask;
        while (names[slot] != null) {
          slot = (slot + 1) & mask;
        }
        names[slot] = oldNames[i];
        keys[slot] = oldKeys[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }
}
