package com.expat.search.indexer.mapping;

import static com.expat.search.indexer.mapping.MemberDocuments.setIfPresent;
import static com.expat.search.vocabulary.EventFields.*;

import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.Interest;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.solr.common.SolrInputDocument;

/**
 * Event rows to event documents. Only {@code published} events are in the index; drafts and
 * cancelled events are removed. Events that have ended stay until the next reindex and are
 * filtered out by every query.
 */
public final class EventDocuments {
  private EventDocuments() {}

  public static boolean isIndexed(Event event) {
    return isIndexed(event.status());
  }

  /** True when an event of this status belongs in the index. */
  public static boolean isIndexed(Event.Status status) {
    return status == Event.Status.PUBLISHED;
  }

  public static IndexChange change(EventDetails details, Catalog catalog) {
    Event event = details.event();
    String id = Long.toString(event.id());
    return isIndexed(event)
        ? new IndexChange.Upsert(id, event.version(), document(details, catalog))
        : new IndexChange.Delete(id, event.version());
  }

  /**
   * The document of a published event. The location is the venue's when the row has valid venue
   * coordinates, else the city's, else none.
   *
   * @throws IllegalArgumentException when the event is not published
   */
  public static SolrInputDocument document(EventDetails details, Catalog catalog) {
    Event event = details.event();
    if (!isIndexed(event)) {
      throw new IllegalArgumentException(
          "event " + event.id() + " is " + event.status() + " and has no document");
    }
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(ID, Long.toString(event.id()));
    doc.setField(VERSION, event.version());
    setIfPresent(doc, TITLE, Values.text(event.title()));
    setIfPresent(doc, DESCRIPTION, Values.text(event.description()));
    setIfPresent(doc, VENUE_NAME, Values.text(event.venueName()));

    doc.setField(CITY_ID, event.cityId());
    Optional<City> city = catalog.city(event.cityId());
    city.ifPresent(
        c -> {
          setIfPresent(doc, CITY_NAME, Values.text(c.name()));
          setIfPresent(doc, COUNTRY_CODE, Values.upperCode(c.countryCode()));
        });
    String venue = Values.point(event.latitude(), event.longitude());
    String location =
        venue != null
            ? venue
            : city.map(c -> Values.point(c.latitude(), c.longitude())).orElse(null);
    setIfPresent(doc, LOCATION, location);

    setIfPresent(doc, STARTS_AT, Values.date(event.startsAt()));
    setIfPresent(doc, ENDS_AT, Values.date(event.endsAt()));
    setIfPresent(doc, LANGUAGE, Values.lowerCode(event.language()));
    doc.setField(HOST_MEMBER_ID, event.hostMemberId());
    if (event.capacity() != null && event.capacity() >= 0) {
      doc.setField(CAPACITY, event.capacity());
    }

    Set<Long> going = new LinkedHashSet<>(details.goingIds());
    Set<Long> interested = new LinkedHashSet<>(details.interestedIds());
    doc.setField(ATTENDEE_COUNT, going.size());
    doc.setField(INTERESTED_COUNT, interested.size());
    going.forEach(id -> doc.addField(GOING_IDS, id));
    interested.forEach(id -> doc.addField(INTERESTED_IDS, id));

    Set<String> interests = new LinkedHashSet<>();
    for (int interestId : details.interestIds()) {
      catalog.interest(interestId).map(Interest::slug).ifPresent(interests::add);
    }
    interests.forEach(slug -> doc.addField(INTERESTS, slug));
    setIfPresent(doc, CREATED_AT, Values.date(event.createdAt()));
    setIfPresent(doc, UPDATED_AT, Values.date(event.updatedAt()));
    return doc;
  }
}
