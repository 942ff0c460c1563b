package gridperf.query;

/**
 * How many terminal columns a string takes: East Asian wide and fullwidth characters (Chinese,
 * Japanese, Korean, fullwidth forms, most emoji) take two, combining marks none, the rest one — so
 * a column of manager names in Chinese lines up with the numbers beside it.
 */
public final class DisplayWidth {
  private static final int[][] WIDE = {
    {0x1100, 0x115F},
    {0x231A, 0x231B},
    {0x2329, 0x232A},
    {0x23E9, 0x23EC},
    {0x2E80, 0x303E},
    {0x3041, 0x33FF},
    {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF},
    {0xA000, 0xA4CF},
    {0xA960, 0xA97F},
    {0xAC00, 0xD7A3},
    {0xF900, 0xFAFF},
    {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},
    {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6},
    {0x1F300, 0x1F64F},
    {0x1F900, 0x1F9FF},
    {0x20000, 0x2FFFD},
    {0x30000, 0x3FFFD}
  };

  private DisplayWidth() {}

  /** The display width of {@code s}. */
  public static int of(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += of(cp);
      i += Character.charCount(cp);
    }
    return w;
  }

  /** The display width of one code point. */
  public static int of(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT
        || cp == 0x200B) {
      return 0;
    }
    for (int[] r : WIDE) {
      if (cp >= r[0] && cp <= r[1]) {
        return 2;
      }
    }
    return 1;
  }

  /** {@code s} padded with spaces to {@code width} columns, on the left when {@code right}. */
  public static String pad(String s, int width, boolean right) {
    int gap = Math.max(0, width - of(s));
    String spaces = " ".repeat(gap);
    return right ? spaces + s : s + spaces;
  }
}
