package iommulab.cli;

import com.google.gson.stream.JsonWriter;
import iommulab.parse.ParseException;
import iommulab.parse.ParseOptions;
import iommulab.parse.ParseResult;
import iommulab.parse.Parsers;
import iommulab.parse.SourceLine;
import iommulab.parse.StackCountResult;
import iommulab.parse.TableCsv;
import iommulab.parse.Tool;
import iommulab.parse.ToolDetector;
import iommulab.parse.ToolError;
import iommulab.parse.Warning;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/** {@code iommulab parse}: one tool output in, a table (or JSON, folded stacks, a summary) out. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Parse what qemu-io, perf stat or bcc stackcount printed.",
      "",
      "Exit status: 0 parsed; 1 usage error; 2 malformed input (FILE:LINE:COL: message on stderr);"
          + " 3 the text holds only the tool's own error report and no measurement."
    })
final class ParseCommand implements Callable<Integer> {
  private static final int MAX_LISTED = 10;

  enum Format {
    csv,
    json,
    folded,
    summary
  }

  @Option(
      names = "--tool",
      paramLabel = "TOOL",
      defaultValue = "auto",
      description = "qemu-io, perf-stat, stackcount or auto (default: ${DEFAULT-VALUE}).")
  String toolName;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "csv",
      description = "csv (the table, header first), json (the whole result), folded (stacks only:"
          + " FlameGraph folded lines) or summary (one line). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--strict", description = "Treat unrecognised lines as errors (exit 2).")
  boolean strict;

  @Parameters(paramLabel = "FILE", description = "The tool's output, or - for standard input.")
  String file;

  /**
   * The command for the plain forms {@code parse [--tool T] [--format F] [--strict] FILE} (also
   * {@code --tool=T}, {@code --format=F}, in any order), set up without picocli; null for anything
   * else ({@code --help}, {@code --}, {@code @argfiles}, unknown or repeated options, a bad value),
   * which picocli then handles with its own messages. Loading and running picocli costs about a
   * tenth of a CPU-second, a tenth of a one-shot parse of a 100 MB file.
   */
  static ParseCommand plain(String[] args) {
    if (args.length < 2 || !"parse".equals(args[0])) {
      return null;
    }
    ParseCommand c = new ParseCommand();
    c.toolName = "auto";
    c.format = Format.csv;
    boolean toolSet = false;
    boolean formatSet = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      String value = null;
      String name = a;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      switch (name) {
        case "--tool", "--format" -> {
          if (value == null) {
            if (i + 1 == args.length) {
              return null;
            }
            value = args[++i];
          }
          if (name.equals("--tool")) {
            if (toolSet || value.startsWith("-")) {
              return null;
            }
            toolSet = true;
            c.toolName = value;
          } else {
            Format f = formatNamed(value);
            if (formatSet || f == null) {
              return null;
            }
            formatSet = true;
            c.format = f;
          }
        }
        case "--strict" -> {
          if (c.strict || value != null) {
            return null;
          }
          c.strict = true;
        }
        default -> {
          if (c.file != null || a.isEmpty() || a.charAt(0) == '@' || (a.startsWith("-") && !a.equals("-"))) {
            return null;
          }
          c.file = a;
        }
      }
    }
    return c.file == null ? null : c;
  }

  private static Format formatNamed(String name) {
    for (Format f : Format.values()) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    return null;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Optional<Tool> wanted;
    try {
      wanted = "auto".equalsIgnoreCase(toolName) ? Optional.empty() : Optional.of(Tool.fromCliName(toolName));
    } catch (IllegalArgumentException e) {
      err.println("iommulab parse: " + e.getMessage() + " or auto");
      return Main.USAGE;
    }
    boolean stdin = "-".equals(file);
    String source = stdin ? "<stdin>" : file;
    ParseOptions options = new ParseOptions(source, strict);
    ParseResult result;
    try {
      result = stdin ? parseStdin(wanted, options) : parseFile(Path.of(file), wanted, options);
    } catch (NoSuchFileException e) {
      err.println("iommulab parse: " + file + ": no such file");
      return Main.USAGE;
    } catch (ParseException e) {
      err.println(e.getMessage());
      return Main.MALFORMED;
    }
    if (format == Format.folded && !(result instanceof StackCountResult)) {
      err.println(
          "iommulab parse: --format folded needs stack output, but " + source + " is " + result.tool()
              + " output");
      return Main.USAGE;
    }
    reportDiagnostics(result, err);
    boolean onlyToolErrors = !result.hasMeasurements() && !result.toolErrors().isEmpty();
    if (onlyToolErrors) {
      for (ToolError e : result.toolErrors()) {
        err.println(source + ":" + e.line() + ": " + result.tool() + " error: " + e.message());
      }
      if (format != Format.json) {
        return Main.TOOL_ERROR;
      }
    }
    try (Writer out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      switch (format) {
        case csv -> TableCsv.write(result.table(), out);
        case json -> writeJson(result, out);
        case folded -> ((StackCountResult) result).writeFolded(out);
        case summary -> out.write(result.summary() + "\n");
      }
    }
    return onlyToolErrors ? Main.TOOL_ERROR : Main.OK;
  }

  private static ParseResult parseFile(Path path, Optional<Tool> wanted, ParseOptions options)
      throws IOException, ParseException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString());
    }
    Tool tool = wanted.isPresent() ? wanted.get() : detected(ToolDetector.detect(path), options);
    return Parsers.parse(tool, path, options);
  }

  private static ParseResult parseStdin(Optional<Tool> wanted, ParseOptions options)
      throws IOException, ParseException {
    InputStream in = new BufferedInputStream(System.in, ToolDetector.HEAD_CHARS * 2);
    Tool tool;
    if (wanted.isPresent()) {
      tool = wanted.get();
    } else {
      in.mark(ToolDetector.HEAD_CHARS + 2);
      Optional<Tool> found = ToolDetector.detect(in);
      in.reset();
      tool = detected(found, options);
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return Parsers.parse(tool, new InputStreamReader(in, decoder), options);
  }

  private static Tool detected(Optional<Tool> tool, ParseOptions options) throws ParseException {
    return tool.orElseThrow(
        () ->
            new ParseException(
                options.sourceName(), 1, 1, "",
                "cannot tell which tool printed this text",
                "qemu-io, perf stat or stackcount output (or name it with --tool)"));
  }

  private static void reportDiagnostics(ParseResult result, PrintWriter err) {
    List<Warning> warnings = result.warnings();
    for (int i = 0; i < Math.min(MAX_LISTED, warnings.size()); i++) {
      Warning w = warnings.get(i);
      err.println(result.source() + ":" + w.line() + ": warning: " + w.message());
    }
    if (warnings.size() > MAX_LISTED) {
      err.println(result.source() + ": " + (warnings.size() - MAX_LISTED) + " more warnings (see --format json)");
    }
    List<SourceLine> skipped = result.unrecognized();
    if (!skipped.isEmpty()) {
      SourceLine first = skipped.get(0);
      err.println(
          result.source() + ":" + first.line() + ": warning: " + skipped.size()
              + (skipped.size() == 1 ? " line was" : " lines were")
              + " not recognised and kept as text (first: '" + abbreviate(first.text())
              + "'); --format json lists them, --strict makes them errors");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  private static void writeJson(ParseResult result, Writer out) throws IOException {
    JsonWriter json = new JsonWriter(out);
    json.setIndent("  ");
    json.setSerializeNulls(true);
    json.beginObject();
    json.name("tool").value(result.tool().cliName());
    json.name("source").value(result.source());
    json.name("summary").value(result.summary());
    json.name("facts");
    writeValue(json, result.facts());
    json.name("warnings").beginArray();
    for (Warning w : result.warnings()) {
      json.beginObject().name("line").value(w.line()).name("message").value(w.message()).endObject();
    }
    json.endArray();
    json.name("tool_errors").beginArray();
    for (ToolError e : result.toolErrors()) {
      json.beginObject().name("line").value(e.line()).name("message").value(e.message()).endObject();
    }
    json.endArray();
    json.name("unrecognized").beginArray();
    for (SourceLine l : result.unrecognized()) {
      json.beginObject().name("line").value(l.line()).name("text").value(l.text()).endObject();
    }
    json.endArray();
    Table table = result.table();
    json.name("columns").beginArray();
    for (String name : table.columnNames()) {
      json.value(name);
    }
    json.endArray();
    json.name("rows").beginArray();
    for (int row = 0; row < table.rowCount(); row++) {
      json.beginObject();
      for (int c = 0; c < table.columnCount(); c++) {
        var column = table.column(c);
        json.name(column.name());
        if (column.isMissing(row)) {
          json.nullValue();
        } else if (column.get(row) instanceof Number n) {
          writeNumber(json, n);
        } else {
          json.value(String.valueOf(column.get(row)));
        }
      }
      json.endObject();
    }
    json.endArray();
    json.endObject();
    json.flush();
    out.write('\n');
  }

  private static void writeValue(JsonWriter json, Object value) throws IOException {
    if (value == null) {
      json.nullValue();
    } else if (value instanceof Map<?, ?> map) {
      json.beginObject();
      for (var e : map.entrySet()) {
        json.name(String.valueOf(e.getKey()));
        writeValue(json, e.getValue());
      }
      json.endObject();
    } else if (value instanceof Iterable<?> list) {
      json.beginArray();
      for (Object o : list) {
        writeValue(json, o);
      }
      json.endArray();
    } else if (value instanceof Number n) {
      writeNumber(json, n);
    } else if (value instanceof Boolean b) {
      json.value(b);
    } else {
      json.value(String.valueOf(value));
    }
  }

  /** Integers exactly, other numbers in the canonical plain form; NaN and infinities as null. */
  private static void writeNumber(JsonWriter json, Number n) throws IOException {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      json.value(n.longValue());
      return;
    }
    // a float column's value in the digits it was parsed from (2.83, not 2.8299999237060547), as the CSV
    double d = n instanceof Float f ? Double.parseDouble(Float.toString(f)) : n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      json.nullValue();
    } else {
      json.jsonValue(TableCsv.number(d));
    }
  }
}
