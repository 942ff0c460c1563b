package gridperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.gold.GoldBuild;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The first day of a deployment: master data lands before any sales or touchpoint. Every job runs
 * and writes empty tables (nothing is assigned inside an empty period range), and the facts that
 * follow give the same lake as one run over the whole tree.
 */
class MasterFirstTest extends ReliabilityBase {
  static final List<TableId> GOLD =
      Stream.concat(GoldBuild.OUTPUTS.stream(), Stream.of(TableId.MANAGER_SCORECARD)).toList();

  @Test
  void masterOnlyLakeBuildsAndScoresEmptyTablesThenFactsArriveAsInOneRun() {
    Path landing = dir("landing");
    TinyLanding.master(landing);
    Lake lake = newLake();

    ingest(lake, landing);
    build(lake);
    Cli scored = cli(lakeArgs(lake, "score"));

    assertThat(scored.status()).as("score: " + scored.err()).isZero();
    for (TableId t : GOLD) {
      assertThat(lake.exists(t)).as(t.tableName() + " exists").isTrue();
      assertThat(lake.read(t).count()).as(t.tableName() + " rows").isZero();
    }
    assertThat(List.of(lake.read(TableId.MANAGER_SCORECARD).columns()))
        .startsWith("manager_code", "year", "market_type", "primary_grid_code")
        .endsWith(
            "composite",
            "tier",
            "bonus_yuan",
            "ranked_tier",
            "standards_met",
            "eligible",
            "assigned_days");

    TinyLanding.first(landing);
    ingest(lake, landing);
    build(lake);
    score(lake);
    Lake oneRun = newLake();
    ingest(oneRun, landing);
    build(oneRun);
    score(oneRun);

    assertThat(lake.read(TableId.MANAGER_SCORECARD).count()).isPositive();
    assertSameTables(lake, oneRun, COMPARED);
  }
}
