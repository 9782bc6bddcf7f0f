package iommulab.config;

/**
 * A kernel command-line token iommulab could not read, e.g. {@code iommu.strict=maybe}, with what the
 * value should have looked like.
 */
public record CmdlineProblem(String token, String message) {
  @Override
  public String toString() {
    return "'" + token + "': " + message;
  }
}
