package iommulab.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Two stack profiles compared path by path: what a configuration change added or removed.
 *
 * <pre>{@code
 * StackDiff d = StackProfile.diff(strict, lazy);
 * d.paths().get(0);  // the path whose count changed most
 * }</pre>
 *
 * @param baselineName e.g. {@code strict}
 * @param otherName e.g. {@code lazy}
 * @param paths every path of either profile, largest absolute change first
 */
public record StackDiff(
    String baselineName,
    String otherName,
    long baselineTotal,
    long otherTotal,
    List<Change> paths) {

  /** One path's count in both profiles. */
  public record Change(String folded, long baseline, long other) {
    public long delta() {
      return other - baseline;
    }

    public String leaf() {
      return folded.substring(folded.lastIndexOf(';') + 1);
    }
  }

  public StackDiff {
    paths = List.copyOf(paths);
  }

  /**
   * The two-column folded form FlameGraph's {@code difffolded.pl} writes and {@code flamegraph.pl}
   * draws as a differential flame graph: {@code root;...;leaf BASELINE OTHER}.
   */
  public void writeFolded(Appendable out) {
    try {
      for (Change c : paths) {
        out.append(c.folded).append(' ').append(Long.toString(c.baseline)).append(' ')
            .append(Long.toString(c.other)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
