package iommulab.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers what a qemu-io transcript says besides its reports (target, probed format, length, info,
 * map and alloc output, echoed commands) and renders it as the ordered fact map of {@link QemuIoResult}.
 */
final class QemuIoFacts {
  String command;
  private String version;
  private String invocationTarget;
  private String printedTarget;
  String formatProbed;
  int prompts;
  long hexDumpLines;
  int patternFailures;
  int blkdebugEvents;
  String length;
  long lengthBytes = -1;
  private String formatName;
  private String clusterSize;
  private String vmStateOffset;
  private final Map<String, Object> formatSpecific = new LinkedHashMap<>();
  /** The open {@code key:} containers of the format specific fields, innermost last. */
  private final List<Map<String, Object>> openFields = new ArrayList<>();
  /** The indentation of each open container's own line. */
  private final List<Integer> openIndents = new ArrayList<>();
  final List<Map<String, Object>> map = new ArrayList<>();
  final List<Map<String, Object>> alloc = new ArrayList<>();
  final List<String> commands = new ArrayList<>();

  private int reads;
  private int writes;
  private int discards;
  private int terse;
  private long readBytes;
  private long writtenBytes;
  private long discardedBytes;

  void countReport(String op, long bytes) {
    long counted = bytes == QemuIoTableBuilder.ABSENT ? 0 : bytes;
    switch (op) {
      case "read" -> {
        reads++;
        readBytes += counted;
      }
      case "write" -> {
        writes++;
        writtenBytes += counted;
      }
      case "discard" -> {
        discards++;
        discardedBytes += counted;
      }
      default -> terse++;
    }
  }

  /** The image named by qemu-io itself (format warning, open error); the first one wins. */
  void printedTarget(String target) {
    if (printedTarget == null) {
      printedTarget = target;
    }
  }

  /** A shell line without its prompt, such as {@code qemu-io -f raw -c 'read 0 1G' disk.img}. */
  void invocation(String line) {
    if (command == null) {
      command = line;
      invocationTarget = QemuIoCommandLine.target(line);
    }
  }

  /** {@code qemu-io version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)}; the copyright line adds nothing. */
  void version(String text) {
    String prefix = "qemu-io version ";
    if (version == null && text.startsWith(prefix)) {
      version = text.substring(prefix.length());
    }
  }

  /** {@code format name: qcow2}, {@code cluster size: 64 KiB}, {@code vm state offset: 512 MiB}. */
  void info(String text) {
    int colon = text.indexOf(": ");
    String value = text.substring(colon + 2);
    switch (text.substring(0, colon)) {
      case "format name" -> formatName = value;
      case "cluster size" -> clusterSize = value;
      default -> vmStateOffset = value;
    }
  }

  /** {@code Format specific information:}: its fields start at the top again. */
  void formatSpecificHeader() {
    openFields.clear();
    openIndents.clear();
  }

  /**
   * An indented line under {@code Format specific information:}: {@code compat: 1.1}, or {@code
   * bitmaps:} / {@code [0]:} opening the more indented fields below it (qemu nests maps and lists by
   * four spaces a level).
   */
  void formatSpecific(String text) {
    int indent = 0;
    while (indent < text.length() && text.charAt(indent) == ' ') {
      indent++;
    }
    String field = text.strip();
    int colon = field.indexOf(':');
    String key = field.substring(0, colon).strip();
    String value = field.substring(colon + 1).strip();
    int last = openIndents.size() - 1;
    while (last >= 0 && openIndents.get(last) >= indent) {
      openIndents.remove(last);
      openFields.remove(last);
      last--;
    }
    Map<String, Object> parent = last >= 0 ? openFields.get(last) : formatSpecific;
    if (value.isEmpty()) {
      Map<String, Object> child = new LinkedHashMap<>();
      parent.put(key, child);
      openFields.add(child);
      openIndents.add(indent);
    } else {
      parent.put(key, value);
    }
  }

  /**
   * The nested fields as facts: {@code [0]}, {@code [1]}, ... keys make a list, a container without
   * fields is an empty string (as printed).
   */
  private static Object frozen(Object value) {
    if (!(value instanceof Map<?, ?> fields)) {
      return value;
    }
    if (fields.isEmpty()) {
      return "";
    }
    boolean list = true;
    int i = 0;
    for (Object key : fields.keySet()) {
      list &= key.equals("[" + i++ + "]");
    }
    if (list) {
      List<Object> items = new ArrayList<>();
      fields.values().forEach(v -> items.add(frozen(v)));
      return Collections.unmodifiableList(items);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    fields.forEach((k, v) -> map.put((String) k, frozen(v)));
    return Collections.unmodifiableMap(map);
  }

  Map<String, Object> toMap(int reports, int toolErrors, long warnings, long unrecognized) {
    Map<String, Object> facts = new LinkedHashMap<>();
    putIfKnown(facts, "command", command);
    putIfKnown(facts, "qemu_io_version", version);
    putIfKnown(facts, "target", printedTarget != null ? printedTarget : invocationTarget);
    putIfKnown(facts, "format_probed", formatProbed);
    facts.put("reports", reports);
    facts.put("read_reports", reads);
    facts.put("write_reports", writes);
    facts.put("discard_reports", discards);
    facts.put("terse_reports", terse);
    facts.put("read_bytes", readBytes);
    facts.put("written_bytes", writtenBytes);
    facts.put("discarded_bytes", discardedBytes);
    putIfKnown(facts, "length", length);
    if (lengthBytes >= 0) {
      facts.put("length_bytes", lengthBytes);
    }
    putIfKnown(facts, "format_name", formatName);
    putIfKnown(facts, "cluster_size", clusterSize);
    putIfKnown(facts, "vm_state_offset", vmStateOffset);
    if (!formatSpecific.isEmpty()) {
      facts.put("format_specific", frozen(formatSpecific));
    }
    if (!map.isEmpty()) {
      facts.put("map", List.copyOf(map));
    }
    if (!alloc.isEmpty()) {
      facts.put("alloc", List.copyOf(alloc));
    }
    if (!commands.isEmpty()) {
      facts.put("commands", List.copyOf(commands));
    }
    facts.put("hex_dump_lines", hexDumpLines);
    facts.put("pattern_failures", patternFailures);
    if (blkdebugEvents > 0) {
      facts.put("blkdebug_events", blkdebugEvents);
    }
    facts.put("prompts", prompts);
    facts.put("tool_errors", toolErrors);
    facts.put("warnings", warnings);
    facts.put("unrecognized_lines", unrecognized);
    return Collections.unmodifiableMap(facts);
  }

  private static void putIfKnown(Map<String, Object> facts, String key, Object value) {
    if (value != null) {
      facts.put(key, value);
    }
  }
}
