package iommulab.parse;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses what {@code qemu-io} prints: {@code -c} runs, interactive transcripts with {@code qemu-io>}
 * prompts, {@code -C} lines, aio reports in completion order, iotests-filtered output, and the
 * non-report output around them (hex dumps, map, alloc, length, info, warnings, errors).
 *
 * <pre>{@code
 * QemuIoResult r = QemuIo.parse("read 1073741824/1073741824 bytes at offset 0\n"
 *     + "1 GiB, 1 ops; 0:00:06.81 (150.337 MiB/sec and 0.1468 ops/sec)\n");
 * r.table().doubleColumn("bytes_per_second").get(0); // 157639770.112
 * }</pre>
 *
 * Input is streamed line by line, so a file of any size parses in constant memory apart from the rows.
 */
public final class QemuIo {
  private QemuIo() {}

  public static QemuIoResult parse(Path file) throws IOException, ParseException {
    return parse(file, ParseOptions.defaults().withSource(file.toString()));
  }

  public static QemuIoResult parse(Path file, ParseOptions options) throws IOException, ParseException {
    try (var in = Files.newInputStream(file)) {
      return parse(LineReader.ofUtf8(in, options.sourceName()), options);
    }
  }

  public static QemuIoResult parse(Reader in, ParseOptions options) throws IOException, ParseException {
    return parse(new LineReader(in, options.sourceName()), options);
  }

  public static QemuIoResult parse(String text) throws ParseException {
    return parse(text, ParseOptions.defaults());
  }

  public static QemuIoResult parse(String text, ParseOptions options) throws ParseException {
    try {
      return parse(new StringReader(text), options);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
  }

  private static QemuIoResult parse(LineReader lines, ParseOptions options)
      throws IOException, ParseException {
    TablesawStartup.initializeInBackground();
    return new QemuIoAssembler(options).run(lines);
  }
}
