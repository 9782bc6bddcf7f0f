package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kernel never outlives its client: it exits when the process named by JPY_PARENT_PID exits. */
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
