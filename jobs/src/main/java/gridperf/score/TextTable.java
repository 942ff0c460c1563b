package gridperf.score;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain aligned text columns that stay aligned with Chinese text: a wide (CJK, full-width)
 * character takes two terminal cells, so padding counts display cells, not chars.
 */
public final class TextTable {
  private final List<String> header;
  private final boolean[] right;
  private final List<List<String>> rows = new ArrayList<>();

  /** Columns named {@code header}; a name ending in '>' is right-aligned (the '>' is dropped). */
  public TextTable(String... header) {
    this.header = new ArrayList<>();
    this.right = new boolean[header.length];
    for (int i = 0; i < header.length; i++) {
      right[i] = header[i].endsWith(">");
      this.header.add(right[i] ? header[i].substring(0, header[i].length() - 1) : header[i]);
    }
  }

  public TextTable add(Object... cells) {
    List<String> r = new ArrayList<>();
    for (Object c : cells) {
      r.add(c == null ? "" : c.toString());
    }
    rows.add(r);
    return this;
  }

  /** The table, two spaces between columns, each line indented by {@code indent}. */
  public String render(String indent) {
    int[] widths = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> r : all) {
      for (int i = 0; i < widths.length && i < r.size(); i++) {
        widths[i] = Math.max(widths[i], width(r.get(i)));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> r : all) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < widths.length; i++) {
        String cell = i < r.size() ? r.get(i) : "";
        String pad = " ".repeat(widths[i] - width(cell));
        line.append(right[i] ? pad + cell : cell + pad);
        if (i < widths.length - 1) {
          line.append("  ");
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  /** Display cells of a string: 2 for East Asian wide and full-width characters, else 1. */
  public static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += wide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0x303E)
        || (cp >= 0x3041 && cp <= 0x33FF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0xA000 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
