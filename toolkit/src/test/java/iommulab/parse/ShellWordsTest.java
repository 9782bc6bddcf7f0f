package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
  @Test
  void quotesGroupAndBlanksSeparate() {
    assertEquals(
        List.of("qemu-io", "-c", "read 0 1G", "nvme://0003:04:00.0/1"),
        ShellWords.split("qemu-io  -c 'read 0 1G'\tnvme://0003:04:00.0/1"));
  }

  @Test
  void backslashEscapesOutsideAndInsideDoubleQuotes() {
    assertEquals(List.of("a b", "say \"hi\"", "c\\d"), ShellWords.split("a\\ b \"say \\\"hi\\\"\" 'c\\d'"));
  }

  @Test
  void emptyQuotesAreAWordAndBlankLinesHaveNone() {
    assertEquals(List.of("--label", ""), ShellWords.split("--label ''"));
    assertEquals(List.of(), ShellWords.split("   "));
  }
}
