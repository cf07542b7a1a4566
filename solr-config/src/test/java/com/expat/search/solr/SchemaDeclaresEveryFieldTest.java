package com.expat.search.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.vocabulary.CatalogFields;
import com.expat.search.vocabulary.EventFields;
import com.expat.search.vocabulary.MemberFields;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** schema.xml and the Java field classes in common name the same fields. */
class SchemaDeclaresEveryFieldTest {
  private static final Map<String, Element> FIELDS = new HashMap<>();

  @BeforeAll
  static void readSchema() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = SchemaDeclaresEveryFieldTest.class.getClassLoader()
        .getResourceAsStream("configsets/expat/conf/schema.xml")) {
      NodeList fields = factory.newDocumentBuilder().parse(in).getElementsByTagName("field");
      for (int i = 0; i < fields.getLength(); i++) {
        Element field = (Element) fields.item(i);
        FIELDS.put(field.getAttribute("name"), field);
      }
    }
  }

  @Test
  void everyJavaFieldNameIsDeclared() {
    List<String> javaNames = Stream.of(MemberFields.class, EventFields.class, CatalogFields.class)
        .flatMap(type -> Stream.of(type.getDeclaredFields()))
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
        .map(SchemaDeclaresEveryFieldTest::value)
        .toList();

    assertThat(FIELDS.keySet()).containsAll(javaNames);
  }

  @Test
  void longTextsAreIndexedButNotStored() {
    for (String name : List.of(MemberFields.BIO, EventFields.DESCRIPTION)) {
      assertThat(FIELDS.get(name).getAttribute("indexed")).as(name).isEqualTo("true");
      assertThat(FIELDS.get(name).getAttribute("stored")).as(name).isEqualTo("false");
    }
  }

  @Test
  void versionFieldIsStoredSingleValuedLong() {
    Element version = FIELDS.get(MemberFields.VERSION);
    assertThat(version.getAttribute("type")).isEqualTo("plong");
    assertThat(version.getAttribute("stored")).isEqualTo("true");
    assertThat(version.getAttribute("multiValued")).isNotEqualTo("true");
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new AssertionError(field + " is not readable", e);
    }
  }
}
