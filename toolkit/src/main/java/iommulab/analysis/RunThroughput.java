package iommulab.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One throughput per run from a qemu-io table that holds many reports per run (a run of many
 * {@code -c 'read OFF LEN'} commands): the bytes the run read over the time its reads took. Each
 * report's time is its bytes over its printed rate, not its printed seconds: qemu-io prints elapsed
 * time with two decimals, so a 4 KiB read shows {@code 00.00 sec}, while the rate is computed from the
 * unrounded time. Summing those times weights every report by its size (a harmonic mean of rates).
 *
 * <pre>{@code
 * Table runs = RunThroughput.of(record.table(Tool.QEMU_IO), "target", "block_size_bytes");
 * // run_id, target, block_size_bytes, reports, missing_reports, bytes, busy_s, bytes_per_second
 * }</pre>
 */
public final class RunThroughput {
  private RunThroughput() {}

  /**
   * One row per {@code run_id}, in order of first appearance, with the first row's value of each
   * {@code keyColumns} column. Reports without a byte count or rate (qemu-io printed a timing it could
   * not measure) are counted in {@code missing_reports}, not dropped unseen; a run with no measured
   * report has no {@code bytes_per_second}.
   */
  public static Table of(Table qemuIo, String... keyColumns) {
    Column<?> runId = qemuIo.column("run_id");
    NumericColumn<?> bytes = Statistics.numeric(qemuIo, "bytes");
    NumericColumn<?> rate = Statistics.numeric(qemuIo, "bytes_per_second");
    List<Column<?>> keys = new ArrayList<>();
    for (String k : keyColumns) {
      keys.add(qemuIo.column(k));
    }
    Map<String, Acc> runs = new LinkedHashMap<>();
    for (int r = 0; r < qemuIo.rowCount(); r++) {
      int row = r;
      Acc acc = runs.computeIfAbsent(runId.getString(r), id -> new Acc(keyValues(keys, row)));
      if (bytes.isMissing(r) || rate.isMissing(r) || rate.getDouble(r) <= 0) {
        acc.missing++;
        continue;
      }
      acc.reports++;
      acc.bytes += bytes.getDouble(r);
      acc.seconds += bytes.getDouble(r) / rate.getDouble(r);
    }

    StringColumn runOut = StringColumn.create("run_id");
    List<StringColumn> keyOut = new ArrayList<>();
    for (String k : keyColumns) {
      keyOut.add(StringColumn.create(k));
    }
    IntColumn reports = IntColumn.create("reports");
    IntColumn missing = IntColumn.create("missing_reports");
    DoubleColumn bytesOut = DoubleColumn.create("bytes");
    DoubleColumn busy = DoubleColumn.create("busy_s");
    DoubleColumn perSecond = DoubleColumn.create("bytes_per_second");
    runs.forEach((id, acc) -> {
      runOut.append(id);
      for (int k = 0; k < keyOut.size(); k++) {
        keyOut.get(k).append(acc.keys.get(k));
      }
      reports.append(acc.reports);
      missing.append(acc.missing);
      bytesOut.append(acc.bytes);
      busy.append(acc.seconds);
      if (acc.reports == 0) {
        perSecond.appendMissing();
      } else {
        perSecond.append(acc.bytes / acc.seconds);
      }
    });
    Table out = Table.create("throughput per run", runOut);
    keyOut.forEach(out::addColumns);
    return out.addColumns(reports, missing, bytesOut, busy, perSecond);
  }

  private static List<String> keyValues(List<Column<?>> keys, int row) {
    List<String> values = new ArrayList<>(keys.size());
    for (Column<?> c : keys) {
      values.add(c.isMissing(row) ? "" : c.getString(row));
    }
    return values;
  }

  /** Running sums for one run. */
  private static final class Acc {
    final List<String> keys;
    int reports;
    int missing;
    double bytes;
    double seconds;

    Acc(List<String> keys) {
      this.keys = keys;
    }
  }
}
