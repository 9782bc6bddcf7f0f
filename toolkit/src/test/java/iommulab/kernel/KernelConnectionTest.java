package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Kernel.Connection#read}: what Jupyter writes is read into a {@link Kernel.Connection}; any
 * file Jupyter could not have written is a {@link Kernel.ConnectionFileException} whose message names
 * the file and the field, or the line and column.
 */
class KernelConnectionTest {
  private static final String EXPECTED = "; expected a JSON object with transport, ip, shell_port, iopub_port,"
      + " stdin_port, control_port, hb_port and key (signature_scheme hmac-sha256), as Jupyter writes it";
  private static final String LENIENT = "not strict JSON (names and strings in double quotes, ':' after a name,"
      + " ',' between members, no comments, nothing after the object)";

  /** What jupyter_client 7 writes, fields in its order. */
  private static final String JUPYTER = "{\n  \"shell_port\": 50001,\n  \"iopub_port\": 50002,\n"
      + "  \"stdin_port\": 50003,\n  \"control_port\": 50004,\n  \"hb_port\": 50005,\n  \"ip\": \"127.0.0.1\",\n"
      + "  \"key\": \"6c2f1a4e-0b1d4c0e9d\",\n  \"transport\": \"tcp\",\n  \"signature_scheme\": \"hmac-sha256\",\n"
      + "  \"kernel_name\": \"iommulab\"\n}\n";

  @TempDir Path dir;

  @Test
  void whatJupyterWritesIsRead() throws Exception {
    assertEquals(new Kernel.Connection("tcp", "127.0.0.1", 50001, 50002, 50003, 50004, 50005, "6c2f1a4e-0b1d4c0e9d"),
        Kernel.Connection.read(write("a.json", JUPYTER)));
    // An empty or absent key means unsigned messages; a port written as 5.0 is still port 5.
    String unsigned = JUPYTER.replace("  \"key\": \"6c2f1a4e-0b1d4c0e9d\",\n", "")
        .replace("\"hb_port\": 50005", "\"hb_port\": 5.0");
    assertEquals(new Kernel.Connection("tcp", "127.0.0.1", 50001, 50002, 50003, 50004, 5, ""),
        Kernel.Connection.read(write("b.json", unsigned)));
  }

  @Test
  void aPortMustBeAWholeNumberFrom1To65535() throws Exception {
    assertBad(JUPYTER.replace("\"hb_port\": 50005", "\"hb_port\": 70000"),
        "bad hb_port 70000: not a port number (a whole number 1..65535)");
    assertBad(JUPYTER.replace("\"hb_port\": 50005", "\"hb_port\": 1.5"),
        "bad hb_port 1.5: not a port number (a whole number 1..65535)");
    assertBad(JUPYTER.replace("\"stdin_port\": 50003", "\"stdin_port\": -1"),
        "bad stdin_port -1: not a port number (a whole number 1..65535)");
    assertBad(JUPYTER.replace("\"shell_port\": 50001", "\"shell_port\": 0"),
        "bad shell_port 0: not a port number (a whole number 1..65535)");
    assertBad(JUPYTER.replace("\"shell_port\": 50001", "\"shell_port\": \"one\""),
        "bad shell_port \"one\": not a port number (a whole number 1..65535)");
    assertBad(JUPYTER.replace("  \"hb_port\": 50005,\n", ""), "no hb_port");
  }

  @Test
  void stringFieldsMustBeStrings() throws Exception {
    assertBad(JUPYTER.replace("\"key\": \"6c2f1a4e-0b1d4c0e9d\"", "\"key\": {}"), "bad key {}: not a string");
    assertBad(JUPYTER.replace("\"signature_scheme\": \"hmac-sha256\"", "\"signature_scheme\": null"),
        "bad signature_scheme null: not a string");
    assertBad(JUPYTER.replace("\"transport\": \"tcp\"", "\"transport\": 5"), "bad transport 5: not a string");
    assertBad(JUPYTER.replace("\"ip\": \"127.0.0.1\"", "\"ip\": [127, 0, 0, 1]"), "bad ip [127,0,0,1]: not a string");
    assertBad(JUPYTER.replace("  \"ip\": \"127.0.0.1\",\n", ""), "no ip");
  }

  @Test
  void onlyTcpAndHmacSha256AreSupported() throws Exception {
    assertBad(JUPYTER.replace("\"transport\": \"tcp\"", "\"transport\": \"udp\""),
        "transport udp is not supported (only tcp)");
    assertBad(JUPYTER.replace("\"transport\": \"tcp\"", "\"transport\": \"ipc\""),
        "transport ipc is not supported (only tcp)");
    assertBad(JUPYTER.replace("hmac-sha256", "hmac-md5"), "signature_scheme hmac-md5 is not supported");
  }

  @Test
  void syntaxErrorsNameTheLineAndColumn() throws Exception {
    Path truncated = write("t.json", "{\"transport\": ");
    assertMessage(truncated + ":1:15: not JSON: End of input" + EXPECTED, truncated);
    Path unquoted = write("u.json", "{transport: 'tcp', ip: '127.0.0.1'}");
    assertMessage(unquoted + ":1:3: " + LENIENT + EXPECTED, unquoted);
    Path semicolons = write("s.json", "{\"transport\": \"tcp\";\n\"ip\"=\"127.0.0.1\"}");
    assertMessage(semicolons + ":1:21: " + LENIENT + EXPECTED, semicolons);
    Path trailing = write("x.json", JUPYTER + "// written by hand\n");
    assertMessage(trailing + ":13:2: " + LENIENT + EXPECTED, trailing);
    Path array = write("a.json", "[1, 2]");
    assertMessage(array + ": not a Jupyter connection file" + EXPECTED, array);
    Path empty = write("e.json", "");
    assertMessage(empty + ": not a Jupyter connection file" + EXPECTED, empty);
  }

  @Test
  void invalidUtf8IsNamedWithItsLineAndColumn() throws Exception {
    Path file = dir.resolve("latin1.json");
    Files.write(file, "{\n  \"ip\": \"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertMessage(file + ":2:13: not UTF-8 (byte 0xE9)" + EXPECTED, file);
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private void assertBad(String json, String what) throws Exception {
    Path file = write("bad.json", json);
    assertMessage(file + ": " + what + EXPECTED, file);
  }

  private static void assertMessage(String message, Path file) {
    var e = assertThrows(Kernel.ConnectionFileException.class, () -> Kernel.Connection.read(file));
    assertEquals(message, e.getMessage());
  }
}
