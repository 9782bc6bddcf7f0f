package iommulab.kernel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands objects made by magics to JShell code: a magic puts the object here and evaluates
 * {@code Type name = (Type) iommulab.kernel.Bindings.take("key");}. Public only because code compiled
 * by JShell must be able to call it; not meant for notebook code.
 */
public final class Bindings {
  private static final Map<String, Object> PENDING = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT = new AtomicLong();

  private Bindings() {}

  static String put(Object value) {
    String key = "b" + NEXT.incrementAndGet();
    PENDING.put(key, value);
    return key;
  }

  /** Removes and returns the object stored under {@code key}. */
  public static Object take(String key) {
    return PENDING.remove(key);
  }
}
