package gridperf.score;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.config.StandardsConfig;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The statement's standards lines: the year's figures, and one line when the gate moved a tier. */
class StandardsStatementTest {
  private static final StructType CARD =
      StructType.fromDDL(
          "manager_code string, year int, tier string, ranked_tier string, standards_met boolean");
  private static final StructType STD = gridperf.gold.ServiceStandards.SCHEMA;
  private static final StandardsConfig GATE_B = new StandardsConfig(2, 1.0, 0.9, "B");

  private static Row card(String tier, String ranked, Boolean met) {
    return new GenericRowWithSchema(new Object[] {"M1", 2015, tier, ranked, met}, CARD);
  }

  @Test
  void aTierTheGateMovedGetsOneLineAndAnUnmovedTierNone() {
    assertThat(StandardsStatement.gateLine(card("B", "A", false), GATE_B))
        .isEqualTo(
            "Standards gate: ranked tier A, but the service standards of 2015 were not met, so tier B"
                + " (standards.gate_tier = B)"
                + System.lineSeparator());
    assertThat(StandardsStatement.gateLine(card("C", "C", false), GATE_B)).isEmpty();
    assertThat(StandardsStatement.gateLine(card("A", "A", true), GATE_B)).isEmpty();
  }

  @Test
  void theYearsFiguresWithANullPassRateAndTheVerdictOfTheScorecard() {
    Row y =
        new GenericRowWithSchema(
            new Object[] {
              "M1", "Y", "2015", 2015, 12, 23L, 4L, 0L, 0L, null, 1L, 11, 10, 12, 7, false
            },
            STD);
    String text = StandardsStatement.render(y, card("B", "A", false), 2015, GATE_B);
    assertThat(text)
        .contains("Service standards 2015: NOT met")
        .contains("self-inspections: 11 of 12 assigned months with at least 2 (needs 1 × 12)")
        .contains("spot checks: 0 passed of 0 = NULL (needs NULL or at least 0.9)")
        .contains(
            "23 self, 4 general, 0 spot; 1 errors; error-free months 10 (longest run 7);"
                + " complaint-free months 12");
  }
}
