package org.safepassage.system.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A consistent copy of a running PostgreSQL's data directory, the way
 * {@code pg_basebackup -X fetch} makes one: files copied between {@code pg_backup_start}
 * and {@code pg_backup_stop}, then the WAL written meanwhile and the backup label. A
 * server started on the restored directory replays that WAL, so the copy is as of the
 * moment the backup ended, whatever was written during it. Needs no client binaries, so
 * it works with the PostgreSQL that zonky ships (server only).
 */
final class DataDirectoryArchive {

	static final String MANIFEST = "SAFEPASSAGE-BACKUP";

	private static final String KIND = "kind=postgresql-data-directory";

	/** Files PostgreSQL itself leaves out of a base backup, and zonky's lock. */
	private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
			"backup_label", "backup_label.old", "tablespace_map", "current_logfiles");

	/** Directories copied empty: runtime state, or (pg_wal) copied after the stop. */
	private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
			"pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

	private DataDirectoryArchive() {
	}

	/** Copies the data directory of the server {@code connection} is connected to. */
	static void write(Connection connection, Path dataDir, String label, ZipOutputStream zip) throws IOException {
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
		String version = jdbc.sql(BackupQueries.SERVER_VERSION).query(String.class).single();
		putText(zip, MANIFEST, KIND + "\npostgresql=" + version + "\nlabel=" + label + "\n");
		jdbc.sql(BackupQueries.RESERVE_WAL).query(String.class).single();
		String firstWal = jdbc.sql(BackupQueries.START).param("label", label).query(String.class).single();
		copyFiles(dataDir, zip);
		Map<String, Object> stop = jdbc.sql(BackupQueries.STOP).query().singleRow();
		String lastWal = (String) stop.get("last_wal");
		copyWal(dataDir.resolve("pg_wal"), firstWal, lastWal, zip);
		putText(zip, "backup_label", (String) stop.get("labelfile"));
		String tablespaceMap = (String) stop.get("spcmapfile");
		if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
			putText(zip, "tablespace_map", tablespaceMap);
		}
	}

	/**
	 * Unpacks a backup into {@code target}, an empty directory.
	 * @throws BackupRefused if the archive is not a data directory backup
	 */
	static void extract(ZipInputStream zip, Path target, Path source) throws IOException {
		ZipEntry manifest = zip.getNextEntry();
		if (manifest == null || !manifest.getName().equals(MANIFEST)
				|| !new String(zip.readAllBytes(), StandardCharsets.UTF_8).startsWith(KIND)) {
			throw new BackupRefused(source + " does not hold a SafePassage database backup.");
		}
		for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
			Path path = target.resolve(entry.getName()).normalize();
			if (!path.startsWith(target)) {
				throw new BackupRefused(source + " names a file outside the data directory: " + entry.getName());
			}
			if (entry.isDirectory()) {
				Files.createDirectories(path);
			}
			else {
				Files.createDirectories(path.getParent());
				Files.copy(zip, path);
			}
		}
	}

	private static void copyFiles(Path dataDir, ZipOutputStream zip) throws IOException {
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(dataDir)) {
			paths = walk.filter((path) -> !path.equals(dataDir)).filter((path) -> copied(dataDir, path)).toList();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		for (Path path : paths) {
			String name = dataDir.relativize(path).toString().replace('\\', '/');
			if (Files.isDirectory(path)) {
				zip.putNextEntry(new ZipEntry(name + "/"));
				zip.closeEntry();
			}
			else {
				putFile(zip, name, path);
			}
		}
	}

	private static boolean copied(Path dataDir, Path path) {
		Path relative = dataDir.relativize(path);
		String fileName = path.getFileName().toString();
		if (relative.getNameCount() == 1 && SKIPPED_FILES.contains(fileName)) {
			return false;
		}
		if (relative.getNameCount() > 1 && EMPTIED_DIRECTORIES.contains(relative.getName(0).toString())) {
			// pg_wal's sub-directories (archive_status, summaries) must exist; a
			// replication
			// slot's directory without its state makes the server refuse to start
			return relative.getName(0).toString().equals("pg_wal") && relative.getNameCount() == 2
					&& Files.isDirectory(path);
		}
		return !fileName.startsWith("pgsql_tmp") && !fileName.equals("pg_internal.init");
	}

	private static void copyWal(Path walDir, String firstWal, String lastWal, ZipOutputStream zip) throws IOException {
		List<Path> segments;
		try (Stream<Path> files = Files.list(walDir)) {
			segments = files.filter((path) -> needed(path.getFileName().toString(), firstWal, lastWal))
				.sorted()
				.toList();
		}
		for (Path segment : segments) {
			putFile(zip, "pg_wal/" + segment.getFileName(), segment);
		}
	}

	private static boolean needed(String name, String firstWal, String lastWal) {
		if (name.endsWith(".history")) {
			return true;
		}
		return name.length() == firstWal.length() && name.compareTo(firstWal) >= 0 && name.compareTo(lastWal) <= 0;
	}

	private static void putFile(ZipOutputStream zip, String name, Path path) throws IOException {
		InputStream in;
		try {
			in = Files.newInputStream(path);
		}
		catch (NoSuchFileException ex) {
			// dropped while we copied (a vacuumed or dropped relation): the WAL replay
			// removes it too
			return;
		}
		try (in) {
			zip.putNextEntry(new ZipEntry(name));
			in.transferTo(zip);
			zip.closeEntry();
		}
	}

	private static void putText(ZipOutputStream zip, String name, String text) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(text.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
