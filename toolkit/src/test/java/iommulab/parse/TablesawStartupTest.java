package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import iommulab.kernel.Classpath;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tech.tablesaw.io.DataReader;
import tech.tablesaw.io.DataWriter;

class TablesawStartupTest {

  /** What Tablesaw's own static initialiser finds with its ClassGraph scan, on this class path. */
  private static List<String> scannedByTablesaw() {
    try (ScanResult r = new ClassGraph().enableAllInfo().acceptPackages("tech.tablesaw.io").scan()) {
      List<String> names = new ArrayList<>(r.getClassesImplementing(DataReader.class).getNames());
      names.addAll(r.getClassesImplementing(DataWriter.class).getNames());
      names.sort(null);
      return names;
    }
  }

  private static Map<String, String> probe() throws IOException, InterruptedException {
    String cp = String.join(File.pathSeparator, Classpath.entries(System.getProperty("java.class.path")));
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, TablesawStartupProbe.class.getName())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("probe did not finish in 60 s: " + out);
    }
    assertEquals(0, p.exitValue(), out);
    Map<String, String> facts = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        facts.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return facts;
  }

  @Test
  void freshJvmRegistersExactlyWhatTablesawsScanFindsAndRestoresTheClassPath() throws Exception {
    Map<String, String> facts = probe();
    assertEquals(String.join(",", scannedByTablesaw()), facts.get("registered"));
    assertEquals("true", facts.get("classpath_restored"));
    assertEquals("tech.tablesaw.io.csv.CsvReader", facts.get("csv_reader"));
    assertEquals("tech.tablesaw.io.csv.CsvWriter", facts.get("csv_writer"));
    assertEquals("a,b|1,2|3,4|", facts.get("csv_round_trip"));
  }

  @Test
  void secondCallReturnsTheSameAnswerAndLeavesTheClassPathAlone() {
    String before = System.getProperty("java.class.path");
    List<String> first = TablesawStartup.initialize();
    assertEquals(first, TablesawStartup.initialize());
    assertEquals(before, System.getProperty("java.class.path"));
  }
}
