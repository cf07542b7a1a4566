package com.expat.search.bench.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceRunsTest {

  @Test
  void placesWrittenTogetherAreOneRunEach() {
    PlaceRuns runs = feed(1, 1, 1, 2, 2, 3);

    PlaceRuns.Summary summary = runs.summary();

    assertThat(summary.documents()).isEqualTo(6);
    assertThat(summary.places()).isEqualTo(3);
    assertThat(summary.runs()).isEqualTo(3);
    assertThat(summary.runsPerDocumentsPlace()).isEqualTo(1.0);
    assertThat(summary.meanRunLength()).isEqualTo(2.0);
  }

  @Test
  void interleavedPlacesCountARunPerStretch_weightedByDocuments() {
    // place 1: 4 documents in 3 runs; place 2: 2 documents in 2 runs
    PlaceRuns runs = feed(1, 2, 1, 1, 2, 1);

    PlaceRuns.Summary summary = runs.summary();

    assertThat(summary.runs()).isEqualTo(5);
    assertThat(summary.runsPerDocumentsPlace()).isEqualTo((4 * 3 + 2 * 2) / 6.0);
    assertThat(summary.largestPlaceDocuments()).isEqualTo(4);
    assertThat(summary.largestPlaceRuns()).isEqualTo(3);
  }

  @Test
  void aDocumentWithoutPlaceBreaksTheRunAndIsNotCounted() {
    PlaceRuns runs = feed(1, PlaceRuns.NO_PLACE, 1);

    PlaceRuns.Summary summary = runs.summary();

    assertThat(summary.documents()).isEqualTo(2);
    assertThat(summary.runs()).isEqualTo(2);
  }

  private static PlaceRuns feed(long... places) {
    PlaceRuns runs = new PlaceRuns();
    for (long place : places) {
      runs.add(place);
    }
    return runs;
  }
}
