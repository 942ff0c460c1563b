package gridperf.landingfiles;

import java.io.Serializable;

/**
 * One file of the landing tree as listed: its full location (a path or URI), its path relative to
 * the landing root as delivered (the name it has everywhere in the lake, {@code .gz} included),
 * size and modification time.
 */
public record LandingFile(
    String location, String relativePath, LandingSource source, long size, long modificationTime)
    implements Serializable {
  /** True for a gzip-compressed delivery ({@code .gz}): it is read decompressed. */
  public boolean gzip() {
    return relativePath.endsWith(LandingSource.GZIP_SUFFIX);
  }
}
