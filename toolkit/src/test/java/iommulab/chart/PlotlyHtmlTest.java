package iommulab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.BarTrace;

class PlotlyHtmlTest {

  @Test
  void libraryScriptIsOneScriptElementWithPlotlyShieldedFromAmd() {
    String s = PlotlyHtml.libraryScript();
    assertTrue(
        s.startsWith("<script>(function(define){\n/**\n* plotly.js v2.35.3\n"), s.substring(0, 80));
    assertTrue(s.endsWith("\n})(undefined);</script>\n"));
    // exactly one closing tag: the library itself must not end the element early
    assertEquals(s.length() - "</script>\n".length(), s.indexOf("</script>"));
    assertFalse(s.contains("<script src"), "the library is inline, never loaded from a URL");
    assertTrue(s.length() > 4_000_000, "the whole minified library, got " + s.length());
  }

  @Test
  void figureHtmlDrawsTablesawFigureInsideAFunction() {
    Figure fig =
        new Figure(
            Layout.builder().title("bytes per second").build(),
            BarTrace.builder(new Object[] {"strict", "lazy"}, new double[] {1.5, 25.9}).build());
    String html = PlotlyHtml.figureHtml(fig, "chart_1");
    assertTrue(
        html.startsWith(
            "<div id=\"chart_1\" class=\"iommulab-chart\"></div>\n<script>(function(){"),
        html);
    assertTrue(html.endsWith("})();</script>\n"), html);
    assertTrue(html.contains("document.getElementById('chart_1')"), html);
    assertTrue(html.contains("Plotly.newPlot(target_chart_1"), html);
    assertTrue(html.contains("title: 'bytes per second'"), html);
    assertFalse(html.contains("plotly.js v"), "library is not repeated per figure");
  }

  @Test
  void figureJsonIsEmbeddedWithLessThanEscaped() {
    String html =
        PlotlyHtml.figureHtml(
            "{\"data\":[{\"type\":\"icicle\",\"labels\":[\"</script><b>\"]}],\"layout\":{}}", "ice");
    assertEquals(
        "<div id=\"ice\" class=\"iommulab-chart\"></div>\n"
            + "<script>(function(){var fig={\"data\":[{\"type\":\"icicle\",\"labels\":[\"\\u003c/script>\\u003cb>\"]}],\"layout\":{}};"
            + "Plotly.newPlot(document.getElementById('ice'),fig.data,fig.layout||{},fig.config||{});})();</script>\n",
        html);
  }

  @Test
  void divIdMustBeAJavaScriptIdentifier() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PlotlyHtml.figureHtml("{}", "my-chart"));
    assertEquals(
        "div id must be a JavaScript identifier matching [A-Za-z_][A-Za-z0-9_]*, got: my-chart",
        e.getMessage());
  }
}
