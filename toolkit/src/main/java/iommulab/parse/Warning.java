package iommulab.parse;

/**
 * Something the parser accepted but a reader should know about, with the 1-based line it concerns
 * (0 for the whole input), e.g. {@code timing filtered to X by qemu iotests}.
 */
public record Warning(long line, String message) {
  @Override
  public String toString() {
    return (line > 0 ? "line " + line + ": " : "") + message;
  }
}
