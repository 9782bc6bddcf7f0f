package iommulab.record;

/**
 * A record that cannot be read or written as asked: unsupported schema, malformed manifest, a refused
 * bundle, a busy lock. The message names the file and what is wrong.
 */
public final class RecordException extends Exception {
  private static final long serialVersionUID = 1L;

  public RecordException(String message) {
    super(message);
  }

  public RecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
