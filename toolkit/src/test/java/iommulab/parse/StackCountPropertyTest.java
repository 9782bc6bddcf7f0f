package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/**
 * Mutates the real fixtures (delete, duplicate, splice, truncate lines; flip, insert and delete
 * characters, including the ones the grammar cares about) and checks that parsing either succeeds or
 * throws a {@link ParseException} that names the source and a line of the input, never anything else,
 * and never hangs.
 */
class StackCountPropertyTest {
  private static final List<String> FIXTURES = load();
  private static final String SPECIAL = " \n\r;[]@:,-'b\"\\^C0123456789x";

  private static List<String> load() {
    try (Stream<Path> files = Files.list(StackCountGoldenTest.DIR)) {
      return files
          .filter(p -> p.toString().endsWith(".txt"))
          .sorted()
          .map(StackCountPropertyTest::read)
          .map(t -> t.length() > 20_000 ? t.substring(0, 20_000) : t)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Property(tries = 400)
  void mutatedFixturesParseOrFailCleanly(@ForAll("mutated") String text, @ForAll boolean strict) {
    ParseOptions options = ParseOptions.defaults().withSource("m.txt").withStrict(strict);
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          try {
            StackCountResult r = StackCount.parse(text, options);
            assertEquals(r.stacks().size(), r.table().rowCount());
            for (SourceLine line : r.unrecognized()) {
              assertTrue(line.line() >= 1);
            }
          } catch (ParseException e) {
            long lines = text.chars().filter(c -> c == '\n').count() + 1;
            assertTrue(e.getMessage().startsWith("m.txt:"), e.getMessage());
            assertTrue(e.line() >= 1 && e.line() <= lines, e.getMessage());
            assertTrue(e.column() >= 1, e.getMessage());
          }
        });
  }

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<String> fixture = Arbitraries.of(FIXTURES);
    Arbitrary<Integer> kind = Arbitraries.integers().between(0, 6);
    Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
    Arbitrary<Double> where2 = Arbitraries.doubles().between(0, 1);
    Arbitrary<Character> ch = Arbitraries.oneOf(Arbitraries.of(SPECIAL.toCharArray()).map(c -> (Character) c),
        Arbitraries.chars().all());
    Arbitrary<Integer> times = Arbitraries.integers().between(1, 8);
    return Combinators.combine(fixture, kind, where, where2, ch, times)
        .as(StackCountPropertyTest::mutate);
  }

  static String mutate(String text, int kind, double where, double where2, char ch, int times) {
    StringBuilder sb = new StringBuilder(text);
    for (int t = 0; t < times; t++) {
      int n = sb.length();
      int i = (int) (where * n * (t + 1) / times) % Math.max(1, n);
      int j = (int) (where2 * n);
      switch (kind) {
        case 0 -> { // replace a character
          if (n > 0) {
            sb.setCharAt(i, ch);
          }
        }
        case 1 -> sb.insert(i, ch);
        case 2 -> { // delete a character
          if (n > 0) {
            sb.deleteCharAt(i);
          }
        }
        case 3 -> { // truncate
          sb.setLength(Math.min(n, i));
        }
        case 4 -> { // duplicate a span
          int from = Math.min(i, j);
          int to = Math.min(n, Math.max(i, j));
          sb.insert(to, sb.substring(from, Math.min(to, from + 400)));
        }
        case 5 -> { // delete a span
          int from = Math.min(i, j);
          int to = Math.min(n, Math.min(Math.max(i, j), from + 400));
          sb.delete(from, to);
        }
        default -> { // splice the head of another fixture in
          String other = FIXTURES.get((int) (where2 * FIXTURES.size()) % FIXTURES.size());
          sb.insert(i, other, 0, Math.min(other.length(), 300));
        }
      }
    }
    return sb.toString();
  }
}
