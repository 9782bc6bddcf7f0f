package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

class IndexKeepingFileManagerTest {
  /** A delegate that records every option it is given and supports all of them. */
  private static StandardJavaFileManager recording(List<String> seen) {
    return (StandardJavaFileManager) Proxy.newProxyInstance(
        IndexKeepingFileManagerTest.class.getClassLoader(),
        new Class<?>[] {StandardJavaFileManager.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "handleOption" -> {
            @SuppressWarnings("unchecked")
            java.util.Iterator<String> rest = (java.util.Iterator<String>) args[1];
            seen.add(args[0] + " " + rest.next());
            yield true;
          }
          case "isSupportedOption" -> 1;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static boolean option(IndexKeepingFileManager fm, String name, String value) {
    return fm.handleOption(name, List.of(value).iterator());
  }

  @Test
  void aRepeatedMultiReleaseValueIsConsumedAndAnythingElseGoesThrough() {
    List<String> seen = new ArrayList<>();
    IndexKeepingFileManager fm = new IndexKeepingFileManager(recording(seen));
    assertTrue(option(fm, "--multi-release", "17"));
    assertTrue(option(fm, "--multi-release", "17"));
    assertTrue(option(fm, "--multi-release", "17"));
    assertEquals(List.of("--multi-release 17"), seen);
    option(fm, "--multi-release", "11");
    assertEquals(List.of("--multi-release 17", "--multi-release 11"), seen);
    // a class path change makes the delegate drop its index: the next task's value goes through
    option(fm, "-classpath", "/x.jar");
    option(fm, "--multi-release", "11");
    assertEquals(List.of("--multi-release 17", "--multi-release 11", "-classpath /x.jar", "--multi-release 11"), seen);
  }

  @Test
  void forwardsToTheRealStandardFileManager() throws Exception {
    try (var real = ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null);
        var fm = new IndexKeepingFileManager(real)) {
      fm.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(java.nio.file.Path.of("a.jar")));
      assertEquals(List.of(java.nio.file.Path.of("a.jar")), toList(fm.getLocationAsPaths(StandardLocation.CLASS_PATH)));
      assertTrue(option(fm, "--multi-release", "17"));
    }
  }

  private static List<Object> toList(Iterable<?> it) {
    List<Object> out = new ArrayList<>();
    it.forEach(out::add);
    return out;
  }
}
