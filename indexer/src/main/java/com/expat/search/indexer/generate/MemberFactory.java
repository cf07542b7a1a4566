package com.expat.search.indexer.generate;

import com.expat.search.indexer.generate.WorldData.Country;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.SpokenLanguage;
import com.expat.search.indexer.world.SpokenLanguage.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One member from its own random stream: city (hubs and a long tail), origin, a name that fits
 * it, languages (native from origin, English by the origin's habits, the local language by
 * years lived there), interests in correlated clusters with Zipf-like popularity, texts in the
 * member's languages, and account fields (few premium, most searchable and active, activity
 * skewed to the recent past, newcomers among them).
 */
final class MemberFactory {
  static final int MAX_AGE_DAYS = 8 * 365;
  private static final double AGE_SCALE_DAYS = 900;
  private static final String[] EXTRA_LANGUAGES = {"es", "fr", "de", "it", "pt", "zh", "ja", "ru", "ar", "nl"};

  private final long seed;
  private final Instant now;
  private final Geography geography;
  private final Names names;
  private final Texts texts;
  private final InterestPicker interestPicker;
  private final List<Interest> interests;
  private final List<String> occupations;
  private final WeightedSampler occupationSampler;

  /** A generated member with its member_* rows and the compact facts later stages need. */
  record Generated(
      Member member,
      List<SpokenLanguage> languages,
      List<Integer> interestIds,
      int cityIndex,
      int originIndex,
      int ageSeconds) {}

  MemberFactory(long seed, Instant now, WorldData data, Geography geography) {
    this.seed = seed;
    this.now = now;
    this.geography = geography;
    this.names = new Names(data);
    this.texts = new Texts(data);
    this.interestPicker = new InterestPicker(data.interests);
    this.interests = data.interests;
    this.occupations = data.occupations;
    this.occupationSampler = WeightedSampler.zipf(occupations.size(), 0.8);
  }

  Generated member(long id) {
    SplittableRandom random = Seeds.random(seed, Seeds.MEMBERS, id);
    int cityIndex = geography.sampleCity(random);
    City city = geography.city(cityIndex);
    Country origin = geography.sampleOrigin(cityIndex, random);
    String displayName = names.displayName(origin.namePool(), random);

    // Truncated exponential: the network grows, so recent sign-ups outnumber old ones.
    double u = random.nextDouble();
    double ageDays =
        -AGE_SCALE_DAYS * Math.log(1 - u * (1 - Math.exp(-MAX_AGE_DAYS / AGE_SCALE_DAYS)));
    int ageSeconds = (int) (ageDays * 86_400);
    Instant createdAt = now.minusMillis(ageSeconds * 1000L + random.nextInt(1000));
    boolean local = origin.code().equals(city.countryCode());
    int years = local ? 10 + random.nextInt(30) : (int) Math.min(20, -Math.log(1 - random.nextDouble()) * 3);

    byte status = statusOf(random);
    Member.Status memberStatus =
        status == Population.ACTIVE
            ? Member.Status.ACTIVE
            : status == Population.DEACTIVATED ? Member.Status.DEACTIVATED : Member.Status.DELETED;
    boolean searchable = random.nextDouble() < 0.9;
    boolean premium = random.nextDouble() < (ageDays > 730 ? 0.09 : 0.04);
    boolean hasPhoto = random.nextDouble() < 0.72;
    Instant lastActiveAt = lastActive(random, createdAt, ageSeconds, status);
    Instant updatedAt = between(random, createdAt, now, 0.5);
    long version = 1 + (long) (-Math.log(1 - random.nextDouble()) * 4);

    String occupation = random.nextDouble() < 0.86 ? occupations.get(occupationSampler.sample(random)) : null;
    List<SpokenLanguage> languages = languages(origin, geography.localLanguage(cityIndex), years, random);
    int[] chosen = interestPicker.pick(random);
    List<Integer> interestIds = new ArrayList<>(chosen.length);
    for (int interest : chosen) {
      interestIds.add(interest);
    }

    Texts.Subject subject =
        new Texts.Subject(
            occupation == null ? "freelancer" : occupation,
            city.name(),
            interestName(chosen, 0, random),
            interestName(chosen, 1, random),
            Math.max(1, years));
    String headline = text(random, 0.12, 0.03, () -> texts.headline(textLanguage(languages, random), subject, random));
    String bio =
        text(
            random,
            0.2,
            0.04,
            () -> texts.bio(textLanguage(languages, random), subject, random, random.nextDouble() < 0.003));

    Member member =
        new Member(
            id,
            displayName,
            headline,
            bio,
            occupation,
            city.id(),
            origin.code(),
            premium ? Member.Membership.PREMIUM : Member.Membership.BASIC,
            searchable,
            memberStatus,
            hasPhoto,
            lastActiveAt,
            createdAt,
            updatedAt,
            version);
    return new Generated(member, List.copyOf(languages), List.copyOf(interestIds), cityIndex, origin.index(), ageSeconds);
  }

  private static byte statusOf(SplittableRandom random) {
    double u = random.nextDouble();
    return u < 0.93 ? Population.ACTIVE : u < 0.97 ? Population.DEACTIVATED : Population.DELETED;
  }

  private Instant lastActive(SplittableRandom random, Instant createdAt, int ageSeconds, byte status) {
    if (status != Population.ACTIVE || random.nextDouble() < 0.25) {
      // Dormant: any time since sign-up, earlier rather than later.
      return between(random, createdAt, now, 2);
    }
    double daysAgo = -Math.log(1 - random.nextDouble()) * 7;
    long secondsAgo = Math.min(ageSeconds, (long) (daysAgo * 86_400));
    return now.minusSeconds(secondsAgo);
  }

  /** A time in [from, to], skewed towards {@code to} when shape < 1 and towards {@code from} when > 1. */
  static Instant between(SplittableRandom random, Instant from, Instant to, double shape) {
    long span = Math.max(0, to.toEpochMilli() - from.toEpochMilli());
    double u = Math.pow(random.nextDouble(), shape);
    return from.plusMillis((long) (span * u));
  }

  private List<SpokenLanguage> languages(Country origin, String local, int years, SplittableRandom random) {
    List<SpokenLanguage> languages = new ArrayList<>(4);
    languages.add(new SpokenLanguage(origin.languages().get(0), Level.NATIVE));
    for (int i = 1; i < origin.languages().size(); i++) {
      if (random.nextDouble() < 0.6) {
        add(languages, origin.languages().get(i), Level.FLUENT);
      }
    }
    double english = random.nextDouble();
    if (english < origin.english() * 0.6) {
      add(languages, "en", Level.FLUENT);
    } else if (english < origin.english()) {
      add(languages, "en", Level.INTERMEDIATE);
    } else if (english < origin.english() + 0.1) {
      add(languages, "en", Level.BASIC);
    }
    if (local != null) {
      double u = random.nextDouble();
      Level level;
      if (years >= 4) {
        level = u < 0.5 ? Level.FLUENT : u < 0.9 ? Level.INTERMEDIATE : Level.BASIC;
      } else if (years >= 1) {
        level = u < 0.35 ? Level.INTERMEDIATE : u < 0.8 ? Level.BASIC : null;
      } else {
        level = u < 0.4 ? Level.BASIC : null;
      }
      if (level != null) {
        add(languages, local, level);
      }
    }
    if (random.nextDouble() < 0.12) {
      add(
          languages,
          EXTRA_LANGUAGES[random.nextInt(EXTRA_LANGUAGES.length)],
          random.nextBoolean() ? Level.BASIC : Level.INTERMEDIATE);
    }
    return languages;
  }

  private static void add(List<SpokenLanguage> languages, String code, Level level) {
    for (SpokenLanguage language : languages) {
      if (language.code().equals(code)) {
        return;
      }
    }
    languages.add(new SpokenLanguage(code, level));
  }

  /** English when spoken well, else the native language, sometimes the local one. */
  private String textLanguage(List<SpokenLanguage> languages, SplittableRandom random) {
    double u = random.nextDouble();
    String nativeLanguage = languages.get(0).code();
    boolean goodEnglish =
        languages.stream()
            .anyMatch(l -> l.code().equals("en") && l.level().compareTo(Level.INTERMEDIATE) < 0);
    if (goodEnglish && u < 0.55) {
      return "en";
    }
    if (u < 0.9 && texts.hasLanguage(nativeLanguage)) {
      return nativeLanguage;
    }
    String other = languages.get(random.nextInt(languages.size())).code();
    return texts.hasLanguage(other) ? other : "en";
  }

  private String interestName(int[] chosen, int n, SplittableRandom random) {
    if (chosen.length > n) {
      return interests.get(chosen[n] - 1).name();
    }
    return interests.get(random.nextInt(20)).name();
  }

  private static String text(
      SplittableRandom random, double nullShare, double emptyShare, java.util.function.Supplier<String> text) {
    double u = random.nextDouble();
    if (u < nullShare) {
      return null;
    }
    if (u < nullShare + emptyShare) {
      return "";
    }
    return text.get();
  }
}
