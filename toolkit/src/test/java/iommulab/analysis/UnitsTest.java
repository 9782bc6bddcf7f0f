package iommulab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void exactIsTheShortestPlainDecimal() {
    assertEquals("157639770.112", Units.exact(150.337 * (1 << 20)));
    assertEquals("1073741824", Units.exact(1L << 30));
    assertEquals("1000000000000000000000", Units.exact(1e21));
    assertEquals("0.0000015", Units.exact(1.5e-6));
    assertEquals("NaN", Units.exact(Double.NaN));
  }

  @Test
  void bytesUseBinaryPrefixes() {
    assertEquals("4 KiB", Units.bytes(4096));
    assertEquals("1.5 MiB", Units.bytes(1.5 * (1 << 20)));
    assertEquals("1 GiB", Units.bytes(1L << 30));
    assertEquals("512 bytes", Units.bytes(512));
  }

  @Test
  void longIntMapAgreesWithHashMapThroughGrowth() {
    LongIntMap map = new LongIntMap();
    Map<Long, Integer> expected = new HashMap<>();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 100_000; i++) {
      long key = random.nextInt(50_000) * 1_000_003L - 7; // collisions, repeats, negative keys
      int value = random.nextInt(1 << 20);
      map.put(key, value);
      expected.put(key, value);
    }
    assertEquals(expected.size(), map.size());
    expected.forEach((k, v) -> assertEquals(v, map.get(k), "key " + k));
    assertEquals(-1, map.get(42L));
  }
}
