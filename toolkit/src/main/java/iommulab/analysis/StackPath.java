package iommulab.analysis;

import java.util.List;

/**
 * One distinct stack and how often it was seen.
 *
 * @param folded the frames root first, joined by {@code ;}, as FlameGraph's folded format writes them
 */
public record StackPath(String folded, long count) {
  /** The frames, root first. */
  public List<String> frames() {
    return List.of(folded.split(";", -1));
  }

  /** The last frame: the function the tracer fired on. */
  public String leaf() {
    return folded.substring(folded.lastIndexOf(';') + 1);
  }
}
