package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
