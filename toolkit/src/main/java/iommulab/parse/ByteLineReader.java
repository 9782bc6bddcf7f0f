package iommulab.parse;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Streams lines of UTF-8 text as bytes, without decoding them and without a String per line: after
 * {@link #next()} the current line is {@code array()[start() .. end())}, valid until the next call.
 * The tools' output is almost all ASCII, so a parser can classify lines and intern names straight from
 * the bytes and decode only what it keeps ({@link #text(int, int)}). Handles LF and CRLF endings, a
 * last line without a newline, and refuses lines longer than {@link #MAX_LINE_BYTES} (a binary or
 * corrupt file must not exhaust memory). The {@link LineReader} counterpart for byte input.
 */
final class ByteLineReader implements Closeable {
  static final int MAX_LINE_BYTES = 1 << 20;
  private static final int BUFFER_BYTES = 1 << 17;

  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

  private final InputStream in;
  private final String source;
  private byte[] buf = new byte[BUFFER_BYTES];
  private int pos;
  private int limit;
  private boolean eof;
  private int start;
  private int end;
  private long number;
  private boolean lastHadNewline = true;

  ByteLineReader(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  static ByteLineReader of(String text, String source) {
    return new ByteLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), source);
  }

  /** Reads the characters of {@code in} encoded as UTF-8 (unpaired surrogates become {@code ?}). */
  static ByteLineReader of(Reader in, String source) {
    return new ByteLineReader(new Utf8Encoding(in), source);
  }

  /**
   * Advances to the next line.
   *
   * @return false at end of input
   * @throws ParseException when a line exceeds {@link #MAX_LINE_BYTES}
   */
  boolean next() throws IOException, ParseException {
    int scan = pos;
    while (true) {
      int nl = indexOfNewline(buf, scan, limit);
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
          end = buf[limit - 1] == '\r' ? limit - 1 : limit;
          pos = limit;
          number++;
          lastHadNewline = false;
          return true;
        }
        return false;
      }
      if (limit - pos >= MAX_LINE_BYTES) {
        throw new ParseException(
            source, number + 1, 1, "", "line longer than " + MAX_LINE_BYTES + " bytes",
            "text output of the tool (is this a binary file?)");
      }
      scan = fill();
    }
  }

  /**
   * The index of the first {@code '\n'} in {@code b[from .. to)}, or -1: eight bytes at a time (a
   * zero-byte test on the word XOR newlines), which C2 does not do by itself for a search loop.
   */
  private static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) WORDS.get(b, i) ^ NEWLINES;
      long found = (x - ONES) & ~x & HIGH_BITS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
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
      byte[] bigger = new byte[Math.min(buf.length * 2, MAX_LINE_BYTES + BUFFER_BYTES)];
      System.arraycopy(buf, 0, bigger, 0, carried);
      buf = bigger;
    }
    pos = 0;
    limit = carried;
    int n = in.readNBytes(buf, limit, buf.length - limit);
    if (n == 0) {
      eof = true;
    } else {
      limit += n;
    }
    return carried;
  }

  byte[] array() {
    return buf;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  /** 1-based number of the current line. */
  long number() {
    return number;
  }

  /** Whether the current line ended with a newline (false only for a truncated last line). */
  boolean hadNewline() {
    return lastHadNewline;
  }

  /** {@code array()[from .. to)} decoded; see {@link #decode}. */
  String text(int from, int to) {
    return decode(buf, from, to);
  }

  /**
   * The 1-based column, in characters as a reader of the decoded line counts them, of byte
   * {@code index} of the current line.
   */
  int column(int index) {
    return column(buf, start, index);
  }

  /** {@code b[from .. to)} decoded; malformed UTF-8 becomes U+FFFD, as in any decoded text. */
  static String decode(byte[] b, int from, int to) {
    return new String(b, from, Math.max(0, to - from), StandardCharsets.UTF_8);
  }

  /** The 1-based column, in characters, of byte {@code index} of a line starting at {@code lineStart}. */
  static int column(byte[] b, int lineStart, int index) {
    return decode(b, lineStart, index).length() + 1;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** The characters of a Reader as a stream of UTF-8 bytes. */
  private static final class Utf8Encoding extends InputStream {
    private final Reader in;
    private final CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean inputDone;
    private boolean flushed;

    Utf8Encoding(Reader in) {
      this.in = in;
      chars.flip();
      bytes.flip();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (!bytes.hasRemaining()) {
        if (flushed) {
          return -1;
        }
        refill();
      }
      int n = Math.min(len, bytes.remaining());
      bytes.get(b, off, n);
      return n;
    }

    private void refill() throws IOException {
      bytes.clear();
      while (bytes.position() == 0 && !flushed) {
        if (!inputDone) {
          chars.compact();
          inputDone = in.read(chars) < 0;
          chars.flip();
        }
        CoderResult result = encoder.encode(chars, bytes, inputDone);
        if (inputDone && result.isUnderflow()) {
          encoder.flush(bytes);
          flushed = true;
        }
      }
      bytes.flip();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
