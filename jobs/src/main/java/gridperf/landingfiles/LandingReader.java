package gridperf.landingfiles;

import gridperf.job.IoReasons;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists the landing tree and scans files through Hadoop's FileSystem, so the root may be a local
 * path or a URI ({@code hdfs:}, {@code s3a:}). Scanning (content hash, header, whether the file has
 * rows) runs where it is called: on executors for many files.
 */
public final class LandingReader {
  private LandingReader() {}

  /** Code-point order of paths (docs/contract.md, Precedence), not UTF-16 order. */
  public static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int ca = a.codePointAt(i);
          int cb = b.codePointAt(j);
          if (ca != cb) {
            return Integer.compare(ca, cb);
          }
          i += Character.charCount(ca);
          j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };

  /** What a scan learnt about one file. */
  public record Scan(
      String relativePath,
      String contentHash,
      String headerText,
      String headerEncoding,
      boolean bom,
      long dataLines)
      implements Serializable {}

  /** Every contract file under the root, in code-point order of the relative path. */
  public static List<LandingFile> list(String root, Configuration conf) {
    Path rootPath = new Path(root);
    try {
      FileSystem fs = rootPath.getFileSystem(conf);
      if (!fs.exists(rootPath) || !fs.getFileStatus(rootPath).isDirectory()) {
        throw new Header.Refused("landing directory " + root + " does not exist");
      }
      String base = fs.getFileStatus(rootPath).getPath().toUri().getPath();
      List<LandingFile> out = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(rootPath, true);
      while (it.hasNext()) {
        LocatedFileStatus st = it.next();
        String full = st.getPath().toUri().getPath();
        String rel = full.startsWith(base + "/") ? full.substring(base.length() + 1) : full;
        final String relative = rel;
        LandingSource.of(rel)
            .ifPresent(
                s ->
                    out.add(
                        new LandingFile(
                            st.getPath().toString(),
                            relative,
                            s,
                            st.getLen(),
                            st.getModificationTime())));
      }
      out.sort((x, y) -> CODE_POINT_ORDER.compare(x.relativePath(), y.relativePath()));
      return out;
    } catch (FileNotFoundException e) {
      throw new Header.Refused("landing directory " + root + " does not exist");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list landing directory " + root + ": " + e, e);
    }
  }

  /** Opens a file for reading; failures name the file. */
  public static InputStream open(LandingFile f) {
    try {
      Path p = new Path(f.location());
      return p.getFileSystem(new Configuration()).open(p);
    } catch (IOException e) {
      throw new Header.Refused(f.relativePath() + ": cannot read (" + IoReasons.reason(e) + ")");
    }
  }

  /** Hashes a file and reads its header (first line) and data-line count. */
  public static Scan scan(LandingFile f, String charset) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    LineDecoder decoder = new LineDecoder(charset);
    String header = null;
    String headerEncoding = null;
    boolean bom = false;
    long data = 0;
    long lineNo = 0;
    try (InputStream raw = open(f);
        InputStream in = new java.security.DigestInputStream(raw, sha)) {
      PhysicalLines lines = new PhysicalLines(in);
      while (lines.next()) {
        lineNo++;
        if (lineNo == 1 && !f.source().isJson()) {
          LineDecoder.Decoded d = decoder.decode(lines.bytes(), lines.length(), true);
          header = d.text();
          headerEncoding = d.encoding();
          bom = d.bom();
          if (header == null) {
            throw new Header.Refused(f.relativePath() + " line 1: header cannot be decoded");
          }
        } else {
          int skip = decoder.bomLength(lines.bytes(), lines.length(), lineNo == 1);
          bom |= skip > 0;
          if (!lines.blank(skip)) {
            data++;
          }
        }
      }
    } catch (IOException e) {
      throw new Header.Refused(
          f.relativePath() + " line " + (lineNo + 1) + ": cannot read (" + IoReasons.reason(e) + ")");
    }
    String hash = HexFormat.of().formatHex(sha.digest());
    return new Scan(f.relativePath(), hash, header, headerEncoding, bom, data);
  }
}
