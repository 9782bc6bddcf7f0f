package iommulab.record;

import com.google.gson.annotations.SerializedName;

/** How a run's capture ended. */
public enum RunStatus {
  /** The capture is writing it (or died without saying otherwise: see {@link Experiment#problems()}). */
  @SerializedName("running") RUNNING,
  /** The command exited by itself. */
  @SerializedName("complete") COMPLETE,
  /** The command was ended (Ctrl-C, a signal); what it printed until then is kept. */
  @SerializedName("interrupted") INTERRUPTED,
  /** Not captured by iommulab but transcribed (e.g. from a published page). */
  @SerializedName("transcribed") TRANSCRIBED
}
