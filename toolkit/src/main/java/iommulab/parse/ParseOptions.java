package iommulab.parse;

import java.util.Objects;

/**
 * How to parse: the source name used in messages and whether unrecognised lines are errors.
 *
 * <pre>{@code PerfStat.parse(path, ParseOptions.defaults().withStrict(true))}</pre>
 *
 * @param sourceName file name or label used in every message, e.g. {@code run1.txt} or {@code <stdin>}
 * @param strict when true a line the parser does not recognise is a {@link ParseException}; when false
 *     it is kept in {@link ParseResult#unrecognized()} with its line number
 */
public record ParseOptions(String sourceName, boolean strict) {
  public ParseOptions {
    Objects.requireNonNull(sourceName, "sourceName");
  }

  /** Lenient parsing of an unnamed text ({@code <input>}). */
  public static ParseOptions defaults() {
    return new ParseOptions("<input>", false);
  }

  public ParseOptions withSource(String name) {
    return new ParseOptions(name, strict);
  }

  public ParseOptions withStrict(boolean isStrict) {
    return new ParseOptions(sourceName, isStrict);
  }
}
