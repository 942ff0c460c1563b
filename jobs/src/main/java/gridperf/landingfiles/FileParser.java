package gridperf.landingfiles;

import gridperf.job.IoReasons;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Turns one landing file into its bronze rows (schema {@code gridperf.ingest.Bronze.SCHEMA}),
 * lazily, in one pass: physical lines numbered from 1, blank lines skipped, each line decoded on
 * its own, CSV lines split by RFC 4180 and mapped by header name to contract order. A line that
 * cannot be decoded or split, or has the wrong field count, keeps its raw text and a parse error
 * (it will be quarantined as MALFORMED), and so does a last line without a line end (a truncated
 * delivery, {@link #TRUNCATED}), which is never read as a record. JSON lines are kept as text; they
 * are parsed when validated.
 */
public final class FileParser implements Iterator<Row>, AutoCloseable {
  private final LandingFile file;
  private final Header header;
  private final LineDecoder decoder;
  private final String batchId;
  private final long batchSeq;
  private final Timestamp ingestTs;
  private final java.sql.Date asOf;
  private final InputStream in;
  private final PhysicalLines lines;
  private long lineNo;
  private Row next;

  public FileParser(
      LandingFile file,
      Header header,
      String charset,
      String batchId,
      long batchSeq,
      Timestamp ingestTs,
      java.sql.Date asOf) {
    this.file = file;
    this.header = header;
    this.decoder = new LineDecoder(charset);
    this.batchId = batchId;
    this.batchSeq = batchSeq;
    this.ingestTs = ingestTs;
    this.asOf = asOf;
    this.in = LandingReader.open(file);
    this.lines = new PhysicalLines(in);
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = next;
    next = null;
    return r;
  }

  private Row advance() {
    try {
      while (lines.next()) {
        lineNo++;
        boolean first = lineNo == 1;
        if (first && !file.source().isJson()) {
          continue; // the header
        }
        if (lines.blank(decoder.bomLength(lines.bytes(), lines.length(), first))) {
          continue;
        }
        LineDecoder.Decoded d = decoder.decode(lines.bytes(), lines.length(), first);
        if (!lines.terminated()) {
          return row(d.text() != null ? d.text() : d.raw(), d.encoding(), null, TRUNCATED);
        }
        if (d.text() == null) {
          return row(d.raw(), d.encoding(), null, "line is neither valid UTF-8 nor GB18030");
        }
        if (file.source().isJson()) {
          return row(d.text(), d.encoding(), null, null);
        }
        List<String> fields;
        try {
          fields = CsvLine.split(d.text());
        } catch (CsvLine.BadCsv e) {
          return row(d.text(), d.encoding(), null, e.getMessage());
        }
        if (fields.size() != header.width()) {
          return row(
              d.text(),
              d.encoding(),
              null,
              fields.size() + " fields where the header has " + header.width());
        }
        String[] contract = new String[header.index().length];
        for (int c = 0; c < contract.length; c++) {
          contract[c] = fields.get(header.index()[c]);
        }
        return row(d.text(), d.encoding(), contract, null);
      }
      close();
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(
          file.relativePath()
              + " line "
              + (lineNo + 1)
              + ": cannot read ("
              + IoReasons.reason(e)
              + ")",
          e);
    }
  }

  /**
   * The parse error of a file's last data line that has no line end: the delivery was cut short (a
   * copy interrupted, a disk full), so the line may be missing characters even when it parses.
   */
  public static final String TRUNCATED =
      "truncated delivery: the file's last line has no line end (LF or CRLF)";

  private Row row(String raw, String encoding, String[] fields, String parseError) {
    return RowFactory.create(
        file.source().label(),
        file.relativePath(),
        lineNo,
        raw,
        encoding,
        fields,
        parseError,
        batchId,
        batchSeq,
        ingestTs,
        asOf);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // read-only stream; nothing to lose
    }
  }
}
