package gridperf.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import gridperf.query.Cells;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A notebook of notebooks-java/ as JSON: the hash of its code cells, the merge of an executed copy
 * into the committed one, and a writer that formats as Jupyter does (nbformat: one-space indent,
 * sorted keys, non-ASCII kept), so that a notebook saved by Jupyter and one written here differ
 * only where their content does.
 *
 * <p>The committed notebooks carry their outputs: {@code bin/render-notebooks} executes them on the
 * demo's lake and records, in the notebook's metadata ({@code gridperf.code_sha256}), the hash of
 * the code cells it ran. A notebook whose code cells no longer hash to that value was edited after
 * its outputs were made: its outputs are stale ({@code NotebookFreshnessTest}).
 */
public final class NotebookFile {
  /** The notebook metadata key of what the renderer records. */
  public static final String META = "gridperf";

  /** The command that regenerates the outputs, for messages. */
  public static final String RENDER_COMMAND = "bin/render-notebooks";

  private static final ObjectMapper JSON = new ObjectMapper();

  private NotebookFile() {}

  public static ObjectNode read(Path file) throws IOException {
    JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    if (!(node instanceof ObjectNode nb) || !nb.path("cells").isArray()) {
      throw new IOException(file + " is not a notebook (no cells)");
    }
    return nb;
  }

  public static void write(Path file, JsonNode notebook) throws IOException {
    StringBuilder s = new StringBuilder();
    format(s, notebook, 0);
    Files.writeString(file, s.append('\n').toString(), StandardCharsets.UTF_8);
  }

  /** A cell's source (a string, or a list of lines) as one string. */
  public static String source(JsonNode cell) {
    return text(cell.path("source"));
  }

  /** The code cells, in order. */
  public static List<JsonNode> codeCells(JsonNode notebook) {
    List<JsonNode> code = new ArrayList<>();
    for (JsonNode cell : notebook.path("cells")) {
      if ("code".equals(cell.path("cell_type").asText())) {
        code.add(cell);
      }
    }
    return code;
  }

  /**
   * SHA-256 (hex) of the code cells' sources, in order, each followed by a NUL; markdown cells and
   * outputs do not count, so a comment under a chart needs no new run.
   */
  public static String codeHash(JsonNode notebook) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (JsonNode cell : codeCells(notebook)) {
        sha.update(source(cell).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The hash recorded at render time, or null. */
  public static String recordedHash(JsonNode notebook) {
    JsonNode h = notebook.path("metadata").path(META).path("code_sha256");
    return h.isTextual() ? h.asText() : null;
  }

  /**
   * The committed notebook {@code source} with the outputs and execution counts of {@code executed}
   * (the same notebook run by nbconvert): every other field — cell ids and metadata, markdown, the
   * notebook's metadata — comes from {@code source}, so nothing the run adds (timings, the kernel's
   * language version) reaches the file, nor the display ids the kernel echoes ({@link
   * #displayIdEcho}). {@code replacements} rewrite text in the outputs (the lake's absolute path,
   * which differs from machine to machine). Records the code hash in the metadata.
   */
  public static ObjectNode merge(
      ObjectNode source, JsonNode executed, Map<String, String> replacements) {
    ArrayNode cells = (ArrayNode) source.get("cells");
    JsonNode ran = executed.path("cells");
    if (ran.size() != cells.size()) {
      throw new IllegalArgumentException(
          "the executed notebook has " + ran.size() + " cells, the source " + cells.size());
    }
    ObjectNode out = source.deepCopy();
    ArrayNode outCells = (ArrayNode) out.get("cells");
    for (int i = 0; i < outCells.size(); i++) {
      ObjectNode cell = (ObjectNode) outCells.get(i);
      if (!"code".equals(cell.path("cell_type").asText())) {
        continue;
      }
      if (!source(cell).equals(source(ran.get(i)))) {
        throw new IllegalArgumentException(
            "cell " + i + " differs between the source and the executed notebook");
      }
      cell.set("execution_count", ran.get(i).path("execution_count").deepCopy());
      ArrayNode outputs = JsonNodeFactory.instance.arrayNode();
      for (JsonNode output : ran.get(i).path("outputs")) {
        if (!displayIdEcho(output)) {
          outputs.add(replace(output.deepCopy(), replacements));
        }
      }
      cell.set("outputs", outputs);
    }
    ObjectNode meta = out.with("metadata");
    ObjectNode mine = JsonNodeFactory.instance.objectNode();
    mine.put("code_sha256", codeHash(out));
    mine.put("rendered_by", RENDER_COMMAND);
    meta.set(META, mine);
    return out;
  }

  /**
   * The cell's value when the cell ends with {@code display(...)}: rapaio-jupyter-kernel's {@code
   * display} returns the display's id, a random UUID the kernel then shows as the cell's result. It
   * means nothing to a reader and would change the file on every run.
   */
  static boolean displayIdEcho(JsonNode output) {
    JsonNode data = output.path("data");
    return "execute_result".equals(output.path("output_type").asText())
        && data.size() == 1
        && UUID.matcher(text(data.elements().next()).strip()).matches();
  }

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private static JsonNode replace(JsonNode node, Map<String, String> replacements) {
    if (node.isTextual()) {
      String s = node.asText();
      for (Map.Entry<String, String> e : replacements.entrySet()) {
        s = s.replace(e.getKey(), e.getValue());
      }
      return TextNode.valueOf(s);
    }
    if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, replace(a.get(i), replacements));
      }
    } else if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        e.setValue(replace(e.getValue(), replacements));
      }
    }
    return node;
  }

  private static String text(JsonNode node) {
    if (node.isArray()) {
      StringBuilder s = new StringBuilder();
      node.forEach(line -> s.append(line.asText()));
      return s.toString();
    }
    return node.isNull() || node.isMissingNode() ? "" : node.asText();
  }

  /** As Python's {@code json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False)}. */
  private static void format(StringBuilder s, JsonNode node, int depth) {
    if (node.isObject()) {
      if (node.isEmpty()) {
        s.append("{}");
        return;
      }
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      node.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
      s.append("{");
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
        s.append(first ? "\n" : ",\n").append(" ".repeat(depth + 1));
        Cells.quote(s, e.getKey());
        s.append(": ");
        format(s, e.getValue(), depth + 1);
        first = false;
      }
      s.append("\n").append(" ".repeat(depth)).append("}");
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        s.append("[]");
        return;
      }
      s.append("[");
      for (int i = 0; i < node.size(); i++) {
        s.append(i == 0 ? "\n" : ",\n").append(" ".repeat(depth + 1));
        format(s, node.get(i), depth + 1);
      }
      s.append("\n").append(" ".repeat(depth)).append("]");
    } else if (node.isTextual()) {
      Cells.quote(s, node.asText());
    } else {
      s.append(node.toString()); // numbers, booleans, null
    }
  }
}
