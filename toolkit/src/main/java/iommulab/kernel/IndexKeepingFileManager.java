package iommulab.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * JShell's standard file manager with one call made idempotent. Every javac task JShell starts
 * (two to four per snippet) sets {@code --multi-release} on the shared file manager, with the same
 * value each time, and JDK 17's {@code JavacFileManager.handleOption} drops its index of the class
 * path's packages on any file-manager option, so each task re-indexed the whole toolkit jar:
 * about a tenth of a trivial cell's time. A repeat of the value already set is consumed here;
 * every other option, and a new multi-release value, goes through (so {@code %jars} still
 * re-indexes). Everything else is forwarded unchanged.
 */
final class IndexKeepingFileManager extends ForwardingJavaFileManager<StandardJavaFileManager>
    implements StandardJavaFileManager {
  private static final String MULTI_RELEASE = "--multi-release";
  private String multiRelease;

  IndexKeepingFileManager(StandardJavaFileManager delegate) {
    super(delegate);
  }

  @Override
  public boolean handleOption(String current, Iterator<String> remaining) {
    if (MULTI_RELEASE.equals(current) && remaining.hasNext()) {
      String value = remaining.next();
      if (value.equals(multiRelease)) {
        return true;
      }
      boolean handled = fileManager.handleOption(current, List.of(value).iterator());
      if (handled) {
        multiRelease = value;
      }
      return handled;
    }
    if (fileManager.isSupportedOption(current) >= 0) {
      multiRelease = null; // the delegate dropped its index: let the next task set it again
    }
    return fileManager.handleOption(current, remaining);
  }

  @Override
  public boolean isSameFile(FileObject a, FileObject b) {
    return fileManager.isSameFile(a, b);
  }

  @Override
  public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
    return fileManager.getJavaFileObjectsFromFiles(files);
  }

  @Override
  public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
    return fileManager.getJavaFileObjectsFromPaths(paths);
  }

  @Override
  @SuppressWarnings("deprecation")
  public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Iterable<? extends Path> paths) {
    return fileManager.getJavaFileObjectsFromPaths(paths);
  }

  @Override
  public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
    return fileManager.getJavaFileObjects(files);
  }

  @Override
  public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
    return fileManager.getJavaFileObjects(paths);
  }

  @Override
  public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
    return fileManager.getJavaFileObjectsFromStrings(names);
  }

  @Override
  public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
    return fileManager.getJavaFileObjects(names);
  }

  @Override
  public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
    fileManager.setLocation(location, files);
  }

  @Override
  public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
    fileManager.setLocationFromPaths(location, paths);
  }

  @Override
  public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths)
      throws IOException {
    fileManager.setLocationForModule(location, moduleName, paths);
  }

  @Override
  public Iterable<? extends File> getLocation(Location location) {
    return fileManager.getLocation(location);
  }

  @Override
  public Iterable<? extends Path> getLocationAsPaths(Location location) {
    return fileManager.getLocationAsPaths(location);
  }

  @Override
  public Path asPath(FileObject file) {
    return fileManager.asPath(file);
  }

  @Override
  public void setPathFactory(PathFactory factory) {
    fileManager.setPathFactory(Objects.requireNonNull(factory));
  }
}
