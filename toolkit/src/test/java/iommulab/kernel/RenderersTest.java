package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import iommulab.parse.QemuIo;
import iommulab.parse.QemuIoResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The renderers registered into a fresh basekernel {@link Renderer} with the one call the README gives
 * for a stock IJava kernel, {@code Renderers.register(renderer)}: no {@link Session}, no JShell. IJava
 * itself is not run here; this is the renderer class it renders with.
 */
class RenderersTest {
  static Renderer renderer;

  @BeforeAll
  static void register() {
    renderer = new Renderer();
    Renderers.register(renderer);
  }

  @Test
  void tableIsAnEscapedHtmlTableWithTablesawsTextBeside() {
    Table table = Table.create("t", IntColumn.indexColumn("i", 60, 0),
        StringColumn.create("name", IntStream.range(0, 60).mapToObj(i -> i == 0 ? "<a>" : "n" + i).toArray(String[]::new)));
    DisplayData shown = renderer.render(table);

    String html = (String) shown.getData(MIMEType.TEXT_HTML);
    assertTrue(html.startsWith("<div class=\"iommulab-table\"><div><b>t</b> 60 rows × 2 columns</div>"), html);
    assertTrue(html.contains("<thead><tr><th title=\"INTEGER\">i</th><th title=\"STRING\">name</th></tr></thead>"), html);
    assertTrue(html.contains("<tr><td>0</td><td>&lt;a&gt;</td></tr>"), html);
    assertTrue(html.contains("<tr><td>49</td><td>n49</td></tr>"), html);
    assertFalse(html.contains("<td>50</td>"), html);
    assertTrue(html.contains("… 10 more rows not shown"), html);

    String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
    assertEquals(table.print(Renderers.TABLE_ROW_LIMIT), text);
    assertNotEquals(table.toString(), text, "text/plain is basekernel's toString() fallback, not the renderer's");
  }

  @Test
  void parseResultShowsItsSummaryWarningsAndTable() throws Exception {
    // The second reference run: 1 GiB read in 00.39 s at 2.539 GiB/sec, after a WARNING block.
    String output = Files.readString(
        Path.of(RenderersTest.class.getResource("/qemu-io/reference-strict0.txt").toURI()));
    QemuIoResult result = QemuIo.parse(output);
    DisplayData shown = renderer.render(result);

    String html = (String) shown.getData(MIMEType.TEXT_HTML);
    assertTrue(html.startsWith("<div class=\"iommulab-parse\"><div><b>qemu-io</b> · &lt;input&gt; · "), html);
    assertTrue(html.contains("<pre>warning: line 2: Image format was not specified for "
        + "&#39;nvme://0003:04:00.0/1&#39; and probing guessed raw.\n</pre>"), html);
    assertTrue(html.contains("<th title=\"STRING\">op</th>"), html);
    assertTrue(html.contains("<th title=\"DOUBLE\">bytes_per_second</th>"), html);
    // reference-strict0.csv: 0,read,0,1073741824,1073741824,1,0.39,2726230491.136,2.5392,5
    assertTrue(html.contains("<tr><td>0</td><td>read</td><td>0</td><td>1073741824</td><td>1073741824</td>"
        + "<td>1</td><td>0.39</td><td title=\"2726230491.136\">2726230000</td><td>2.5392</td><td>5</td></tr>"), html);

    String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
    assertTrue(text.startsWith("qemu-io · <input> · "), text);
    assertTrue(text.contains("\nwarning: line 2: Image format was not specified for 'nvme://0003:04:00.0/1'"), text);
    assertTrue(text.endsWith(result.table().print(Renderers.TABLE_ROW_LIMIT)), text);
  }

  @Test
  void otherValuesGetBasekernelsPlainText() {
    DisplayData shown = renderer.render(List.of(1, 2));
    assertEquals("[1, 2]", shown.getData(MIMEType.TEXT_PLAIN));
    assertFalse(shown.hasDataForType(MIMEType.TEXT_HTML));
  }
}
