package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A kernel never outlives its client: it exits when the process named by JPY_PARENT_PID exits. */
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
    } finally {
      fakeClient.destroyForcibly();
    }
  }
}
