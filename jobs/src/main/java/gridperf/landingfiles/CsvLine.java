package gridperf.landingfiles;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one physical CSV line by RFC 4180 (comma, double quotes, {@code ""} inside quotes), one
 * physical line being one record. Surrounding spaces of a field are trimmed (outside and, for an
 * unquoted field, around the value); an empty field is returned as the empty string.
 */
public final class CsvLine {
  private CsvLine() {}

  /** Thrown for a line that is not valid CSV (unclosed quote, text after a closing quote). */
  public static final class BadCsv extends Exception {
    public BadCsv(String message) {
      super(message, null, false, false);
    }
  }

  public static List<String> split(String line) throws BadCsv {
    List<String> out = new ArrayList<>();
    int n = line.length();
    int i = 0;
    while (true) {
      while (i < n && isSpace(line.charAt(i))) {
        i++;
      }
      if (i < n && line.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < n && line.charAt(i + 1) == '"') {
              sb.append('"');
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          sb.append(c);
          i++;
        }
        if (!closed) {
          throw new BadCsv("unclosed quote");
        }
        while (i < n && isSpace(line.charAt(i))) {
          i++;
        }
        if (i < n && line.charAt(i) != ',') {
          throw new BadCsv("text after a closing quote at column " + (i + 1));
        }
        out.add(trim(sb.toString()));
      } else {
        int start = i;
        while (i < n && line.charAt(i) != ',') {
          if (line.charAt(i) == '"') {
            throw new BadCsv("quote inside an unquoted field at column " + (i + 1));
          }
          i++;
        }
        out.add(trim(line.substring(start, i)));
      }
      if (i >= n) {
        return out;
      }
      i++; // the comma
    }
  }

  /**
   * The field without its surrounding spaces: every Unicode space and whitespace character,
   * including the no-break spaces (U+00A0, U+2007, U+202F) that spreadsheet exports leave around
   * numbers, which {@link String#strip} keeps.
   */
  static String trim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isUnicodeSpace(s.charAt(from))) {
      from++;
    }
    while (to > from && isUnicodeSpace(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  private static boolean isUnicodeSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
