package com.expat.search.bench.report;

import com.expat.search.bench.load.RateStep;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * PNG charts of a sweep with XChart, each with the {@link RunStamp} printed under it: latency
 * percentiles per cache tier at one rate, and latency against rate. Headless. Stateless.
 */
public final class Charts {
  private static final double[] PERCENTILES = {50, 90, 99, 99.9};
  private static final List<String> PERCENTILE_LABELS = List.of("p50", "p90", "p99", "p99.9", "max");

  private Charts() {}

  /** Bars: p50..max per cache tier, at the step's rate, all endpoints together. */
  public static void percentilesByTier(Path file, RunStamp stamp, String title, RateStep step) {
    CategoryChart chart =
        new CategoryChartBuilder().width(900).height(520).title(title)
            .xAxisTitle("percentile").yAxisTitle("latency (ms) from intended send time").build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    LoadReport.byTier(step.latencies()).forEach((tier, histogram) -> {
      if (histogram.getTotalCount() == 0) {
        return;
      }
      List<Number> values = new ArrayList<>();
      for (double p : PERCENTILES) {
        values.add(histogram.getValueAtPercentile(p) / 1000.0);
      }
      values.add(histogram.getMaxValue() / 1000.0);
      chart.addSeries(tier + " (" + histogram.getTotalCount() + ")", PERCENTILE_LABELS, values);
    });
    if (chart.getSeriesMap().isEmpty()) {
      chart.addSeries("no answers", PERCENTILE_LABELS, List.of(0, 0, 0, 0, 0));
    }
    save(chart, stamp, file);
  }

  /** Lines: p50, p99, p99.9 of all requests, and p99 per tier, against the target rate. */
  public static void latencyAgainstRate(Path file, RunStamp stamp, String title, List<RateStep> steps) {
    XYChart chart =
        new XYChartBuilder().width(900).height(520).title(title)
            .xAxisTitle("target rate (requests/s)").yAxisTitle("latency (ms) from intended send time").build();
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    double[] rates = steps.stream().mapToDouble(RateStep::targetRate).toArray();
    Map<String, double[]> series = new LinkedHashMap<>();
    for (double p : new double[] {50, 99, 99.9}) {
      double[] y = new double[steps.size()];
      for (int i = 0; i < steps.size(); i++) {
        y[i] = Math.max(0.001, steps.get(i).latencies().all().getValueAtPercentile(p) / 1000.0);
      }
      series.put("all p" + LoadReport.fmt(p), y);
    }
    for (String tier : List.of("uncached", "l1", "l2", "hit")) {
      double[] y = new double[steps.size()];
      boolean any = false;
      for (int i = 0; i < steps.size(); i++) {
        Histogram h = LoadReport.byTier(steps.get(i).latencies()).get(tier);
        y[i] = h == null ? 0.001 : Math.max(0.001, h.getValueAtPercentile(99) / 1000.0);
        any |= h != null;
      }
      if (any) {
        series.put(tier + " p99", y);
      }
    }
    series.forEach((name, y) -> chart.addSeries(name, rates, y));
    save(chart, stamp, file);
  }

  /** Writes {@code chart} as a PNG with the run's stamp (machine, JVM, commit, command) under it. */
  public static void save(Chart<?, ?> chart, RunStamp stamp, Path file) {
    System.setProperty("java.awt.headless", "true");
    BufferedImage plot = BitmapEncoder.getBufferedImage(chart);
    int footer = 44;
    BufferedImage image = new BufferedImage(plot.getWidth(), plot.getHeight() + footer, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(plot, 0, 0, null);
      g.setColor(Color.DARK_GRAY);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      g.drawString(clip(stamp.line(), 150), 8, plot.getHeight() + 16);
      g.drawString(clip(stamp.commandLine(), 150), 8, plot.getHeight() + 34);
    } finally {
      g.dispose();
    }
    try {
      ImageIO.write(image, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the chart " + file, e);
    }
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
