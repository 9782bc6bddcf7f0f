package iommulab.record;

/**
 * Something wrong or unfinished found when a record was opened.
 *
 * @param kind what sort of problem
 * @param runId the run concerned, or null for the record
 * @param message names the file and the mismatch, e.g. both digests
 */
public record Problem(Kind kind, String runId, String message) {

  public enum Kind {
    /** A raw file is missing, not a regular file, or its size or sha256 differs from the manifest. */
    INTEGRITY,
    /** A capture ended without finishing (kill -9, power loss): its raw output is partial. */
    PARTIAL,
    /** A capture is writing this run right now. */
    RUNNING
  }

  @Override
  public String toString() {
    return message;
  }
}
