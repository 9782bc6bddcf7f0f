import iommulab.kernel.Evaluator;
import java.util.List;

/**
 * How a cell's cost grows with the declarations a session already holds. JShell keeps every
 * declaration as its own wrapper class and imports all of them into each later snippet.
 *
 * <p>Run from the project root, after {@code mvn -q -DskipTests package}:
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp toolkit/target/iommulab.jar toolkit/bench/KernelDeclarations.java
 * </pre>
 *
 * <p>These are the kernel's JVM options. The program evaluates in-process, without start-up
 * imports. It warms up with 50 cells, then declares variables up to each count and times 20 cells
 * of the 100-cell benchmark's shape ({@code int xN = N; xN * 2}). It prints the mean milliseconds
 * per cell at each count.
 */
public class KernelDeclarations {
  public static void main(String[] args) throws Exception {
    try (Evaluator ev = Evaluator.create(List.of())) {
      for (int i = 0; i < 50; i++) {
        ev.eval("int warm" + i + " = 1;\nwarm" + i + " * 2");
      }
      int declared = 50;
      for (int target : new int[] {100, 200, 400, 800}) {
        while (declared < target) {
          ev.eval("int v" + declared + " = 1;");
          declared++;
        }
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
          String name = "m" + target + "_" + i;
          ev.eval("int " + name + " = " + i + ";\n" + name + " * 2");
        }
        declared += 20;
        System.out.printf("%d declarations before: %.1f ms per cell (a declaration and an expression)%n",
            target, (System.nanoTime() - start) / 1e6 / 20);
      }
    }
  }
}
