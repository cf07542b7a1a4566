package com.expat.search.indexer.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.indexer.solr.IndexVersions.DocVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortedMergeTest {

  private static SortedMerge.Row row(String id, long version, boolean indexed) {
    return new SortedMerge.Row(id, version, indexed);
  }

  @Test
  void reportsEachKindOfDifferenceOnceInOnePass() {
    List<SortedMerge.Row> rows = List.of(
        row("1", 1, true),      // in sync
        row("10", 2, true),     // missing
        row("100", 3, true),    // stale (index holds 2)
        row("2", 1, false),     // deactivated, index still holds it: gone
        row("3", 1, false),     // deactivated, not indexed: fine
        row("9", 5, true));     // in sync
    List<DocVersion> documents = List.of(
        new DocVersion("1", 1), new DocVersion("100", 2), new DocVersion("2", 1),
        new DocVersion("42", 7),  // no row: gone
        new DocVersion("9", 5), new DocVersion("99", 1)); // no row, after the last row: gone
    List<String> found = new ArrayList<>();
    SortedMerge.Counts counts = SortedMerge.merge(rows.iterator(), documents.iterator(),
        (kind, id) -> found.add(kind + " " + id));
    assertThat(found).containsExactly("MISSING 10", "STALE 100", "GONE 2", "GONE 42", "GONE 99");
    assertThat(counts).isEqualTo(new SortedMerge.Counts(6, 6));
  }

  @Test
  void anEmptyIndexMissesEveryIndexedRowAndAnEmptyTableMakesEveryDocumentGone() {
    List<String> found = new ArrayList<>();
    SortedMerge.merge(List.of(row("5", 1, true), row("6", 1, false)).iterator(), List.<DocVersion>of().iterator(),
        (kind, id) -> found.add(kind + " " + id));
    SortedMerge.merge(List.<SortedMerge.Row>of().iterator(), List.of(new DocVersion("7", 1)).iterator(),
        (kind, id) -> found.add(kind + " " + id));
    assertThat(found).containsExactly("MISSING 5", "GONE 7");
  }

  @Test
  void rowsInNumericRatherThanSolrsOrderStopTheMergeInsteadOfReportingFalseDrift() {
    List<SortedMerge.Row> numeric = List.of(row("9", 1, true), row("10", 1, true));
    assertThatThrownBy(() -> SortedMerge.merge(numeric.iterator(), List.<DocVersion>of().iterator(), (k, id) -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not in Solr's id order");
  }
}
