package iommulab.parse;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/** Parses any supported tool's output when the tool is known at run time (see {@link ToolDetector}). */
public final class Parsers {
  private Parsers() {}

  public static ParseResult parse(Tool tool, Path file, ParseOptions options)
      throws IOException, ParseException {
    return switch (tool) {
      case QEMU_IO -> QemuIo.parse(file, options);
      case PERF_STAT -> PerfStat.parse(file, options);
      case STACKCOUNT -> StackCount.parse(file, options);
    };
  }

  public static ParseResult parse(Tool tool, Reader in, ParseOptions options)
      throws IOException, ParseException {
    return switch (tool) {
      case QEMU_IO -> QemuIo.parse(in, options);
      case PERF_STAT -> PerfStat.parse(in, options);
      case STACKCOUNT -> StackCount.parse(in, options);
    };
  }

  public static ParseResult parse(Tool tool, String text, ParseOptions options) throws ParseException {
    return switch (tool) {
      case QEMU_IO -> QemuIo.parse(text, options);
      case PERF_STAT -> PerfStat.parse(text, options);
      case STACKCOUNT -> StackCount.parse(text, options);
    };
  }
}
