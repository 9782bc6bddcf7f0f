package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Detection of stackcount output whose counts reach the parser's 64-bit limit. bcc's counters are
 * u64, so a count may have 19 or 20 digits; without a header line (a {@code -f} file, an excerpt) the
 * detector asks the parsers, and the stackcount parser rightly refuses a count beyond 64 bits.
 */
class StackCountDetectTest {
  @Test
  void countsOfNineteenDigitsWithinTheLimitAreStackcount() {
    assertEquals(Optional.of(Tool.STACKCOUNT),
        ToolDetector.detect("  do_sys_open\n  entry_SYSCALL_64\n    9223372036854775807\n\n"));
    assertEquals(Optional.of(Tool.STACKCOUNT), ToolDetector.detect("sleep;a;b 1234567890123456789\n"));
  }

  @Test
  void aCountBeyondTheLimitIsStillStackcountSoItsParserCanSaySo() {
    // before: "cannot tell which tool printed this text", as for text of no tool at all
    String text = "  do_sys_open\n  entry_SYSCALL_64\n    9223372036854775808\n\n";
    assertEquals(Optional.of(Tool.STACKCOUNT), ToolDetector.detect(text));
    ParseException e = assertThrows(ParseException.class,
        () -> Parsers.parse(ToolDetector.detect(text).orElseThrow(), text, StackCountTest.LENIENT));
    assertEquals("s.txt:3:5: count '9223372036854775808' does not fit in 64 bits; expected count line '    N'"
        + " (a whole number)", e.getMessage());
    assertEquals(Optional.of(Tool.STACKCOUNT), ToolDetector.detect(";a;b 18446744073709551615\n"));
  }
}
