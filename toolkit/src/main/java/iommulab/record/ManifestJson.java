package iommulab.record;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** Reads and writes {@code manifest.json}; checks the schema before trusting any field. */
final class ManifestJson {
  static final String FILE = "manifest.json";
  private static final Gson GSON = new GsonBuilder()
      .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
      .setPrettyPrinting()
      .disableHtmlEscaping()
      .create();

  private ManifestJson() {}

  static byte[] write(Manifest m) {
    return (GSON.toJson(m) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static Manifest read(byte[] bytes, String source) throws RecordException {
    JsonElement tree;
    try {
      tree = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonParseException e) {
      throw new RecordException(source + ": not valid JSON: " + e.getMessage(), e);
    }
    if (!tree.isJsonObject()) {
      throw new RecordException(source + ": expected a JSON object with \"schema\": \""
          + Manifest.SCHEMA + "\"");
    }
    JsonObject o = tree.getAsJsonObject();
    String schema = o.has("schema") && o.get("schema").isJsonPrimitive()
        ? o.get("schema").getAsString() : null;
    if (!Manifest.SCHEMA.equals(schema)) {
      throw new RecordException(source + ": \"schema\" is " + (schema == null ? "missing" : "\""
          + schema + "\"") + "; expected \"" + Manifest.SCHEMA + "\"");
    }
    JsonElement v = o.get("schema_version");
    if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
      throw new RecordException(source + ": \"schema_version\" is missing or not a number; expected "
          + Manifest.SCHEMA_VERSION);
    }
    int version = v.getAsInt();
    if (version != Manifest.SCHEMA_VERSION) {
      throw new RecordException(source + ": schema_version " + version + " is not supported; this "
          + "iommulab reads schema_version " + Manifest.SCHEMA_VERSION
          + (version > Manifest.SCHEMA_VERSION ? " (the record was written by a newer iommulab)" : ""));
    }
    Manifest m;
    try {
      m = GSON.fromJson(o, Manifest.class);
    } catch (JsonParseException | IllegalArgumentException e) {
      throw new RecordException(source + ": a field does not have the expected type: " + e.getMessage(), e);
    }
    validate(m, source);
    return m;
  }

  private static void validate(Manifest m, String source) throws RecordException {
    if (m.id() == null || m.id().isBlank()) {
      throw new RecordException(source + ": \"id\" is missing");
    }
    Set<String> runIds = new HashSet<>();
    Set<String> paths = new HashSet<>();
    for (Run r : m.runs()) {
      if (r == null || r.id() == null || r.id().isBlank()) {
        throw new RecordException(source + ": a run has no \"id\"");
      }
      if (!runIds.add(r.id())) {
        throw new RecordException(source + ": run id \"" + r.id() + "\" appears twice");
      }
      if (r.status() == null) {
        throw new RecordException(source + ": run " + r.id() + " has no valid \"status\"");
      }
      for (RawFile f : r.files()) {
        String problem = f == null || f.path() == null ? "a file has no path" : SafePaths.check(f.path());
        if (problem != null) {
          throw new RecordException(source + ": run " + r.id() + ": " + problem);
        }
        if (!paths.add(f.path())) {
          throw new RecordException(source + ": run " + r.id() + ": file " + f.path()
              + " is listed twice");
        }
      }
    }
    Set<String> annotationIds = new HashSet<>();
    for (Annotation a : m.annotations()) {
      if (a == null || a.id() == null || a.target() == null) {
        throw new RecordException(source + ": an annotation lacks \"id\" or \"target\"");
      }
      if (!annotationIds.add(a.id())) {
        throw new RecordException(source + ": annotation id \"" + a.id() + "\" appears twice");
      }
    }
  }
}
