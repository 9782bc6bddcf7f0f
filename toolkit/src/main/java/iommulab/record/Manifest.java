package iommulab.record;

import java.util.List;
import java.util.Objects;

/**
 * The versioned JSON description of a record ({@code manifest.json}): who made it, on which host, the
 * runs with their raw files, and the annotations. Immutable; change it with the {@code with...} methods
 * and store it through {@link Experiment}.
 *
 * @param schema always {@value #SCHEMA}
 * @param schemaVersion {@value #SCHEMA_VERSION} for this format
 * @param id stable identifier, e.g. {@code wiki-smmuv3-2021}
 * @param created ISO-8601 instant
 * @param host the machine the record was created on
 */
public record Manifest(
    String schema,
    int schemaVersion,
    String id,
    String title,
    String description,
    List<String> authors,
    String created,
    Host host,
    List<Run> runs,
    List<Annotation> annotations) {

  public static final String SCHEMA = "iommulab-record";
  public static final int SCHEMA_VERSION = 1;

  public Manifest {
    authors = authors == null ? List.of() : List.copyOf(authors);
    runs = runs == null ? List.of() : List.copyOf(runs);
    annotations = annotations == null ? List.of() : List.copyOf(annotations);
    description = Objects.requireNonNullElse(description, "");
    title = Objects.requireNonNullElse(title, "");
  }

  /** A new empty record of the current schema. */
  public static Manifest create(String id, String title, String description, List<String> authors,
      String created, Host host) {
    return new Manifest(SCHEMA, SCHEMA_VERSION, id, title, description, authors, created, host,
        List.of(), List.of());
  }

  public Manifest withRuns(List<Run> newRuns) {
    return new Manifest(schema, schemaVersion, id, title, description, authors, created, host,
        newRuns, annotations);
  }

  public Manifest withAnnotations(List<Annotation> newAnnotations) {
    return new Manifest(schema, schemaVersion, id, title, description, authors, created, host, runs,
        newAnnotations);
  }

  /** The run with this id, or null. */
  public Run run(String runId) {
    return runs.stream().filter(r -> r.id().equals(runId)).findFirst().orElse(null);
  }
}
