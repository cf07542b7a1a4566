package com.expat.search.bench.lab.hand;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.lab.JudgmentSet;
import com.expat.search.lab.LabQuery;
import com.expat.search.lab.QueryType;
import com.expat.search.indexer.world.MemberProfile;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped hand-written world and its judgments fit together, so a typo fails here and not in Solr. */
class HandWrittenWorldTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  @Test
  void everyJudgedDocumentAndEveryViewerExistsInTheWorld() {
    HandWrittenWorld world = HandWrittenWorld.load(NOW);
    Set<String> members = world.members().stream().map(p -> String.valueOf(p.member().id())).collect(Collectors.toSet());
    Set<String> events = world.events().stream().map(d -> String.valueOf(d.event().id())).collect(Collectors.toSet());
    JudgmentSet set = HandWrittenLab.judgments();
    assertThat(set.queries()).hasSizeGreaterThanOrEqualTo(6);
    for (LabQuery query : set.queries()) {
      Set<String> documents = query.type() == QueryType.MEMBER_EVENTS ? events : members;
      assertThat(members).as(query.id()).contains(String.valueOf(query.memberId()));
      assertThat(documents).as(query.id()).containsAll(query.candidates()).containsAll(query.judgments().keySet());
      assertThat(query.candidates()).as(query.id()).containsAll(query.judgments().keySet());
      assertThat(query.judgments().values()).as(query.id() + " has an obvious best answer").contains(3);
    }
  }

  @Test
  void contactsAndBlocksHoldBothWays() {
    HandWrittenWorld world = HandWrittenWorld.load(NOW);
    Set<String> contacts = new HashSet<>();
    Set<String> blocks = new HashSet<>();
    for (MemberProfile profile : world.members()) {
      profile.contactIds().forEach(other -> contacts.add(profile.member().id() + "-" + other));
      profile.blockedIds().forEach(other -> blocks.add(profile.member().id() + "-" + other));
    }
    assertThat(contacts).contains("1-9", "9-1");
    assertThat(blocks).containsExactlyInAnyOrder("1-10", "10-1");
  }

  @Test
  void worldIsMappedByTheIndexersMapping() {
    HandWrittenWorld world = HandWrittenWorld.load(NOW);
    assertThat(world.memberDocuments()).hasSize(world.members().size());
    assertThat(world.memberDocuments().get(0).getFieldValues("language_levels")).containsExactlyInAnyOrder("de:native", "en:fluent");
    assertThat(world.eventDocuments()).hasSize(world.events().size());
    assertThat(world.memberPopularity()).containsEntry("7", 6.0);
    assertThat(world.eventPopularity()).containsEntry("7", 5.0);
  }
}
