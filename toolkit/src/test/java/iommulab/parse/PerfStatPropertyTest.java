package iommulab.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Assertions;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Mutated real fixtures parse or fail with ParseException, never anything else, and never hang. */
class PerfStatPropertyTest {
  private static final List<String> FIXTURES = load();

  private static List<String> load() {
    try (Stream<Path> files = Files.list(PerfStatGoldenTest.DIR)) {
      return files.filter(p -> p.toString().endsWith(".txt")).sorted().map(p -> {
        try {
          return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<String> fixture() {
    return Arbitraries.of(FIXTURES);
  }

  @Property(tries = 400)
  void mutatedFixturesParseOrFailCleanly(
      @ForAll("fixture") String text,
      @ForAll @IntRange(min = 0, max = 100000) int position,
      @ForAll @IntRange(min = 0, max = 40) int length,
      @ForAll("junk") String replacement,
      @ForAll boolean strict) {
    int at = text.isEmpty() ? 0 : position % text.length();
    int end = Math.min(text.length(), at + length);
    String mutated = text.substring(0, at) + replacement + text.substring(end);
    // a hang fails the property after 10 s instead of stalling the build
    Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      try {
        PerfStat.parse(mutated, ParseOptions.defaults().withStrict(strict));
      } catch (ParseException expected) {
        // the only failure allowed
      }
    });
  }

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12),
        Arbitraries.of("\n", "\r\n", ",", ";", "#", "<not counted>", " +- ", "(", ")", "%", "{", "}", "\"",
            "1,234.5", "1.234,5", "  ", "seconds time elapsed", "Performance counter stats for '", "\\u12"),
        Arbitraries.strings().withChars("0123456789.,- #<>(){}\":%+").ofMaxLength(20));
  }
}
