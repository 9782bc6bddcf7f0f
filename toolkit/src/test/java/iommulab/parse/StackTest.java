package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StackTest {
  private static Stack stack(int userStart, String... leafFirst) {
    return new Stack(0, "", Stack.UNKNOWN_PID, 1, List.of(leafFirst), userStart, 1);
  }

  @Test
  void foldedPutsTheDelimiterBetweenUserAndKernelFrames() {
    // frames leaf first: kernel k0 k1, then user u0 u1
    assertEquals("u1;u0;-;k1;k0", stack(2, "k0", "k1", "u0", "u1").folded());
    assertEquals("u1;u0;k1;k0", stack(Stack.NOT_DELIMITED, "k0", "k1", "u0", "u1").folded());
  }

  @Test
  void delimiterAtTheEdgesAsBccPrintsIt() {
    assertEquals("-;k1;k0", stack(2, "k0", "k1").folded()); // no user frames
    assertEquals("u1;u0;-", stack(0, "u0", "u1").folded()); // no kernel frames
    assertEquals("-", stack(0).folded());
    assertEquals("", stack(Stack.NOT_DELIMITED).folded());
  }

  @Test
  void leafRootDepthAndPid() {
    Stack s = stack(Stack.NOT_DELIMITED, "leaf", "mid", "root");
    assertEquals("leaf", s.leaf());
    assertEquals("root", s.root());
    assertEquals(3, s.depth());
    assertFalse(s.hasPid());
    assertFalse(s.delimited());
    assertTrue(stack(1, "a", "b").delimited());
    assertEquals("", stack(Stack.NOT_DELIMITED).leaf());
  }

  @Test
  void userStartOutsideTheFramesIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stack(3, "a", "b"));
    assertEquals("userStart 3 outside 0..2 (or -1 when not delimited)", e.getMessage());
  }
}
