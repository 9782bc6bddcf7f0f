package iommulab.kernel;

import java.util.List;

/**
 * Why a cell failed, already in the shape Jupyter shows: a name, a one-line value and the traceback
 * lines. Compile errors, runtime exceptions, interrupts, magic errors and parse errors all end here,
 * so they are formatted in one place ({@link Evaluator} and {@link Magics}).
 */
public final class CellError extends Exception {
  private static final long serialVersionUID = 1L;

  private final String ename;
  private final String evalue;
  private final List<String> traceback;

  public CellError(String ename, String evalue, List<String> traceback) {
    super(ename + ": " + evalue);
    this.ename = ename;
    this.evalue = evalue;
    this.traceback = List.copyOf(traceback);
  }

  /** An error whose traceback is just its one-line message. */
  public static CellError of(String ename, String evalue) {
    return new CellError(ename, evalue, List.of(ename + ": " + evalue));
  }

  /** Short kind, e.g. {@code CompilationException}, {@code java.lang.ArithmeticException}. */
  public String ename() {
    return ename;
  }

  public String evalue() {
    return evalue;
  }

  /** The lines to show, without ANSI colours. */
  public List<String> traceback() {
    return traceback;
  }
}
