package iommulab.parse;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Streams lines out of a {@link Reader} without allocating a String per line: after {@link #next()}
 * the current line is {@code array()[start() .. end())}, valid until the next call. Handles LF and
 * CRLF endings, a last line without a newline, and refuses lines longer than {@link #MAX_LINE_CHARS}
 * (a binary or corrupt file must not exhaust memory).
 */
final class LineReader implements Closeable {
  static final int MAX_LINE_CHARS = 1 << 20;
  private static final int BUFFER_CHARS = 1 << 16;
  private static final int READ_BYTES = 1 << 18;

  private final Reader in;
  private final String source;
  private char[] buf = new char[BUFFER_CHARS];
  private int pos;
  private int limit;
  private boolean eof;
  private int start;
  private int end;
  private long number;
  private boolean lastHadNewline = true;

  LineReader(Reader in, String source) {
    this.in = in;
    this.source = source;
  }

  /**
   * Decodes UTF-8, replacing malformed bytes with U+FFFD rather than failing. The decoder alone
   * would read 8 KiB at a time; reading 256 KiB at a time cut a 1 GB file's read-and-decode from
   * about 0.45 s to 0.31 s in a one-off micro-run here (2026-12-02). A partial read still returns
   * at once, so a pipe streams.
   */
  static LineReader ofUtf8(InputStream in, String source) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new LineReader(new InputStreamReader(new BufferedInputStream(in, READ_BYTES), decoder), source);
  }

  /**
   * Advances to the next line.
   *
   * @return false at end of input
   * @throws ParseException when a line exceeds {@link #MAX_LINE_CHARS}
   */
  boolean next() throws IOException, ParseException {
    int scan = pos;
    while (true) {
      int nl = indexOfNewline(scan, limit);
      if (nl >= 0) {
        start = pos;
        end = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
        pos = nl + 1;
        number++;
        lastHadNewline = true;
        return true;
      }
      if (eof) {
        if (pos < limit) {
          start = pos;
          end = limit > pos && buf[limit - 1] == '\r' ? limit - 1 : limit;
          pos = limit;
          number++;
          lastHadNewline = false;
          return true;
        }
        return false;
      }
      int carried = limit - pos;
      if (carried >= MAX_LINE_CHARS) {
        throw new ParseException(
            source, number + 1, 1, "", "line longer than " + MAX_LINE_CHARS + " characters",
            "text output of the tool (is this a binary file?)");
      }
      scan = fill();
    }
  }

  private int indexOfNewline(int from, int to) {
    char[] b = buf;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Moves the partial line to the front, reads more; returns where scanning should resume. */
  private int fill() throws IOException {
    int carried = limit - pos;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, carried);
    } else if (carried == buf.length) {
      char[] bigger = new char[Math.min(buf.length * 2, MAX_LINE_CHARS + BUFFER_CHARS)];
      System.arraycopy(buf, 0, bigger, 0, carried);
      buf = bigger;
    }
    pos = 0;
    limit = carried;
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
    return carried;
  }

  char[] array() {
    return buf;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  int length() {
    return end - start;
  }

  /** 1-based number of the current line. */
  long number() {
    return number;
  }

  /** Whether the current line ended with a newline (false only for a truncated last line). */
  boolean hadNewline() {
    return lastHadNewline;
  }

  /** The current line as a new String; use sparingly on hot paths. */
  String text() {
    return new String(buf, start, end - start);
  }

  String source() {
    return source;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
