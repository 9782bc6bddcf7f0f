package iommulab.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import tech.tablesaw.plotly.components.Figure;

/**
 * The one place plotly.js is embedded. Reports and notebooks put {@link #libraryScript()} on a page
 * once, then one {@link #figureHtml} per chart; nothing is ever fetched from a CDN, so pages open
 * from disk with no network.
 *
 * <pre>{@code
 * String page = "<html><head>" + PlotlyHtml.libraryScript() + "</head><body>"
 *     + PlotlyHtml.figureHtml(figure, "throughput") + "</body></html>";
 * }</pre>
 *
 * <p>plotly.js 2.35.3 (MIT) ships as the resource {@code iommulab/chart/plotly.min.js}; it stays on
 * 2.x because tablesaw-jsplot writes layout titles as plain strings, which plotly 3 rejects.
 */
public final class PlotlyHtml {
  /** The embedded plotly.js version. */
  public static final String PLOTLY_VERSION = "2.35.3";

  private static final String RESOURCE = "/iommulab/chart/plotly.min.js";
  private static final Pattern DIV_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SCRIPT_CLOSE =
      Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE);

  private PlotlyHtml() {}

  /**
   * One {@code <script>} element holding plotly.js. The library is called with {@code define}
   * shadowed by {@code undefined}: plotly's UMD header would otherwise register an anonymous AMD
   * module on pages that load require.js (classic Jupyter) and never set the global {@code Plotly}.
   */
  public static String libraryScript() {
    return LibraryHolder.SCRIPT;
  }

  /**
   * A {@code <div>} and a {@code <script>} drawing a tablesaw figure into it; the library is not
   * included. The figure's script runs inside a function so its {@code var layout}, {@code var
   * trace0} ... do not leak into the page, where several figures would otherwise share them.
   *
   * @param divId a JavaScript identifier ({@code [A-Za-z_][A-Za-z0-9_]*}), unique on the page:
   *     tablesaw names a variable after it
   */
  public static String figureHtml(Figure figure, String divId) {
    checkDivId(divId);
    String script = figure.asJavascript(divId).strip();
    if (!script.startsWith("<script>") || !script.endsWith("</script>")) {
      throw new IllegalStateException(
          "tablesaw Figure.asJavascript no longer returns one <script> element: " + head(script));
    }
    String body = script.substring("<script>".length(), script.length() - "</script>".length());
    return div(divId) + "<script>(function(){" + neutralizeScriptClose(body) + "})();</script>\n";
  }

  /**
   * A {@code <div>} and a {@code <script>} drawing a figure written as plotly JSON, for traces
   * tablesaw lacks (icicle). The library is not included.
   *
   * @param figureJson a JSON object with {@code data} (array of traces) and optionally {@code
   *     layout} and {@code config}
   * @param divId a JavaScript identifier, unique on the page
   */
  public static String figureHtml(String figureJson, String divId) {
    checkDivId(divId);
    // In JSON a '<' can only occur inside a string, where \u003c means the same character; this
    // keeps "</script>" or "<!--" in a label from ending or confusing the script element.
    String safeJson = figureJson.replace("<", "\\u003c");
    return div(divId)
        + "<script>(function(){var fig="
        + safeJson
        + ";Plotly.newPlot(document.getElementById('"
        + divId
        + "'),fig.data,fig.layout||{},fig.config||{});})();</script>\n";
  }

  private static String div(String divId) {
    return "<div id=\"" + divId + "\" class=\"iommulab-chart\"></div>\n";
  }

  private static void checkDivId(String divId) {
    if (divId == null || !DIV_ID.matcher(divId).matches()) {
      throw new IllegalArgumentException(
          "div id must be a JavaScript identifier matching [A-Za-z_][A-Za-z0-9_]*, got: " + divId);
    }
  }

  private static String neutralizeScriptClose(String js) {
    return SCRIPT_CLOSE.matcher(js).replaceAll("<\\\\/$1");
  }

  private static String head(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }

  /** Loads the 4.5 MB library on first use only. */
  private static final class LibraryHolder {
    static final String SCRIPT = load();

    private static String load() {
      try (InputStream in = PlotlyHtml.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
        }
        String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return "<script>(function(define){\n" + js + "\n})(undefined);</script>\n";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
