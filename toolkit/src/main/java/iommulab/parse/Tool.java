package iommulab.parse;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The tools whose printed output iommulab parses, with the names the CLI and records use for them. */
public enum Tool {
  QEMU_IO("qemu-io"),
  PERF_STAT("perf-stat"),
  STACKCOUNT("stackcount");

  private final String cliName;

  Tool(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line and in record manifests, e.g. {@code perf-stat}. */
  public String cliName() {
    return cliName;
  }

  /**
   * Looks a tool up by its CLI name ({@code qemu-io}, {@code perf-stat}, {@code stackcount}); case and
   * {@code _}/{@code -} are not significant.
   *
   * @throws IllegalArgumentException naming the accepted names
   */
  public static Tool fromCliName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Tool t : values()) {
      if (t.cliName.equals(wanted) || t.cliName.replace("-", "").equals(wanted.replace("-", ""))) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown tool '" + name + "'; expected one of "
            + Arrays.stream(values()).map(Tool::cliName).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return cliName;
  }
}
