package iommulab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BootConfigTest {

  /** cmdline | column | expected cell (cells as BootConfig.cell prints them). */
  @ParameterizedTest(name = "{0} -> {1}={2}")
  @CsvSource(delimiter = '|', value = {
    "root=/dev/sda                       | iommu_passthrough | unset",
    "iommu.passthrough=1                 | iommu_passthrough | 1",
    "iommu.passthrough=0                 | iommu_passthrough | 0",
    "iommu.passthrough=y                 | iommu_passthrough | 1",
    "iommu.passthrough=off               | iommu_passthrough | 0",
    "iommu.passthrough=2                 | iommu_passthrough | malformed",
    "iommu.passthrough                   | iommu_passthrough | malformed",
    "iommu.strict=0                      | iommu_strict      | 0",
    "iommu.strict=1 iommu.strict=0       | iommu_strict      | 0",
    "iommu.strict=lazy                   | iommu_strict      | malformed",
    "iommu=pt                            | iommu             | pt",
    "iommu=nopt                          | iommu             | nopt",
    "iommu=off                           | iommu             | off",
    "iommu=force                         | iommu             | force",
    "iommu=fast                          | iommu             | malformed",
    "intel_iommu=on,sm_on                | intel_iommu       | on,sm_on",
    "intel_iommu=on,igfx_off             | intel_iommu       | on,igfx_off",
    "intel-iommu=strict                  | intel_iommu       | strict",
    "intel_iommu=sm_off                  | intel_iommu       | sm_off",
    "intel_iommu=on,,strict              | intel_iommu       | malformed",
    "intel_iommu=                        | intel_iommu       | malformed",
    "amd_iommu=fullflush                 | amd_iommu         | fullflush",
    "amd_iommu=force_isolation           | amd_iommu         | force_isolation",
    "amd_iommu=off                       | amd_iommu         | off",
    "amd_iommu=on                        | amd_iommu         | malformed",
    "iommu.forcedac=1                    | iommu_forcedac    | 1",
    "cma=0                               | cma               | 0",
    "cma=64M                             | cma               | 64M",
    "cma=64m                             | cma               | 64M",
    "cma=1G                              | cma               | 1G",
    "cma=4096K                           | cma               | 4M",
    "cma=1000                            | cma               | 1000",
    "cma=0x4000000                       | cma               | 64M",
    "cma=256M@0-4G                       | cma               | 256M@0x0-0x100000000",
    "cma=256M@2G                         | cma               | 256M@0x80000000",
    "cma=64X                             | cma               | malformed",
    "cma=                                | cma               | malformed",
    "cma=64M@                            | cma               | malformed",
    "cma=64M@1G-                         | cma               | malformed",
    "cma_pernuma=16M                     | cma_pernuma       | 16M",
    "cma_pernuma=0                       | cma_pernuma       | 0",
    "cma_pernuma=lots                    | cma_pernuma       | malformed",
    "numa_cma=0:64M,1:32M                | numa_cma          | 0:64M,1:32M",
    "numa_cma=0:64M,x:1M                 | numa_cma          | malformed",
    "numa_cma=64M                        | numa_cma          | malformed",
    "'root=/dev/sda -- iommu.strict=0'   | iommu_strict      | unset",
    "'\"iommu.strict=0\"'                | iommu_strict      | 0",
  })
  void parsesEachParameter(String cmdline, String column, String expected) {
    assertEquals(expected, ConfigReport.forCmdline(cmdline, null).cells().get(column));
  }

  @Test
  void unsetIsDistinctFromExplicit() {
    BootConfig none = BootConfig.parse("quiet");
    BootConfig strict = BootConfig.parse("quiet iommu.strict=1");
    assertTrue(none.iommuStrict().isUnset());
    assertEquals(new Setting.Explicit<>(true, "iommu.strict=1"), strict.iommuStrict());
  }

  @Test
  void malformedValuesAreReportedWithTheirTokenInOrder() {
    BootConfig boot = BootConfig.parse("cma=lots iommu.passthrough=1 iommu.strict=maybe numa_cma=64M");
    assertEquals(List.of(
        new CmdlineProblem("cma=lots",
            "expected nn[KMG][@start[KMG][-end[KMG]]], e.g. 0, 64M or 256M@0-4G"),
        new CmdlineProblem("iommu.strict=maybe", "expected 0 or 1 (also y/n, on/off)"),
        new CmdlineProblem("numa_cma=64M",
            "expected <node>:nn[KMG][,<node>:nn[KMG]...], e.g. 0:64M,1:64M")),
        boot.problems());
    assertEquals(new Setting.Explicit<>(true, "iommu.passthrough=1"), boot.iommuPassthrough());
  }

  @Test
  void unknownKeywordIsNamed() {
    BootConfig boot = BootConfig.parse("intel_iommu=on,bogus");
    assertEquals(List.of(new CmdlineProblem("intel_iommu=on,bogus",
        "expected on, off, strict, sm_on or sm_off (comma-separated); 'bogus' is not one")),
        boot.problems());
  }

  @Test
  void repeatedParameterIsNotedAndTheLastWins() {
    BootConfig boot = BootConfig.parse("iommu.strict=1 iommu.strict=0");
    assertEquals(List.of("iommu.strict is given more than once ('iommu.strict=1', "
        + "'iommu.strict=0'); the kernel uses the last"), boot.notes());
  }

  @Test
  void cmaPlacementInBytes() {
    BootConfig boot = BootConfig.parse("cma=256M@1G-2G numa_cma=1:16M");
    assertEquals(new CmaSpec(256L << 20, 1L << 30, 2L << 30), boot.cma().valueOrNull());
    assertEquals(Map.of(1, 16L << 20), boot.numaCmaBytes().valueOrNull());
  }

  @Test
  void splitKeepsQuotedSpacesAndStopsAtInitArguments() {
    assertEquals(List.of("a=b c", "quiet"), CmdlineParser.split("\"a=b c\"  quiet -- init=1"));
  }
}
