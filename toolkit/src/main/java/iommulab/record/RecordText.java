package iommulab.record;

import iommulab.config.ConfigReport;
import java.util.List;

/** The human summary {@code iommulab record show} prints. */
public final class RecordText {
  private RecordText() {}

  public static String show(Experiment e) {
    Manifest m = e.manifest();
    StringBuilder b = new StringBuilder();
    b.append("record ").append(m.id()).append(": ").append(m.title()).append('\n');
    if (!m.description().isEmpty()) {
      b.append("  ").append(m.description()).append('\n');
    }
    b.append("  authors: ").append(String.join(", ", m.authors())).append("; created ")
        .append(m.created()).append('\n');
    if (m.host() != null) {
      b.append("  host: ").append(m.host().describe()).append('\n');
    }
    notes(b, e.annotationsOn(Annotation.Target.record()), "  ");
    for (Run r : m.runs()) {
      b.append("run ").append(r.id()).append(" [").append(r.label()).append("] ")
          .append(r.tool() == null ? "(no known tool)" : r.tool()).append(", ")
          .append(r.status().name().toLowerCase(java.util.Locale.ROOT));
      if (r.exitStatus() != null) {
        b.append(", exit ").append(r.exitStatus());
      }
      if (r.durationSeconds() != null) {
        b.append(String.format(java.util.Locale.ROOT, ", %.3f s", r.durationSeconds()));
      }
      b.append('\n');
      b.append("  command: ").append(r.commandPreview(400)).append('\n');
      if (r.start() != null) {
        b.append("  started: ").append(r.start()).append('\n');
      }
      b.append("  parse: ").append(r.parseStatus().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      if (!r.parseMessage().isEmpty()) {
        b.append(" - ").append(r.parseMessage());
      }
      b.append('\n');
      for (Run.ToolOutput o : r.otherOutputs()) {
        b.append("  also: ").append(o.tool()).append(" output in ").append(o.file()).append('\n');
      }
      if (r.device() != null) {
        Device d = r.device();
        b.append("  device: ").append(d.pciAddress()).append(' ').append(d.vendorDevice())
            .append(" driver=").append(d.driver().isEmpty() ? "(none)" : d.driver())
            .append(" numa_node=").append(d.numaNode() == null ? "unknown" : d.numaNode());
        if (!d.iommuGroup().isEmpty()) {
          b.append(" iommu_group=").append(d.iommuGroup());
          if (!d.iommuGroupType().isEmpty()) {
            b.append(" (").append(d.iommuGroupType()).append(')');
          }
        }
        b.append('\n');
      }
      if (r.boot() != null) {
        ConfigReport c = r.boot().report(r.device() == null ? null : r.device().iommuGroup());
        b.append("  boot: ").append(r.boot().cmdline().isEmpty() ? "(empty)" : r.boot().cmdline());
        if (!r.boot().source().isEmpty()) {
          b.append("  [").append(r.boot().source()).append(']');
        }
        b.append('\n');
        b.append("  config:");
        c.cells().forEach((k, v) -> {
          if (!v.equals("unset") || k.equals("iommu_passthrough") || k.equals("iommu_strict") || k.equals("cma")) {
            b.append(' ').append(k).append('=').append(v);
          }
        });
        b.append('\n');
        b.append("  kernel driver DMA: ").append(c.paths().kernelDriver().shortText()).append("; VFIO DMA: ")
            .append(c.paths().vfio().shortText()).append('\n');
        c.boot().problems().forEach(p -> b.append("  boot problem: ").append(p).append('\n'));
      }
      if (!r.values().isEmpty()) {
        b.append("  values:");
        r.values().forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        b.append('\n');
      }
      for (RawFile f : r.files()) {
        b.append("  file: ").append(f.path()).append(" (").append(f.stream()).append(", ")
            .append(f.bytes() < 0 ? "size unknown" : f.bytes() + " bytes")
            .append(f.sha256() == null ? ", no sha256" : ", sha256 " + f.sha256().substring(0, 12) + "...")
            .append(")\n");
      }
      notes(b, e.annotationsOn(Annotation.Target.run(r.id())), "  ");
      List<Annotation> valueNotes = m.annotations().stream()
          .filter(a -> a.target().kind().equals("value") && r.id().equals(a.target().runId())).toList();
      for (Annotation a : valueNotes) {
        b.append("  note on ").append(a.target().tool()).append(" line ").append(a.target().line())
            .append(' ').append(a.target().column()).append(" (").append(a.author()).append(", ")
            .append(a.time()).append("): ").append(a.text()).append('\n');
      }
    }
    if (e.problems().isEmpty()) {
      b.append("integrity: every raw file matches its sha256\n");
    } else {
      e.problems().forEach(p -> b.append("problem: ").append(p.message()).append('\n'));
    }
    return b.toString();
  }

  private static void notes(StringBuilder b, List<Annotation> notes, String indent) {
    for (Annotation a : notes) {
      b.append(indent).append("note (").append(a.author()).append(", ").append(a.time()).append("): ")
          .append(a.text()).append('\n');
    }
  }
}
