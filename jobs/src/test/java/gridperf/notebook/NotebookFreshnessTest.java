package gridperf.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebooks of notebooks-java/ are committed executed, with their outputs from the demo's lake
 * ({@code bin/render-notebooks}). Fails when one is stale: a code cell edited since the render (the
 * hash of the code cells differs from the one recorded in the notebook's metadata), a code cell
 * without an execution count, counts out of order (cells run by hand), an error output. No Spark,
 * no Jupyter: it reads the files.
 */
class NotebookFreshnessTest {
  private static final Path DIR =
      Path.of(System.getProperty("gridperf.project.root", ".."))
          .toAbsolutePath()
          .normalize()
          .resolve("notebooks-java");

  private static List<Path> notebooks() throws Exception {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  @Test
  void everyCommittedNotebookCarriesTheOutputsOfItsCurrentCode() throws Exception {
    List<Path> notebooks = notebooks();
    assertThat(notebooks).hasSizeGreaterThanOrEqualTo(5);
    for (Path nb : notebooks) {
      String name = DIR.getParent().relativize(nb).toString();
      String rerun =
          "; run "
              + NotebookFile.RENDER_COMMAND
              + " "
              + name
              + " (after bin/gridperf demo) and commit it";
      ObjectNode notebook = NotebookFile.read(nb);
      assertThat(NotebookFile.recordedHash(notebook))
          .as(
              "%s was never rendered (no %s.code_sha256 in its metadata)%s",
              name, NotebookFile.META, rerun)
          .isNotNull();
      assertThat(NotebookFile.codeHash(notebook))
          .as("%s: its code cells changed since its outputs were made%s", name, rerun)
          .isEqualTo(NotebookFile.recordedHash(notebook));
      int expected = 1;
      for (JsonNode cell : NotebookFile.codeCells(notebook)) {
        String first = NotebookFile.source(cell).lines().findFirst().orElse("");
        assertThat(cell.path("execution_count").isInt())
            .as("%s: the cell starting \"%s\" was not executed%s", name, first, rerun)
            .isTrue();
        assertThat(cell.path("execution_count").asInt())
            .as(
                "%s: the cell starting \"%s\" ran out of order (run by hand?)%s",
                name, first, rerun)
            .isEqualTo(expected++);
        for (JsonNode out : cell.path("outputs")) {
          assertThat(out.path("output_type").asText())
              .as("%s: the cell starting \"%s\" shows an error%s", name, first, rerun)
              .isNotEqualTo("error");
        }
      }
      // whether each notebook draws its charts is NotebooksTest's (on a lake with data for every
      // chart); the demo's lake raises no integrity flag, for one
      String text = Files.readString(nb, StandardCharsets.UTF_8);
      assertThat(text)
          .as(
              "%s carries run timings (written by a Jupyter front end, not by %s)",
              name, NotebookFile.RENDER_COMMAND)
          .doesNotContain("\"iopub.execute_input\"");
    }
  }

  @Test
  void editingACodeCellMakesTheNotebookStaleButEditingMarkdownDoesNot() throws Exception {
    ObjectNode source = NotebookFile.read(notebooks().get(0));
    ObjectNode rendered = NotebookFile.merge(source, source, Map.of());
    assertThat(NotebookFile.recordedHash(rendered)).isEqualTo(NotebookFile.codeHash(rendered));

    ObjectNode markdown = rendered.deepCopy();
    for (JsonNode cell : markdown.path("cells")) {
      if ("markdown".equals(cell.path("cell_type").asText())) {
        ((ObjectNode) cell).put("source", "another comment");
        break;
      }
    }
    assertThat(NotebookFile.codeHash(markdown)).isEqualTo(NotebookFile.recordedHash(rendered));

    ObjectNode code = rendered.deepCopy();
    ObjectNode cell = (ObjectNode) NotebookFile.codeCells(code).get(0);
    cell.put("source", NotebookFile.source(cell) + "\n// edited");
    assertThat(NotebookFile.codeHash(code)).isNotEqualTo(NotebookFile.recordedHash(rendered));
  }

  @Test
  void writesNotebooksAsJupyterDoes(@TempDir Path tmp) throws Exception {
    // nbformat: json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) and a final newline
    Path in = tmp.resolve("in.ipynb");
    Files.writeString(
        in,
        "{\"nbformat\": 4, \"cells\": [{\"source\": [\"a\\tb \\\"c\\\"\\n\", \"网格\"], \"cell_type\": \"markdown\","
            + " \"metadata\": {}, \"id\": \"x\"}], \"metadata\": {\"z\": [], \"a\": null}, \"nbformat_minor\": 5}");
    Path out = tmp.resolve("out.ipynb");
    NotebookFile.write(out, NotebookFile.read(in));
    assertThat(Files.readString(out, StandardCharsets.UTF_8))
        .isEqualTo(
            String.join(
                "\n",
                "{",
                " \"cells\": [",
                "  {",
                "   \"cell_type\": \"markdown\",",
                "   \"id\": \"x\",",
                "   \"metadata\": {},",
                "   \"source\": [",
                "    \"a\\tb \\\"c\\\"\\n\",",
                "    \"网格\"",
                "   ]",
                "  }",
                " ],",
                " \"metadata\": {",
                "  \"a\": null,",
                "  \"z\": []",
                " },",
                " \"nbformat\": 4,",
                " \"nbformat_minor\": 5",
                "}",
                ""));
  }
}
