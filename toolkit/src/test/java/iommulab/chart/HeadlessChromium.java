package iommulab.chart;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test helper: opens an HTML file in Debian's headless Chromium, returns the DOM after scripts ran
 * and every URL the page asked the browser's network stack for. Tests that use it are skipped, with
 * a message, when {@code /usr/bin/chromium} is absent.
 *
 * <p>Requests come from Chromium's own net log ({@code --log-net-log}): each {@code
 * URL_REQUEST_START_JOB} event names its URL and initiator. The browser's background traffic
 * (update checks, account probes), which the disable flags do not fully silence, has the initiator
 * {@code "not an origin"}; anything a page loads, fetches or navigates to carries the page's origin
 * ({@code "null"} for a file:// page), so that is what is kept.
 */
public final class HeadlessChromium {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String BROWSER_INITIATED = "not an origin";

  /**
   * What the browser made of a page.
   *
   * @param requestedUrls every URL the page (not the browser itself) asked the network stack for
   */
  public record Rendered(String dom, List<String> requestedUrls) {
    /** Requested URLs other than local files: anything here went, or tried to go, to a network. */
    public List<String> nonFileUrls() {
      return requestedUrls.stream().filter(u -> !u.startsWith("file:")).toList();
    }

    /**
     * Whether plotly drew into the chart div {@code divId}: its SVG root ({@code main-svg}) is
     * inside that div, before the next chart div starts.
     */
    public boolean drew(String divId) {
      int start = dom.indexOf("<div id=\"" + divId + "\"");
      if (start < 0) {
        return false;
      }
      int next = dom.indexOf("class=\"iommulab-chart", dom.indexOf('>', start));
      String inside = next < 0 ? dom.substring(start) : dom.substring(start, next);
      return inside.contains("class=\"main-svg\"");
    }

    /** How many times {@code needle} occurs in the DOM. */
    public int count(String needle) {
      int n = 0;
      for (int i = dom.indexOf(needle); i >= 0; i = dom.indexOf(needle, i + needle.length())) {
        n++;
      }
      return n;
    }
  }

  private HeadlessChromium() {}

  public static void assumeAvailable() {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "skipped: " + CHROMIUM + " is not installed (apt-get install chromium); CI installs it");
  }

  /** Renders {@code page}, letting scripts run for up to {@code virtualMillis} of virtual time. */
  public static Rendered render(Path page, int virtualMillis)
      throws IOException, InterruptedException {
    assumeAvailable();
    Path work = Files.createTempDirectory("iommulab-chromium");
    try {
      Path profile = Files.createDirectory(work.resolve("profile"));
      Path netLog = work.resolve("net-log.json");
      Path stdout = work.resolve("dom.html");
      Path stderr = work.resolve("stderr.txt");
      List<String> cmd =
          List.of(
              CHROMIUM.toString(),
              "--headless",
              "--no-sandbox",
              "--disable-gpu",
              "--disable-background-networking",
              "--disable-component-update",
              "--disable-sync",
              "--no-first-run",
              "--user-data-dir=" + profile,
              "--log-net-log=" + netLog,
              "--net-log-capture-mode=Everything",
              "--virtual-time-budget=" + virtualMillis,
              "--dump-dom",
              page.toAbsolutePath().toUri().toString());
      Process p =
          new ProcessBuilder(cmd)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("chromium did not finish within 120 s: " + cmd);
      }
      if (p.exitValue() != 0) {
        throw new IOException(
            "chromium exited " + p.exitValue() + ": " + Files.readString(stderr));
      }
      String dom = Files.readString(stdout, StandardCharsets.UTF_8);
      if (!Files.exists(netLog)) {
        throw new IOException("chromium wrote no net log at " + netLog);
      }
      return new Rendered(dom, pageRequests(Files.readString(netLog, StandardCharsets.UTF_8)));
    } finally {
      deleteTree(work);
    }
  }

  private static List<String> pageRequests(String netLogJson) {
    JsonObject log = JsonParser.parseString(netLogJson).getAsJsonObject();
    int startJob =
        log.getAsJsonObject("constants")
            .getAsJsonObject("logEventTypes")
            .get("URL_REQUEST_START_JOB")
            .getAsInt();
    TreeSet<String> urls = new TreeSet<>();
    for (JsonElement e : log.getAsJsonArray("events")) {
      JsonObject event = e.getAsJsonObject();
      JsonObject params = event.getAsJsonObject("params");
      // the job's end event repeats the type without a URL
      if (event.get("type").getAsInt() != startJob || params == null || !params.has("url")) {
        continue;
      }
      JsonElement initiator = params.get("initiator");
      if (initiator == null || !BROWSER_INITIATED.equals(initiator.getAsString())) {
        urls.add(params.get("url").getAsString());
      }
    }
    return new ArrayList<>(urls);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
