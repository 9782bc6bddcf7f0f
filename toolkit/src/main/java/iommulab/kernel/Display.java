package iommulab.kernel;

/**
 * {@code display(x)} for notebook code: shows {@code x} with the registered renderers as its own
 * output, in the middle of a cell. Statically imported in every iommulab kernel session.
 */
public final class Display {
  private Display() {}

  /** Shows {@code value} now, after whatever the cell printed so far. */
  public static void display(Object value) {
    Session session = Session.current();
    if (session == null) {
      System.out.println(value);
    } else {
      session.display(value);
    }
  }
}
