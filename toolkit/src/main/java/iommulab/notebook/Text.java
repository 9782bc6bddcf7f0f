package iommulab.notebook;

/** HTML escaping and ANSI-colour removal for page text. */
final class Text {
  private Text() {}

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String stripAnsi(String s) {
    return s.replaceAll("\u001B\\[[0-9;]*m", "");
  }
}
