package gridperf.landingfiles;

import java.io.Serializable;

/**
 * One file of the landing tree as listed: its full location (a path or URI), its path relative to
 * the landing root (the name it has everywhere in the lake), size and modification time.
 */
public record LandingFile(
    String location, String relativePath, LandingSource source, long size, long modificationTime)
    implements Serializable {}
