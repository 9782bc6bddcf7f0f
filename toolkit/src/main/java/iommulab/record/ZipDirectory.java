package iommulab.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a zip's central directory itself, because {@link java.util.zip.ZipFile} hides what an import
 * must check: it silently keeps one of two entries with the same name, and does not expose the Unix
 * mode that marks a symbolic link.
 */
final class ZipDirectory {
  private static final int EOCD_SIGNATURE = 0x06054b50;
  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int EOCD_MIN = 22;
  private static final int UNIX_HOST = 3;
  static final int S_IFMT = 0170000;
  static final int S_IFREG = 0100000;
  static final int S_IFDIR = 0040000;
  static final int S_IFLNK = 0120000;

  /** One central directory entry; {@code unixMode} is 0 when the archiver was not Unix. */
  record Entry(String name, long compressedBytes, long uncompressedBytes, int unixMode, int method) {
    boolean isDirectory() {
      return name.endsWith("/");
    }
  }

  private ZipDirectory() {}

  static List<Entry> read(Path zip, int maxEntries) throws IOException, RecordException {
    try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < EOCD_MIN) {
        throw new RecordException(zip + ": not a zip file (" + size + " bytes)");
      }
      int tail = (int) Math.min(size, EOCD_MIN + 65535);
      ByteBuffer end = read(ch, size - tail, tail);
      int eocd = -1;
      for (int i = tail - EOCD_MIN; i >= 0; i--) {
        if (end.getInt(i) == EOCD_SIGNATURE) {
          eocd = i;
          break;
        }
      }
      if (eocd < 0) {
        throw new RecordException(zip + ": not a zip file (no end of central directory)");
      }
      int count = Short.toUnsignedInt(end.getShort(eocd + 10));
      long cdSize = Integer.toUnsignedLong(end.getInt(eocd + 12));
      long cdOffset = Integer.toUnsignedLong(end.getInt(eocd + 16));
      if (count == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
        throw new RecordException(zip + ": ZIP64 archives are not accepted as bundles");
      }
      if (count > maxEntries) {
        throw new RecordException(zip + ": " + count + " entries, more than the limit of " + maxEntries);
      }
      if (cdOffset + cdSize > size) {
        throw new RecordException(zip + ": central directory lies outside the file");
      }
      ByteBuffer cd = read(ch, cdOffset, (int) cdSize);
      List<Entry> entries = new ArrayList<>(count);
      int p = 0;
      for (int i = 0; i < count; i++) {
        if (p + 46 > cd.limit() || cd.getInt(p) != CENTRAL_SIGNATURE) {
          throw new RecordException(zip + ": damaged central directory at entry " + (i + 1));
        }
        int madeBy = Short.toUnsignedInt(cd.getShort(p + 4)) >>> 8;
        int method = Short.toUnsignedInt(cd.getShort(p + 10));
        long compressed = Integer.toUnsignedLong(cd.getInt(p + 20));
        long uncompressed = Integer.toUnsignedLong(cd.getInt(p + 24));
        int nameLength = Short.toUnsignedInt(cd.getShort(p + 28));
        int extraLength = Short.toUnsignedInt(cd.getShort(p + 30));
        int commentLength = Short.toUnsignedInt(cd.getShort(p + 32));
        int external = cd.getInt(p + 38);
        if (p + 46 + nameLength > cd.limit()) {
          throw new RecordException(zip + ": damaged central directory at entry " + (i + 1));
        }
        byte[] name = new byte[nameLength];
        cd.get(p + 46, name);
        int mode = madeBy == UNIX_HOST ? (external >>> 16) & 0xffff : 0;
        entries.add(new Entry(new String(name, StandardCharsets.UTF_8), compressed, uncompressed, mode,
            method));
        p += 46 + nameLength + extraLength + commentLength;
      }
      return entries;
    }
  }

  private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (ch.read(b, position + b.position()) < 0) {
        break;
      }
    }
    b.flip();
    return b;
  }
}
