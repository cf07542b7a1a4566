package com.expat.search.bench.lab.sim;

import com.expat.search.vocabulary.Earth;

/** Great-circle distance ({@link Earth#distanceKm}) between lab members and events. */
final class Geo {
  private Geo() {}

  static double km(double lat1, double lon1, double lat2, double lon2) {
    return Earth.distanceKm(lat1, lon1, lat2, lon2);
  }

  static double km(LabMember a, LabMember b) {
    return km(a.latitude(), a.longitude(), b.latitude(), b.longitude());
  }

  static double km(LabMember a, LabEvent e) {
    return km(a.latitude(), a.longitude(), e.latitude(), e.longitude());
  }
}
