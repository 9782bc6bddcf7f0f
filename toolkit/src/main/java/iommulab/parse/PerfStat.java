package iommulab.parse;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses what {@code perf stat} prints, in every output form: the human table (any locale, with or
 * without digit grouping, 2009-era to perf 6.x), {@code -x SEP} CSV with any separator, {@code -j}
 * JSON, each with {@code -I}, {@code -A}, {@code --per-*}, {@code -r}, {@code -o} files and perf's own
 * error reports. One table row per counter reading; see the README for the columns.
 *
 * <pre>{@code
 * PerfStatResult r = PerfStat.parse(Path.of("stat.txt"));
 * Table t = r.table();                        // run, interval_s, aggr, ..., line
 * List<ToolError> errors = r.toolErrors();   // e.g. event syntax error
 * }</pre>
 */
public final class PerfStat {
  private PerfStat() {}

  public static PerfStatResult parse(Path file) throws IOException, ParseException {
    return parse(file, ParseOptions.defaults().withSource(file.toString()));
  }

  public static PerfStatResult parse(Path file, ParseOptions options) throws IOException, ParseException {
    long bytes = Files.size(file);
    try (var in = Files.newInputStream(file)) {
      return parse(LineReader.ofUtf8(in, options.sourceName()), options, bytes);
    }
  }

  public static PerfStatResult parse(Reader in, ParseOptions options) throws IOException, ParseException {
    return parse(new LineReader(in, options.sourceName()), options, -1);
  }

  public static PerfStatResult parse(String text) throws ParseException {
    return parse(text, ParseOptions.defaults());
  }

  public static PerfStatResult parse(String text, ParseOptions options) throws ParseException {
    try {
      return parse(new LineReader(new StringReader(text), options.sourceName()), options, text.length());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("reading a String cannot fail", e);
    }
  }

  private static PerfStatResult parse(LineReader lines, ParseOptions options, long expectedChars)
      throws IOException, ParseException {
    TablesawStartup.initializeInBackground();
    PerfAssembler assembler = new PerfAssembler(options, expectedChars);
    while (lines.next()) {
      assembler.line(lines.array(), lines.start(), lines.end(), lines.number());
    }
    return assembler.finish(lines.number());
  }
}
