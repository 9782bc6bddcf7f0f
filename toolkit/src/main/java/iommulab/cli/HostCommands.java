package iommulab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The few host commands the CLI runs on the live machine (the library only reads files). */
final class HostCommands {
  private HostCommands() {}

  /** The kernel log as {@code dmesg} prints it, or "" when dmesg is missing or not permitted. */
  static String kernelLog() {
    try {
      Process p = new ProcessBuilder("dmesg").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroy();
        return "";
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
