package com.expat.search.bench.lab.sim;

/** Great-circle distance. */
final class Geo {
  private Geo() {}

  static double km(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  static double km(LabMember a, LabMember b) {
    return km(a.latitude(), a.longitude(), b.latitude(), b.longitude());
  }

  static double km(LabMember a, LabEvent e) {
    return km(a.latitude(), a.longitude(), e.latitude(), e.longitude());
  }
}
