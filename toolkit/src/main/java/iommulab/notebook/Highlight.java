package iommulab.notebook;

import java.util.Set;

/**
 * Simple Java highlighting for the HTML page: comments, strings, numbers, keywords and magic lines
 * become spans. A scanner, not a parser: good enough for notebook cells.
 */
final class Highlight {
  private static final Set<String> KEYWORDS = Set.of(
      "abstract", "boolean", "break", "byte", "case", "catch", "char", "class", "continue", "default",
      "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "if", "implements",
      "import", "instanceof", "int", "interface", "long", "new", "null", "package", "private",
      "protected", "public", "record", "return", "short", "static", "super", "switch", "this", "throw",
      "throws", "true", "false", "try", "var", "void", "while", "yield");

  private Highlight() {}

  static String java(String src) {
    StringBuilder sb = new StringBuilder(src.length() * 2);
    int i = 0;
    int n = src.length();
    boolean lineStart = true;
    while (i < n) {
      char c = src.charAt(i);
      int end;
      String cls;
      if (lineStart && c == '%') {
        end = lineEnd(src, i);
        cls = "magic";
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
        end = lineEnd(src, i);
        cls = "com";
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
        int close = src.indexOf("*/", i + 2);
        end = close < 0 ? n : close + 2;
        cls = "com";
      } else if (src.startsWith("\"\"\"", i)) {
        int close = src.indexOf("\"\"\"", i + 3);
        end = close < 0 ? n : close + 3;
        cls = "str";
      } else if (c == '"' || c == '\'') {
        end = quoted(src, i, c);
        cls = "str";
      } else if (Character.isDigit(c)) {
        end = i;
        while (end < n && (Character.isLetterOrDigit(src.charAt(end)) || src.charAt(end) == '.' || src.charAt(end) == '_')) {
          end++;
        }
        cls = "num";
      } else if (Character.isJavaIdentifierStart(c)) {
        end = i;
        while (end < n && Character.isJavaIdentifierPart(src.charAt(end))) {
          end++;
        }
        cls = KEYWORDS.contains(src.substring(i, end)) ? "kw" : null;
      } else {
        end = i + 1;
        cls = null;
      }
      String token = Text.escape(src.substring(i, end));
      if (cls == null) {
        sb.append(token);
      } else {
        sb.append("<span class=\"").append(cls).append("\">").append(token).append("</span>");
      }
      lineStart = src.charAt(end - 1) == '\n' || (lineStart && (c == ' ' || c == '\t'));
      i = end;
    }
    return sb.toString();
  }

  private static int lineEnd(String s, int from) {
    int nl = s.indexOf('\n', from);
    return nl < 0 ? s.length() : nl;
  }

  private static int quoted(String s, int from, char quote) {
    int i = from + 1;
    while (i < s.length() && s.charAt(i) != quote && s.charAt(i) != '\n') {
      i += s.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(s.length(), i + 1);
  }
}
