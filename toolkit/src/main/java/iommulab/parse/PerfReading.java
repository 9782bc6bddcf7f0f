package iommulab.parse;

/**
 * One counter reading as the record parsers found it, before it becomes a table row. A single
 * instance is reused for every line; text fields are ranges into a {@code char[]} (usually the
 * LineReader's buffer, valid only until the next line).
 */
final class PerfReading {
  static final byte COUNTED = 0;
  static final byte NOT_COUNTED = 1;
  static final byte NOT_SUPPORTED = 2;

  /** NaN when the line has no {@code -I} timestamp. */
  double intervalSeconds;
  /** True for CSV {@code summary} rows of {@code -I --summary}: a reading without a timestamp. */
  boolean summaryRow;
  char[] aggrBuf;
  int aggrStart;
  int aggrEnd;
  int aggrCpus;
  double value;
  char[] unitBuf;
  int unitStart;
  int unitEnd;
  char[] eventBuf;
  int eventStart;
  int eventEnd;
  byte status;
  float runPct;
  float variancePct;
  float metricValue;
  char[] metricUnitBuf;
  int metricUnitStart;
  int metricUnitEnd;
  /** Text after the event that no rule explains (the reference page's {@code <--- compared with}). */
  String note;

  void reset(char[] line) {
    intervalSeconds = Double.NaN;
    summaryRow = false;
    aggrBuf = line;
    aggrStart = 0;
    aggrEnd = 0;
    aggrCpus = PerfColumns.MISSING_INT;
    value = Double.NaN;
    unitBuf = line;
    unitStart = 0;
    unitEnd = 0;
    eventBuf = line;
    eventStart = 0;
    eventEnd = 0;
    status = COUNTED;
    runPct = 100f;
    variancePct = Float.NaN;
    metricValue = Float.NaN;
    metricUnitBuf = line;
    metricUnitStart = 0;
    metricUnitEnd = 0;
    note = null;
  }
}
