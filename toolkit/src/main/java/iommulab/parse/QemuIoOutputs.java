package iommulab.parse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the non-report outputs whose numbers are worth keeping: {@code map}, {@code alloc}, {@code length}. */
final class QemuIoOutputs {
  private QemuIoOutputs() {}

  /**
   * One {@code map} line, {@code 64 KiB (0x10000) bytes     allocated at offset 0 bytes (0x0)}: the
   * exact numbers are the hexadecimal ones (the sizes before them are rounded).
   *
   * @return {@code offset}, {@code bytes}, {@code allocated}
   */
  static Map<String, Object> map(QemuIoScanner in, char[] buf, int from, int end)
      throws ParseException {
    int lengthAt = QemuIoText.indexOf(buf, from, end, "(0x");
    in.seek(lengthAt < 0 ? end : lengthAt);
    in.expect("(");
    long bytes = in.hex("length", ')');
    in.expect(") bytes ");
    while (in.skip(" ")) {
      // map_f right-aligns "allocated" under "not allocated"
    }
    boolean allocated = !in.skip("not ");
    in.expect("allocated at offset ");
    int offsetAt = QemuIoText.indexOf(buf, in.position(), end, " (0x");
    in.seek(offsetAt < 0 ? end : offsetAt);
    in.expect(" (");
    long offset = in.hex("offset", ')');
    in.expect(")");
    in.expectEnd();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("offset", offset);
    entry.put("bytes", bytes);
    entry.put("allocated", allocated);
    return Collections.unmodifiableMap(entry);
  }

  /**
   * One {@code alloc} line, {@code 65536/65536 bytes allocated at offset 0 bytes}.
   *
   * @return {@code allocated_bytes}, {@code requested_bytes} (or {@code allocated_sectors},
   *     {@code requested_sectors} from older QEMU), {@code offset} (as printed, rounded)
   */
  static Map<String, Object> alloc(QemuIoScanner in, char[] buf, int end) throws ParseException {
    long allocated = in.unsignedLong("allocated byte count", '/');
    in.expect("/");
    long requested = in.unsignedLong("requested byte count", ' ');
    // older QEMU counted 512-byte sectors; the unit stays in the key rather than guessed away
    String unit = in.skip(" sectors") ? "sectors" : "bytes";
    if (unit.equals("bytes")) {
      in.expect(" bytes");
    }
    in.expect(" allocated at offset ");
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("allocated_" + unit, allocated);
    entry.put("requested_" + unit, requested);
    entry.put("offset", in.rest());
    return Collections.unmodifiableMap(entry);
  }

  /** The {@code length} line, {@code 64 MiB}, as bytes (qemu-io rounds it to 3 decimals of the unit). */
  static long length(QemuIoScanner in) throws ParseException {
    double bytes = in.quantity("length", '\0');
    in.expectEnd();
    return Math.round(bytes);
  }
}
