package iommulab.parse;

import java.util.List;

/**
 * The facts of one {@code Performance counter stats} block (or one {@code -o} file section, or the
 * header-less stream of {@code -I}/{@code -x}/{@code -j} output), numbered from 0 like the table's
 * {@code run} column. Absent values are null.
 *
 * @param index the block number, 0-based
 * @param target what perf measured: the command ({@code sleep 1}), {@code system wide},
 *     {@code process id '1'}; quotes removed, lines of a multi-line command joined by {@code \n}
 * @param repeats N of {@code (N runs)} for {@code -r N}
 * @param startedOn the date of an {@code -o} file's {@code # started on} line
 * @param elapsedSeconds {@code seconds time elapsed} (the mean with -r; 2009's msecs converted)
 * @param elapsedStddevSeconds the {@code +- S} of {@code -r}
 * @param elapsedVariancePct the {@code ( +- P% )} of the elapsed line under -r
 * @param userSeconds {@code seconds user}
 * @param sysSeconds {@code seconds sys}
 * @param runElapsedSeconds the per-run times of {@code -r --table}
 * @param firstLine 1-based line where the block starts
 * @param rows table rows of this block
 */
public record PerfRun(
    int index,
    String target,
    Integer repeats,
    String startedOn,
    Double elapsedSeconds,
    Double elapsedStddevSeconds,
    Double elapsedVariancePct,
    Double userSeconds,
    Double sysSeconds,
    List<Double> runElapsedSeconds,
    long firstLine,
    int rows) {
  public PerfRun {
    runElapsedSeconds = List.copyOf(runElapsedSeconds);
  }
}
