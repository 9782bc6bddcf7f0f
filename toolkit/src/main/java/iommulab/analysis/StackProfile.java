package iommulab.analysis;

import iommulab.parse.ParseException;
import iommulab.parse.Stack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Stack samples as distinct paths with counts: the shape of bcc stackcount output, of FlameGraph's
 * folded files and of speedscope's "collapsed stack" import. Immutable.
 *
 * <pre>{@code
 * StackProfile p = StackProfile.fromTable(record.table(Tool.STACKCOUNT));
 * p.filter("arm_smmu_*").frames();           // inclusive and self count per frame
 * p.writeFolded(out);                         // for flamegraph.pl or speedscope
 * }</pre>
 *
 * <p>A {@code -} frame is bcc's separator between the user and kernel halves of a stack
 * ({@code stackcount -d}); it stays in paths but is not counted as a frame.
 */
public final class StackProfile {
  /** bcc's user/kernel delimiter frame. */
  static final String DELIMITER = "-";

  private final Map<String, Long> countOfPath;
  private final long total;

  private StackProfile(Map<String, Long> countOfPath) {
    this.countOfPath = Collections.unmodifiableMap(countOfPath);
    long t = 0;
    for (long c : countOfPath.values()) {
      t += c;
    }
    this.total = t;
  }

  /** A profile of the given folded paths (root first, frames joined by {@code ;}) and counts. */
  public static StackProfile of(Map<String, Long> countOfPath) {
    LinkedHashMap<String, Long> copy = new LinkedHashMap<>();
    countOfPath.forEach((path, count) -> add(copy, path, count));
    return new StackProfile(copy);
  }

  /**
   * All rows of a stackcount table ({@code folded} and {@code count} columns) in one profile:
   * rows repeating a stack (intervals, runs) add up.
   */
  public static StackProfile fromTable(Table stackcount) {
    StringColumn folded = stackcount.stringColumn("folded");
    NumericColumn<?> count = Statistics.numeric(stackcount, "count");
    LinkedHashMap<String, Long> paths = new LinkedHashMap<>();
    for (int r = 0; r < stackcount.rowCount(); r++) {
      if (!count.isMissing(r)) {
        add(paths, folded.get(r), (long) count.getDouble(r));
      }
    }
    return new StackProfile(paths);
  }

  /**
   * The parser's stacks ({@code StackCount.parse(path).stacks()}) in one profile. Paths are folded
   * strings, so a frame that itself contains {@code ;} (Java's {@code Lcom/Foo;::run}) reads as two
   * frames here, as it does in flamegraph.pl.
   */
  public static StackProfile fromStacks(List<Stack> stacks) {
    LinkedHashMap<String, Long> paths = new LinkedHashMap<>();
    for (Stack s : stacks) {
      add(paths, s.folded(), s.count());
    }
    return new StackProfile(paths);
  }

  /** One profile per value of {@code column} (a label or configuration), in order of appearance. */
  public static Map<String, StackProfile> byGroup(Table stackcount, String column) {
    Groups groups = Groups.of(stackcount, List.of(column));
    Map<String, StackProfile> out = new LinkedHashMap<>();
    for (int g = 0; g < groups.count(); g++) {
      int group = g;
      out.put(
          groups.keys.get(g).get(0),
          fromTable(stackcount.where(rowSelection(groups, group))));
    }
    return out;
  }

  /**
   * Reads FlameGraph folded lines, {@code root;frame;...;leaf COUNT}; blank lines are skipped and
   * repeated paths add up.
   */
  public static StackProfile fromFolded(String source, Reader in)
      throws IOException, ParseException {
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
    LinkedHashMap<String, Long> paths = new LinkedHashMap<>();
    String line;
    long lineNumber = 0;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String expected = "'frame;frame;...;frame COUNT'";
      if (space <= 0) {
        throw new ParseException(
            source, lineNumber, line.length() + 1, line, "no sample count", expected);
      }
      String number = line.substring(space + 1);
      long count;
      try {
        count = Long.parseLong(number);
      } catch (NumberFormatException e) {
        throw new ParseException(
            source, lineNumber, space + 2, line, "bad sample count '" + number + "'", expected);
      }
      if (count < 0) {
        throw new ParseException(
            source, lineNumber, space + 2, line, "negative sample count '" + number + "'",
            expected);
      }
      add(paths, line.substring(0, space), count);
    }
    return new StackProfile(paths);
  }

  /** {@link #fromFolded(String, Reader)} over a string. */
  public static StackProfile fromFolded(String folded) throws ParseException {
    try {
      return fromFolded("<folded>", new StringReader(folded));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Distinct paths and their counts, in order of first appearance. */
  public Map<String, Long> paths() {
    return countOfPath;
  }

  /** Samples in all paths. */
  public long total() {
    return total;
  }

  /**
   * Inclusive and self count of every frame, largest inclusive first (ties by name). Frames are
   * interned once and counted in primitive arrays, a stamp per frame avoiding double counting
   * within one recursive stack.
   */
  public List<FrameCount> frames() {
    Map<String, Integer> index = new HashMap<>();
    List<String> names = new ArrayList<>();
    long[] inclusive = new long[16];
    long[] self = new long[16];
    int[] stamp = new int[16];
    int stack = 0;
    for (Map.Entry<String, Long> e : countOfPath.entrySet()) {
      stack++;
      String path = e.getKey();
      long count = e.getValue();
      int start = 0;
      int leaf = -1;
      while (start <= path.length()) {
        int end = path.indexOf(';', start);
        if (end < 0) {
          end = path.length();
        }
        String frame = path.substring(start, end);
        start = end + 1;
        if (frame.equals(DELIMITER)) {
          continue;
        }
        Integer id = index.get(frame);
        if (id == null) {
          id = names.size();
          index.put(frame, id);
          names.add(frame);
          if (id == inclusive.length) {
            inclusive = Arrays.copyOf(inclusive, id * 2);
            self = Arrays.copyOf(self, id * 2);
            stamp = Arrays.copyOf(stamp, id * 2);
          }
        }
        if (stamp[id] != stack) {
          stamp[id] = stack;
          inclusive[id] += count;
        }
        leaf = id;
      }
      if (leaf >= 0) {
        self[leaf] += count;
      }
    }
    List<FrameCount> out = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      out.add(new FrameCount(names.get(i), inclusive[i], self[i]));
    }
    out.sort(
        Comparator.comparingLong(FrameCount::inclusive).reversed()
            .thenComparing(FrameCount::frame));
    return out;
  }

  /** The {@code n} most frequent paths, largest first (ties in order of appearance). */
  public List<StackPath> topPaths(int n) {
    List<StackPath> all = new ArrayList<>(countOfPath.size());
    countOfPath.forEach((path, count) -> all.add(new StackPath(path, count)));
    all.sort(Comparator.comparingLong(StackPath::count).reversed());
    return List.copyOf(all.subList(0, Math.min(n, all.size())));
  }

  /** The paths with at least one frame matching a shell glob such as {@code arm_smmu_*}. */
  public StackProfile filter(String frameGlob) {
    Pattern pattern = Glob.compile(frameGlob);
    LinkedHashMap<String, Long> kept = new LinkedHashMap<>();
    countOfPath.forEach(
        (path, count) -> {
          for (String frame : path.split(";", -1)) {
            if (pattern.matcher(frame).matches()) {
              kept.put(path, count);
              return;
            }
          }
        });
    return new StackProfile(kept);
  }

  /** This profile and {@code other} as one: counts of a path present in both add up. */
  public StackProfile merge(StackProfile other) {
    LinkedHashMap<String, Long> merged = new LinkedHashMap<>(countOfPath);
    other.countOfPath.forEach((path, count) -> add(merged, path, count));
    return new StackProfile(merged);
  }

  /** Every path of either profile with both counts, largest absolute change first. */
  public static StackDiff diff(
      String baselineName, StackProfile baseline, String otherName, StackProfile other) {
    TreeSet<String> all = new TreeSet<>(baseline.countOfPath.keySet());
    all.addAll(other.countOfPath.keySet());
    List<StackDiff.Change> changes = new ArrayList<>(all.size());
    for (String path : all) {
      changes.add(
          new StackDiff.Change(
              path, baseline.countOfPath.getOrDefault(path, 0L),
              other.countOfPath.getOrDefault(path, 0L)));
    }
    changes.sort(
        Comparator.comparingLong((StackDiff.Change c) -> Math.abs(c.delta())).reversed()
            .thenComparing(StackDiff.Change::folded));
    return new StackDiff(baselineName, otherName, baseline.total, other.total, changes);
  }

  /** Writes FlameGraph folded lines, {@code root;...;leaf COUNT}, one per distinct path. */
  public void writeFolded(Appendable out) {
    try {
      for (Map.Entry<String, Long> e : countOfPath.entrySet()) {
        out.append(e.getKey()).append(' ').append(Long.toString(e.getValue())).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folded text {@link #writeFolded} writes. */
  public String toFolded() {
    StringBuilder sb = new StringBuilder();
    writeFolded(sb);
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StackProfile p && p.countOfPath.equals(countOfPath);
  }

  @Override
  public int hashCode() {
    return countOfPath.hashCode();
  }

  @Override
  public String toString() {
    return "StackProfile[" + countOfPath.size() + " paths, " + total + " samples]";
  }

  private static void add(Map<String, Long> paths, String path, long count) {
    paths.merge(path, count, Long::sum);
  }

  private static tech.tablesaw.selection.Selection rowSelection(Groups groups, int group) {
    tech.tablesaw.selection.Selection s = new tech.tablesaw.selection.BitmapBackedSelection();
    for (int r = 0; r < groups.groupOfRow.length; r++) {
      if (groups.groupOfRow[r] == group) {
        s.add(r);
      }
    }
    return s;
  }
}
