package iommulab.record;

/**
 * The rule for every path a record names (manifest file entries, bundle entries): relative,
 * '/'-separated, no empty, {@code .} or {@code ..} element, no backslash, colon or control character.
 * Checked on the text, so nothing on disk is touched to decide.
 */
final class SafePaths {
  static final int MAX_LENGTH = 512;

  private SafePaths() {}

  /** Null when the path is acceptable, else what is wrong with it. */
  static String check(String path) {
    if (path.isEmpty()) {
      return "an empty path";
    }
    if (path.length() > MAX_LENGTH) {
      return "path longer than " + MAX_LENGTH + " characters";
    }
    if (path.startsWith("/")) {
      return "'" + path + "' is an absolute path";
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' || c == ':' || c < 0x20 || c == 0x7f) {
        return "'" + printable(path) + "' contains a forbidden character (backslash, colon or control)";
      }
    }
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    for (String element : trimmed.split("/", -1)) {
      if (element.isEmpty() || element.equals(".") || element.equals("..")) {
        return "'" + path + "' escapes or does not name a place in the record (empty, '.' or '..' element)";
      }
    }
    return null;
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return b.toString();
  }
}
