package gridperf.landingfiles;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads physical lines from a stream: a line ends at {@code \n} (LF or CRLF; a {@code \r} before
 * the {@code \n} is dropped, a lone {@code \r} is part of the line). The last line may lack its
 * line end: {@link #terminated()} says so (a truncated delivery). Reuses one buffer: the bytes are
 * valid until the next call.
 */
public final class PhysicalLines {
  private final InputStream in;
  private final byte[] chunk = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[256];
  private int length;
  private boolean eof;
  private boolean terminated;

  public PhysicalLines(InputStream in) {
    this.in = in;
  }

  /** Advances to the next line; false at the end of the stream. */
  public boolean next() throws IOException {
    if (eof && pos >= limit) {
      return false;
    }
    length = 0;
    terminated = false;
    boolean any = false;
    while (true) {
      if (pos >= limit) {
        limit = in.read(chunk);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          eof = true;
          if (!any) {
            return false;
          }
          break;
        }
      }
      any = true;
      int start = pos;
      while (pos < limit && chunk[pos] != '\n') {
        pos++;
      }
      append(start, pos);
      if (pos < limit) {
        pos++; // the \n
        terminated = true;
        break;
      }
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return true;
  }

  private void append(int from, int to) {
    int n = to - from;
    if (length + n > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
    }
    System.arraycopy(chunk, from, line, length, n);
    length += n;
  }

  /** True when the current line ended with a line end; false for a last line cut short. */
  public boolean terminated() {
    return terminated;
  }

  public byte[] bytes() {
    return line;
  }

  public int length() {
    return length;
  }

  /** True when the line holds only spaces and tabs (a blank line is not a row). */
  public boolean blank() {
    return blank(0);
  }

  /** True when the line from byte {@code from} on (after a stripped BOM) is blank. */
  public boolean blank(int from) {
    for (int i = from; i < length; i++) {
      if (line[i] != ' ' && line[i] != '\t') {
        return false;
      }
    }
    return true;
  }
}
