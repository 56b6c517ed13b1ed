package org.safepassage.system.sealing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * The key-encryption key: a Tink AEAD keyset (AES256-GCM) read from the environment or a
 * key file. Its primary key wraps new data keys; every key in the set still unwraps, so
 * an operator rotates by adding a new primary and keeping the old ones until the re-wrap
 * job has moved every data key (docs/operations.md).
 */
final class KeyEncryptionKey {

	static {
		try {
			AeadConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Tink AEAD is not available", ex);
		}
	}

	private final KeysetHandle keyset;

	private final Aead aead;

	private final String origin;

	private KeyEncryptionKey(KeysetHandle keyset, String origin) throws GeneralSecurityException {
		this.keyset = keyset;
		this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
		this.origin = origin;
	}

	/** The key in the environment value, if given, else in the file; null if neither. */
	static KeyEncryptionKey load(String value, Path file) {
		if (value != null && !value.isBlank()) {
			return parse(decodeValue(value.strip()), "the SAFEPASSAGE_SEALING_KEY setting");
		}
		if (Files.exists(file)) {
			try {
				return parse(Files.readString(file), file.toString());
			}
			catch (IOException ex) {
				throw new SealingKeyRefused("The sealing key file " + file + " cannot be read: " + ex.getMessage(), ex);
			}
		}
		return null;
	}

	/** A new key, written to {@code file} readable by its owner only. */
	static KeyEncryptionKey create(Path file) {
		try {
			KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			write(keyset, file);
			return new KeyEncryptionKey(keyset, file.toString());
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new SealingKeyRefused("A sealing key could not be created at " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** Writes a keyset atomically, readable by its owner only. */
	static void write(KeysetHandle keyset, Path file) throws IOException, GeneralSecurityException {
		Path absolute = file.toAbsolutePath();
		Files.createDirectories(absolute.getParent());
		Path partial = absolute.resolveSibling(absolute.getFileName() + ".new");
		Files.writeString(partial, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
		try {
			Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): its ACLs apply instead.
		}
		Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private static String decodeValue(String value) {
		if (value.startsWith("{")) {
			return value;
		}
		try {
			return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new SealingKeyRefused(
					"SAFEPASSAGE_SEALING_KEY is neither a Tink JSON keyset nor its base64 (docs/operations.md)");
		}
	}

	private static KeyEncryptionKey parse(String json, String origin) {
		try {
			return new KeyEncryptionKey(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()),
					origin);
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			throw new SealingKeyRefused("The sealing key in " + origin
					+ " is not a readable Tink AEAD keyset (docs/operations.md): " + ex.getMessage(), ex);
		}
	}

	KeysetHandle keyset() {
		return this.keyset;
	}

	Aead aead() {
		return this.aead;
	}

	/** The Tink id of the key that wraps new data keys. */
	long primaryId() {
		return Integer.toUnsignedLong(this.keyset.getPrimary().getId());
	}

	/** The Tink ids of every key in the set: data keys wrapped by any of them open. */
	Set<Long> keyIds() {
		Set<Long> ids = new TreeSet<>();
		for (int i = 0; i < this.keyset.size(); i++) {
			ids.add(Integer.toUnsignedLong(this.keyset.getAt(i).getId()));
		}
		return ids;
	}

	/**
	 * This keyset with a new AES256-GCM key added as its primary; the old keys stay, so
	 * whatever they wrapped still opens.
	 */
	KeysetHandle rotated() throws GeneralSecurityException {
		return KeysetHandle.newBuilder(this.keyset)
			.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
				.withRandomId()
				.makePrimary())
			.build();
	}

	/**
	 * This keyset with its primary key alone: what the old keys wrapped no longer opens.
	 */
	KeysetHandle primaryOnly() throws GeneralSecurityException {
		KeysetHandle.Builder builder = KeysetHandle.newBuilder(this.keyset);
		for (int i = builder.size() - 1; i >= 0; i--) {
			if (!builder.getAt(i).isPrimary()) {
				builder.deleteAt(i);
			}
		}
		return builder.build();
	}

	/** A keyset as the value of {@code SAFEPASSAGE_SEALING_KEY}: its JSON in base64. */
	static String environmentValue(KeysetHandle keyset) throws GeneralSecurityException {
		return Base64.getEncoder()
			.encodeToString(TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get())
				.getBytes(StandardCharsets.UTF_8));
	}

	/** Where the key came from, for messages (never the key). */
	String origin() {
		return this.origin;
	}

}
