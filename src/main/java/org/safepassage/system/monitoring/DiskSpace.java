package org.safepassage.system.monitoring;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.safepassage.system.database.EmbeddedDatabaseSupervisor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Free space where the embedded database keeps its data. PostgreSQL that cannot write
 * refuses every change (and may stop), so admins are warned while there is still room. An
 * external database's disk is not visible from here and is not reported.
 */
@Component
class DiskSpace {

	private static final Logger log = LoggerFactory.getLogger(DiskSpace.class);

	private final Optional<Path> dataDir;

	private final MonitoringProperties properties;

	private final AtomicBoolean low = new AtomicBoolean();

	DiskSpace(ObjectProvider<EmbeddedDatabaseSupervisor> embedded, MonitoringProperties properties) {
		this.dataDir = Optional.ofNullable(embedded.getIfAvailable()).map(EmbeddedDatabaseSupervisor::dataDir);
		this.properties = properties;
	}

	/**
	 * Free and total bytes of the data directory's file system, and whether that is low.
	 */
	record Reading(Path path, long freeBytes, long totalBytes, boolean low) {

		double freePercent() {
			return totalBytes == 0 ? 0 : 100.0 * freeBytes / totalBytes;
		}
	}

	/** Empty for an external database, or when the file system cannot be read. */
	Optional<Reading> read() {
		return dataDir.flatMap(this::read);
	}

	private Optional<Reading> read(Path path) {
		try {
			FileStore store = Files.getFileStore(path);
			long free = store.getUsableSpace();
			long total = store.getTotalSpace();
			boolean isLow = free < properties.diskWarnBelow().toBytes()
					|| free * 100 < total * (long) properties.diskWarnBelowPercent();
			if (low.compareAndSet(!isLow, isLow)) {
				if (isLow) {
					log.warn("Low disk space for the database: {} MB free of {} MB in {}", free >> 20, total >> 20,
							path);
				}
				else {
					log.info("Disk space for the database is sufficient again: {} MB free", free >> 20);
				}
			}
			return Optional.of(new Reading(path, free, total, isLow));
		}
		catch (IOException e) {
			log.debug("Cannot read free space of {}: {}", path, e.toString());
			return Optional.empty();
		}
	}

}
