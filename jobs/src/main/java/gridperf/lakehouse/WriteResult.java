package gridperf.lakehouse;

/**
 * What one commit to one table did: the table, the Delta version it produced, and the rows it wrote
 * (Delta's own operation metrics, not a second count of the data).
 */
public record WriteResult(TableId table, long version, long rowsWritten) {}
