package iommulab.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Splits a command line the way the kernel's {@code next_arg} does and reads the parameters we model. */
final class CmdlineParser {
  static final String BOOL = "0 or 1 (also y/n, on/off)";
  static final String SIZE = "a size such as 0, 64M, 1G or 0x4000000 (suffix K, M, G, T)";
  static final String CMA = "nn[KMG][@start[KMG][-end[KMG]]], e.g. 0, 64M or 256M@0-4G";
  static final String NUMA_CMA = "<node>:nn[KMG][,<node>:nn[KMG]...], e.g. 0:64M,1:64M";

  // Keywords the kernel documents for each list parameter; the first ones are those iommulab
  // interprets, the rest are accepted so that a real command line such as intel_iommu=on,igfx_off
  // is not reported as malformed.
  static final Set<String> IOMMU_KEYWORDS = Set.of("pt", "nopt", "off", "force", "noforce",
      "soft", "merge", "nomerge", "panic", "nopanic", "biomerge", "usedac", "nodac", "allowdac",
      "calgary", "fullflush", "nofullflush", "noagp", "noaperture", "memaper", "allowed");
  static final Set<String> INTEL_KEYWORDS = Set.of("on", "off", "strict", "sm_on", "sm_off",
      "igfx_off", "forcedac", "tboot_noforce", "nobounce", "sp_off");
  static final Set<String> AMD_KEYWORDS = Set.of("off", "fullflush", "force_isolation",
      "force_enable", "pgtbl_v1", "pgtbl_v2", "irtcachedis", "nohugepages", "v2_pgsizes_only");

  private CmdlineParser() {}

  static BootConfig parse(String cmdline) {
    List<String> tokens = split(cmdline);
    Map<String, String> last = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (String token : tokens) {
      int eq = token.indexOf('=');
      String name = normalise(eq < 0 ? token : token.substring(0, eq));
      if (!MODELLED.contains(name)) {
        continue;
      }
      String previous = last.put(name, token);
      if (previous != null) {
        notes.add(name + " is given more than once ('" + previous + "', '" + token
            + "'); the kernel uses the last");
      }
    }
    return new BootConfig(
        cmdline,
        tokens,
        bool(last.get("iommu.passthrough")),
        bool(last.get("iommu.strict")),
        keywords(last.get("iommu"), IOMMU_KEYWORDS, "pt, nopt, off or force (comma-separated)"),
        keywords(last.get("intel_iommu"), INTEL_KEYWORDS,
            "on, off, strict, sm_on or sm_off (comma-separated)"),
        keywords(last.get("amd_iommu"), AMD_KEYWORDS,
            "off, fullflush or force_isolation (comma-separated)"),
        bool(last.get("iommu.forcedac")),
        cma(last.get("cma")),
        size(last.get("cma_pernuma")),
        numaCma(last.get("numa_cma")),
        notes);
  }

  private static final Set<String> MODELLED = Set.of("iommu.passthrough", "iommu.strict", "iommu",
      "intel_iommu", "amd_iommu", "iommu.forcedac", "cma", "cma_pernuma", "numa_cma");

  /** The kernel treats '-' and '_' in parameter names alike; names are case-sensitive. */
  private static String normalise(String name) {
    return name.replace('-', '_');
  }

  /**
   * Whitespace-separated tokens; double quotes protect spaces and are removed; a lone {@code --} ends
   * the kernel's parameters (the rest belong to init).
   */
  static List<String> split(String cmdline) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inQuotes = false;
    boolean inToken = false;
    for (int i = 0; i <= cmdline.length(); i++) {
      char c = i < cmdline.length() ? cmdline.charAt(i) : ' ';
      if (c == '"') {
        inQuotes = !inQuotes;
        inToken = true;
      } else if (!inQuotes && Character.isWhitespace(c)) {
        if (inToken) {
          String token = current.toString();
          if (token.equals("--")) {
            return tokens;
          }
          tokens.add(token);
          current.setLength(0);
          inToken = false;
        }
      } else {
        current.append(c);
        inToken = true;
      }
    }
    return tokens;
  }

  private static String value(String token) {
    int eq = token.indexOf('=');
    return eq < 0 ? null : token.substring(eq + 1);
  }

  /** The kernel's kstrtobool forms that are unambiguous; anything else is reported, not guessed. */
  static Setting<Boolean> bool(String token) {
    if (token == null) {
      return Setting.unset();
    }
    String v = value(token);
    if (v == null) {
      return new Setting.Malformed<>(token, BOOL);
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "1", "y", "yes", "on", "true" -> new Setting.Explicit<>(true, token);
      case "0", "n", "no", "off", "false" -> new Setting.Explicit<>(false, token);
      default -> new Setting.Malformed<>(token, BOOL);
    };
  }

  static Setting<List<String>> keywords(String token, Set<String> known, String expected) {
    if (token == null) {
      return Setting.unset();
    }
    String v = value(token);
    if (v == null || v.isEmpty()) {
      return new Setting.Malformed<>(token, expected);
    }
    List<String> words = new ArrayList<>();
    for (String word : v.split(",", -1)) {
      if (!known.contains(word)) {
        return new Setting.Malformed<>(token, expected
            + (word.isEmpty() ? "; found an empty keyword" : "; '" + word + "' is not one"));
      }
      words.add(word);
    }
    return new Setting.Explicit<>(Collections.unmodifiableList(words), token);
  }

  static Setting<Long> size(String token) {
    if (token == null) {
      return Setting.unset();
    }
    String v = value(token);
    long bytes = v == null ? -1 : Sizes.parse(v);
    return bytes < 0 ? new Setting.Malformed<>(token, SIZE) : new Setting.Explicit<>(bytes, token);
  }

  static Setting<CmaSpec> cma(String token) {
    if (token == null) {
      return Setting.unset();
    }
    String v = value(token);
    if (v == null) {
      return new Setting.Malformed<>(token, CMA);
    }
    int at = v.indexOf('@');
    long size = Sizes.parse(at < 0 ? v : v.substring(0, at));
    long start = -1;
    long end = -1;
    if (at >= 0) {
      String placement = v.substring(at + 1);
      int dash = placement.indexOf('-');
      start = Sizes.parse(dash < 0 ? placement : placement.substring(0, dash));
      if (dash >= 0) {
        end = Sizes.parse(placement.substring(dash + 1));
        if (end < 0) {
          return new Setting.Malformed<>(token, CMA);
        }
      }
      if (start < 0) {
        return new Setting.Malformed<>(token, CMA);
      }
    }
    if (size < 0) {
      return new Setting.Malformed<>(token, CMA);
    }
    return new Setting.Explicit<>(new CmaSpec(size, start, end), token);
  }

  static Setting<Map<Integer, Long>> numaCma(String token) {
    if (token == null) {
      return Setting.unset();
    }
    String v = value(token);
    if (v == null || v.isEmpty()) {
      return new Setting.Malformed<>(token, NUMA_CMA);
    }
    Map<Integer, Long> nodes = new TreeMap<>();
    for (String part : v.split(",", -1)) {
      int colon = part.indexOf(':');
      if (colon <= 0) {
        return new Setting.Malformed<>(token, NUMA_CMA);
      }
      String node = part.substring(0, colon);
      long bytes = Sizes.parse(part.substring(colon + 1));
      if (!node.chars().allMatch(Character::isDigit) || node.length() > 6 || bytes < 0) {
        return new Setting.Malformed<>(token, NUMA_CMA);
      }
      nodes.put(Integer.parseInt(node), bytes);
    }
    return new Setting.Explicit<>(Collections.unmodifiableMap(nodes), token);
  }

  static List<CmdlineProblem> problems(BootConfig boot) {
    List<CmdlineProblem> problems = new ArrayList<>();
    for (Setting<?> s : List.of(boot.iommuPassthrough(), boot.iommuStrict(), boot.iommu(),
        boot.intelIommu(), boot.amdIommu(), boot.iommuForceDac(), boot.cma(),
        boot.cmaPerNumaBytes(), boot.numaCmaBytes())) {
      if (s instanceof Setting.Malformed<?> m) {
        problems.add(new CmdlineProblem(m.token(), "expected " + m.expected()));
      }
    }
    problems.sort((a, b) -> Integer.compare(boot.tokens().lastIndexOf(a.token()),
        boot.tokens().lastIndexOf(b.token())));
    return problems;
  }
}
