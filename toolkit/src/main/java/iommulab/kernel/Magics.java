package iommulab.kernel;

import iommulab.parse.ParseException;
import iommulab.record.Experiment;
import iommulab.record.RecordException;
import iommulab.parse.ParseOptions;
import iommulab.parse.ParseResult;
import iommulab.parse.PerfStat;
import iommulab.parse.PerfStatResult;
import iommulab.parse.QemuIo;
import iommulab.parse.ShellWords;
import iommulab.parse.QemuIoResult;
import iommulab.parse.StackCount;
import iommulab.parse.StackCountResult;
import iommulab.parse.Tool;
import iommulab.parse.ToolDetector;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * The magics: a cell starting with {@code %%name args} hands its body to that cell magic; any other
 * line starting with {@code %name} is a line magic run between the Java code around it. The list, with
 * arguments, is in {@link #LSMAGIC} and in the README.
 */
final class Magics {
  static final String LSMAGIC =
      String.join(
          "\n",
          "Line magics:",
          "  %lsmagic                                 list the magics",
          "  %jars GLOB...                            add jars (globs relative to the notebook) to the class path",
          "  %classpath PATH...                       add jars or class directories to the class path",
          "  %record PATH [NAME]                      open the record at PATH into NAME (default: record) and show it",
          "  %capture [--record R --label L] [--device BDF] [--set K=V]... -- COMMAND...",
          "                                           run COMMAND, its output shown in the cell; with --record",
          "                                           it is captured into record R as 'iommulab capture' does",
          "Cell magics:",
          "  %%qemuio NAME                            parse pasted qemu-io output into NAME (QemuIoResult)",
          "  %%perfstat NAME                          parse pasted perf stat output into NAME (PerfStatResult)",
          "  %%stackcount NAME                        parse pasted bcc stackcount output into NAME (StackCountResult)",
          "  %%parse NAME                             detect the tool, then parse into NAME (ParseResult)",
          "  %%time                                   run the cell and print its wall time",
          "");

  private final Session session;

  Magics(Session session) {
    this.session = session;
  }

  /** Runs a cell: magics and Java. The outcome is that of the last Java code or magic. */
  Evaluator.Outcome run(String cell) throws CellError {
    String code = stripLeadingBlankLines(cell);
    if (code.startsWith("%%")) {
      int nl = code.indexOf('\n');
      String header = nl < 0 ? code.substring(2) : code.substring(2, nl);
      String body = nl < 0 ? "" : code.substring(nl + 1);
      return cellMagic(header.strip(), body);
    }
    return runLines(code);
  }

  private Evaluator.Outcome runLines(String code) throws CellError {
    Evaluator.Outcome last = Evaluator.Outcome.NONE;
    StringBuilder java = new StringBuilder();
    for (String line : code.split("\n", -1)) {
      if (line.startsWith("%") && !line.startsWith("%%")) {
        if (!java.toString().isBlank()) {
          session.evaluator().eval(java.toString());
        }
        java.setLength(0);
        lineMagic(line.substring(1).strip());
        last = Evaluator.Outcome.NONE;
      } else {
        java.append(line).append('\n');
      }
    }
    if (!java.toString().isBlank()) {
      last = session.evaluator().eval(java.toString());
    }
    return last;
  }

  private void lineMagic(String header) throws CellError {
    List<String> args = ShellWords.split(header);
    String name = args.isEmpty() ? "" : args.get(0);
    List<String> rest = args.subList(Math.min(1, args.size()), args.size());
    switch (name) {
      case "lsmagic" -> System.out.print(LSMAGIC);
      case "jars" -> addJars(rest);
      case "classpath" -> addClasspath(rest);
      case "record" -> openRecord(rest);
      case "capture" -> CaptureMagic.run(session.notebookDir(), rest);
      default -> throw unknown("%" + name);
    }
  }

  private Evaluator.Outcome cellMagic(String header, String body) throws CellError {
    List<String> args = ShellWords.split(header);
    String name = args.isEmpty() ? "" : args.get(0);
    List<String> rest = args.subList(Math.min(1, args.size()), args.size());
    switch (name) {
      case "qemuio", "perfstat", "stackcount", "parse" -> {
        String variable = variableName("%%" + name, rest);
        ParseResult result = parse(name, body);
        bind(variable, result);
        session.display(result);
        return Evaluator.Outcome.NONE;
      }
      case "time" -> {
        long start = System.nanoTime();
        try {
          return runLines(body);
        } finally {
          double elapsedMillis = (System.nanoTime() - start) / 1e6;
          System.out.printf(Locale.ROOT, "Wall time: %.1f ms%n", elapsedMillis);
        }
      }
      default -> throw unknown("%%" + name);
    }
  }

  private ParseResult parse(String magic, String body) throws CellError {
    ParseOptions options = ParseOptions.defaults().withSource("cell");
    try {
      return switch (magic) {
        case "qemuio" -> QemuIo.parse(body, options);
        case "perfstat" -> PerfStat.parse(body, options);
        case "stackcount" -> StackCount.parse(body, options);
        default -> parseDetected(body, options);
      };
    } catch (ParseException e) {
      throw parseError(e);
    }
  }

  private static ParseResult parseDetected(String body, ParseOptions options)
      throws ParseException, CellError {
    Tool tool = ToolDetector.detect(body).orElseThrow(() -> CellError.of(
        "UsageError",
        "%%parse cannot tell which tool printed this text; use %%qemuio, %%perfstat or %%stackcount"));
    return iommulab.parse.Parsers.parse(tool, body, options);
  }

  /** {@code LINE:COL: reason; expected shape}, lines counted in the pasted text after the magic line. */
  static CellError parseError(ParseException e) {
    List<String> trace = new ArrayList<>();
    trace.add(e.messageWithoutSource());
    if (!e.lineText().isEmpty()) {
      trace.add("  " + e.lineText());
      if (e.column() > 0) {
        trace.add("  " + " ".repeat(e.column() - 1) + "^");
      }
    }
    return new CellError("ParseException", e.messageWithoutSource(), trace);
  }

  private static Class<?> declaredType(Object value) {
    if (value instanceof QemuIoResult) {
      return QemuIoResult.class;
    }
    if (value instanceof PerfStatResult) {
      return PerfStatResult.class;
    }
    if (value instanceof StackCountResult) {
      return StackCountResult.class;
    }
    return value.getClass();
  }

  /** Declares {@code name} in JShell holding {@code value}, replacing an earlier {@code name}. */
  void bind(String name, Object value) throws CellError {
    String type = declaredType(value).getCanonicalName();
    String key = Bindings.put(value);
    session.evaluator().eval(type + " " + name + " = (" + type + ") iommulab.kernel.Bindings.take(\"" + key + "\");");
  }

  private static String variableName(String magic, List<String> args) throws CellError {
    if (args.size() != 1 || !SourceVersion.isIdentifier(args.get(0)) || SourceVersion.isKeyword(args.get(0))) {
      throw CellError.of(
          "UsageError",
          magic + " needs one Java variable name, e.g. '" + magic + " run1'; got '" + String.join(" ", args) + "'");
    }
    return args.get(0);
  }

  private void openRecord(List<String> args) throws CellError {
    if (args.isEmpty() || args.size() > 2) {
      throw CellError.of("UsageError", "%record needs PATH and optionally NAME, e.g. '%record records/strict run'");
    }
    String variable = variableName("%record", args.size() == 2 ? args.subList(1, 2) : List.of("record"));
    Path dir = session.notebookDir().resolve(args.get(0)).normalize();
    Experiment record;
    try {
      record = Experiment.open(dir);
    } catch (IOException | RecordException e) {
      throw CellError.of("RecordException", "%record " + args.get(0) + ": " + e.getMessage());
    }
    bind(variable, record);
    session.display(record);
  }

  private void addJars(List<String> globs) throws CellError {
    if (globs.isEmpty()) {
      throw CellError.of("UsageError", "%jars needs at least one jar path or glob, e.g. '%jars lib/*.jar'");
    }
    for (String glob : globs) {
      List<Path> found = expand(glob);
      if (found.isEmpty()) {
        throw CellError.of("UsageError", "%jars: no file matches '" + glob + "'");
      }
      for (Path p : found) {
        session.evaluator().addToClasspath(p.toString());
      }
    }
  }

  private void addClasspath(List<String> paths) throws CellError {
    if (paths.isEmpty()) {
      throw CellError.of("UsageError", "%classpath needs at least one jar or directory");
    }
    for (String raw : paths) {
      for (String part : raw.split(java.io.File.pathSeparator)) {
        Path p = session.notebookDir().resolve(part).normalize();
        if (!Files.exists(p)) {
          throw CellError.of("UsageError", "%classpath: '" + part + "' does not exist");
        }
        session.evaluator().addToClasspath(p.toString());
      }
    }
  }

  /** Files matching {@code glob}, where only the last path element may hold wildcards. */
  private List<Path> expand(String glob) throws CellError {
    Path pattern = session.notebookDir().resolve(glob).normalize();
    String last = pattern.getFileName().toString();
    if (!last.contains("*") && !last.contains("?") && !last.contains("[") && !last.contains("{")) {
      return Files.isRegularFile(pattern) ? List.of(pattern) : List.of();
    }
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(pattern.getParent(), last)) {
      dir.forEach(p -> {
        if (Files.isRegularFile(p)) {
          out.add(p);
        }
      });
    } catch (IOException e) {
      throw CellError.of("UsageError", "%jars: cannot list " + pattern.getParent() + ": " + e.getMessage());
    }
    out.sort(null);
    return out;
  }

  private static CellError unknown(String magic) {
    return CellError.of("UsageError", "unknown magic " + magic + "; %lsmagic lists the magics");
  }

  private static String stripLeadingBlankLines(String cell) {
    int i = 0;
    while (true) {
      int nl = cell.indexOf('\n', i);
      if (nl < 0 || !cell.substring(i, nl).isBlank()) {
        return cell.substring(i);
      }
      i = nl + 1;
    }
  }
}
