package iommulab.notebook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The markdown notebooks use, as HTML: headings, paragraphs, fenced code, bullet and numbered lists,
 * pipe tables, inline code, bold, italics and links. Raw HTML in markdown is shown escaped.
 */
final class Markdown {
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])[*_]([^*_\\s][^*_]*?)[*_](?![*\\w])");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");

  private Markdown() {}

  static String html(String md) {
    StringBuilder out = new StringBuilder();
    String[] lines = md.split("\n", -1);
    StringBuilder para = new StringBuilder();
    String list = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String t = line.strip();
      boolean bullet = t.startsWith("- ") || t.startsWith("* ");
      boolean numbered = t.matches("\\d+[.)] .*");
      if (list != null && !bullet && !numbered) {
        out.append("</").append(list).append(">\n");
        list = null;
      }
      if (t.startsWith("```")) {
        flush(para, out);
        StringBuilder code = new StringBuilder();
        while (++i < lines.length && !lines[i].strip().startsWith("```")) {
          code.append(lines[i]).append('\n');
        }
        out.append("<pre>").append(Text.escape(code.toString())).append("</pre>\n");
      } else if (t.startsWith("#")) {
        flush(para, out);
        int level = 0;
        while (level < t.length() && t.charAt(level) == '#') {
          level++;
        }
        level = Math.min(level, 6);
        out.append("<h").append(level).append('>').append(inline(t.substring(level).strip()))
            .append("</h").append(level).append(">\n");
      } else if (bullet || numbered) {
        flush(para, out);
        String tag = bullet ? "ul" : "ol";
        if (!tag.equals(list)) {
          if (list != null) {
            out.append("</").append(list).append(">\n");
          }
          out.append('<').append(tag).append(">\n");
          list = tag;
        }
        String item = bullet ? t.substring(2) : t.substring(t.indexOf(' ') + 1);
        out.append("<li>").append(inline(item)).append("</li>\n");
      } else if (t.startsWith("|") && i + 1 < lines.length && lines[i + 1].strip().matches("\\|?[\\s:|-]+\\|?")) {
        flush(para, out);
        out.append("<table><tr>");
        for (String c : cells(t)) {
          out.append("<th>").append(inline(c)).append("</th>");
        }
        out.append("</tr>");
        i++;
        while (i + 1 < lines.length && lines[i + 1].strip().startsWith("|")) {
          out.append("<tr>");
          for (String c : cells(lines[++i].strip())) {
            out.append("<td>").append(inline(c)).append("</td>");
          }
          out.append("</tr>");
        }
        out.append("</table>\n");
      } else if (t.isEmpty()) {
        flush(para, out);
      } else {
        para.append(para.length() > 0 ? " " : "").append(t);
      }
    }
    flush(para, out);
    if (list != null) {
      out.append("</").append(list).append(">\n");
    }
    return out.toString();
  }

  private static String[] cells(String row) {
    String r = row.strip();
    if (r.startsWith("|")) {
      r = r.substring(1);
    }
    if (r.endsWith("|")) {
      r = r.substring(0, r.length() - 1);
    }
    String[] cells = r.split("\\|", -1);
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cells[i].strip();
    }
    return cells;
  }

  private static void flush(StringBuilder para, StringBuilder out) {
    if (para.length() > 0) {
      out.append("<p>").append(inline(para.toString())).append("</p>\n");
      para.setLength(0);
    }
  }

  /** Inline markup on escaped text; code spans are protected from the other rules. */
  static String inline(String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = CODE.matcher(text);
    int last = 0;
    while (m.find()) {
      out.append(emphasis(Text.escape(text.substring(last, m.start()))));
      out.append("<code>").append(Text.escape(m.group(1))).append("</code>");
      last = m.end();
    }
    out.append(emphasis(Text.escape(text.substring(last))));
    return out.toString();
  }

  private static String emphasis(String escaped) {
    String s = LINK.matcher(escaped).replaceAll("<a href=\"$2\">$1</a>");
    s = BOLD.matcher(s).replaceAll("<b>$1</b>");
    return ITALIC.matcher(s).replaceAll("<i>$1</i>");
  }
}
