package com.expat.search.ranking;

/**
 * How complete a profile looks to someone deciding whether to meet its owner: a photo counts
 * most, then a headline, then a bio of some substance. The indexer stores the value so that
 * Solr can use it in function queries.
 */
public final class ProfileQuality {
  static final double PHOTO = 0.5;
  static final double HEADLINE = 0.2;
  static final double BIO = 0.3;
  /** A bio shorter than this says little; longer ones earn the full share linearly up to it. */
  static final int SUBSTANTIAL_BIO_CHARS = 200;

  private ProfileQuality() {}

  /**
   * Returns a value in [0, 1]; 1 for a photo, a headline and a bio of at least
   * {@value #SUBSTANTIAL_BIO_CHARS} characters. Null or blank text counts as absent.
   */
  public static double of(boolean hasPhoto, String headline, String bio) {
    double score = hasPhoto ? PHOTO : 0;
    if (headline != null && !headline.isBlank()) {
      score += HEADLINE;
    }
    if (bio != null && !bio.isBlank()) {
      int length = bio.strip().codePointCount(0, bio.strip().length());
      score += BIO * Math.min(1.0, (double) length / SUBSTANTIAL_BIO_CHARS);
    }
    return score;
  }
}
