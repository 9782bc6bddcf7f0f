package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteLineReaderTest {
  private static List<String> lines(ByteLineReader r) throws Exception {
    List<String> out = new ArrayList<>();
    while (r.next()) {
      out.add(r.text(r.start(), r.end()));
    }
    return out;
  }

  @Test
  void splitsLfCrlfAndATruncatedLastLine() throws Exception {
    ByteLineReader r = ByteLineReader.of("a\r\n\nb\nlast", "t");
    assertTrue(r.next());
    assertEquals("a", r.text(r.start(), r.end()));
    assertTrue(r.hadNewline());
    assertTrue(r.next());
    assertEquals(r.start(), r.end());
    assertTrue(r.next());
    assertEquals("b", r.text(r.start(), r.end()));
    assertTrue(r.next());
    assertEquals("last", r.text(r.start(), r.end()));
    assertFalse(r.hadNewline());
    assertEquals(4, r.number());
    assertFalse(r.next());
  }

  @Test
  void aReaderIsEncodedAsUtf8AcrossBufferBoundaries() throws Exception {
    // Surrogate pairs and 3-byte characters straddle the adapter's 16 Ki-char and the reader's buffers.
    StringBuilder sb = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      String line = "  f" + i + (i % 3 == 0 ? "\uD83D\uDE00" : "") + (i % 5 == 0 ? "\u2026é" : "");
      expected.add(line);
      sb.append(line).append('\n');
    }
    assertEquals(expected, lines(ByteLineReader.of(new StringReader(sb.toString()), "t")));
    assertEquals(expected, lines(ByteLineReader.of(sb.toString(), "t")));
  }

  @Test
  void malformedUtf8DecodesToReplacementCharacters() throws Exception {
    byte[] bytes = {'a', (byte) 0xff, 'b', '\n'};
    ByteLineReader r = new ByteLineReader(new ByteArrayInputStream(bytes), "t");
    assertTrue(r.next());
    assertEquals("a\uFFFDb", r.text(r.start(), r.end()));
  }

  @Test
  void columnsCountCharactersNotBytes() throws Exception {
    ByteLineReader r = ByteLineReader.of("é…x\n", "t");
    assertTrue(r.next());
    assertEquals(3, r.column(r.start() + "é…".getBytes(StandardCharsets.UTF_8).length));
  }

  @Test
  void aLineLongerThanTheLimitIsAnErrorNotAnOutOfMemory() {
    byte[] bytes = new byte[ByteLineReader.MAX_LINE_BYTES + 10];
    java.util.Arrays.fill(bytes, (byte) 'x');
    ByteLineReader r = new ByteLineReader(new ByteArrayInputStream(bytes), "big.bin");
    ParseException e = assertThrows(ParseException.class, r::next);
    assertEquals(1, e.line());
    assertTrue(e.getMessage().startsWith("big.bin:1:1: line longer than"), e.getMessage());
  }

  @Test
  void stackParseErrorsGiveCharacterColumnsOnNonAsciiLines() {
    ParseException e =
        assertThrows(ParseException.class, () -> StackCount.parse("  a\n    é [1x]\n    1\n", StackCountTest.LENIENT));
    assertEquals(2, e.line());
    assertEquals(8, e.column(), e.getMessage()); // "    é [" is 7 characters (8 bytes)
  }

  @Test
  void findsEveryNewlineAmongBytesThatDifferFromItByOneBit() throws Exception {
    // The word-at-a-time search must not be fooled by 0x0B, 0x08, 0x8A, 0x09 or 0x00 next to '\n'.
    byte[] alphabet = {'\n', 0x0B, 0x08, (byte) 0x8A, 0x09, 0x00, 'a', (byte) 0xFF, 0x0E, '\r'};
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 200; round++) {
      byte[] bytes = new byte[random.nextInt(300)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = alphabet[random.nextInt(alphabet.length)];
      }
      List<Integer> expectedEnds = new ArrayList<>();
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          expectedEnds.add(i);
        }
      }
      ByteLineReader r = new ByteLineReader(new ByteArrayInputStream(bytes), "t");
      List<Integer> ends = new ArrayList<>();
      while (r.next()) {
        if (r.hadNewline()) {
          int end = r.end();
          ends.add(end < bytes.length && bytes[end] == '\r' ? end + 1 : end);
        }
      }
      assertEquals(expectedEnds, ends, "round " + round);
    }
  }
}
