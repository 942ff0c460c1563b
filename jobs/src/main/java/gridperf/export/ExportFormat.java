package gridperf.export;

/** The file formats of {@code gridperf export}. */
public enum ExportFormat {
  XLSX,
  CSV,
  PARQUET
}
