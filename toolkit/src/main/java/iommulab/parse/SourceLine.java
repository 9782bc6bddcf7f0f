package iommulab.parse;

/** A line of input kept verbatim with its 1-based line number, e.g. a line no parser recognised. */
public record SourceLine(long line, String text) {
  @Override
  public String toString() {
    return line + ": " + text;
  }
}
