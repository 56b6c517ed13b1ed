package org.safepassage.system.sealing;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key-encryption key of protected data (docs/operations.md).
 *
 * @param key the key itself, a Tink JSON keyset (or its base64), usually given as the
 * environment variable {@code SAFEPASSAGE_SEALING_KEY}; wins over {@code keyFile}
 * @param keyFile the key file; unset: {@code safepassage-sealing.key} beside the data
 * directory, created on the first start of an empty database. It never enters the
 * database or a backup: keep a copy somewhere safe, or protected data is lost.
 * @param openKeys how many opened data keys are kept in memory
 * @param openKeysFor how long an opened data key stays in memory after its last use
 * @param rewrapEvery how often each instance looks for data keys wrapped by an older key
 * (after a rotation) and re-wraps them with the primary key
 * @param rewrapBatch how many data keys one transaction re-wraps
 */
@ConfigurationProperties("safepassage.sealing")
public record SealingProperties(String key, Path keyFile, @DefaultValue("1000") int openKeys,
		@DefaultValue("10m") Duration openKeysFor, @DefaultValue("1m") Duration rewrapEvery,
		@DefaultValue("500") int rewrapBatch) {

	/** The key file: the configured one, or the one beside the data directory. */
	Path keyFile(Path dataDir) {
		if (this.keyFile != null) {
			return this.keyFile.toAbsolutePath().normalize();
		}
		return dataDir.toAbsolutePath().normalize().resolveSibling("safepassage-sealing.key");
	}

}
