package iommulab.kernel;

import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import iommulab.chart.Chart;
import iommulab.chart.PlotlyHtml;
import iommulab.parse.ParseResult;
import iommulab.parse.SourceLine;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * Rich display of the toolkit's objects through jupyter-jvm-basekernel's renderer API. The same one
 * call works in a stock IJava 1.3 kernel once the iommulab jar is on its class path:
 *
 * <pre>{@code
 * %jars /path/to/iommulab.jar
 * iommulab.kernel.Renderers.register(io.github.spencerpark.ijava.IJava.getKernelInstance().getRenderer());
 * }</pre>
 */
public final class Renderers {
  /** Rows of a table shown before the rest is summarised. */
  public static final int TABLE_ROW_LIMIT = 50;

  private Renderers() {}

  /**
   * Registers HTML and text renderers for tables, parse results, charts and records. The first chart
   * rendered through {@code renderer} carries plotly.js; later ones rely on it (one notebook, one
   * renderer, the library embedded once).
   */
  public static void register(Renderer renderer) {
    AtomicBoolean libraryShown = new AtomicBoolean();
    String pagePrefix = "iommulab_fig_" + Long.toString(System.nanoTime() & 0xffffffL, 36) + "_";
    AtomicLong figures = new AtomicLong();
    renderer.createRegistration(Figure.class)
        .preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_PLAIN)
        .register((figure, ctx) -> {
          ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> {
            String div = PlotlyHtml.figureHtml(figure, pagePrefix + figures.incrementAndGet());
            return libraryShown.getAndSet(true) ? div : PlotlyHtml.libraryScript() + div;
          });
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "plotly figure (shown as HTML)");
        });
    renderer.createRegistration(Chart.class)
        .preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_PLAIN)
        .register((chart, ctx) -> {
          ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> {
            String div = chart.html(pagePrefix + figures.incrementAndGet());
            return libraryShown.getAndSet(true) ? div : PlotlyHtml.libraryScript() + div;
          });
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "chart: " + chart.title() + " (shown as HTML)");
        });
    renderer.createRegistration(Table.class)
        .preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_PLAIN)
        .register(Renderers::renderTable);
    RecordRenderers.register(renderer);
    renderer.createRegistration(ParseResult.class)
        .preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_PLAIN)
        .register(Renderers::renderParseResult);
  }

  private static void renderTable(Table table, RenderContext ctx) {
    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> HtmlTable.html(table, TABLE_ROW_LIMIT));
    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> HtmlTable.text(table, TABLE_ROW_LIMIT));
  }

  private static void renderParseResult(ParseResult result, RenderContext ctx) {
    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> parseResultHtml(result));
    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> parseResultText(result));
  }

  static String parseResultText(ParseResult result) {
    StringBuilder sb = new StringBuilder();
    sb.append(result.tool()).append(" · ").append(result.source()).append(" · ")
        .append(result.summary()).append('\n');
    appendNotes(result, sb, false);
    sb.append(HtmlTable.text(result.table(), TABLE_ROW_LIMIT));
    return sb.toString();
  }

  static String parseResultHtml(ParseResult result) {
    StringBuilder sb = new StringBuilder("<div class=\"iommulab-parse\"><div><b>");
    sb.append(HtmlTable.escape(result.tool().cliName())).append("</b> · ")
        .append(HtmlTable.escape(result.source())).append(" · ")
        .append(HtmlTable.escape(result.summary())).append("</div>");
    StringBuilder notes = new StringBuilder();
    appendNotes(result, notes, true);
    if (notes.length() > 0) {
      sb.append("<pre>").append(notes).append("</pre>");
    }
    sb.append(HtmlTable.html(result.table(), TABLE_ROW_LIMIT));
    return sb.append("</div>").toString();
  }

  private static void appendNotes(ParseResult result, StringBuilder sb, boolean html) {
    for (var w : result.warnings()) {
      sb.append("warning: ").append(html ? HtmlTable.escape(w.toString()) : w.toString()).append('\n');
    }
    for (var e : result.toolErrors()) {
      sb.append("tool error: ").append(html ? HtmlTable.escape(e.toString()) : e.toString()).append('\n');
    }
    for (SourceLine l : result.unrecognized()) {
      sb.append("unrecognized line ").append(html ? HtmlTable.escape(l.toString()) : l.toString()).append('\n');
    }
  }
}
