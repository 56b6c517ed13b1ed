package org.safepassage.system.backup;

/**
 * PostgreSQL's online backup functions. The temporary replication slot keeps every WAL
 * segment from the backup's start until the session ends, so no checkpoint removes WAL
 * the copy needs.
 */
final class BackupQueries {

	static final String SERVER_VERSION = "show server_version";

	static final String RESERVE_WAL = """
			select slot_name from pg_create_physical_replication_slot(
			    'safepassage_backup_' || pg_backend_pid(), true, true)
			""";

	static final String START = "select pg_walfile_name(pg_backup_start(:label, true))";

	static final String STOP = """
			select pg_walfile_name(lsn) as last_wal, labelfile, spcmapfile from pg_backup_stop(false)
			""";

	private BackupQueries() {
	}

}
