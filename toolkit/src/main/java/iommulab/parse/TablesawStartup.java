package iommulab.parse;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Initialises Tablesaw's {@code Table} class cheaply. Its static initialiser finds the readers and
 * writers in {@code tech.tablesaw.io} with a ClassGraph scan of every entry of {@code
 * java.class.path}; in the 27,000-entry all-in-one jar that costs about 0.6 s of CPU in every process
 * before the first table exists. Here the class-path entry that holds Tablesaw itself is left out of
 * that scan (the property is narrowed only while {@code Table} initialises, under a lock), and the
 * {@code DataReader}/{@code DataWriter} classes under {@code tech/tablesaw/io/} of that entry are
 * loaded directly, which registers exactly what the scan would have registered. Other class-path
 * entries (a user's {@code tablesaw-excel}, say) are still scanned by Tablesaw as usual.
 *
 * <p>Calling it is optional: a program that touches {@code Table} first gets Tablesaw's own,
 * slower initialisation with the same result. Call {@link #initialize()} before anything else reads
 * {@code java.class.path} on another thread.
 *
 * <pre>{@code
 * TablesawStartup.initialize();
 * Table t = Table.read().csv("a,b\n1,2", "inline");
 * }</pre>
 */
public final class TablesawStartup {
  private static final String TABLE_CLASS = "tech.tablesaw.api.Table";
  private static final String IO_PACKAGE_PATH = "tech/tablesaw/io/";
  private static final Object LOCK = new Object();
  private static volatile List<String> registered;
  private static final java.util.concurrent.atomic.AtomicBoolean BACKGROUND_STARTED =
      new java.util.concurrent.atomic.AtomicBoolean();

  private TablesawStartup() {}

  /**
   * Initialises {@code Table} (once per JVM; later calls return at once) and returns the names of the
   * reader and writer classes this class loaded from Tablesaw's own class-path entry; empty when
   * that entry is not on {@code java.class.path}, so Tablesaw's own scan did the work.
   */
  public static List<String> initialize() {
    List<String> done = registered;
    if (done != null) {
      return done;
    }
    synchronized (LOCK) {
      if (registered == null) {
        registered = load(TablesawStartup.class.getClassLoader());
      }
      return registered;
    }
  }

  /**
   * Starts {@link #initialize()} on a daemon thread, so that a parse filling primitive columns hides
   * it on a second core; only the first call in a JVM starts a thread.
   */
  public static void initializeInBackground() {
    // Not LOCK: initialize() holds it for the whole start-up, and a second call (the CLI starts it,
    // then the parser asks again) must return at once instead of waiting for it.
    if (registered != null || !BACKGROUND_STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(TablesawStartup::initializeQuietly, "tablesaw-startup");
    t.setDaemon(true);
    t.start();
  }

  private static void initializeQuietly() {
    try {
      initialize();
      // The column classes' own start-up (Tablesaw's type registry builds a parser per type, with
      // date formats and locale data: about a tenth of a second) would otherwise come after the parse.
      tech.tablesaw.api.Table.create(
          "warm-up",
          tech.tablesaw.api.IntColumn.create("i", new int[0]),
          tech.tablesaw.api.LongColumn.create("l", new long[0]),
          tech.tablesaw.api.DoubleColumn.create("d", new double[0]),
          tech.tablesaw.api.FloatColumn.create("f", new float[0]),
          tech.tablesaw.api.StringColumn.create("s", new String[0]));
    } catch (RuntimeException | LinkageError e) {
      // the parser loads Table itself when it builds the table and reports the problem there
    }
  }

  private static List<String> load(ClassLoader loader) {
    Path own = codeSource(loader);
    String classPath = System.getProperty("java.class.path", "");
    String narrowed = own == null ? classPath : without(classPath, own);
    if (narrowed.equals(classPath)) {
      forName(TABLE_CLASS, true, loader);
      return List.of();
    }
    // ClassGraph also scans the URLs of the thread's context class loader, which in the kernel is
    // JShell's, holding the same jar again.
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    System.setProperty("java.class.path", narrowed);
    thread.setContextClassLoader(loader);
    try {
      forName(TABLE_CLASS, true, loader);
    } finally {
      thread.setContextClassLoader(context);
      System.setProperty("java.class.path", classPath);
    }
    Class<?> reader = forName("tech.tablesaw.io.DataReader", false, loader);
    Class<?> writer = forName("tech.tablesaw.io.DataWriter", false, loader);
    List<String> names = new ArrayList<>();
    for (String name : ioClassNames(own)) {
      Class<?> c;
      try {
        c = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        continue; // a class whose dependencies are missing cannot be a usable reader either
      }
      if (!c.isInterface()
          && !Modifier.isAbstract(c.getModifiers())
          && (reader.isAssignableFrom(c) || writer.isAssignableFrom(c))) {
        forName(name, true, loader); // its static initialiser registers it with Table's registries
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  /** The jar or class directory {@code Table} comes from, or null when it is not a local file. */
  private static Path codeSource(ClassLoader loader) {
    URL url = loader.getResource(TABLE_CLASS.replace('.', '/') + ".class");
    if (url == null) {
      return null;
    }
    try {
      if (url.getProtocol().equals("jar")) {
        URL jar = ((JarURLConnection) url.openConnection()).getJarFileURL();
        return jar.getProtocol().equals("file") ? Path.of(jar.toURI()) : null;
      }
      if (url.getProtocol().equals("file")) {
        Path classFile = Path.of(url.toURI());
        // tech/tablesaw/api/Table.class: four levels below the class directory
        return classFile.getParent().getParent().getParent().getParent();
      }
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  private static String without(String classPath, Path own) {
    Path target = own.toAbsolutePath().normalize();
    List<String> kept = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isEmpty() && !Path.of(entry).toAbsolutePath().normalize().equals(target)) {
        kept.add(entry);
      }
    }
    return String.join(File.pathSeparator, kept);
  }

  private static List<String> ioClassNames(Path entry) {
    List<String> names = new ArrayList<>();
    try {
      if (Files.isDirectory(entry)) {
        Path io = entry.resolve(IO_PACKAGE_PATH);
        if (Files.isDirectory(io)) {
          try (Stream<Path> files = Files.walk(io)) {
            files.map(p -> entry.relativize(p).toString().replace(File.separatorChar, '/'))
                .forEach(p -> addClassName(p, names));
          }
        }
      } else {
        try (JarFile jar = new JarFile(entry.toFile())) {
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (name.startsWith(IO_PACKAGE_PATH)) {
              addClassName(name, names);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("listing Tablesaw's readers and writers in " + entry, e);
    }
    names.sort(null);
    return names;
  }

  private static void addClassName(String path, List<String> names) {
    if (path.endsWith(".class") && !path.endsWith("module-info.class") && !path.endsWith("package-info.class")) {
      names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
    }
  }

  private static Class<?> forName(String name, boolean initialize, ClassLoader loader) {
    try {
      return Class.forName(name, initialize, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Tablesaw is not on the class path: " + name + " is missing", e);
    }
  }
}
