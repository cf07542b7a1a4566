package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.schema.LatLonPointSpatialField;
import org.junit.jupiter.api.Test;

/**
 * The page's fields from the columns ({@link ColumnFieldTransformerFactory}) are what the segment's
 * docValues hold: the place's three fields each present or absent on its own, the interests in
 * term order, and the location as Solr writes it from the encoded docValue.
 */
class ColumnFieldsTest {
  @Test
  void eachMembersPageFieldsAreItsDocValues() throws IOException {
    SplittableRandom random = new SplittableRandom(5);
    List<Document> written = new ArrayList<>();
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
        for (int id = 1; id <= 2000; id++) {
          Document doc = new Document();
          doc.add(new SortedDocValuesField(MemberFields.ID, new BytesRef(Long.toString(id))));
          if (random.nextInt(10) > 0) {
            doc.add(new NumericDocValuesField(MemberFields.CITY_ID, 100 + random.nextInt(30)));
          }
          if (random.nextInt(10) > 0) {
            doc.add(new SortedDocValuesField(MemberFields.CITY_NAME, new BytesRef("city " + random.nextInt(30))));
          }
          if (random.nextInt(10) > 0) {
            doc.add(new SortedDocValuesField(MemberFields.COUNTRY_CODE, new BytesRef("c" + random.nextInt(5))));
          }
          TreeSet<String> interests = new TreeSet<>();
          for (int n = random.nextInt(4); n > 0; n--) {
            interests.add(List.of("hiking", "chess", "jazz", "yoga").get(random.nextInt(4)));
          }
          interests.forEach(slug -> doc.add(new SortedSetDocValuesField(MemberFields.INTERESTS, new BytesRef(slug))));
          if (random.nextInt(10) > 0) {
            doc.add(new LatLonDocValuesField(MemberFields.LOCATION, random.nextDouble(-90, 90), random.nextDouble(-180, 180)));
          }
          writer.addDocument(doc);
          written.add(doc);
        }
        writer.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        var leaf = reader.leaves().get(0).reader();
        MemberColumns columns = MemberColumns.read(leaf);
        SortedNumericDocValues locations = leaf.getSortedNumericDocValues(MemberFields.LOCATION);
        int none = 0;
        for (int doc = 0; doc < columns.maxDoc; doc++) {
          Document source = written.get((int) columns.id[doc] - 1);
          MemberColumns.Place place = ColumnFieldTransformerFactory.place(columns, doc);
          Long cityId = source.getField(MemberFields.CITY_ID) == null ? null
              : source.getField(MemberFields.CITY_ID).numericValue().longValue();
          String name = text(source, MemberFields.CITY_NAME);
          String country = text(source, MemberFields.COUNTRY_CODE);
          if (cityId == null && name == null && country == null) {
            assertThat(place).as("doc %d", doc).isNull();
            none++;
          } else {
            assertThat(place).as("doc %d", doc).isEqualTo(new MemberColumns.Place(cityId, name, country));
          }
          List<String> interests = new ArrayList<>();
          for (var field : source.getFields(MemberFields.INTERESTS)) {
            interests.add(field.binaryValue().utf8ToString());
          }
          assertThat(ColumnFieldTransformerFactory.interests(columns, doc)).as("doc %d", doc)
              .isEqualTo(interests.isEmpty() ? null : interests);
          String expected = locations.advanceExact(doc)
              ? LatLonPointSpatialField.decodeDocValueToString(locations.nextValue()) : null;
          assertThat(ColumnFieldTransformerFactory.location(columns, doc)).as("doc %d", doc).isEqualTo(expected);
        }
        assertThat(none).isPositive();
      }
    }
  }

  private static String text(Document doc, String field) {
    return doc.getField(field) == null ? null : doc.getField(field).binaryValue().utf8ToString();
  }
}
