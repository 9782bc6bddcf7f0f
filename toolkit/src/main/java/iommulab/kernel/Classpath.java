package iommulab.kernel;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * Class-path entries with jar manifests' {@code Class-Path} followed, because test runners (Maven
 * Surefire) start the JVM with one manifest-only jar that lists the real entries.
 */
public final class Classpath {
  private Classpath() {}

  /** The existing entries of a path-separated class path, expanded, without duplicates. */
  public static List<String> entries(String classPath) {
    Set<String> out = new LinkedHashSet<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        add(Path.of(entry).toAbsolutePath().normalize(), out);
      }
    }
    return new ArrayList<>(out);
  }

  private static void add(Path entry, Set<String> out) {
    if (!Files.exists(entry) || !out.add(entry.toString())) {
      return;
    }
    if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
      return;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      var manifest = jar.getManifest();
      String extra = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (extra == null) {
        return;
      }
      for (String ref : extra.trim().split("\\s+")) {
        if (ref.isEmpty()) {
          continue;
        }
        Path p =
            ref.startsWith("file:")
                ? Path.of(URI.create(ref))
                : entry.getParent().resolve(ref);
        add(p.toAbsolutePath().normalize(), out);
      }
    } catch (IOException | IllegalArgumentException e) {
      // Not a readable jar: keep the entry as given and let the compiler report it if it matters.
    }
  }
}
