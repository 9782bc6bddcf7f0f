package iommulab.config;

/**
 * One kernel parameter as the command line gave it: not given at all, given with a value iommulab
 * understood, or given with a value it refuses to guess about. "Unset" is kept distinct from an explicit
 * value because the kernel then falls back to a build-time default that the command line cannot show.
 *
 * <pre>{@code switch (boot.iommuStrict()) { case Setting.Explicit<Boolean> e -> ...; ... }}</pre>
 */
public sealed interface Setting<T> {

  /** The parameter did not appear on the command line. */
  record Unset<T>() implements Setting<T> {}

  /**
   * The parameter appeared with a value that was understood.
   *
   * @param value the parsed value
   * @param token the command-line token it came from, verbatim, e.g. {@code iommu.strict=0}
   */
  record Explicit<T>(T value, String token) implements Setting<T> {}

  /**
   * The parameter appeared with a value that does not fit its documented form.
   *
   * @param token the command-line token, verbatim
   * @param expected what the value should look like
   */
  record Malformed<T>(String token, String expected) implements Setting<T> {}

  @SuppressWarnings("unchecked")
  static <T> Setting<T> unset() {
    return (Setting<T>) UNSET;
  }

  /** Unset is a singleton so that {@code equals} on records holding settings stays simple. */
  Unset<?> UNSET = new Unset<>();

  default boolean isUnset() {
    return this instanceof Unset;
  }

  /** The value when explicit, else null. */
  default T valueOrNull() {
    return this instanceof Explicit<T> e ? e.value() : null;
  }
}
