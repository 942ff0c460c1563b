package gridperf.bench;

/** One timed run of one stage at one scale; rows is the fact rows the stage is fed. */
public record StageResult(double scale, String stage, int run, long rows, Measure measure) {}
