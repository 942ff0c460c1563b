package gridperf.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import gridperf.config.ScoringFile;
import gridperf.gold.PeriodRange;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * The {@code close} job: freezes a paid year's official scorecard ({@link PeriodClose}), or with
 * {@code reopen} lifts the close. Refusals (no scorecard for the year, data not reaching its
 * December, already closed, reopening a year not closed, another scoring file than the one that
 * scored the year) throw {@link Refused} before anything is written.
 */
public final class CloseJob {
  /** A close or reopen refused by its checks: nothing was written. */
  public static final class Refused extends IllegalArgumentException {
    Refused(String message) {
      super(message);
    }
  }

  private CloseJob() {}

  /** Closes {@code year} with {@code scoring}, the file its scorecard was scored with. */
  public static JobOutcome close(JobContext ctx, int year, ScoringFile scoring) {
    Lake lake = ctx.lake();
    Row card = yearTotals(lake, year);
    if (card == null) {
      throw new Refused(year + " has no scorecard (run score first)");
    }
    Optional<PeriodRange> range =
        PeriodRange.ofPartitions(
            lake.read(TableId.FACT_SALES_LINE), lake.read(TableId.FACT_TOUCHPOINT));
    YearMonth december = YearMonth.of(year, 12);
    if (range.isEmpty() || range.get().last().isBefore(december)) {
      throw new Refused(
          "the data ends in "
              + range.map(r -> r.last().toString()).orElse("no month")
              + ", before December "
              + year
              + ": a year closes once its last month is in the data");
    }
    PeriodClose.Closed already = PeriodClose.inForce(lake).get(year);
    if (already != null) {
      throw new Refused(
          year
              + " is already closed (since "
              + already.closedAt()
              + "; close --year "
              + year
              + " --reopen lifts the close)");
    }
    ScoreNote.Read note = ScoreNote.latest(lake);
    if (note != null
        && note.scoringSha256() != null
        && !note.scoringSha256().equals("unknown")
        && !note.scoringSha256().equals(scoring.sha256())) {
      throw new Refused(
          "manager_scorecard was scored with another scoring file (sha256 "
              + note.scoringSha256().substring(0, 12)
              + "…) than "
              + scoring.location()
              + " (sha256 "
              + scoring.sha256().substring(0, 12)
              + "…): pass the file it was scored with (--scoring)");
    }
    long cardVersion = lake.version(TableId.MANAGER_SCORECARD);
    Map<String, Long> sources = new LinkedHashMap<>();
    if (note != null) {
      sources.putAll(note.versions());
    } else {
      for (TableId t :
          List.of(
              TableId.PERF_MANAGER,
              TableId.FACT_SALES_LINE,
              TableId.FACT_TOUCHPOINT,
              TableId.DIM_RETAILER)) {
        sources.put(t.tableName(), lake.version(t));
      }
    }
    Instant now = ctx.clock().instant();
    WriteResult w =
        PeriodClose.append(
            lake,
            new PeriodClose.Close(
                year, now, latestBatch(lake), cardVersion, sources, scoring, ctx.runId()));
    String summary =
        String.format(
            Locale.ROOT,
            "closed %d: %d managers, bonus total %,.2f yuan, manager_scorecard v%d, scoring file"
                + " %s (sha256 %s…); later scores keep these rows and book differences in"
                + " scorecard_adjustment",
            year,
            card.getLong(0),
            card.isNullAt(1) ? BigDecimal.ZERO : card.getDecimal(1),
            cardVersion,
            scoring.location(),
            scoring.sha256().substring(0, 12));
    return new JobOutcome(card.getLong(0), 1, 0, List.of(w), summary);
  }

  /** Lifts the close of {@code year}: the next score rewrites it and clears its adjustments. */
  public static JobOutcome reopen(JobContext ctx, int year) {
    Lake lake = ctx.lake();
    PeriodClose.Closed c = PeriodClose.inForce(lake).get(year);
    if (c == null) {
      throw new Refused(year + " is not closed: nothing to reopen");
    }
    WriteResult w = PeriodClose.reopen(lake, year, ctx.clock().instant());
    return new JobOutcome(
        1,
        1,
        0,
        List.of(w),
        "reopened "
            + year
            + " (closed since "
            + c.closedAt()
            + "): the next score rewrites its scorecard and clears its adjustments");
  }

  /** (managers, bonus total) of the year's official scorecard, or null without rows. */
  private static Row yearTotals(Lake lake, int year) {
    if (!lake.exists(TableId.MANAGER_SCORECARD)) {
      return null;
    }
    Row r =
        lake.read(TableId.MANAGER_SCORECARD)
            .where(col("year").equalTo(year))
            .agg(count(lit(1)), sum("bonus_yuan"))
            .head();
    return r.getLong(0) == 0 ? null : r;
  }

  /** The batch id of the latest ingest that landed files (ingest_files), or null. */
  private static String latestBatch(Lake lake) {
    if (!lake.exists(TableId.INGEST_FILES)) {
      return null;
    }
    List<Row> r =
        lake.read(TableId.INGEST_FILES)
            .orderBy(col("batch_seq").desc())
            .select("batch_id")
            .limit(1)
            .collectAsList();
    return r.isEmpty() ? null : r.get(0).getString(0);
  }
}
