package iommulab;

import iommulab.chart.Chart;
import iommulab.chart.PlotlyHtml;
import iommulab.config.ConfigReport;
import iommulab.record.Experiment;
import iommulab.record.RecordException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import tech.tablesaw.plotly.components.Figure;

/**
 * The few entry points notebooks and scripts reach for, each delegating to the library: open a
 * record, copy one to play with, detect this machine's boot configuration, and turn any chart into
 * something a notebook displays. The iommulab kernel imports this package, so cells write
 * {@code Lab.open(...)} directly.
 *
 * <pre>{@code
 * Experiment wiki = Lab.open(NOTEBOOK_DIR.resolve("../datasets/wiki-smmuv3-2021"));
 * Lab.plot(Charts.icicle(StackProfile.fromTable(wiki.table(Tool.STACKCOUNT)), "unmap stack"));
 * }</pre>
 */
public final class Lab {
  private static final long DMESG_TIMEOUT_SECONDS = 10;

  private Lab() {}

  /**
   * Opens a record and refuses one with integrity problems (a raw file whose sha256 no longer
   * matches, a missing file): a notebook should not quietly compute from altered data.
   *
   * @throws RecordException naming every problem
   */
  public static Experiment open(Path dir) throws IOException, RecordException {
    Experiment e = Experiment.open(dir);
    if (!e.problems().isEmpty()) {
      throw new RecordException(dir + ": " + e.problems());
    }
    return e;
  }

  /**
   * Copies a record directory (manifest and raw files, nothing else is followed: symbolic links are
   * refused) to {@code target}, which must not exist, and opens the copy. Use it before annotating a
   * committed dataset.
   */
  public static Experiment copy(Path recordDir, Path target) throws IOException, RecordException {
    Path from = recordDir.toAbsolutePath().normalize();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(target + ": already exists; copy into a new directory");
    }
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(target.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (!attrs.isRegularFile()) {
          throw new IOException(file + ": not a regular file; a record holds only plain files");
        }
        Files.copy(file, target.resolve(from.relativize(file).toString()));
        return FileVisitResult.CONTINUE;
      }
    });
    return open(target);
  }

  /**
   * This machine's boot configuration as {@code iommulab config} shows it: {@code /proc/cmdline},
   * sysfs IOMMU groups, the kernel log's IOMMU lines (when {@code dmesg} may be read) and the derived
   * DMA paths.
   */
  public static ConfigReport detect() throws IOException {
    return ConfigReport.detect(Path.of("/"), kernelLog(), null);
  }

  /**
   * The kernel log as {@code dmesg} prints it, or "" when dmesg is missing, not permitted or slow:
   * the configuration then rests on the command line and sysfs alone.
   */
  public static String kernelLog() {
    try {
      Process p = new ProcessBuilder("dmesg").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!p.waitFor(DMESG_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "";
      }
      return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /**
   * The chart as a tablesaw {@link Figure}, which the iommulab kernel, IJava and the headless runner
   * all display (with plotly.js embedded once per notebook). Charts written as plotly JSON (the
   * icicle, error-bar bars) become a figure whose script draws that JSON.
   */
  public static Figure plot(Chart chart) {
    if (chart instanceof Chart.TablesawFigure f) {
      return f.figure();
    }
    return new JsonFigure(((Chart.PlotlyJson) chart).json());
  }

  /**
   * A figure whose script is plotly JSON rather than tablesaw traces. {@link PlotlyHtml} wraps the
   * script in a function and guards {@code </script>}, as for any tablesaw figure.
   */
  private static final class JsonFigure extends Figure {
    private final String json;

    JsonFigure(String json) {
      this.json = json;
    }

    @Override
    public String asJavascript(String divName) {
      // The same '<' guard as PlotlyHtml.figureHtml(String, ...): inside JSON strings \u003c is '<'.
      return "<script>var fig=" + json.replace("<", "\\u003c")
          + ";Plotly.newPlot(document.getElementById('" + divName
          + "'),fig.data,fig.layout||{},fig.config||{});</script>";
    }
  }
}
