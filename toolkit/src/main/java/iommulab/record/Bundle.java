package iommulab.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A record as one zip file for sharing: {@code manifest.json} plus exactly the raw files it names.
 * Import checks every entry before writing anything and writes into a temporary sibling directory that
 * is renamed into place only when the record it holds opens cleanly.
 *
 * <pre>{@code
 * Bundle.write(Experiment.open(dir), Path.of("exp.zip"));
 * Experiment copy = Bundle.importTo(Path.of("exp.zip"), Path.of("elsewhere"), BundleLimits.defaults());
 * }</pre>
 */
public final class Bundle {
  private Bundle() {}

  /**
   * Writes the bundle atomically.
   *
   * @throws RecordException when the record has integrity problems (they would travel with it)
   */
  public static void write(Experiment e, Path zip) throws IOException, RecordException {
    List<Problem> bad = e.problems().stream().filter(p -> p.kind() == Problem.Kind.INTEGRITY).toList();
    if (!bad.isEmpty()) {
      throw new RecordException(e.dir() + ": not bundled, it has integrity problems: " + bad);
    }
    Path parent = zip.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "." + zip.getFileName() + ".", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out)) {
        add(z, ManifestJson.FILE, e.dir().resolve(ManifestJson.FILE));
        for (Run r : e.runs()) {
          for (RawFile f : r.files()) {
            Path p = e.path(f);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
              add(z, f.path(), p);
            }
          }
        }
      }
      try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      AtomicFiles.syncDirectory(parent);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void add(ZipOutputStream z, String name, Path file) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(Files.getLastModifiedTime(file).toMillis());
    z.putNextEntry(entry);
    Files.copy(file, z);
    z.closeEntry();
  }

  /**
   * Imports a bundle into {@code target}, which must not exist (or be an empty directory).
   *
   * @throws RecordException naming the first offending entry; nothing is left on disk then
   */
  public static Experiment importTo(Path zip, Path target, BundleLimits limits)
      throws IOException, RecordException {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      boolean emptyDir = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
      if (emptyDir) {
        try (var s = Files.list(target)) {
          emptyDir = s.findAny().isEmpty();
        }
      }
      if (!emptyDir) {
        throw new RecordException(target + ": already exists; import needs a new or empty directory");
      }
    }
    List<ZipDirectory.Entry> entries = ZipDirectory.read(zip, limits.maxEntries());
    check(zip, entries, limits);
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".import-");
    try {
      extract(zip, entries, staging, limits);
      Experiment staged = Experiment.open(staging);
      List<Problem> bad = staged.problems().stream()
          .filter(p -> p.kind() == Problem.Kind.INTEGRITY).toList();
      if (!bad.isEmpty()) {
        throw new RecordException(zip + ": the record inside does not check out: " + bad);
      }
      Set<String> named = new HashSet<>();
      named.add(ManifestJson.FILE);
      staged.runs().forEach(r -> r.files().forEach(f -> named.add(f.path())));
      for (ZipDirectory.Entry en : entries) {
        if (!en.isDirectory() && !named.contains(en.name())) {
          throw new RecordException(zip + ": entry '" + en.name() + "' is not named by the manifest");
        }
      }
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(target);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      AtomicFiles.syncDirectory(parent);
      return Experiment.open(target);
    } finally {
      if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
        deleteTree(staging);
      }
    }
  }

  private static void check(Path zip, List<ZipDirectory.Entry> entries, BundleLimits limits)
      throws RecordException {
    Set<String> names = new HashSet<>();
    Set<String> folded = new HashSet<>();
    Set<String> files = new HashSet<>();
    long total = 0;
    boolean manifest = false;
    for (ZipDirectory.Entry e : entries) {
      String at = zip + ": entry '" + e.name() + "': ";
      String problem = SafePaths.check(e.name());
      if (problem != null) {
        throw new RecordException(zip + ": refused entry: " + problem);
      }
      int type = e.unixMode() & ZipDirectory.S_IFMT;
      if (type == ZipDirectory.S_IFLNK) {
        throw new RecordException(at + "is a symbolic link; bundles hold regular files only");
      }
      if (type != 0 && type != ZipDirectory.S_IFREG && type != ZipDirectory.S_IFDIR) {
        throw new RecordException(at + "is a special file (mode " + Integer.toOctalString(e.unixMode())
            + "); bundles hold regular files only");
      }
      String key = e.isDirectory() ? e.name().substring(0, e.name().length() - 1) : e.name();
      if (!names.add(key)) {
        throw new RecordException(at + "appears more than once");
      }
      if (!folded.add(key.toLowerCase(Locale.ROOT))) {
        throw new RecordException(at + "differs from another entry only in letter case");
      }
      if (!e.isDirectory()) {
        files.add(key);
        if (e.uncompressedBytes() > limits.maxEntryBytes()) {
          throw new RecordException(at + e.uncompressedBytes() + " bytes uncompressed, more than the "
              + "limit of " + limits.maxEntryBytes());
        }
        total += e.uncompressedBytes();
        if (total > limits.maxTotalBytes()) {
          throw new RecordException(zip + ": more than " + limits.maxTotalBytes()
              + " bytes uncompressed in all");
        }
        if (e.uncompressedBytes() > limits.ratioFloorBytes()
            && e.uncompressedBytes() > limits.maxRatio() * Math.max(1, e.compressedBytes())) {
          throw new RecordException(at + "compressed " + e.uncompressedBytes() / Math.max(1,
              e.compressedBytes()) + ":1, more than the limit of " + (long) limits.maxRatio() + ":1");
        }
        manifest |= key.equals(ManifestJson.FILE);
      }
    }
    for (String f : files) {
      for (int slash = f.indexOf('/'); slash >= 0; slash = f.indexOf('/', slash + 1)) {
        if (files.contains(f.substring(0, slash))) {
          throw new RecordException(zip + ": entry '" + f.substring(0, slash)
              + "' is a file and also a directory of '" + f + "'");
        }
      }
    }
    if (!manifest) {
      throw new RecordException(zip + ": no " + ManifestJson.FILE + "; not an iommulab bundle");
    }
  }

  private static void extract(Path zip, List<ZipDirectory.Entry> entries, Path staging,
      BundleLimits limits) throws IOException, RecordException {
    try (ZipFile zf = new ZipFile(zip.toFile())) {
      if (zf.size() != entries.size()) {
        throw new RecordException(zip + ": the zip library sees " + zf.size()
            + " entries, the central directory " + entries.size());
      }
      byte[] buf = new byte[64 * 1024];
      for (ZipDirectory.Entry e : entries) {
        Path out = staging.resolve(e.name()).normalize();
        if (!out.startsWith(staging)) {
          throw new RecordException(zip + ": entry '" + e.name() + "' escapes the target directory");
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        ZipEntry ze = zf.getEntry(e.name());
        if (ze == null) {
          throw new RecordException(zip + ": entry '" + e.name() + "' cannot be read");
        }
        Files.createDirectories(out.getParent());
        long written = 0;
        try (InputStream in = zf.getInputStream(ze);
            OutputStream o = Files.newOutputStream(out, java.nio.file.StandardOpenOption.CREATE_NEW)) {
          int n;
          while ((n = in.read(buf)) > 0) {
            written += n;
            if (written > e.uncompressedBytes() || written > limits.maxEntryBytes()) {
              throw new RecordException(zip + ": entry '" + e.name()
                  + "' inflates past its declared size of " + e.uncompressedBytes() + " bytes");
            }
            o.write(buf, 0, n);
          }
        }
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
