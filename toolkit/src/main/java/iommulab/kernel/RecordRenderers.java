package iommulab.kernel;

import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import iommulab.config.BootConfig;
import iommulab.record.Experiment;
import iommulab.record.Manifest;
import iommulab.record.Run;
import java.util.Locale;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Readable summaries of records ({@link Experiment}) and boot configurations ({@link BootConfig}). */
final class RecordRenderers {
  private RecordRenderers() {}

  static void register(Renderer renderer) {
    renderer.createRegistration(Experiment.class)
        .preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_PLAIN)
        .register((record, ctx) -> {
          ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> html(headline(record.manifest()), runs(record.manifest())));
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN,
              () -> headline(record.manifest()) + "\n" + HtmlTable.text(runs(record.manifest()), Renderers.TABLE_ROW_LIMIT));
        });
    renderer.createRegistration(BootConfig.class)
        .preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_PLAIN)
        .register((boot, ctx) -> {
          String head = "kernel command line: " + boot.cmdline()
              + (boot.problems().isEmpty() ? "" : "\nproblems: " + boot.problems());
          ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> html(head, settings(boot)));
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN,
              () -> head + "\n" + HtmlTable.text(settings(boot), Renderers.TABLE_ROW_LIMIT));
        });
  }

  private static String html(String head, Table table) {
    return "<div class=\"iommulab-record\"><pre>" + HtmlTable.escape(head) + "</pre>"
        + HtmlTable.html(table, Renderers.TABLE_ROW_LIMIT) + "</div>";
  }

  static String headline(Manifest m) {
    StringBuilder sb = new StringBuilder();
    sb.append("record ").append(m.id());
    if (!m.title().isEmpty()) {
      sb.append(": ").append(m.title());
    }
    sb.append('\n').append(m.runs().size()).append(" runs, ").append(m.annotations().size())
        .append(" annotations, created ").append(m.created());
    if (!m.authors().isEmpty()) {
      sb.append(" by ").append(String.join(", ", m.authors()));
    }
    if (m.host() != null) {
      sb.append("\nhost: ").append(m.host().describe());
    }
    return sb.toString();
  }

  /** Captures of many small reads have command lines of tens of kilobytes; tables show the start. */
  private static final int COMMAND_PREVIEW_CHARS = 160;

  static Table runs(Manifest m) {
    String[] cols = {"run", "label", "tool", "status", "parse", "duration_s", "exit", "command"};
    StringColumn[] c = new StringColumn[cols.length];
    for (int i = 0; i < cols.length; i++) {
      c[i] = StringColumn.create(cols[i]);
    }
    for (Run r : m.runs()) {
      c[0].append(r.id());
      c[1].append(r.label());
      c[2].append(r.tool() == null ? "" : r.tool());
      c[3].append(r.status() == null ? "" : r.status().toString());
      c[4].append(r.parseStatus() == null ? "" : r.parseStatus().toString());
      c[5].append(r.durationSeconds() == null ? "" : String.format(Locale.ROOT, "%.3f", r.durationSeconds()));
      c[6].append(r.exitStatus() == null ? "" : r.exitStatus().toString());
      c[7].append(r.commandPreview(COMMAND_PREVIEW_CHARS));
    }
    return Table.create("runs", c);
  }

  static Table settings(BootConfig b) {
    StringColumn name = StringColumn.create("parameter");
    StringColumn value = StringColumn.create("value");
    add(name, value, "iommu.passthrough", BootConfig.cell(b.iommuPassthrough()));
    add(name, value, "iommu.strict", BootConfig.cell(b.iommuStrict()));
    add(name, value, "iommu", BootConfig.cell(b.iommu()));
    add(name, value, "intel_iommu", BootConfig.cell(b.intelIommu()));
    add(name, value, "amd_iommu", BootConfig.cell(b.amdIommu()));
    add(name, value, "iommu.forcedac", BootConfig.cell(b.iommuForceDac()));
    add(name, value, "cma", BootConfig.cell(b.cma()));
    add(name, value, "cma_pernuma", BootConfig.cell(b.cmaPerNumaBytes()));
    add(name, value, "numa_cma", BootConfig.cell(b.numaCmaBytes()));
    return Table.create("boot configuration", name, value);
  }

  private static void add(StringColumn name, StringColumn value, String n, String v) {
    name.append(n);
    value.append(v);
  }
}
