package iommulab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keeps a cell's outputs as lines such as {@code stdout:hi} for assertions. */
final class RecordingOutput implements CellOutput {
  final List<String> events = new ArrayList<>();
  final List<Map<String, Object>> displays = new ArrayList<>();
  Map<String, Object> result;
  List<String> traceback;
  String ename;
  String evalue;

  @Override
  public void stream(String name, String text) {
    if (!events.isEmpty() && events.get(events.size() - 1).startsWith(name + ":")) {
      events.set(events.size() - 1, events.get(events.size() - 1) + text);
    } else {
      events.add(name + ":" + text);
    }
  }

  @Override
  public void display(Map<String, Object> data, Map<String, Object> metadata) {
    displays.add(data);
    events.add("display");
  }

  @Override
  public void result(Map<String, Object> data, Map<String, Object> metadata) {
    result = data;
    events.add("result:" + data.get("text/plain"));
  }

  @Override
  public void error(String ename, String evalue, List<String> traceback) {
    this.ename = ename;
    this.evalue = evalue;
    this.traceback = traceback;
    events.add("error:" + ename);
  }
}
