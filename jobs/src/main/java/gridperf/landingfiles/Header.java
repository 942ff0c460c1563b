package gridperf.landingfiles;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV header matched to a source's contract: columns are found by name (surrounding spaces
 * trimmed), extra columns are ignored, a missing contract column refuses the file.
 *
 * @param width the number of fields of the header (every row must have as many)
 * @param index for each contract column (contract order), its field position in the file
 */
public record Header(int width, int[] index) implements Serializable {

  /** Thrown when a file cannot be ingested at all; the message names the file. */
  public static final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  /** Matches a header line; throws {@link Refused} naming the file and missing columns. */
  public static Header of(LandingSource source, String file, String headerText) {
    List<String> names;
    try {
      names = headerText == null ? List.of() : CsvLine.split(headerText);
    } catch (CsvLine.BadCsv e) {
      throw new Refused(file + " line 1: header is not valid CSV (" + e.getMessage() + ")");
    }
    int[] index = new int[source.columns().size()];
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < index.length; c++) {
      index[c] = names.indexOf(source.columns().get(c));
      if (index[c] < 0) {
        missing.add(source.columns().get(c));
      }
    }
    if (!missing.isEmpty()) {
      throw new Refused(
          file
              + " line 1: header lacks contract column"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + " (found: "
              + String.join(",", names)
              + ")");
    }
    return new Header(names.size(), index);
  }
}
