package iommulab.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Replaces one run in a record's manifest under the record lock (used when a capture finishes). */
final class ExperimentUpdate {
  private final Path dir;

  ExperimentUpdate(Path dir) {
    this.dir = dir;
  }

  Experiment replaceRun(String runId, UnaryOperator<Run> change) throws IOException, RecordException {
    try (RecordLock lock = RecordLock.acquire(dir)) {
      Path file = dir.resolve(ManifestJson.FILE);
      Manifest m = ManifestJson.read(java.nio.file.Files.readAllBytes(file), file.toString());
      List<Run> runs = new ArrayList<>();
      boolean found = false;
      for (Run r : m.runs()) {
        if (r.id().equals(runId)) {
          runs.add(change.apply(r));
          found = true;
        } else {
          runs.add(r);
        }
      }
      if (!found) {
        throw new RecordException(file + ": run " + runId + " vanished from the manifest during capture");
      }
      AtomicFiles.write(file, ManifestJson.write(m.withRuns(runs)));
    }
    return Experiment.open(dir);
  }
}
