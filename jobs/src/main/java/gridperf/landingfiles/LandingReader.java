package gridperf.landingfiles;

import gridperf.job.IoReasons;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
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

  /**
   * What a listing of the landing root found: the contract files in code-point order of the
   * relative path, and every other file (not ingested), in the same order.
   */
  public record Listing(List<LandingFile> files, List<String> ignored) {
    /** How many files were ignored and the first few of them, for the console and the audit row. */
    public String ignoredSummary() {
      if (ignored.isEmpty()) {
        return "";
      }
      List<String> first = ignored.subList(0, Math.min(IGNORED_NAMED, ignored.size()));
      return ignored.size()
          + (ignored.size() == 1 ? " file" : " files")
          + " under the landing root not in the contract, ignored: "
          + String.join(", ", first)
          + (ignored.size() > first.size() ? ", …" : "");
    }
  }

  /** How many ignored files a run names. */
  static final int IGNORED_NAMED = 5;

  /** Every contract file under the root, in code-point order of the relative path. */
  public static List<LandingFile> list(String root, Configuration conf) {
    return listing(root, conf).files();
  }

  /**
   * Lists the landing root: contract files ({@link LandingSource#of}) and the others. A master file
   * delivered both plain and gzipped is refused, naming both: which one holds the master data is
   * not for the run to guess.
   */
  public static Listing listing(String root, Configuration conf) {
    Path rootPath = new Path(root);
    try {
      FileSystem fs = rootPath.getFileSystem(conf);
      if (!fs.exists(rootPath) || !fs.getFileStatus(rootPath).isDirectory()) {
        throw new Header.Refused("landing directory " + root + " does not exist");
      }
      String base = fs.getFileStatus(rootPath).getPath().toUri().getPath();
      List<LandingFile> out = new ArrayList<>();
      List<String> ignored = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(rootPath, true);
      while (it.hasNext()) {
        LocatedFileStatus st = it.next();
        String full = st.getPath().toUri().getPath();
        String rel = full.startsWith(base + "/") ? full.substring(base.length() + 1) : full;
        Optional<LandingSource> source = LandingSource.of(rel);
        if (source.isEmpty()) {
          ignored.add(rel);
          continue;
        }
        out.add(
            new LandingFile(
                st.getPath().toString(), rel, source.get(), st.getLen(), st.getModificationTime()));
      }
      out.sort((x, y) -> CODE_POINT_ORDER.compare(x.relativePath(), y.relativePath()));
      ignored.sort(CODE_POINT_ORDER);
      refuseMasterTwice(out);
      return new Listing(out, ignored);
    } catch (FileNotFoundException e) {
      throw new Header.Refused("landing directory " + root + " does not exist");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list landing directory " + root + ": " + e, e);
    }
  }

  private static void refuseMasterTwice(List<LandingFile> files) {
    Map<String, String> seen = new HashMap<>();
    for (LandingFile f : files) {
      if (!f.source().isMaster()) {
        continue;
      }
      String other =
          seen.putIfAbsent(LandingSource.uncompressed(f.relativePath()), f.relativePath());
      if (other != null) {
        throw new Header.Refused(
            other
                + " and "
                + f.relativePath()
                + " are both delivered: keep one of them (the"
                + " master file is read whole, so the run cannot tell which one holds the data)");
      }
    }
  }

  /** Opens a file for reading, decompressed when it is gzipped; failures name the file. */
  public static InputStream open(LandingFile f) {
    return decompressed(f, openRaw(f));
  }

  /** Opens a file's bytes as delivered. */
  static InputStream openRaw(LandingFile f) {
    try {
      Path p = new Path(f.location());
      return p.getFileSystem(new Configuration()).open(p);
    } catch (IOException e) {
      throw new Header.Refused(f.relativePath() + ": cannot read (" + IoReasons.reason(e) + ")");
    }
  }

  private static InputStream decompressed(LandingFile f, InputStream raw) {
    if (!f.gzip()) {
      return raw;
    }
    try {
      return new GZIPInputStream(raw, 1 << 16);
    } catch (IOException e) {
      try {
        raw.close();
      } catch (IOException ignored) {
        // nothing read; the reason below is what matters
      }
      throw new Header.Refused(
          f.relativePath() + ": cannot read as gzip (" + IoReasons.reason(e) + ")");
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
    // the hash is of the file as delivered (compressed or not); the lines are read decompressed
    try (InputStream raw = openRaw(f);
        InputStream hashed = new DigestInputStream(raw, sha);
        InputStream in = decompressed(f, hashed)) {
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
      hashed.transferTo(OutputStream.nullOutputStream()); // bytes after the gzip stream, if any
    } catch (IOException e) {
      throw new Header.Refused(
          f.relativePath()
              + " line "
              + (lineNo + 1)
              + ": cannot read ("
              + IoReasons.reason(e)
              + ")");
    }
    String hash = HexFormat.of().formatHex(sha.digest());
    return new Scan(f.relativePath(), hash, header, headerEncoding, bom, data);
  }
}
