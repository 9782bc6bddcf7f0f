package iommulab.chart;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import tech.tablesaw.plotly.components.Figure;

/**
 * One chart, ready to be placed on a page with {@link #html(String)} after {@link
 * PlotlyHtml#libraryScript()}. Tablesaw figures and figures written as plotly JSON (traces tablesaw
 * lacks: error bars, icicles, hover templates) are the two kinds.
 */
public sealed interface Chart permits Chart.TablesawFigure, Chart.PlotlyJson {
  /** The chart's title, also used as a caption. */
  String title();

  /** A div and the script drawing into it; {@code divId} must be a JavaScript identifier. */
  String html(String divId);

  /** A chart drawn by a tablesaw-jsplot figure. */
  record TablesawFigure(String title, Figure figure) implements Chart {
    @Override
    public String html(String divId) {
      return PlotlyHtml.figureHtml(figure, divId);
    }
  }

  /** A chart written as plotly's figure JSON ({@code data}, {@code layout}, {@code config}). */
  record PlotlyJson(String title, JsonObject figure) implements Chart {
    @Override
    public String html(String divId) {
      return PlotlyHtml.figureHtml(json(), divId);
    }

    /**
     * The figure as JSON text. Gson's HTML escaping is off so titles read as written ({@code =} not
     * {@code \u003d}); {@link PlotlyHtml} escapes {@code <} itself when it embeds the JSON.
     */
    public String json() {
      return new GsonBuilder().disableHtmlEscaping().create().toJson(figure);
    }
  }
}
