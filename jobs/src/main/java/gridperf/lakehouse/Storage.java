package gridperf.lakehouse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Reads small files (settings, scoring files) from a local path or a Hadoop URI ({@code file:},
 * {@code hdfs:}, {@code s3a:}), so the same command line works locally and on a cluster.
 */
public final class Storage {
  private Storage() {}

  /** True when {@code location} names a URI scheme other than a Windows drive letter. */
  public static boolean isUri(String location) {
    int colon = location.indexOf(':');
    return colon > 1 && location.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
  }

  /** The whole file as UTF-8 text. */
  public static String readText(String location) throws IOException {
    if (!isUri(location) || location.startsWith("file:")) {
      Path p = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
      return Files.readString(p, StandardCharsets.UTF_8);
    }
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
    FileSystem fs = p.getFileSystem(new Configuration());
    try (InputStream in = fs.open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
