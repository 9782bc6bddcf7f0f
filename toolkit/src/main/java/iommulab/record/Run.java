package iommulab.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command run of an experiment and everything it ran under.
 *
 * @param id unique in the record, e.g. {@code r001}
 * @param label the engineer's name for it, e.g. {@code strict}
 * @param tool the tool's CLI name ({@code qemu-io}, {@code perf-stat}, {@code stackcount}) or null
 * @param command the exact argument vector
 * @param commandLine the command as one shell-quoted line (what a reader would type)
 * @param start ISO-8601 instant the command started (null when unknown)
 * @param durationSeconds wall-clock seconds (null when unknown or unfinished)
 * @param exitStatus the command's exit status (null when unknown or unfinished)
 * @param status how the capture ended
 * @param parseStatus whether the output parsed at capture time
 * @param parseMessage the parser's summary or error message
 * @param parsedFile the raw file the tool's output is in (path as in {@code files})
 * @param files every raw file, byte-exact with its sha256
 * @param boot the boot configuration it ran under
 * @param device the device under test, or null
 * @param values free key/values, e.g. {@code block_size=4096}
 * @param otherOutputs further tool outputs in this run's files, e.g. the qemu-io report on stdout
 *     of {@code perf stat ... qemu-io ...} whose own tool is perf-stat
 */
public record Run(
    String id,
    String label,
    String tool,
    List<String> command,
    String commandLine,
    String start,
    Double durationSeconds,
    Integer exitStatus,
    RunStatus status,
    ParseStatus parseStatus,
    String parseMessage,
    String parsedFile,
    List<RawFile> files,
    BootSnapshot boot,
    Device device,
    Map<String, String> values,
    List<ToolOutput> otherOutputs) {

  public Run {
    command = command == null ? List.of() : List.copyOf(command);
    files = files == null ? List.of() : List.copyOf(files);
    values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    label = label == null ? "" : label;
    parseMessage = parseMessage == null ? "" : parseMessage;
    otherOutputs = otherOutputs == null ? List.of() : List.copyOf(otherOutputs);
  }

  /**
   * A tool's output held in one of the run's raw files.
   *
   * @param tool the tool's CLI name
   * @param file the raw file's path as in {@code files}
   */
  public record ToolOutput(String tool, String file) {}

  /** Every tool output of the run, its own tool first. */
  public List<ToolOutput> outputs() {
    List<ToolOutput> all = new java.util.ArrayList<>();
    if (tool != null && parsedFile != null) {
      all.add(new ToolOutput(tool, parsedFile));
    }
    all.addAll(otherOutputs);
    return all;
  }

  /** The file holding this tool's output in this run, or null. */
  public String fileFor(String toolName) {
    return outputs().stream().filter(o -> o.tool().equals(toolName)).map(ToolOutput::file)
        .findFirst().orElse(null);
  }

  /**
   * The command line shortened for a table or a summary: at most {@code maxChars} characters, the
   * cut said in words ({@code ... (+24576 characters)}); the manifest and the report keep it whole.
   */
  public String commandPreview(int maxChars) {
    if (commandLine == null) {
      return "";
    }
    if (commandLine.length() <= maxChars) {
      return commandLine;
    }
    int keep = Math.max(0, maxChars - 24);
    return commandLine.substring(0, keep) + " ... (+" + (commandLine.length() - keep) + " characters)";
  }

  /** This run once its capture has ended. */
  Run finished(Double seconds, Integer exit, RunStatus newStatus, List<RawFile> newFiles,
      String newTool, ParseStatus newParse, String message, String parsed, List<ToolOutput> others) {
    return new Run(id, label, newTool, command, commandLine, start, seconds, exit, newStatus, newParse,
        message, parsed, newFiles, boot, device, values, others);
  }
}
