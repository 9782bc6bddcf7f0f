package iommulab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.BarTrace;

/** Draws PlotlyHtml pages in headless Chromium: the library really loads, even beside require.js. */
class PlotlyHtmlBrowserTest {
  @TempDir Path dir;

  @Test
  void figuresDrawOnAPageWithAnAmdLoaderAndNothingIsFetched() throws Exception {
    Figure bars =
        new Figure(
            Layout.builder().title("bars").build(),
            BarTrace.builder(new Object[] {"strict", "lazy"}, new double[] {1.5, 25.9}).build());
    String icicle =
        "{\"data\":[{\"type\":\"icicle\",\"labels\":[\"all\",\"a\"],\"parents\":[\"\",\"all\"],"
            + "\"values\":[3,2],\"branchvalues\":\"total\"}]}";
    // A stand-in for require.js: a global define with .amd, which plotly's UMD header would use.
    String page =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            + "<script>var define=function(){window.amdUsed=true;};define.amd={};</script>"
            + PlotlyHtml.libraryScript()
            + "</head><body>"
            + PlotlyHtml.figureHtml(bars, "bars")
            + PlotlyHtml.figureHtml(icicle, "ice")
            + "<script>document.body.setAttribute('data-amd', String(window.amdUsed===true));"
            + "</script></body></html>";
    Path file = dir.resolve("page.html");
    Files.writeString(file, page);

    HeadlessChromium.Rendered r = HeadlessChromium.render(file, 10_000);

    assertTrue(r.drew("bars"), "bar chart drew");
    assertTrue(r.drew("ice"), "icicle drew");
    assertTrue(r.dom().contains("data-amd=\"false\""), "plotly must not register as an AMD module");
    assertTrue(r.nonFileUrls().isEmpty(), "network requests: " + r.nonFileUrls());
  }

  @Test
  void anEmptyChartDivDoesNotCountAsDrawn() throws Exception {
    Path file = dir.resolve("empty.html");
    Files.writeString(
        file,
        "<!DOCTYPE html><html><body>"
            + PlotlyHtml.figureHtml("{\"data\":[]}", "nolib")
            + "</body></html>");

    HeadlessChromium.Rendered r = HeadlessChromium.render(file, 2_000);

    assertTrue(r.dom().contains("<div id=\"nolib\""), r.dom());
    assertFalse(r.drew("nolib"), "without the library nothing can draw");
  }

  @Test
  void netLogCatchesARequestSoTheNoNetworkAssertionCanFail() throws Exception {
    Path file = dir.resolve("leaky.html");
    Files.writeString(
        file, "<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/pixel.png\"></body></html>");

    HeadlessChromium.Rendered r = HeadlessChromium.render(file, 2_000);

    assertEquals(java.util.List.of("http://127.0.0.1:9/pixel.png"), r.nonFileUrls());
  }
}
