package gridperf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The scaling curve as a PNG: median wall time per stage against scale factor, log-log. */
final class ScalingChart {
  private ScalingChart() {}

  static void write(List<Report.Summary> sums, Path png) throws IOException {
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(560)
            .title("gridperf vs DuckDB: median wall time by scale (2 cores)")
            .xAxisTitle("scale factor (1 = ~15.4 M sales lines)")
            .yAxisTitle("wall time (s)")
            .build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    for (String stage : Report.STAGES) {
      List<Report.Summary> s = sums.stream().filter(x -> x.stage().equals(stage)).toList();
      if (s.isEmpty()) {
        continue;
      }
      var series =
          chart.addSeries(
              stage,
              s.stream().mapToDouble(Report.Summary::scale).toArray(),
              s.stream().mapToDouble(Report.Summary::wallSec).toArray());
      series.setMarker(SeriesMarkers.CIRCLE);
      if (stage.startsWith("duckdb")) {
        series.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
      }
    }
    Files.createDirectories(png.toAbsolutePath().getParent());
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
