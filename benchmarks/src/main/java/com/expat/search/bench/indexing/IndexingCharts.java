package com.expat.search.bench.indexing;

import com.expat.search.bench.report.Charts;
import com.expat.search.bench.report.RunStamp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNGs of the indexing benchmarks, stamped by {@link Charts#save} (machine, JVM, commit,
 * command line under the plot). Headless.
 */
final class IndexingCharts {
  private IndexingCharts() {}

  /** One line per named series of {@code [x, y]} points. */
  static void lines(Path file, RunStamp stamp, String title, String xTitle, String yTitle,
      Map<String, List<double[]>> series) {
    XYChart chart = new XYChartBuilder().width(900).height(520).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setMarkerSize(3);
    chart.getStyler().setXAxisDecimalPattern("#,##0.#");
    series.forEach((name, points) -> {
      if (points.isEmpty()) {
        return;
      }
      double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
      double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
      XYSeries line = chart.addSeries(name, x, y);
      line.setMarker(points.size() > 200 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
    });
    if (chart.getSeriesMap().isEmpty()) {
      chart.addSeries("no data", new double[] {0}, new double[] {0});
    }
    Charts.save(chart, stamp, file);
  }
}
