package iommulab.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The value lines of {@code perf stat --metric-only} and the titles that name them. perf prints the
 * metric units once as titles, then each aggregate's (or interval's) metrics on one line without
 * their units: in the human form right-aligned under the titles ({@code "%*s "}, a unit wider than the
 * column pushes the later titles right), under {@code -x SEP} as fields in the titles' order. A value
 * line is read only once titles were seen; without them nothing says what its numbers are.
 */
final class PerfMetricOnly {
  /** The human titles line, and where its units start (after {@code #  time} and the aggregate's title). */
  private String humanTitles;
  /** The units of the CSV titles line, in order. */
  private List<String> csvUnits;
  private char csvSeparator;
  /** Whether the CSV titles began with {@code time} (-I) and an aggregate's ({@code cpu}, {@code core,cpus}). */
  private boolean csvTime;
  private boolean csvAggregate;

  final List<String> units = new ArrayList<>();
  final List<Float> values = new ArrayList<>();
  /**
   * The last value line read was a CSV one under titles with neither {@code time} nor an aggregate:
   * the shape a workload's {@code x,y,} / {@code 1,2,} has too, so only the rest of the run tells.
   */
  boolean bare;

  /** {@code #           time       insn per cycle} (-I) or the line under the header without -I. */
  void humanTitles(String line) {
    humanTitles = line;
  }

  /**
   * {@code insn per cycle,stalled cycles per insn,} or with its leading {@code time,} and aggregate
   * titles ({@code cpu,}, {@code core,cpus,}), each ended by the separator.
   */
  void csvTitles(String line) {
    char sep = line.charAt(line.length() - 1);
    csvSeparator = sep;
    List<String> fields = fields(line.substring(0, line.length() - 1).strip(), sep);
    csvTime = !fields.isEmpty() && fields.get(0).strip().equals("time");
    csvAggregate = false;
    while (!fields.isEmpty() && isLeadingTitle(fields.get(0).strip())) {
      csvAggregate |= !fields.get(0).strip().equals("time");
      fields.remove(0);
    }
    csvUnits = fields.stream().map(String::strip).toList();
  }

  private static boolean isLeadingTitle(String field) {
    return switch (field) {
      case "time", "cpu", "core", "cpus", "die", "socket", "node", "cache", "cluster", "comm-pid" -> true;
      default -> false;
    };
  }

  /** The fields of {@code text} between the separators, empty ones included. */
  private static List<String> fields(String text, char sep) {
    List<String> fields = new ArrayList<>();
    int from = 0;
    for (int at = text.indexOf(sep); at >= 0; at = text.indexOf(sep, from)) {
      fields.add(text.substring(from, at));
      from = at + 1;
    }
    fields.add(text.substring(from));
    return fields;
  }

  /** Whether a line without numbers could be the human titles: words, no counter, nothing numeric. */
  static boolean looksLikeHumanTitles(String line) {
    String text = line.strip();
    return !text.isEmpty() && !Character.isDigit(text.charAt(0)) && text.chars().anyMatch(Character::isLetter);
  }

  /**
   * Reads {@code [TIME] [AGGR [CPUS]] V V ...} under the human titles: fills the interval and
   * aggregate of {@code r} and {@link #units}/{@link #values}. False, with {@code r} to be reset, when
   * there are no titles or the line is not such a line.
   */
  boolean humanValues(char[] b, int s, int e, PerfReading r) {
    if (humanTitles == null) {
      return false;
    }
    bare = false;
    int p = PerfHumanLine.skipSpaces(b, s, e);
    int t = PerfHumanLine.tokenEnd(b, p, e);
    if (PerfNumbers.isIntervalTimestamp(b, p, t)) {
      r.intervalSeconds = PerfNumbers.parse(b, p, t, false);
      p = PerfHumanLine.skipSpaces(b, t, e);
      t = PerfHumanLine.tokenEnd(b, p, e);
    }
    if (p < e && PerfAggr.isCpuOrTopology(b, p, t)) {
      r.aggrStart = p;
      r.aggrEnd = t;
      boolean topology = PerfAggr.isTopology(b, p, t);
      p = PerfHumanLine.skipSpaces(b, t, e);
      t = PerfHumanLine.tokenEnd(b, p, e);
      if (topology) {
        long cpus = PerfNumbers.parseUnsignedLong(b, p, t);
        if (cpus < 0 || cpus > Integer.MAX_VALUE) {
          return false;
        }
        r.aggrCpus = (int) cpus;
        p = PerfHumanLine.skipSpaces(b, t, e);
      }
    }
    if (Double.isNaN(r.intervalSeconds) && humanTitles.startsWith("#")) {
      return false; // under -I titles every value line starts with its timestamp
    }
    int prefixEnd = r.aggrEnd > 0 || !Double.isNaN(r.intervalSeconds) ? columnAfterPrefix(b, s, p) : 0;
    List<Integer> valueEnds = new ArrayList<>();
    values.clear();
    while (p < e) {
      t = PerfHumanLine.tokenEnd(b, p, e);
      if (!PerfNumbers.looksNumeric(b, p, t)) {
        return false;
      }
      values.add((float) PerfNumbers.parse(b, p, t, false));
      valueEnds.add(t - s);
      p = PerfHumanLine.skipSpaces(b, t, e);
    }
    return !values.isEmpty() && unitsByColumn(prefixEnd, valueEnds);
  }

  /** The column where the values start: just after the last prefix token. */
  private static int columnAfterPrefix(char[] b, int s, int p) {
    int q = p;
    while (q > s && b[q - 1] == ' ') {
      q--;
    }
    return q - s;
  }

  /**
   * Each value's unit: the title text ending at the word end nearest to where the value ends, carrying
   * the drift of the columns before (a unit wider than perf's column moves the titles right of it).
   */
  private boolean unitsByColumn(int from, List<Integer> valueEnds) {
    String title = humanTitles;
    List<Integer> wordEnds = new ArrayList<>();
    for (int i = Math.max(from, 1); i <= title.length(); i++) {
      if (title.charAt(i - 1) != ' ' && (i == title.length() || title.charAt(i) == ' ')) {
        wordEnds.add(i);
      }
    }
    units.clear();
    int start = Math.min(from, title.length());
    int drift = 0;
    int next = 0;
    for (int end : valueEnds) {
      int best = -1;
      for (int w = next; w < wordEnds.size(); w++) {
        if (best < 0 || Math.abs(wordEnds.get(w) - (end + drift)) < Math.abs(wordEnds.get(best) - (end + drift))) {
          best = w;
        }
      }
      if (best < 0 || Math.abs(wordEnds.get(best) - (end + drift)) > 2) {
        units.clear();
        return false; // the titles do not fit this line
      }
      int unitEnd = wordEnds.get(best);
      units.add(title.substring(start, unitEnd).strip());
      drift = unitEnd - end;
      start = unitEnd;
      next = best + 1;
    }
    return true;
  }

  /**
   * Reads {@code [TIME,][AGGR,[CPUS,]]V,V,...} under the CSV titles; false when there are none or the
   * fields do not match them.
   */
  boolean csvValues(char[] b, int s, int e, PerfReading r) {
    if (csvUnits == null || csvUnits.isEmpty() || PerfHumanLine.indexOf(b, s, e, csvSeparator) < 0) {
      return false;
    }
    char sep = csvSeparator;
    List<String> fields = fields(new String(b, s, e - s).strip(), sep);
    if (!fields.isEmpty() && fields.get(fields.size() - 1).isEmpty()) {
      fields.remove(fields.size() - 1);
    }
    int f = 0;
    if (f < fields.size()) {
      char[] c = fields.get(f).toCharArray();
      if (PerfNumbers.isIntervalTimestamp(c, 0, c.length)) {
        r.intervalSeconds = PerfNumbers.parse(c, 0, c.length, false);
        f++;
      }
    }
    String aggr = null;
    if (f < fields.size()) {
      char[] c = fields.get(f).toCharArray();
      if (PerfAggr.isCpuOrTopology(c, 0, c.length)) {
        aggr = fields.get(f++);
        if (PerfAggr.isTopology(c, 0, c.length) && f < fields.size()) {
          f++; // the number of CPUs: kept below
        }
      }
    }
    if (fields.size() - f != csvUnits.size() || csvTime == Double.isNaN(r.intervalSeconds)
        || csvAggregate != (aggr != null)) {
      return false; // the values' timestamp and aggregate must be where the titles said
    }
    units.clear();
    values.clear();
    for (int i = f; i < fields.size(); i++) {
      String v = fields.get(i).strip();
      if (v.isEmpty()) {
        continue; // perf leaves a metric it could not compute empty
      }
      char[] c = v.toCharArray();
      if (!PerfNumbers.looksNumeric(c, 0, c.length)) {
        return false;
      }
      values.add((float) PerfNumbers.parse(c, 0, c.length, false));
      units.add(csvUnits.get(i - f));
    }
    if (aggr != null) {
      r.aggrBuf = aggr.toCharArray();
      r.aggrStart = 0;
      r.aggrEnd = aggr.length();
      if (PerfAggr.isTopology(r.aggrBuf, 0, r.aggrEnd)) {
        r.aggrCpus = (int) Math.min(Integer.MAX_VALUE, Math.max(0,
            PerfNumbers.parseUnsignedLong(fields.get(f - 1).toCharArray(), 0, fields.get(f - 1).length())));
      }
    }
    bare = !csvTime && !csvAggregate;
    return !values.isEmpty();
  }

  /** Whether a line could be the CSV titles: ends with a separator, no field is a number. */
  static boolean looksLikeCsvTitles(String line) {
    if (line.isEmpty() || !PerfLineKind.isCsvSeparator(line.charAt(line.length() - 1))) {
      return false;
    }
    for (String field : fields(line.substring(0, line.length() - 1), line.charAt(line.length() - 1))) {
      String f = field.strip();
      if (f.isEmpty() || Character.isDigit(f.charAt(0))) {
        return false;
      }
    }
    return true;
  }

  boolean hasTitles() {
    return humanTitles != null || csvUnits != null && !csvUnits.isEmpty();
  }

  /** Forgets the titles: a new run ({@code # started on}) prints its own. */
  void clear() {
    humanTitles = null;
    csvUnits = null;
  }

  String humanTitles() {
    return humanTitles;
  }

  List<String> csvUnits() {
    return csvUnits;
  }

  char csvSeparator() {
    return csvSeparator;
  }

  /** Restores titles saved with {@link #humanTitles()}, {@link #csvUnits()}, {@link #csvSeparator()}. */
  void restore(String human, List<String> csv, char separator) {
    humanTitles = human;
    csvUnits = csv;
    csvSeparator = separator;
  }
}
