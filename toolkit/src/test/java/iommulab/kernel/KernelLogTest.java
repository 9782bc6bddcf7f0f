package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the kernel has to say about itself goes to the stderr it was started with, never into a cell:
 * cells' {@code System.err} is routed to the running cell, so a log written there would show up in
 * whatever cell ran next.
 */
@Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KernelLogTest {
  @Test
  void anIgnoredRequestIsLoggedToTheKernelsStderrAndIntoNoCell(@TempDir Path dir) throws Exception {
    try (KernelClient client = new KernelClient(dir, null)) {
      client.waitReady();
      // a first cell: the session is up and System.err is routed to the cells from here on
      String first = client.send(client.shell, "execute_request", KernelClient.execute("1 + 1"));
      assertEquals("ok", client.reply(client.shell, first).content().get("status").getAsString());
      client.iopubUntilIdle(first);
      client.send(client.shell, "no_such_request", new JsonObject());
      Thread.sleep(300); // time for the periodic flush of printed text, as between two cells
      String id = client.send(client.shell, "execute_request", KernelClient.execute("System.out.println(\"cell ran\");"));
      assertEquals("ok", client.reply(client.shell, id).content().get("status").getAsString());
      List<String> streams = new ArrayList<>(); // every stream message on IOPub, whichever cell it names
      while (true) {
        Wire.Message m = client.receive(client.iopub);
        boolean ours = m.parent().has("msg_id") && m.parent().get("msg_id").getAsString().equals(id);
        if (m.type().equals("stream")) {
          streams.add((ours ? "" : "other cell: ") + m.content().get("name").getAsString() + ":"
              + m.content().get("text").getAsString());
        }
        if (ours && m.type().equals("status") && m.content().get("execution_state").getAsString().equals("idle")) {
          break;
        }
      }
      assertEquals(List.of("stdout:cell ran\n"), streams, "no cell shows the kernel's log");
      assertTrue(Files.readString(dir.resolve("kernel.err")).contains("iommulab kernel: ignoring no_such_request"),
          "kernel stderr: " + Files.readString(dir.resolve("kernel.err")));
      assertEquals("", Files.readString(dir.resolve("kernel.out")), "nothing on the kernel's stdout");
    }
  }
}
