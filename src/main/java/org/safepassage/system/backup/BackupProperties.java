package org.safepassage.system.backup;

import java.nio.file.Path;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backups of the embedded database (docs/operations.md).
 *
 * @param enabled whether the application makes the daily backup itself
 * @param time the time of day (the server's time zone) of the daily backup
 * @param keep how many backups are kept in {@code directory}; older ones are deleted
 * after each new one
 * @param directory where backups are written
 * @param keyFile the key backups are encrypted with; unset:
 * {@code safepassage-backup.key} beside the data directory, created with the first
 * backup. It is never part of a backup: keep a copy somewhere else, or the backups cannot
 * be read.
 */
@ConfigurationProperties("safepassage.backup")
public record BackupProperties(@DefaultValue("true") boolean enabled, @DefaultValue("03:30") LocalTime time,
		@DefaultValue("7") int keep, @DefaultValue("./backups") Path directory, Path keyFile) {

	public BackupProperties {
		if (keep < 1) {
			throw new IllegalArgumentException("safepassage.backup.keep must be at least 1");
		}
	}

	/** The key file: the configured one, or the one beside the data directory. */
	Path keyFile(Path dataDir) {
		if (this.keyFile != null) {
			return this.keyFile.toAbsolutePath().normalize();
		}
		return dataDir.toAbsolutePath().normalize().resolveSibling("safepassage-backup.key");
	}

	/** A daily cron expression at {@link #time()}. */
	String dailyCron() {
		return "0 %d %d * * *".formatted(this.time.getMinute(), this.time.getHour());
	}

}
