package iommulab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import iommulab.parse.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class StackProfileTest {
  /**
   * A hand-made tree, root first:
   *
   * <pre>
   *   main;read;dma_map        5
   *   main;read;dma_unmap      3
   *   main;write;dma_map       2
   *   main;main_loop;main      4   (recursive: main counted once per stack)
   * </pre>
   *
   * Inclusive: main 14, read 8, dma_map 7, main_loop 4, dma_unmap 3, write 2. Self: dma_map 7,
   * main 4, dma_unmap 3, others 0.
   */
  private static final String TREE =
      "main;read;dma_map 5\nmain;read;dma_unmap 3\nmain;write;dma_map 2\nmain;main_loop;main 4\n";

  @Test
  void inclusiveAndSelfCountsOnAHandMadeTree() throws ParseException {
    StackProfile p = StackProfile.fromFolded(TREE);
    assertEquals(14, p.total());
    assertEquals(
        List.of(
            new FrameCount("main", 14, 4),
            new FrameCount("read", 8, 0),
            new FrameCount("dma_map", 7, 7),
            new FrameCount("main_loop", 4, 0),
            new FrameCount("dma_unmap", 3, 3),
            new FrameCount("write", 2, 0)),
        p.frames());
  }

  @Test
  void topPathsLargestFirst() throws ParseException {
    List<StackPath> top = StackProfile.fromFolded(TREE).topPaths(2);
    assertEquals(
        List.of(new StackPath("main;read;dma_map", 5), new StackPath("main;main_loop;main", 4)),
        top);
    assertEquals("dma_map", top.get(0).leaf());
    assertEquals(List.of("main", "read", "dma_map"), top.get(0).frames());
  }

  @Test
  void filterKeepsStacksWithAFrameMatchingTheGlob() throws ParseException {
    StackProfile p =
        StackProfile.fromFolded(
            "nvme_rw;arm_smmu_unmap;arm_smmu_tlb_inv_page_nosync 7\nnvme_rw;iommu_dma_map 2\n"
                + "x;arm.smmu 1\n");
    assertEquals(
        Map.of("nvme_rw;arm_smmu_unmap;arm_smmu_tlb_inv_page_nosync", 7L),
        p.filter("arm_smmu_*").paths());
    assertEquals(1, p.filter("arm?smmu").paths().size(), "? matches one character, . is literal");
    assertEquals(0, p.filter("arm_smmu").paths().size(), "no implicit wildcard");
  }

  @Test
  void foldedRoundTripAndRepeatedPathsAddUp() throws ParseException {
    assertEquals(TREE, StackProfile.fromFolded(TREE).toFolded());
    assertEquals(
        "a;b 5\nc 1\n", StackProfile.fromFolded("a;b 2\n\nc 1\na;b 3\n").toFolded());
    // frames may hold spaces; the count is after the last one
    assertEquals(
        "[unknown];do sys 4\n", StackProfile.fromFolded("[unknown];do sys 4\n").toFolded());
  }

  @Test
  void badCountNamesLineAndColumn() {
    ParseException e =
        assertThrows(ParseException.class, () -> StackProfile.fromFolded("a;b 1\na;c x1\n"));
    assertEquals(
        "<folded>:2:5: bad sample count 'x1'; expected 'frame;frame;...;frame COUNT'",
        e.getMessage());
    ParseException none =
        assertThrows(ParseException.class, () -> StackProfile.fromFolded("a;b\n"));
    assertEquals(
        "<folded>:1:4: no sample count; expected 'frame;frame;...;frame COUNT'", none.getMessage());
  }

  @Test
  void mergeAddsAndDiffComparesPathByPath() throws ParseException {
    StackProfile strict = StackProfile.fromFolded("a;unmap;inv 10\na;map 4\n");
    StackProfile lazy = StackProfile.fromFolded("a;map 4\na;unmap;flush_queue 3\n");
    assertEquals(
        "a;unmap;inv 10\na;map 8\na;unmap;flush_queue 3\n", strict.merge(lazy).toFolded());
    StackDiff d = StackProfile.diff("strict", strict, "lazy", lazy);
    assertEquals(14, d.baselineTotal());
    assertEquals(7, d.otherTotal());
    assertEquals(
        List.of(
            new StackDiff.Change("a;unmap;inv", 10, 0),
            new StackDiff.Change("a;unmap;flush_queue", 0, 3),
            new StackDiff.Change("a;map", 4, 4)),
        d.paths());
    StringBuilder folded = new StringBuilder();
    d.writeFolded(folded);
    assertEquals("a;unmap;inv 10 0\na;unmap;flush_queue 0 3\na;map 4 4\n", folded.toString());
  }

  @Test
  void parserStacksFoldRootFirstAndAddUp() {
    // frames are leaf first in the parser's Stack; userStart 2 puts "-" between kernel and user
    List<iommulab.parse.Stack> stacks =
        List.of(
            new iommulab.parse.Stack(0, "qemu", 7, 4, List.of("inv", "unmap", "main"), 2, 1),
            new iommulab.parse.Stack(1, "qemu", 7, 6, List.of("inv", "unmap", "main"), 2, 9));
    assertEquals("main;-;unmap;inv 10\n", StackProfile.fromStacks(stacks).toFolded());
  }

  @Test
  void delimiterFrameIsNotCountedAndTableRowsAddUp() {
    Table t =
        Table.create(
            "stackcount",
            StringColumn.create("folded", "qemu;read;-;sys_read", "qemu;read;-;sys_read"),
            IntColumn.create("count", 2, 3),
            StringColumn.create("run_label", "strict", "lazy"));
    StackProfile p = StackProfile.fromTable(t);
    assertEquals(Map.of("qemu;read;-;sys_read", 5L), p.paths());
    assertEquals(
        List.of("qemu", "read", "sys_read"), p.frames().stream().map(FrameCount::frame).sorted(
            (a, b) -> List.of("qemu", "read", "sys_read").indexOf(a)
                - List.of("qemu", "read", "sys_read").indexOf(b)).toList());
    Map<String, StackProfile> byLabel = StackProfile.byGroup(t, "run_label");
    assertEquals(List.of("strict", "lazy"), List.copyOf(byLabel.keySet()));
    assertEquals(3, byLabel.get("lazy").total());
  }
}
