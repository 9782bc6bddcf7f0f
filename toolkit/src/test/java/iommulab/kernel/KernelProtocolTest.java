package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The kernel process over ZeroMQ, as a Jupyter client sees it. Tests share one kernel, in order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Each test talks to a kernel process; one that stops answering fails the test instead of hanging the build.
@Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KernelProtocolTest {
  @TempDir static Path dir;
  static KernelClient client;
  static Wire.Message info;

  @BeforeAll
  static void start() throws Exception {
    client = new KernelClient(dir, null);
    info = client.waitReady();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
  }

  private static List<String> kinds(List<Wire.Message> messages) {
    return messages.stream().map(m -> switch (m.type()) {
      case "status" -> "status:" + m.content().get("execution_state").getAsString();
      case "stream" -> "stream:" + m.content().get("name").getAsString() + ":" + m.content().get("text").getAsString();
      case "execute_result" -> "result:" + m.content().getAsJsonObject("data").get("text/plain").getAsString();
      case "error" -> "error:" + m.content().get("ename").getAsString();
      default -> m.type();
    }).collect(Collectors.toList());
  }

  @Test
  @Order(1)
  void kernelInfoNamesIommulab() {
    JsonObject c = info.content();
    assertEquals("iommulab", c.get("implementation").getAsString());
    assertEquals(KernelSpec.version(), c.get("implementation_version").getAsString());
    assertEquals("5.3", c.get("protocol_version").getAsString());
    assertEquals("java", c.getAsJsonObject("language_info").get("name").getAsString());
  }

  @Test
  @Order(2)
  void executeStreamsInOrderThenResult() {
    String id = client.send(client.shell, "execute_request",
        KernelClient.execute("System.out.println(\"out\");\ndisplay(\"middle\");\nSystem.err.println(\"err\");\n1 + 1"));
    JsonObject reply = client.reply(client.shell, id).content();
    assertEquals("ok", reply.get("status").getAsString());
    assertEquals(1, reply.get("execution_count").getAsInt());
    List<Wire.Message> iopub = client.iopubUntilIdle(id);
    assertEquals(
        List.of("status:busy", "execute_input", "stream:stdout:out\n", "display_data", "stream:stderr:err\n",
            "result:2", "status:idle"),
        kinds(iopub));
    assertEquals("\"middle\"".replace("\"", ""),
        iopub.get(3).content().getAsJsonObject("data").get("text/plain").getAsString());
  }

  @Test
  @Order(3)
  void tablesAreDisplayedAsHtml() {
    String id = client.send(client.shell, "execute_request",
        KernelClient.execute("display(Table.create(\"t\", IntColumn.indexColumn(\"i\", 2, 7)))"));
    client.reply(client.shell, id);
    Wire.Message display = client.iopubUntilIdle(id).stream().filter(m -> m.type().equals("display_data")).findFirst().orElseThrow();
    String html = display.content().getAsJsonObject("data").get("text/html").getAsString();
    assertTrue(html.contains("<td>7</td>") && html.contains("<td>8</td>"), html);
  }

  @Test
  @Order(4)
  void compileErrorIsAnErrorReply() {
    String id = client.send(client.shell, "execute_request", KernelClient.execute("int x = \"s\";"));
    JsonObject reply = client.reply(client.shell, id).content();
    assertEquals("error", reply.get("status").getAsString());
    assertEquals("CompilationException", reply.get("ename").getAsString());
    assertEquals("int x = \"s\";", reply.getAsJsonArray("traceback").get(0).getAsString());
    assertTrue(kinds(client.iopubUntilIdle(id)).contains("error:CompilationException"));
  }

  @Test
  @Order(5)
  void completeAndIsComplete() {
    JsonObject c = new JsonObject();
    c.addProperty("code", "String s = \"\"; s.toUpp");
    c.addProperty("cursor_pos", 22);
    String id = client.send(client.shell, "complete_request", c);
    JsonObject reply = client.reply(client.shell, id).content();
    assertEquals("toUpperCase(", reply.getAsJsonArray("matches").get(0).getAsString());
    assertEquals(17, reply.get("cursor_start").getAsInt());
    assertEquals(22, reply.get("cursor_end").getAsInt());
    client.iopubUntilIdle(id);

    for (var code : List.of(List.of("for (int i = 0; i < 3; i++) {", "incomplete"), List.of("1 + 1", "complete"),
        List.of("%%qemuio r\nread", "complete"))) {
      JsonObject q = new JsonObject();
      q.addProperty("code", code.get(0));
      String qid = client.send(client.shell, "is_complete_request", q);
      assertEquals(code.get(1), client.reply(client.shell, qid).content().get("status").getAsString(), code.get(0));
      client.iopubUntilIdle(qid);
    }
  }

  @Test
  @Order(6)
  void inspectFindsTheNameAtTheCursorAndSaysWhenThereIsNothing() {
    JsonObject q = new JsonObject();
    q.addProperty("code", "String s = \"\"; s.length()");
    q.addProperty("cursor_pos", 20); // inside "length"
    q.addProperty("detail_level", 0);
    String id = client.send(client.shell, "inspect_request", q);
    Wire.Message reply = client.reply(client.shell, id);
    assertEquals("inspect_reply", reply.type());
    JsonObject c = reply.content();
    assertEquals("ok", c.get("status").getAsString());
    assertTrue(c.get("found").getAsBoolean());
    String text = c.getAsJsonObject("data").get("text/plain").getAsString();
    assertTrue(text.startsWith("int String.length()"), text);
    client.iopubUntilIdle(id);

    JsonObject none = new JsonObject();
    none.addProperty("code", "1 + 1");
    none.addProperty("cursor_pos", 5);
    none.addProperty("detail_level", 0);
    String noneId = client.send(client.shell, "inspect_request", none);
    JsonObject n = client.reply(client.shell, noneId).content();
    assertEquals("ok", n.get("status").getAsString());
    assertFalse(n.get("found").getAsBoolean());
    assertEquals(new JsonObject(), n.getAsJsonObject("data"));
    assertEquals(new JsonObject(), n.getAsJsonObject("metadata"));
    client.iopubUntilIdle(noneId);
  }

  @Test
  @Order(7)
  void twentyThousandPrintedLinesAllArrive() {
    String id = client.send(client.shell, "execute_request",
        KernelClient.execute("for (int i = 0; i < 20000; i++) System.out.println(\"line \" + i);"));
    assertEquals("ok", client.reply(client.shell, id).content().get("status").getAsString());
    StringBuilder text = new StringBuilder();
    for (Wire.Message m : client.iopubUntilIdle(id)) {
      if (m.type().equals("stream")) {
        text.append(m.content().get("text").getAsString());
      }
    }
    String[] lines = text.toString().split("\n");
    assertEquals(20000, lines.length);
    for (int i = 0; i < lines.length; i++) {
      assertEquals("line " + i, lines[i]);
    }
  }

  @Test
  @Order(8)
  void interruptStopsASleepingCellAndABusyLoop() throws Exception {
    for (String code : List.of("Thread.sleep(120_000);", "long n = 0; while (true) { n++; }")) {
      String id = client.send(client.shell, "execute_request", KernelClient.execute(code));
      // Wait until the cell started; IOPub also carries the status messages of other requests.
      Wire.Message m;
      do {
        m = client.receive(client.iopub);
      } while (!(m.type().equals("execute_input") && m.parent().get("msg_id").getAsString().equals(id)));
      Thread.sleep(300);
      long t0 = System.nanoTime();
      String irq = client.send(client.control, "interrupt_request", new JsonObject());
      assertEquals("interrupt_reply", client.reply(client.control, irq).type());
      JsonObject reply = client.reply(client.shell, id).content();
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertEquals("error", reply.get("status").getAsString(), code);
      assertEquals("Interrupted", reply.get("ename").getAsString(), code);
      assertTrue(seconds < 5, code + " took " + seconds + " s to stop");
      client.iopubUntilIdle(id);
    }
    String id = client.send(client.shell, "execute_request", KernelClient.execute("\"still alive\""));
    assertEquals("ok", client.reply(client.shell, id).content().get("status").getAsString());
    client.iopubUntilIdle(id);
  }

  @Test
  @Order(9)
  void shutdownRepliesAndExits() throws Exception {
    String id = client.send(client.control, "shutdown_request", new JsonObject());
    Wire.Message reply = client.reply(client.control, id);
    assertEquals("shutdown_reply", reply.type());
    assertEquals("ok", reply.content().get("status").getAsString());
    assertFalse(reply.content().get("restart").getAsBoolean());
    assertTrue(client.process.waitFor(10, TimeUnit.SECONDS), "kernel still running after shutdown");
    assertEquals(0, client.process.exitValue());
  }
}
