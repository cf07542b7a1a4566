package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.MemberSignals;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberReaderTest {
  private static final MemberColumns COLUMNS = TestSegment.columns();

  @Test
  void aMembersLanguagesAndInterestsAreWhatTheModelReadsFromTheIndexTerms() throws IOException {
    int twice = 0;
    for (int doc = 0; doc < COLUMNS.maxDoc; doc++) {
      List<String> terms = List.of(COLUMNS.languageTerms(doc));
      Set<String> interests = new HashSet<>();
      for (int i = COLUMNS.interestStart[doc]; i < COLUMNS.interestStart[doc + 1]; i++) {
        interests.add(COLUMNS.interests[COLUMNS.interestOrds[i]]);
      }
      MemberSignals member = MemberReader.signals(COLUMNS, doc, null);
      assertThat(member.languages()).as("doc %d: %s", doc, terms).isEqualTo(LanguageLevel.parseCodes(terms));
      assertThat(member.interests()).as("doc %d", doc).isEqualTo(interests);
      if (terms.size() > member.languages().size()) {
        twice++;
      }
    }
    // members listing a language twice or at an unknown level are among them
    assertThat(twice).isGreaterThan(100);
  }
}
