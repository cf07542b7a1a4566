package com.expat.search.solr.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.common.SolrException;
import org.apache.solr.schema.SchemaField;
import org.junit.jupiter.api.Test;

/**
 * Schema type {@code page_text}: a copied string becomes its UTF-8 bytes as binary docValues (not
 * base64-decoded as Solr's {@code BinaryField} would), and nothing indexed or stored; a field of
 * the type that asks to be indexed, stored or multi-valued is refused when the schema loads.
 */
class PageTextFieldTest {
  // org.apache.solr.schema.FieldProperties (protected there)
  private static final int INDEXED = 1;
  private static final int STORED = 4;
  private static final int MULTIVALUED = 512;
  private static final int DOC_VALUES = 32768;

  @Test
  void aTextBecomesItsUtf8BytesAsBinaryDocValuesAndNothingElse() {
    SchemaField field = new SchemaField("page_headline", new PageTextField(), DOC_VALUES, null);
    String text = "Çağlar, 郑美玲 and سارة go hiking 🥾";

    List<IndexableField> fields = field.getType().createFields(field, text);

    assertThat(fields).singleElement().satisfies(written -> {
      assertThat(written.name()).isEqualTo("page_headline");
      assertThat(written.fieldType().docValuesType()).isEqualTo(DocValuesType.BINARY);
      assertThat(written.fieldType().stored()).isFalse();
      assertThat(written.binaryValue()).isEqualTo(new BytesRef(text.getBytes(StandardCharsets.UTF_8)));
    });
    assertThat(field.getType().createField(field, text)).isNull();
  }

  @Test
  void aPageTextFieldThatIsIndexedStoredOrMultiValuedIsRefused() {
    for (int wrong : new int[] {INDEXED, STORED}) {
      // Solr checks a field against its type when it creates the field (the schema's load)
      assertThatThrownBy(() -> new SchemaField("page_headline", new PageTextField(), DOC_VALUES | wrong, null))
          .as("properties %d", wrong)
          .isInstanceOf(SolrException.class)
          .hasMessageContaining("page_headline: a page_text field is docValues only");
    }
    // multi-valued: Solr's own check (BinaryField has no multi-valued docValues) comes first
    assertThatThrownBy(() -> new SchemaField("page_headline", new PageTextField(), DOC_VALUES | MULTIVALUED, null))
        .isInstanceOf(SolrException.class);
    SchemaField right = new SchemaField("page_headline", new PageTextField(), DOC_VALUES, null);
    right.getType().checkSchemaField(right);
  }
}
