package com.expat.search.query.members;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.query.http.Json;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MemberItemJsonTest {
  /** Takes MemberItemJson away, so that the mapper writes items with Jackson's bean serializer. */
  @JsonSerialize(using = JsonSerializer.None.class)
  private interface BeanSerialized {}

  private final ObjectMapper written = new Json().mapper();
  private final ObjectMapper bean = new Json().mapper().copy().addMixIn(MemberItem.class, BeanSerialized.class);

  @Test
  void itemsAreWrittenAsJacksonsBeanSerializerWroteThem() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    List<MemberItem> items = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      items.add(item(random, i));
    }
    MemberPage page = new MemberPage(123_456L, 2, 20, items, Map.of("city", List.of(new FacetCount("1", null, 3))));

    assertThat(written.getSerializerProviderInstance().findValueSerializer(MemberItem.class))
        .isInstanceOf(MemberItemJson.class);
    assertThat(bean.getSerializerProviderInstance().findValueSerializer(MemberItem.class))
        .as("the reference is Jackson's own").isNotInstanceOf(MemberItemJson.class);
    assertThat(written.writeValueAsString(page)).isEqualTo(bean.writeValueAsString(page));
    assertThat(written.writeValueAsString(page)).contains("\"distance_km\":", "\"explain\":{", "\"reasons\":[",
        "\"city\":null", "\"id\":null", "\"display_name\":null");
  }

  private static MemberItem item(SplittableRandom random, int i) {
    String[] texts = {null, "", "Anna \"Ani\" Müller", "山本 蓮", "Café\n\t\\ 🎨", "x".repeat(random.nextInt(1, 90))};
    CityRef city = switch (i % 4) {
      case 0 -> null;
      case 1 -> new CityRef(null, null, null);
      default -> new CityRef(random.nextLong(1, 9_999_999), pick(random, texts), pick(random, texts));
    };
    List<LanguageLevel> languages = new ArrayList<>();
    for (int l = random.nextInt(0, 4); l > 0; l--) {
      languages.add(new LanguageLevel(pick(random, texts), pick(random, new String[] {null, "native", "basic"})));
    }
    List<String> interests = new ArrayList<>();
    for (int n = random.nextInt(0, 6); n > 0; n--) {
      interests.add(pick(random, new String[] {"hiking", "trail-running", "ßki", "ai"}));
    }
    double[] numbers = {0.0, -0.0, 1.0, 5.544524778353757, 1e-9, 12345.6, Double.NaN, Double.POSITIVE_INFINITY,
        random.nextDouble(-10, 10)};
    Map<String, Double> explain = null;
    List<String> reasons = null;
    if (i % 3 == 0) {
      explain = new LinkedHashMap<>();
      explain.put("shared_interests", random.nextDouble());
      explain.put("distance", numbers[random.nextInt(numbers.length)]);
      explain.put("text", null);
      reasons = List.of("Speaks German", "Also \"likes\" chess");
    }
    return new MemberItem(random.nextLong(), pick(random, texts), pick(random, texts), pick(random, texts), city,
        pick(random, texts), languages, interests, i % 2 == 0 ? null : numbers[random.nextInt(numbers.length)],
        numbers[random.nextInt(numbers.length)], explain, reasons);
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
