package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionTest {
  static Session session;

  @BeforeAll
  static void start() {
    session = Session.start(Path.of("."));
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  static RecordingOutput run(String code) {
    RecordingOutput out = new RecordingOutput();
    session.execute(code, out);
    return out;
  }

  @Test
  void expressionValueIsTheResult() {
    RecordingOutput out = run("int x = 20;\nx + 22");
    assertEquals(List.of("result:42"), out.events);
  }

  @Test
  void statementsHaveNoResult() {
    assertEquals(List.of(), run("int y = 3;").events);
    assertEquals(List.of(), run("void f() {}\nf();").events);
  }

  @Test
  void printedTextComesBeforeDisplayAndResultInOrder() {
    RecordingOutput out = run("System.out.println(\"a\");\ndisplay(\"shown\");\nSystem.out.print(\"b\");\n7");
    assertEquals(List.of("stdout:a\n", "display", "stdout:b", "result:7"), out.events);
    assertEquals("shown", out.displays.get(0).get("text/plain"));
  }

  @Test
  void compileErrorShowsTheSpan() {
    RecordingOutput out = run("int z = \"text\";");
    assertEquals("CompilationException", out.ename);
    assertEquals(
        List.of(
            "int z = \"text\";",
            "        ^----^",
            "incompatible types: java.lang.String cannot be converted to int"),
        out.traceback);
  }

  @Test
  void runtimeExceptionHasATrimmedTrace() {
    RecordingOutput out = run("int zero = 0;\nint boom() { return 1 / zero; }\nboom()");
    assertEquals("java.lang.ArithmeticException", out.ename);
    assertEquals("/ by zero", out.evalue);
    assertEquals("java.lang.ArithmeticException: / by zero", out.traceback.get(0));
    assertTrue(out.traceback.stream().noneMatch(l -> l.contains("reflect")), out.traceback.toString());
    assertTrue(out.traceback.contains("\tat cell.boom(cell)"), out.traceback.toString());
  }

  @Test
  void tablesRenderAsEscapedHtmlWithTextFallback() {
    RecordingOutput out =
        run("Table t = Table.create(\"t\", StringColumn.create(\"name\", \"<a>\", \"b\"));\nt");
    String html = (String) out.result.get("text/html");
    assertTrue(html.contains("<td>&lt;a&gt;</td>"), html);
    assertTrue(html.contains("2 rows × 1 columns"), html);
    assertTrue(((String) out.result.get("text/plain")).contains("<a>"));
  }

  @Test
  void tableRowLimitIsApplied() {
    RecordingOutput out = run("Table.create(\"n\", IntColumn.indexColumn(\"i\", 120, 0))");
    String html = (String) out.result.get("text/html");
    assertTrue(html.contains("<td>49</td>"), html);
    assertFalse(html.contains("<td>50</td>"), html);
    assertTrue(html.contains("70 more rows not shown"), html);
  }

  @Test
  void unknownMagicIsAClearError() {
    RecordingOutput out = run("%nosuch 1");
    assertEquals("UsageError", out.ename);
    assertEquals("unknown magic %nosuch; %lsmagic lists the magics", out.evalue);
    assertEquals("unknown magic %%nosuch; %lsmagic lists the magics", run("%%nosuch\nx").evalue);
  }

  @Test
  void lineMagicsRunBetweenJavaCode() {
    RecordingOutput out = run("System.out.println(\"before\");\n%lsmagic\nSystem.out.println(\"after\");");
    String text = out.events.get(0);
    assertTrue(text.startsWith("stdout:before\nLine magics:"), text);
    assertTrue(text.endsWith("after\n"), text);
  }

  @Test
  void timeMagicPrintsWallTimeAndKeepsTheValue() {
    RecordingOutput out = run("%%time\n6 * 7");
    assertTrue(out.events.get(0).matches("stdout:Wall time: \\d+\\.\\d ms\n"), out.events.toString());
    assertEquals("result:42", out.events.get(1));
  }

  @Test
  void incompleteCodeIsReported() {
    assertEquals("incomplete", session.evaluator().isComplete("for (int i = 0; i < 3; i++) {"));
    assertEquals("complete", session.evaluator().isComplete("int q = 1;"));
    assertEquals("IncompleteSourceException", run("if (true) {").ename);
  }

  @Test
  void completionFindsMembers() {
    Evaluator.Completion c = session.evaluator().complete("String s = \"\"; s.toUpp", 22);
    assertEquals(List.of("toUpperCase("), c.matches());
    assertEquals(17, c.start());
  }

  @Test
  void inspectionFindsTheNameWhereverTheCursorIsInIt() {
    String code = "String s = \"\"; s.length()";
    // 17: before 'l', 20: inside, 23: after the name, 24: inside the parentheses
    for (int cursor : new int[] {17, 20, 23, 24}) {
      assertEquals("int String.length()", session.evaluator().inspect(code, cursor).lines().findFirst().orElse(""),
          "cursor " + cursor);
    }
    assertEquals("", session.evaluator().inspect(code, code.length()), "after the call");
    assertEquals("", session.evaluator().inspect("1 + 1", 5), "a literal");
    assertTrue(session.evaluator().inspect("System.out", 8).startsWith("System.out:java.io.PrintStream"));
  }

  @Test
  void readingStdinEndsAtOnce() {
    assertEquals(List.of("result:-1"), run("System.in.read()").events);
  }

  @Test
  void notebookDirIsBound() {
    assertEquals("result:true", run("NOTEBOOK_DIR.isAbsolute()").events.get(0));
  }

  @Test
  void chartsRenderAsPlotlyWithTheLibraryAtMostOnce() {
    String make =
        "Charts.throughputByConfiguration(List.of("
            + "Statistics.summarize(List.of(\"strict\"), \"bytes_per_second\", new double[] {1e8, 1.1e8}),"
            + "Statistics.summarize(List.of(\"lazy\"), \"bytes_per_second\", new double[] {2e9, 2.1e9})))";
    RecordingOutput first = run(make);
    RecordingOutput second = run(make);
    String html = (String) second.result.get("text/html");
    assertTrue(html.contains("Plotly.newPlot"), html);
    assertFalse(html.contains("(function(define)"), "plotly.js is embedded again in the second chart");
    assertTrue(((String) first.result.get("text/plain")).startsWith("chart: "), first.result.toString());
  }

  @Test
  void measuredValuesShowSixSignificantDigitsWithTheExactValueAsTooltip() {
    RecordingOutput out = run(
        "Table.create(\"r\", DoubleColumn.create(\"MiB_per_s\", 12.672395637265595, 150.337, 2.0))");
    String html = (String) out.result.get("text/html");
    assertTrue(html.contains("<td title=\"12.672395637265595\">12.6724</td>"), html);
    assertTrue(html.contains("<td>150.337</td>"), html);
    assertTrue(html.contains("<td>2</td>") || html.contains("<td>2.0</td>"), html);
  }
}
