package iommulab.chart;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;

/** Terse builders for plotly figure JSON. */
final class Json {
  private Json() {}

  /** An object from key, value pairs; values are JsonElements, strings, numbers or booleans. */
  static JsonObject obj(Object... keyValues) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < keyValues.length; i += 2) {
      o.add((String) keyValues[i], element(keyValues[i + 1]));
    }
    return o;
  }

  static JsonArray numbers(double[] values) {
    JsonArray a = new JsonArray(values.length);
    for (double v : values) {
      a.add(Double.isNaN(v) || Double.isInfinite(v) ? JsonNull.INSTANCE : new JsonPrimitive(v));
    }
    return a;
  }

  static JsonArray strings(List<String> values) {
    JsonArray a = new JsonArray(values.size());
    values.forEach(a::add);
    return a;
  }

  static JsonArray array(List<? extends JsonElement> elements) {
    JsonArray a = new JsonArray(elements.size());
    elements.forEach(a::add);
    return a;
  }

  /** A plotly layout with a title, axis titles and a visible legend. */
  static JsonObject layout(String title, JsonObject xaxis, JsonObject yaxis) {
    return obj(
        "title", obj("text", title),
        "xaxis", xaxis,
        "yaxis", yaxis,
        "showlegend", true,
        "hovermode", "closest",
        "margin", obj("l", 80, "r", 30, "t", 60, "b", 80));
  }

  static JsonObject axis(String title) {
    return obj("title", obj("text", title), "automargin", true);
  }

  static JsonObject figure(JsonArray data, JsonObject layout) {
    return obj("data", data, "layout", layout, "config", obj("displaylogo", false, "responsive", true));
  }

  private static JsonElement element(Object v) {
    if (v instanceof JsonElement e) {
      return e;
    }
    if (v instanceof String s) {
      return new JsonPrimitive(s);
    }
    if (v instanceof Number n) {
      return new JsonPrimitive(n);
    }
    if (v instanceof Boolean b) {
      return new JsonPrimitive(b);
    }
    throw new IllegalArgumentException("not a JSON value: " + v);
  }
}
