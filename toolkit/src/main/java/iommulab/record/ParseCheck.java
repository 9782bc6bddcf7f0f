package iommulab.record;

import iommulab.parse.ParseException;
import iommulab.parse.ParseOptions;
import iommulab.parse.ParseResult;
import iommulab.parse.Parsers;
import iommulab.parse.Tool;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Whether a raw file parses as the tool's output, as a status and one sentence. A parser that is
 * missing ({@link UnsupportedOperationException}) or rejects the text never loses the raw file; the
 * status says so and tables can be derived later.
 */
record ParseCheck(ParseStatus status, String message) {

  static ParseCheck of(Tool tool, Path dir, String rel) throws IOException {
    try {
      ParseResult r = Parsers.parse(tool, dir.resolve(rel), ParseOptions.defaults().withSource(rel));
      if (!r.hasMeasurements() && !r.toolErrors().isEmpty()) {
        return new ParseCheck(ParseStatus.TOOL_ERROR, tool + " reported an error: "
            + r.toolErrors().get(0).message());
      }
      String extra = r.unrecognized().isEmpty() ? ""
          : "; " + r.unrecognized().size() + " unrecognised line(s) kept";
      return new ParseCheck(ParseStatus.OK, tool + " output parsed: " + r.summary() + extra);
    } catch (ParseException e) {
      return new ParseCheck(ParseStatus.FAILED, tool + " output did not parse (" + e.getMessage()
          + "); raw file kept");
    } catch (UnsupportedOperationException e) {
      return new ParseCheck(ParseStatus.UNSUPPORTED, "no " + tool
          + " parser in this build; raw file kept, tables can be derived later");
    }
  }
}
