package iommulab.kernel;

import java.util.List;
import java.util.Map;

/**
 * Where a running cell's outputs go, in the order they happen: the Jupyter server publishes them on
 * IOPub, the headless runner appends them to the notebook. Calls never overlap.
 */
public interface CellOutput {
  /** Text printed on {@code stdout} or {@code stderr} (batched: may hold many lines). */
  void stream(String name, String text);

  /** A rich object shown with {@code display(...)} or by a magic: MIME type to data. */
  void display(Map<String, Object> data, Map<String, Object> metadata);

  /** The cell's value: MIME type to data. */
  void result(Map<String, Object> data, Map<String, Object> metadata);

  /** The cell failed. */
  void error(String ename, String evalue, List<String> traceback);
}
