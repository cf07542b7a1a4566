package com.expat.search.indexer.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SolrExtension.class)
class SolrIndexAdminIT {

  @Test
  void afterASwapAndRenameTheListingNamesOnlyCoresThatExist(SolrCores solr) {
    SolrIndexAdmin admin = new SolrIndexAdmin(solr.client());
    String live = solr.members();
    String build = CoreNames.buildPrefix(live) + "1";
    String previous = CoreNames.previousPrefix(live) + "1";
    admin.createBulkCore(build);
    assertThat(admin.cores()).contains(live, build);

    String replaced = admin.switchTo(live, build);
    admin.rename(replaced, previous);

    try {
      // Solr's own listing still carries the pre-swap build name (not loaded, and it omits the live
      // name); a live indexer that trusted it would write to a core that does not exist.
      assertThat(admin.cores()).contains(previous).doesNotContain(build);
      assertThat(admin.exists(live)).isTrue();
    } finally {
      admin.drop(previous);
    }
  }
}
