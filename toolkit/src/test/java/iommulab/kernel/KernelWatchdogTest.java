package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kernel never outlives its client: it exits when the process named by JPY_PARENT_PID exits, or
 * without that variable when its parent process exits, and says so on its own stderr.
 */
// Each test talks to a kernel process; one that stops answering fails the test instead of hanging the build.
@Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KernelWatchdogTest {
  @Test
  void kernelExitsWhenItsClientDies(@TempDir Path dir) throws Exception {
    Process fakeClient = new ProcessBuilder("sleep", "600").start();
    try (KernelClient client = new KernelClient(dir, fakeClient.pid())) {
      client.waitReady();
      assertTrue(client.process.isAlive());
      fakeClient.destroy();
      assertTrue(client.process.waitFor(15, TimeUnit.SECONDS), "kernel still running after its client exited");
      assertTrue(Files.readString(dir.resolve("kernel.err"))
              .contains("iommulab kernel: client process " + fakeClient.pid() + " exited; stopping"),
          "the watchdog says why the kernel stopped, on the kernel's own stderr");
    } finally {
      fakeClient.destroyForcibly();
    }
  }

  /** Without JPY_PARENT_PID (a client that does not set it), the kernel watches the process that started it. */
  @Test
  void withoutJpyParentPidTheKernelExitsWhenItsParentProcessDies(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("connection.json");
    Path pidFile = dir.resolve("kernel.pid");
    Path err = dir.resolve("kernel.err");
    try (LoopbackClient jupyter = new LoopbackClient(Duration.ofSeconds(30))) {
      Files.writeString(file, jupyter.connection().toString());
      // sh starts the kernel in the background and waits: sh, not this JVM, is the kernel's parent
      ProcessBuilder pb = new ProcessBuilder("sh", "-c", "\"$0\" -cp \"$1\" iommulab.cli.Main kernel run \"$2\" 2>\"$3\" &"
              + " echo $! >\"$4\"; wait",
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          String.join(File.pathSeparator, Classpath.entries(System.getProperty("java.class.path"))),
          file.toString(), err.toString(), pidFile.toString());
      pb.environment().remove("JPY_PARENT_PID");
      Process parent = pb.redirectOutput(dir.resolve("sh.out").toFile()).start();
      ProcessHandle kernel = null;
      try {
        jupyter.waitReady();
        kernel = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElseThrow();
        assertEquals(parent.pid(), kernel.parent().map(ProcessHandle::pid).orElse(-1L));
        parent.destroyForcibly();
        parent.waitFor(10, TimeUnit.SECONDS);
        kernel.onExit().get(15, TimeUnit.SECONDS);
        assertTrue(Files.readString(err).contains("iommulab kernel: client process " + parent.pid() + " exited; stopping"),
            Files.readString(err));
      } finally {
        parent.destroyForcibly();
        if (kernel != null) {
          kernel.destroyForcibly();
        }
      }
    }
  }
}
