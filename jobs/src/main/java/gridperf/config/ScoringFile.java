package gridperf.config;

import gridperf.job.IoReasons;
import gridperf.lakehouse.Storage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A scoring file as text, with the SHA-256 of its UTF-8 bytes: what {@code close} freezes with a
 * year, and what the score job notes on its commit so a close can tell which file scored the year.
 *
 * @param location the path or URI it was read from, or {@link #BUILT_IN}
 */
public record ScoringFile(String location, String text, String sha256) {
  /** The location name of the scoring file shipped in the jar ({@link ScoringConfig#defaults}). */
  public static final String BUILT_IN = "built-in conf/scoring.conf";

  /** Reads a scoring file; a blank location or {@link #BUILT_IN} is the built-in file. */
  public static ScoringFile read(String location) {
    if (location == null || location.isBlank() || location.equals(BUILT_IN)) {
      try (var in = ScoringFile.class.getResourceAsStream("/gridperf/scoring.conf")) {
        return of(BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    try {
      return of(location, Storage.readText(location));
    } catch (Exception e) {
      throw new ConfigException(
          "cannot read scoring file " + location + ": " + IoReasons.reason(e), e);
    }
  }

  /** The file of {@code text}. */
  public static ScoringFile of(String location, String text) {
    return new ScoringFile(location, text, sha256(text));
  }

  /** Parses and validates the text, named by {@code source} in errors and statements. */
  public ScoringConfig parse(String source) {
    return ScoringConfig.parse(text, source);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
