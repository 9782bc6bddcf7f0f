package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutates the real qemu-io fixtures (delete, duplicate and swap lines, flip characters, truncate) and
 * checks that parsing either succeeds or throws {@link ParseException}, never anything else, and ends.
 */
class QemuIoPropertyTest {

  /** One edit applied to the fixture's text. */
  record Mutation(int kind, int at, int other, char replacement) {
    String apply(String text) {
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      int n = lines.size();
      int i = Math.floorMod(at, n);
      int j = Math.floorMod(other, n);
      switch (kind) {
        case 0 -> lines.remove(i);
        case 1 -> lines.add(i, lines.get(i));
        case 2 -> {
          String a = lines.get(i);
          lines.set(i, lines.get(j));
          lines.set(j, a);
        }
        case 3 -> {
          if (text.isEmpty()) {
            return text;
          }
          int c = Math.floorMod(at, text.length());
          return text.substring(0, c) + replacement + text.substring(c + 1);
        }
        default -> {
          return text.substring(0, Math.floorMod(at, text.length() + 1));
        }
      }
      return String.join("\n", lines);
    }
  }

  @Provide
  Arbitrary<String> fixtures() throws Exception {
    List<String> texts = new ArrayList<>();
    for (Path p : QemuIoGoldenTest.fixtures()) {
      texts.add(Files.readString(p, StandardCharsets.UTF_8));
    }
    return Arbitraries.of(texts);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(0, 100_000),
                Arbitraries.of('0', '9', 'x', 'X', ' ', '/', ',', ':', '.', '\r', '\n', '\u0000',
                    '\u001b', '(', ')', 'K'))
            .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 1500)
  void mutatedFixturesParseOrFailWithParseException(
      @ForAll("fixtures") String fixture, @ForAll("mutations") List<Mutation> edits, @ForAll boolean strict) {
    String text = fixture;
    for (Mutation m : edits) {
      text = m.apply(text);
    }
    String mutant = text;
    // linear parsing takes milliseconds; seconds mean a loop that stopped advancing
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parseOrParseException(mutant, strict));
  }

  private static void parseOrParseException(String text, boolean strict) {
    try {
      QemuIoResult r = QemuIo.parse(text, ParseOptions.defaults().withSource("mutant").withStrict(strict));
      assertTrue(r.table().rowCount() >= 0);
      assertTrue(r.summary().startsWith("qemu-io: "));
      assertTrue(r.facts().containsKey("reports"));
    } catch (ParseException e) {
      assertTrue(e.line() >= 1, e::getMessage);
      assertTrue(e.getMessage().startsWith("mutant:"), e::getMessage);
    }
  }
}
