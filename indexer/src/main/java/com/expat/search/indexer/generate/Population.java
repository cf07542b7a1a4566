package com.expat.search.indexer.generate;

import java.util.Arrays;

/**
 * What later stages (contacts, blocks, events, RSVPs) need to know of every member, in primitive
 * arrays: about 20 bytes a member plus 2 per interest, so a million members take ~30 MB. Member
 * {@code id} is {@code index + 1}. Filled in id order by the member stage, then indexed by city
 * and origin. Not thread-safe.
 */
final class Population {
  static final byte ACTIVE = 0;
  static final byte DEACTIVATED = 1;
  static final byte DELETED = 2;

  final int size;
  final int[] city;
  final short[] origin;
  final byte[] status;
  /** Seconds between the member's created_at and the world's now. */
  final int[] ageSeconds;
  private final int[] interestStart;
  private short[] interests = new short[1024];
  private int interestCount;
  private int added;

  private int[] cityStart;
  private int[] byCity;
  private int[] originStart;
  private int[] byOrigin;

  Population(int size) {
    this.size = size;
    city = new int[size];
    origin = new short[size];
    status = new byte[size];
    ageSeconds = new int[size];
    interestStart = new int[size + 1];
  }

  void add(int index, int cityIndex, int originIndex, byte memberStatus, int age, int[] interestIds, int interestLength) {
    if (index != added) {
      throw new IllegalStateException("members must be added in order: expected " + added + ", got " + index);
    }
    city[index] = cityIndex;
    origin[index] = (short) originIndex;
    status[index] = memberStatus;
    ageSeconds[index] = age;
    if (interestCount + interestLength > interests.length) {
      interests = Arrays.copyOf(interests, Math.max(interests.length * 2, interestCount + interestLength));
    }
    for (int i = 0; i < interestLength; i++) {
      interests[interestCount++] = (short) interestIds[i];
    }
    interestStart[index + 1] = interestCount;
    added++;
  }

  /** Builds the by-city and by-origin indexes once every member is in. */
  void index(int cityCount, int originCount) {
    if (added != size) {
      throw new IllegalStateException("only " + added + " of " + size + " members added");
    }
    cityStart = new int[cityCount + 1];
    byCity = group(city, cityStart);
    originStart = new int[originCount + 1];
    int[] originInts = new int[size];
    for (int i = 0; i < size; i++) {
      originInts[i] = origin[i];
    }
    byOrigin = group(originInts, originStart);
  }

  private int[] group(int[] keys, int[] start) {
    for (int key : keys) {
      start[key + 1]++;
    }
    for (int k = 1; k < start.length; k++) {
      start[k] += start[k - 1];
    }
    int[] next = Arrays.copyOf(start, start.length - 1);
    int[] members = new int[size];
    for (int i = 0; i < size; i++) {
      members[next[keys[i]]++] = i;
    }
    return members;
  }

  int interestCount(int member) {
    return interestStart[member + 1] - interestStart[member];
  }

  int interest(int member, int n) {
    return interests[interestStart[member] + n];
  }

  int sharedInterests(int a, int b) {
    int shared = 0;
    for (int i = interestStart[a]; i < interestStart[a + 1]; i++) {
      for (int j = interestStart[b]; j < interestStart[b + 1]; j++) {
        if (interests[i] == interests[j]) {
          shared++;
        }
      }
    }
    return shared;
  }

  int cityPopulation(int cityIndex) {
    return cityStart[cityIndex + 1] - cityStart[cityIndex];
  }

  int cityMember(int cityIndex, int n) {
    return byCity[cityStart[cityIndex] + n];
  }

  int originPopulation(int originIndex) {
    return originStart[originIndex + 1] - originStart[originIndex];
  }

  int originMember(int originIndex, int n) {
    return byOrigin[originStart[originIndex] + n];
  }

  boolean active(int member) {
    return status[member] == ACTIVE;
  }
}
