package iommulab.parse;

import java.util.List;
import java.util.Objects;

/**
 * One stack as bcc {@code stackcount} or a bpftrace stack map printed it: its frames leaf first (the
 * traced function at index 0), how often it was hit, and who hit it when the tool said so.
 *
 * <p>Frames are kept as a list rather than a folded string because Java frames contain {@code ;}
 * ({@code Lio/netty/Foo;::run}), which makes a folded string ambiguous. Frame strings are interned by
 * the parser, so comparing two stacks' frames is cheap.
 *
 * <pre>{@code
 * for (Stack s : StackCount.parse(path).stacks()) {
 *   if (s.frames().contains("arm_smmu_tlb_inv_range")) total += s.count();
 * }
 * }</pre>
 *
 * @param interval 0-based {@code -i} block (bpftrace: print) the stack was printed in; 0 without intervals
 * @param process the command name printed with the stack ({@code -P}, bpftrace {@code comm}), "" when none
 * @param pid the process id printed with the stack, or {@link #UNKNOWN_PID}
 * @param count how often the stack was hit
 * @param frames frames leaf first, without {@code b'...'} quoting and {@code -v} addresses, offsets kept
 * @param userStart index in {@code frames} of the first user-space frame when a {@code -d} delimiter
 *     ({@code --}, or {@code -} in folded text) separated kernel from user frames; {@link #NOT_DELIMITED}
 *     when the output did not say where user frames start
 * @param line 1-based line of the stack's first line in the source
 */
public record Stack(
    int interval, String process, int pid, long count, List<String> frames, int userStart, long line) {

  /** {@link #pid()} when the tool printed no process id. */
  public static final int UNKNOWN_PID = -1;

  /** {@link #userStart()} when no delimiter separated kernel from user frames. */
  public static final int NOT_DELIMITED = -1;

  public Stack {
    Objects.requireNonNull(process, "process");
    frames = frames instanceof FrameList ? frames : List.copyOf(frames);
    if (userStart != NOT_DELIMITED && (userStart < 0 || userStart > frames.size())) {
      throw new IllegalArgumentException(
          "userStart " + userStart + " outside 0.." + frames.size() + " (or -1 when not delimited)");
    }
  }

  /** Whether a {@code -d} delimiter told where the user frames start. */
  public boolean delimited() {
    return userStart != NOT_DELIMITED;
  }

  public boolean hasPid() {
    return pid != UNKNOWN_PID;
  }

  public int depth() {
    return frames.size();
  }

  /** The traced function (first printed frame), or "" for a stack without frames. */
  public String leaf() {
    return frames.isEmpty() ? "" : frames.get(0);
  }

  /** The outermost frame (last printed), or "" for a stack without frames. */
  public String root() {
    return frames.isEmpty() ? "" : frames.get(frames.size() - 1);
  }

  /**
   * The frames root to leaf joined by {@code ;}, with a {@code -} element between the user and the
   * kernel part when delimited: exactly what bcc {@code stackcount -f} prints after the process.
   */
  public String folded() {
    StringBuilder sb = new StringBuilder(frames.size() * 24);
    appendFolded(sb, false);
    return sb.toString();
  }

  /**
   * Appends {@link #folded()} to {@code sb} without an intermediate String.
   *
   * @param separate whether a {@code ;} must precede the first element (something is already in sb)
   */
  void appendFolded(StringBuilder sb, boolean separate) {
    boolean sep = separate;
    for (int i = frames.size() - 1; i >= 0; i--) {
      if (i == userStart - 1) {
        sep = appendElement(sb, "-", sep);
      }
      sep = appendElement(sb, frames.get(i), sep);
    }
    if (userStart == 0) {
      appendElement(sb, "-", sep);
    }
  }

  private static boolean appendElement(StringBuilder sb, String element, boolean separate) {
    if (separate) {
      sb.append(';');
    }
    sb.append(element);
    return true;
  }
}
