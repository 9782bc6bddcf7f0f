package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.Snippet;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  private static List<String> kept(Evaluator ev) {
    return ev.keptSnippets().map(s -> s.kind() + ":" + s.subKind() + ":" + s.source().strip())
        .collect(Collectors.toList());
  }

  @Test
  void expressionValuesAreReturnedButNotKeptAsDollarVariables() throws CellError {
    try (Evaluator ev = Evaluator.create(List.of())) {
      assertEquals(2, ev.eval("1 + 1").value());
      assertEquals("ab", ev.eval("\"a\" + \"b\"").value());
      assertEquals(7, ev.eval("int a = 3;\na + 4").value());
      assertEquals(
          List.of("VAR:VAR_DECLARATION_WITH_INITIALIZER_SUBKIND:int a = 3;"), kept(ev));
      assertEquals(9, ev.eval("a * 3").value());
      // JShell would have called the first value $1; it is gone, and says so as a compile error.
      CellError e = assertThrows(CellError.class, () -> ev.eval("$1 + 1"));
      assertEquals("CompilationException", e.ename());
      // a value that fails to compute goes too, not only one that succeeds
      CellError thrown = assertThrows(CellError.class, () -> ev.eval("Integer.parseInt(\"x\")"));
      assertEquals("java.lang.NumberFormatException", thrown.ename());
      assertEquals(
          List.of("VAR:VAR_DECLARATION_WITH_INITIALIZER_SUBKIND:int a = 3;"), kept(ev));
    }
  }

  @Test
  void declarationsAndTheirValuesStay() throws CellError {
    try (Evaluator ev = Evaluator.create(List.of("import java.util.*;"))) {
      ev.eval("List<Integer> xs = new ArrayList<>();\nxs.add(5);\nint twice(int v) { return 2 * v; }");
      assertEquals(10, ev.eval("twice(xs.get(0))").value());
      assertEquals(
          List.of(Snippet.Kind.IMPORT, Snippet.Kind.VAR, Snippet.Kind.METHOD),
          ev.keptSnippets().map(Snippet::kind).collect(Collectors.toList()));
    }
  }

  @Test
  void cellsThatRunOnceLeaveNoClassFilesBehind() throws CellError {
    // Surefire opens jdk.jshell as the kernel's launcher does; without that the count would be -1.
    try (Evaluator ev = Evaluator.create(List.of("import java.util.*;"))) {
      assertTrue(ev.replClassFiles().active(), "jdk.jshell is opened to the evaluator");
      ev.eval("int base = 40;\nint plus(int v) { return base + v; }\nclass Box { int v = 1; }\n"
          + "List<Integer> xs = new ArrayList<>();");
      ev.eval("1 + 1");
      int before = ev.replClassFiles().size();
      for (int i = 0; i < 30; i++) {
        assertEquals(i + 2, ev.eval(i + " + 2").value()); // a value, dropped
        ev.eval("xs.add(" + i + ");\nfor (int k = 0; k < 2; k++) { base += 0; }"); // statements
        ev.eval("base"); // a variable's value
        ev.eval("base = 40"); // an assignment
      }
      assertEquals(before, ev.replClassFiles().size(), "120 cells that run once added no class files");
      // the declarations' classes are still there for the compiler, nested class included
      assertEquals(42, ev.eval("plus(2)").value());
      assertEquals(1, ev.eval("new Box().v").value());
      assertEquals(30, ev.eval("xs.size()").value());
      ev.eval("int later = plus(new Box().v);");
      assertEquals(before + 1, ev.replClassFiles().size(), "a declaration keeps its class file");
      // redefining what the statements used: JShell recompiles declarations only, and they work
      ev.eval("int plus(int v) { return base - v; }");
      ev.eval("xs.add(plus(1));");
      assertEquals(39, ev.eval("xs.get(30)").value());
      assertEquals(41, ev.eval("later").value());
    }
  }

  @Test
  void anInterruptedValueIsNotKeptEither() throws Exception {
    try (Evaluator ev = Evaluator.create(List.of())) {
      ev.eval("int a = 3;");
      int before = ev.replClassFiles().size();
      CellError[] stopped = new CellError[1];
      Thread cell = new Thread(() -> {
        try {
          ev.eval("new java.util.concurrent.CountDownLatch(1).await(60, java.util.concurrent.TimeUnit.SECONDS)");
        } catch (CellError e) {
          stopped[0] = e;
        }
      });
      cell.start();
      Thread.sleep(1500); // compiled and waiting
      ev.interrupt();
      cell.join(10_000);
      assertEquals("Interrupted", stopped[0].ename());
      assertEquals(List.of("VAR:VAR_DECLARATION_WITH_INITIALIZER_SUBKIND:int a = 3;"), kept(ev));
      assertEquals(before, ev.replClassFiles().size());
      assertEquals(4, ev.eval("a + 1").value());
    }
  }
}
