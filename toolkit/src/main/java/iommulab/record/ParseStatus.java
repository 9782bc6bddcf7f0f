package iommulab.record;

import com.google.gson.annotations.SerializedName;

/** Whether a run's raw output parsed when it was captured (tables are re-derived on every load). */
public enum ParseStatus {
  /** Parsed with at least one measurement. */
  @SerializedName("ok") OK,
  /** Parsed, but holds only the tool's own error report. */
  @SerializedName("tool-error") TOOL_ERROR,
  /** The parser rejected the text; the message says where. */
  @SerializedName("failed") FAILED,
  /** This build has no parser for the tool yet. */
  @SerializedName("unsupported") UNSUPPORTED,
  /** Not a tool iommulab parses; the raw output is kept as it is. */
  @SerializedName("unknown-tool") UNKNOWN_TOOL,
  /** Not checked yet (the capture has not finished). */
  @SerializedName("not-checked") NOT_CHECKED
}
