package org.safepassage.system.sealing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.safepassage.system.SafePassageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals protected values before they reach the database, and opens them again. Each
 * record gets a data key of its own ({@link #newDataKey()}), stored only wrapped by the
 * key-encryption key; a value is sealed with AES256-GCM under its record's data key,
 * bound to a context naming the record and the field (so a sealed value copied to another
 * row or field does not open). Opened data keys are kept in memory for a while, never on
 * disk.
 * <p>
 * The application does not start without the right key: a database that holds sealed data
 * and no key, or a key that does not open the database's key check, stops the start with
 * a {@link SealingKeyRefused} naming what is wrong.
 */
@Service
@DependsOnDatabaseInitialization
public class Sealing {

	private static final Logger log = LoggerFactory.getLogger(Sealing.class);

	private static final byte[] DATA_KEY_CONTEXT = "safepassage data key".getBytes(StandardCharsets.UTF_8);

	private static final byte[] CHECK_CONTEXT = "safepassage key check".getBytes(StandardCharsets.UTF_8);

	private static final byte[] CHECK_VALUE = "SafePassage sealing key check 1".getBytes(StandardCharsets.UTF_8);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final KeyEncryptionKey kek;

	private final Cache<Long, Aead> opened;

	Sealing(JdbcClient jdbc, Clock clock, SealingProperties properties, SafePassageProperties application) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.kek = checkedKey(properties, application);
		this.opened = Caffeine.newBuilder()
			.maximumSize(properties.openKeys())
			.expireAfterAccess(properties.openKeysFor())
			.build();
	}

	private KeyEncryptionKey checkedKey(SealingProperties properties, SafePassageProperties application) {
		Path file = properties.keyFile(application.embeddedDb().dataDir());
		boolean fromEnvironment = properties.key() != null && !properties.key().isBlank();
		if (!fromEnvironment && file.startsWith(application.embeddedDb().dataDir().toAbsolutePath().normalize())) {
			throw new SealingKeyRefused("The sealing key file " + file + " is inside the data directory, so every "
					+ "backup of the database would carry the key that opens it. Keep it elsewhere "
					+ "(safepassage.sealing.key-file, docs/operations.md).");
		}
		KeyEncryptionKey key = KeyEncryptionKey.load(properties.key(), file);
		List<KeyCheck> check = this.jdbc.sql(SealingQueries.KEY_CHECK)
			.query((rs, n) -> new KeyCheck(rs.getBytes("sealed"), rs.getObject("kek_key_id", Long.class)))
			.list();
		if (check.isEmpty()) {
			long sealedKeys = this.jdbc.sql(SealingQueries.COUNT_DATA_KEYS).query(Long.class).single();
			if (sealedKeys > 0) {
				throw new SealingKeyRefused("The database holds sealed data but no key check; refusing to start.");
			}
			if (key == null) {
				key = KeyEncryptionKey.create(file);
				log.warn("Created a new sealing key at {}. Protected data cannot be read without it: keep a copy "
						+ "apart from the database and its backups (docs/operations.md).", file);
			}
			this.jdbc.sql(SealingQueries.INSERT_KEY_CHECK)
				.param("sealed", encrypt(key.aead(), CHECK_VALUE, CHECK_CONTEXT))
				.param("kekKeyId", key.primaryId())
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
			return key;
		}
		if (key == null) {
			throw new SealingKeyRefused("The database holds sealed data, but there is no sealing key: set "
					+ "SAFEPASSAGE_SEALING_KEY or put the key file at " + file
					+ " (docs/operations.md). Refusing to start rather than run without it.");
		}
		try {
			byte[] value = key.aead().decrypt(check.getFirst().sealed(), CHECK_CONTEXT);
			if (!Arrays.equals(value, CHECK_VALUE)) {
				throw new GeneralSecurityException("unexpected key check value");
			}
		}
		catch (GeneralSecurityException ex) {
			throw new SealingKeyRefused("The sealing key from " + key.origin()
					+ " is not the key this database was sealed with. Refusing to start: with the wrong key "
					+ "protected data cannot be read (docs/operations.md).", ex);
		}
		if (!Long.valueOf(key.primaryId()).equals(check.getFirst().kekKeyId())) {
			// A rotated key: the check moves to the new primary at once, which tells
			// "sealing retire-old-keys" that the new key is in use.
			resealKeyCheck(key);
			log.info("The sealing key has a new primary key; data keys wrapped by the older ones are re-wrapped "
					+ "in the background ({} left).", staleDataKeys(key));
		}
		return key;
	}

	private record KeyCheck(byte[] sealed, Long kekKeyId) {
	}

	private void resealKeyCheck(KeyEncryptionKey key) {
		this.jdbc.sql(SealingQueries.UPDATE_KEY_CHECK)
			.param("sealed", encrypt(key.aead(), CHECK_VALUE, CHECK_CONTEXT))
			.param("kekKeyId", key.primaryId())
			.update();
	}

	/** A new data key for one record; its id is what the record keeps. */
	@Transactional
	public long newDataKey() {
		try {
			KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, this.kek.aead(), DATA_KEY_CONTEXT);
			long id = this.jdbc.sql(SealingQueries.INSERT_DATA_KEY)
				.param("wrapped", wrapped)
				.param("kekKeyId", this.kek.primaryId())
				.param("now", Timestamp.from(this.clock.instant()))
				.query(Long.class)
				.single();
			this.opened.put(id, dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class));
			return id;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A data key could not be made", ex);
		}
	}

	/**
	 * {@code value} sealed under data key {@code dataKey}, bound to {@code context} (for
	 * example {@code "case 12 real_name"}): it opens only with the same context.
	 */
	public byte[] seal(long dataKey, byte[] value, String context) {
		return encrypt(open(dataKey), value, context.getBytes(StandardCharsets.UTF_8));
	}

	/** A text sealed as its UTF-8 bytes; null stays null. */
	public byte[] sealText(long dataKey, String value, String context) {
		return (value != null) ? seal(dataKey, value.getBytes(StandardCharsets.UTF_8), context) : null;
	}

	/** The value sealed by {@link #seal}; fails loudly on a changed value or context. */
	public byte[] unseal(long dataKey, byte[] sealed, String context) {
		try {
			return open(dataKey).decrypt(sealed, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A sealed value did not open under its data key and context '" + context
					+ "': it was changed or moved", ex);
		}
	}

	/** The text sealed by {@link #sealText}; null stays null. */
	public String unsealText(long dataKey, byte[] sealed, String context) {
		return (sealed != null) ? new String(unseal(dataKey, sealed, context), StandardCharsets.UTF_8) : null;
	}

	/**
	 * Deletes a data key: every value sealed under it is unreadable from now on, in the
	 * database and in every backup made after (crypto-shredding). A backup made before
	 * still holds the wrapped key until it is pruned or its sealing key retired.
	 */
	@Transactional
	public void destroyDataKey(long dataKey) {
		this.jdbc.sql(SealingQueries.DELETE_DATA_KEY).param("id", dataKey).update();
		this.opened.invalidate(dataKey);
	}

	/** How many data keys are still wrapped by an older key-encryption key. */
	public long staleDataKeys() {
		return staleDataKeys(this.kek);
	}

	private long staleDataKeys(KeyEncryptionKey key) {
		return this.jdbc.sql(SealingQueries.COUNT_STALE_DATA_KEYS)
			.param("primary", key.primaryId())
			.query(Long.class)
			.single();
	}

	/**
	 * Re-wraps up to {@code limit} data keys wrapped by an older key-encryption key with
	 * the current one; returns how many. The sealed values themselves do not change.
	 */
	@Transactional
	public int rewrapStaleDataKeys(int limit) {
		record Stale(long id, byte[] wrapped) {
		}
		List<Stale> stale = this.jdbc.sql(SealingQueries.STALE_DATA_KEYS)
			.param("primary", this.kek.primaryId())
			.param("known", this.kek.keyIds().toArray(Long[]::new))
			.param("limit", limit)
			.query((rs, n) -> new Stale(rs.getLong("id"), rs.getBytes("wrapped")))
			.list();
		for (Stale key : stale) {
			try {
				KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(key.wrapped(), this.kek.aead(),
						DATA_KEY_CONTEXT);
				this.jdbc.sql(SealingQueries.REWRAP_DATA_KEY)
					.param("id", key.id())
					.param("wrapped",
							TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, this.kek.aead(), DATA_KEY_CONTEXT))
					.param("kekKeyId", this.kek.primaryId())
					.update();
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Data key " + key.id() + " does not open with the sealing key", ex);
			}
		}
		if (!stale.isEmpty()) {
			resealKeyCheck(this.kek);
		}
		return stale.size();
	}

	private Aead open(long dataKey) {
		return this.opened.get(dataKey, this::unwrap);
	}

	private Aead unwrap(long dataKey) {
		byte[] wrapped = this.jdbc.sql(SealingQueries.DATA_KEY)
			.param("id", dataKey)
			.query(byte[].class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("No data key " + dataKey + " (destroyed?)"));
		try {
			return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, this.kek.aead(), DATA_KEY_CONTEXT)
				.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Data key " + dataKey + " does not open with the sealing key", ex);
		}
	}

	private static byte[] encrypt(Aead aead, byte[] value, byte[] context) {
		try {
			return aead.encrypt(value, context);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Sealing failed", ex);
		}
	}

}
