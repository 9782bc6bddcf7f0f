package iommulab.kernel;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Java code evaluation with JShell running in this JVM, the way IJava does it: a cell is split into
 * snippets, each is evaluated in turn, and the real object of a final expression is returned.
 * Failures become {@link CellError}s with the offending span or a trimmed stack trace.
 *
 * <pre>{@code
 * Evaluator ev = Evaluator.create(List.of("import tech.tablesaw.api.*;"));
 * Object table = ev.eval("Table.create(\"t\")").value();
 * }</pre>
 */
public final class Evaluator implements AutoCloseable {
  /** What a cell left: {@code hasValue} is false for statements and declarations. */
  public record Outcome(boolean hasValue, Object value) {
    static final Outcome NONE = new Outcome(false, null);
  }

  /** Completion suggestions replacing the text between {@code start} and {@code end}. */
  public record Completion(List<String> matches, int start, int end) {}

  private final JShell shell;
  private final InProcessControl control;
  private final ReplClassFiles replClassFiles;
  private final Set<String> classpath = new LinkedHashSet<>();

  private Evaluator(JShell shell, InProcessControl control) {
    this.shell = shell;
    this.control = control;
    this.replClassFiles = ReplClassFiles.of(shell);
  }

  /**
   * Starts JShell with this JVM's class path (the jar when running from the shaded jar) and runs the
   * given start-up snippets; a start-up import of a package that does not exist is skipped.
   */
  public static Evaluator create(List<String> startup) {
    InProcessControl control = new InProcessControl();
    JShell shell =
        JShell.builder()
            .executionEngine(new InProcessControl.Provider(control), java.util.Map.of())
            .in(InputStream.nullInputStream())
            .out(System.out)
            .err(System.err)
            .compilerOptions("-Xlint:none", "-proc:none")
            .fileManager(IndexKeepingFileManager::new)
            .build();
    Evaluator ev = new Evaluator(shell, control);
    for (String entry : Classpath.entries(System.getProperty("java.class.path", ""))) {
      ev.addToClasspath(entry);
    }
    // JShell's compiler now has an explicit class path and no longer reads java.class.path, which
    // Tablesaw's start-up narrows for a moment: let it run while the start-up snippets compile.
    iommulab.parse.TablesawStartup.initializeInBackground();
    for (String snippet : startup) {
      shell.eval(snippet);
    }
    return ev;
  }

  /** Adds a jar or class directory for both compiling and loading; repeated entries are ignored. */
  public void addToClasspath(String entry) {
    if (classpath.add(entry)) {
      shell.addToClasspath(entry);
    }
  }

  /** The snippets JShell keeps (declarations, imports, statements), for tests. */
  java.util.stream.Stream<Snippet> keptSnippets() {
    return shell.snippets().filter(s -> shell.status(s).isActive());
  }

  /** JShell's kept class files, for tests. */
  ReplClassFiles replClassFiles() {
    return replClassFiles;
  }

  /** The entries added so far, in order. */
  public List<String> classpath() {
    return List.copyOf(classpath);
  }

  /** Evaluates every snippet of {@code code}; the outcome is the last snippet's expression value. */
  public Outcome eval(String code) throws CellError {
    control.beginCell();
    try {
      return evalSnippets(code);
    } finally {
      control.endCell();
    }
  }

  private Outcome evalSnippets(String code) throws CellError {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String remaining = code;
    Outcome last = Outcome.NONE;
    while (!remaining.isBlank()) {
      if (control.stopRequested()) {
        throw CellError.of("Interrupted", "the cell was interrupted");
      }
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (!info.completeness().isComplete()) {
        throw CellError.of(
            "IncompleteSourceException",
            "the cell ends inside a statement: " + firstLine(remaining.strip()));
      }
      remaining = info.remaining();
      last = evalSnippet(info.source());
    }
    return last;
  }

  private Outcome evalSnippet(String source) throws CellError {
    List<SnippetEvent> events = shell.eval(source);
    if (control.stopRequested()) {
      for (SnippetEvent event : events) {
        if (event.causeSnippet() == null && event.status() != Snippet.Status.REJECTED) {
          forgetIfRunOnce(event.snippet()); // a stopped value would stay as $N too
        }
      }
      throw CellError.of("Interrupted", "the cell was interrupted");
    }
    Outcome outcome = Outcome.NONE;
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) {
        continue; // an update of an earlier snippet this one depends on
      }
      Snippet snippet = event.snippet();
      if (event.status() == Snippet.Status.REJECTED) {
        throw compileError(snippet);
      }
      if (event.exception() != null) {
        CellError error = runtimeError(event.exception(), snippet);
        forgetIfRunOnce(snippet); // a failed value would otherwise stay, as $N, in every later snippet
        throw error;
      }
      Object value = control.takeResult(event.value());
      if (isValueSnippet(snippet)) {
        outcome = new Outcome(true, value);
      }
      forgetIfRunOnce(snippet);
    }
    return outcome;
  }

  /**
   * JShell keeps every expression's value as a variable $N and imports all of them into each later
   * snippet's wrapper class, so every cell compiled slower than the one before. The value has been
   * taken; nothing shows its $N name, so the variable goes, and its class file too. Other
   * expressions and statements ran once and are never compiled against again (JShell imports only
   * declarations): their class files go.
   */
  private void forgetIfRunOnce(Snippet snippet) {
    if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
      shell.drop(snippet);
      replClassFiles.forget(snippet);
    } else if (snippet.kind() == Snippet.Kind.EXPRESSION || snippet.kind() == Snippet.Kind.STATEMENT) {
      replClassFiles.forget(snippet);
    }
  }

  private static boolean isValueSnippet(Snippet snippet) {
    return switch (snippet.kind()) {
      case EXPRESSION -> true;
      case VAR -> snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
      default -> false;
    };
  }

  private CellError compileError(Snippet snippet) {
    List<String> lines = new ArrayList<>();
    String source = snippet.source();
    List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
    for (Diag diag : diags) {
      lines.addAll(span(source, (int) diag.getStartPosition(), (int) diag.getEndPosition()));
      lines.add(diag.getMessage(Locale.ROOT));
    }
    if (diags.isEmpty()) {
      lines.add("rejected: " + firstLine(source.strip()));
    }
    String first = diags.isEmpty() ? lines.get(0) : diags.get(0).getMessage(Locale.ROOT);
    return new CellError("CompilationException", firstLine(first), lines);
  }

  /** The source line holding {@code start}, with a {@code ^---^} marker under the span. */
  static List<String> span(String source, int start, int end) {
    if (start < 0 || start > source.length()) {
      return List.of();
    }
    int lineStart = source.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
    if (start == 0) {
      lineStart = 0;
    }
    int lineEnd = source.indexOf('\n', start);
    if (lineEnd < 0) {
      lineEnd = source.length();
    }
    int markEnd = Math.max(start, Math.min(end < 0 ? start : end, lineEnd) - 1);
    StringBuilder marker = new StringBuilder();
    for (int i = lineStart; i < start; i++) {
      marker.append(source.charAt(i) == '\t' ? '\t' : ' ');
    }
    marker.append('^');
    if (markEnd > start) {
      marker.append("-".repeat(markEnd - start - 1)).append('^');
    }
    return List.of(source.substring(lineStart, lineEnd), marker.toString());
  }

  private CellError runtimeError(JShellException e, Snippet snippet) {
    if (e instanceof UnresolvedReferenceException unresolved) {
      String name = unresolved.getSnippet().toString();
      return CellError.of(
          "UnresolvedReferenceException",
          "a declaration this code uses does not compile: " + firstLine(name));
    }
    Throwable real = control.lastThrown();
    if (real != null) {
      return fromThrowable(real);
    }
    String className = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
    List<String> trace = new ArrayList<>();
    trace.add(className + ": " + e.getMessage());
    for (StackTraceElement frame : e.getStackTrace()) {
      trace.add("\tat " + frame);
    }
    return new CellError(className, String.valueOf(e.getMessage()), trace);
  }

  /** A runtime exception with its stack trace cut where JShell's reflective call begins. */
  static CellError fromThrowable(Throwable thrown) {
    List<String> trace = new ArrayList<>();
    Throwable t = thrown;
    String prefix = "";
    while (t != null) {
      trace.add(prefix + t);
      for (StackTraceElement frame : t.getStackTrace()) {
        String cls = frame.getClassName();
        if (cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.reflect.")) {
          break;
        }
        trace.add("\tat " + (cls.startsWith("REPL.") ? "cell." + frame.getMethodName() + "(cell)" : frame));
      }
      t = t.getCause() == t ? null : t.getCause();
      prefix = "Caused by: ";
    }
    String evalue = thrown.getMessage() == null ? "" : thrown.getMessage();
    return new CellError(thrown.getClass().getName(), evalue, trace);
  }

  /** Whether a client should send the code or wait for more lines: complete, incomplete or invalid. */
  public String isComplete(String code) {
    if (code.startsWith("%")) {
      return "complete";
    }
    String remaining = code;
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
      switch (info.completeness()) {
        case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE:
          return "incomplete";
        case UNKNOWN:
          return "invalid";
        default:
          remaining = info.remaining();
      }
    }
    return "complete";
  }

  /** Completions at {@code cursor} (a char offset into {@code code}). */
  public Completion complete(String code, int cursor) {
    int[] anchor = new int[1];
    List<String> matches =
        shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor).stream()
            .map(SourceCodeAnalysis.Suggestion::continuation)
            .distinct()
            .collect(Collectors.toList());
    return new Completion(matches, matches.isEmpty() ? cursor : anchor[0], cursor);
  }

  /**
   * Signatures and Javadoc of the name at {@code cursor} (a char offset into {@code code}), or an
   * empty string. The cursor may be anywhere in the name.
   */
  public String inspect(String code, int cursor) {
    return shell.sourceCodeAnalysis().documentation(code, documentationAnchor(code, cursor), true).stream()
        .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n" + d.javadoc())
        .collect(Collectors.joining("\n\n"));
  }

  /**
   * Where JShell must be asked about the name at {@code cursor}: JShell documents only the name that
   * ends at its offset, and a method only from inside its argument list ({@code s.length(|)}), while
   * Jupyter sends wherever the cursor is ({@code s.len|gth()}). So: the end of the name, then past
   * a {@code (} that follows it.
   */
  static int documentationAnchor(String code, int cursor) {
    int end = Math.max(0, Math.min(cursor, code.length()));
    while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
      end++;
    }
    int next = end;
    while (next < code.length() && Character.isWhitespace(code.charAt(next))) {
      next++;
    }
    return next < code.length() && code.charAt(next) == '(' ? next + 1 : end;
  }

  /** Stops the running snippet, if any. Safe from any thread. */
  public void interrupt() {
    control.stop();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " ...";
  }

  @Override
  public void close() {
    shell.close();
  }
}
