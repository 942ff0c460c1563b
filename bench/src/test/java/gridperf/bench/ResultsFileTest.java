package gridperf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {
  @TempDir Path dir;

  @Test
  void aResultsFileReadsBackIntoTheSameReport() throws Exception {
    List<StageResult> runs =
        List.of(
            new StageResult(0.1, "ingest", 1, 1000, new Measure(12.5, 20, 2, 2048, 0)),
            new StageResult(0.1, "duckdb-ingest", 1, 1000, new Measure(2.5, 3, 1, 1024, 0)),
            new StageResult(0.3, "ingest", 1, 3000, new Measure(30, 50, 4, 4096, 0)),
            new StageResult(0.3, "duckdb-ingest", 1, 3000, new Measure(6, 8, 1, 1024, 0)));
    Map<Double, Map<String, Object>> data =
        Map.of(
            0.1,
                Report.countsMap(
                    new LandingSplit.Counts(LocalDate.of(2015, 12, 28), 900, 100, 9, 1)),
            0.3,
                Report.countsMap(
                    new LandingSplit.Counts(LocalDate.of(2015, 12, 28), 2700, 300, 27, 3)));
    Report written =
        new Report(
            Machine.describe(), "6g", 2, 1, runs, data, Map.of(0.1, List.of(), 0.3, List.of()));
    Path json = written.writeJson(dir);

    Report read = ResultsFile.load(json, dir);

    assertThat(read.summaryTable()).isEqualTo(written.summaryTable());
    assertThat(read.summaryTable()).contains("| 0.3 | ingest | 3,000 | 30.0 | 54.0 | 4 | 100 |");
    Path md = dir.resolve("docs/benchmarks.md");
    read.appendMarkdown(md, dir.resolve("docs/img/chart.png"), json);
    assertThat(Files.readString(md)).contains("| 0.3 | full_ingest_vs_duckdb | 5.00 |");
    assertThat(Files.size(dir.resolve("docs/img/chart.png"))).isPositive();
  }
}
