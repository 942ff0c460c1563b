package gridperf.generate;

/** Text helpers: RFC 4180 CSV fields, JSON strings, amounts in cents as 2-decimal text. */
final class Text {
  private Text() {}

  /** A CSV field, quoted only when it holds a comma, quote or line break. */
  static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** A JSON string literal. */
  static String json(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Cents as yuan with exactly two decimals: -1234 → -12.34. */
  static void yuan(StringBuilder b, long cents) {
    if (cents < 0) {
      b.append('-');
      cents = -cents;
    }
    b.append(cents / 100).append('.');
    long c = cents % 100;
    if (c < 10) {
      b.append('0');
    }
    b.append(c);
  }

  static String yuan(long cents) {
    StringBuilder b = new StringBuilder();
    yuan(b, cents);
    return b.toString();
  }

  /** Two-digit zero padding. */
  static void pad2(StringBuilder b, int v) {
    if (v < 10) {
      b.append('0');
    }
    b.append(v);
  }
}
