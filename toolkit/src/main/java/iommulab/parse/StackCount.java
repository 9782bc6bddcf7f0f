package iommulab.parse;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses what bcc {@code stackcount} prints (multi-line with {@code -P -d -v -s -i -T -K -U}, or
 * {@code -f} folded lines) and bpftrace stack maps ({@code @[kstack, comm]: N}) into one row per
 * printed stack. Streams the input line by line, so files of any size parse in bounded memory per line.
 *
 * <pre>{@code
 * StackCountResult r = StackCount.parse(Path.of("stackcount.txt"));
 * long hits = r.table().longColumn("count").sum();
 * }</pre>
 */
public final class StackCount {
  private StackCount() {}

  public static StackCountResult parse(Path file) throws IOException, ParseException {
    return parse(file, ParseOptions.defaults().withSource(file.toString()));
  }

  public static StackCountResult parse(Path file, ParseOptions options) throws IOException, ParseException {
    try (var in = Files.newInputStream(file)) {
      return parse(new ByteLineReader(in, options.sourceName()), options);
    }
  }

  public static StackCountResult parse(Reader in, ParseOptions options) throws IOException, ParseException {
    return parse(ByteLineReader.of(in, options.sourceName()), options);
  }

  public static StackCountResult parse(String text) throws ParseException {
    return parse(text, ParseOptions.defaults());
  }

  public static StackCountResult parse(String text, ParseOptions options) throws ParseException {
    try {
      return parse(ByteLineReader.of(text, options.sourceName()), options);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("reading a String cannot fail", e);
    }
  }

  private static StackCountResult parse(ByteLineReader lines, ParseOptions options)
      throws IOException, ParseException {
    TablesawStartup.initializeInBackground();
    return new StackParser(options.sourceName(), options.strict()).parse(lines);
  }
}
