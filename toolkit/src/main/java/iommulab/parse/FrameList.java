package iommulab.parse;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The immutable frame list of a parsed {@link Stack}: the parser hands over an array it made for this
 * stack alone, so {@code Stack} keeps it without {@code List.copyOf}'s second copy and null scan
 * (4 million frames per large profile).
 */
final class FrameList extends AbstractList<String> implements RandomAccess {
  private final String[] frames;

  /** {@code frames} must not be changed afterwards and must hold no null. */
  FrameList(String[] frames) {
    this.frames = frames;
  }

  @Override
  public String get(int index) {
    return frames[index];
  }

  @Override
  public int size() {
    return frames.length;
  }
}
