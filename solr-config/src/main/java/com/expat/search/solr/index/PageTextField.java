package com.expat.search.solr.index;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.common.SolrException;
import org.apache.solr.schema.BinaryField;
import org.apache.solr.schema.SchemaField;

/**
 * Schema type {@code page_text}: a text kept only as binary docValues, its UTF-8 bytes, so that a
 * document's value is one direct-addressed read (no terms dictionary as a {@code StrField}'s
 * sorted docValues have, no compressed block as stored fields have). Filled by copyField from the
 * stored page texts ({@code page_id}, {@code page_display_name}, ...) and read by the ranking
 * plugin's {@code [expat_field]}. Solr's {@link BinaryField} would take a string as base64; this
 * one takes it as text. Single-valued, neither indexed nor stored; not for sorting or {@code fl}.
 */
public final class PageTextField extends BinaryField {
  @Override
  public void checkSchemaField(SchemaField field) {
    super.checkSchemaField(field);
    if (field.indexed() || field.stored() || field.multiValued() || !field.hasDocValues()) {
      throw new SolrException(SolrException.ErrorCode.SERVER_ERROR,
          field.getName() + ": a page_text field is docValues only, single-valued, neither indexed nor stored");
    }
  }

  @Override
  public IndexableField createField(SchemaField field, Object value) {
    return null;
  }

  @Override
  public List<IndexableField> createFields(SchemaField field, Object value) {
    if (value == null) {
      return List.of();
    }
    return List.of(new BinaryDocValuesField(field.getName(),
        new BytesRef(value.toString().getBytes(StandardCharsets.UTF_8))));
  }

  @Override
  public String toExternal(IndexableField field) {
    BytesRef bytes = field.binaryValue();
    return bytes == null ? field.stringValue() : bytes.utf8ToString();
  }
}
