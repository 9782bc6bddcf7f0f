package iommulab.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.NavigableMap;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Forgets the class files of snippets that no later snippet is compiled against: expression values
 * the evaluator drops, and statements and expressions, which run once (JShell imports only
 * declarations into later snippets). JShell keeps the class file of every snippet it ever compiled
 * in its in-memory file manager, dropped ones included, and each of the two
 * to four javac tasks of every later snippet lists the whole {@code REPL} package and enters all of
 * them into its symbol table again. So every expression cell made the following cells slower: a
 * trivial cell took about 29 ms after 300 earlier cells and 40-42 ms after 1,200 here, against
 * 27-28 ms with this (see the README).
 *
 * <p>JShell has no API for it: this reaches the file manager's map by reflection, which needs
 * {@code jdk.jshell}'s package opened to this code ({@code --add-opens
 * jdk.jshell/jdk.jshell=ALL-UNNAMED}; the kernel's launcher and the jar's manifest do that). Without
 * it, or on a JDK whose JShell is built differently, nothing is forgotten and JShell works as before.
 */
final class ReplClassFiles {
  private static final ReplClassFiles NONE = new ReplClassFiles(null, null);

  private final Map<String, ?> classFiles;
  private final Method classFullName;

  private ReplClassFiles(Map<String, ?> classFiles, Method classFullName) {
    this.classFiles = classFiles;
    this.classFullName = classFullName;
  }

  @SuppressWarnings("unchecked")
  static ReplClassFiles of(JShell shell) {
    try {
      Object taskFactory = field(JShell.class, "taskFactory").get(shell);
      Object fileManager = field(taskFactory.getClass(), "fileManager").get(taskFactory);
      Object map = field(fileManager.getClass(), "classObjects").get(fileManager);
      Method name = Snippet.class.getDeclaredMethod("classFullName");
      name.setAccessible(true);
      return map instanceof Map<?, ?> m ? new ReplClassFiles((Map<String, ?>) m, name) : NONE;
    } catch (ReflectiveOperationException | RuntimeException notReachable) {
      return NONE; // not opened (InaccessibleObjectException) or a different JShell
    }
  }

  private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
    Field f = owner.getDeclaredField(name);
    f.setAccessible(true);
    return f;
  }

  /** Whether class files can be forgotten in this JVM. */
  boolean active() {
    return classFiles != null;
  }

  /** How many class files JShell's file manager holds (-1 when not reachable), for tests. */
  int size() {
    return classFiles == null ? -1 : classFiles.size();
  }

  /** Forgets the class files of a snippet: its wrapper class and the classes nested in it. */
  void forget(Snippet snippet) {
    if (classFiles == null) {
      return;
    }
    String name;
    try {
      name = (String) classFullName.invoke(snippet);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return;
    }
    if (name == null || !name.startsWith("REPL.")) {
      return;
    }
    classFiles.remove(name);
    String nested = name + "$";
    if (classFiles instanceof NavigableMap<String, ?> sorted) {
      sorted.subMap(nested, true, nested + Character.MAX_VALUE, true).clear();
    } else {
      classFiles.keySet().removeIf(k -> k.startsWith(nested));
    }
  }
}
