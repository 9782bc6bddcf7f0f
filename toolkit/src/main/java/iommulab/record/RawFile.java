package iommulab.record;

/**
 * One raw output file of a run, kept byte-exact.
 *
 * @param path relative to the record directory, '/'-separated, e.g. {@code runs/r001/stdout.txt}
 * @param stream {@code stdout}, {@code stderr}, or {@code output} (one transcript, as pasted)
 * @param sha256 lowercase hex digest; null while the capture is still writing it
 * @param bytes size in bytes; -1 while the capture is still writing it
 */
public record RawFile(String path, String stream, String sha256, long bytes) {}
