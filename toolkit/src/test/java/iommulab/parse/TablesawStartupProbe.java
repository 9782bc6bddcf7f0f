package iommulab.parse;

import java.io.StringWriter;
import tech.tablesaw.api.Table;

/**
 * Run in a fresh JVM by {@link TablesawStartupTest}: initialises Tablesaw through {@link
 * TablesawStartup} and prints what a caller can observe, one {@code key=value} line each.
 */
final class TablesawStartupProbe {
  private TablesawStartupProbe() {}

  public static void main(String[] args) throws Exception {
    String before = System.getProperty("java.class.path");
    System.out.println("registered=" + String.join(",", TablesawStartup.initialize()));
    System.out.println("classpath_restored=" + before.equals(System.getProperty("java.class.path")));
    System.out.println("csv_reader=" + Table.defaultReaderRegistry.getReaderForExtension("csv").orElseThrow().getClass().getName());
    System.out.println("csv_writer=" + Table.defaultWriterRegistry.getWriterForExtension("csv").getClass().getName());
    Table t = Table.read().csv("a,b\n1,2\n3,4\n", "inline");
    StringWriter csv = new StringWriter();
    t.write().csv(csv);
    System.out.println("csv_round_trip=" + csv.toString().replace("\n", "|"));
  }
}
