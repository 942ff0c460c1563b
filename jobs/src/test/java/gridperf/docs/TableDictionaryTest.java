package gridperf.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gridperf.lakehouse.TableDefinition;
import gridperf.lakehouse.TableId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TableDictionaryTest {
  private static final Path DOC =
      Path.of(System.getProperty("gridperf.project.root", ".."), "docs", "tables.md");

  @Test
  void docsTablesMdIsWhatTheCodeSays() throws Exception {
    String expected = TableDictionary.markdown(TableDictionary.DEFINITIONS);
    if (Boolean.getBoolean("gridperf.docs.write")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DOC))
        .as(
            "docs/tables.md is missing; run mvn -q -o test -Dtest=TableDictionaryTest"
                + " -Dgridperf.docs.write=true")
        .isTrue();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as(
            "docs/tables.md is out of date; run mvn -q -o test -Dtest=TableDictionaryTest"
                + " -Dgridperf.docs.write=true and commit it")
        .isEqualTo(expected);
  }

  @Test
  void dictionaryShowsGrainKeysTypesAndMeaning() {
    String md = TableDictionary.markdown(TableDictionary.DEFINITIONS);
    assertThat(md)
        .contains("| [dim_retailer](#dim_retailer) | silver | one row per retailer version")
        .doesNotContain("*not documented yet*")
        .contains("| [perf_manager](#perf_manager) | gold | one row per manager and period")
        .contains("| `volume_cases` | decimal(23,3) | yes | Σ qty_cartons / 250, cases (箱) |")
        .contains("| `attainment_points` | double | yes | weight × attainment_score |")
        .contains("| `fields` | array<string> | yes |")
        .contains("- **Key:** `retailer_code`, `valid_from`")
        .contains("- **Partitioned by:** `year`, `month`")
        .contains("| `amount_yuan` | decimal(18,2) | no | line amount, yuan |")
        .contains("| `delta_versions` | map<string,bigint> | yes |");
  }

  @Test
  void aDefinitionThatMissesOrInventsAColumnIsRefused() {
    StructType schema =
        new StructType().add("grid_code", DataTypes.StringType).add("x", DataTypes.LongType);
    TableDefinition bad =
        TableDefinition.of(TableId.PERF_GRID, schema)
            .grain("grid × period")
            .keys("grid_code", "period")
            .column("grid_code", "the grid")
            .column("y", "nothing");
    assertThat(TableDictionary.problems(List.of(bad, bad)))
        .containsExactlyInAnyOrder(
            "perf_grid: defined twice",
            "perf_grid: key column period is not in the schema",
            "perf_grid: key column period is not in the schema",
            "perf_grid: described column y is not in the schema",
            "perf_grid: described column y is not in the schema",
            "perf_grid: column x has no description",
            "perf_grid: column x has no description");
    assertThatThrownBy(() -> TableDictionary.markdown(List.of(bad)))
        .hasMessageContaining("column x has no description");
  }
}
