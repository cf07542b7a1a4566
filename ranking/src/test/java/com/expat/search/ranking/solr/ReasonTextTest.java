package com.expat.search.ranking.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.ranking.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReasonTextTest {
  @Test
  void reasonsComeBackAsTheyWereWritten() {
    for (Reason reason : List.of(new Reason("active_today", List.of()),
        new Reason("shared_interests", List.of("2", "chess", "hiking")), new Reason("new_in_city", List.of("São Paulo")),
        new Reason("x", List.of("")))) {
      assertThat(ReasonText.read(ReasonText.write(reason))).isEqualTo(reason);
    }
  }
}
