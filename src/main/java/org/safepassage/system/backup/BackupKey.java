package org.safepassage.system.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's backup key (a Tink keyset, AES256_GCM_HKDF_4KB streaming AEAD) and the
 * backup file format: a short plain header naming the format, then the archive encrypted
 * and authenticated in 4 KB segments, so a changed, cut or wrongly keyed file is refused
 * instead of restored.
 */
final class BackupKey {

	private static final Logger log = LoggerFactory.getLogger(BackupKey.class);

	/**
	 * Also the associated data, so a file of another format or version never decrypts.
	 */
	private static final byte[] HEADER = "SAFEPASSAGE-BACKUP-1\n".getBytes(StandardCharsets.US_ASCII);

	private final Path file;

	private final StreamingAead aead;

	private BackupKey(Path file, StreamingAead aead) {
		this.file = file;
		this.aead = aead;
	}

	/** The key in {@code file}, created there (readable by its owner only) if missing. */
	static BackupKey loadOrCreate(Path file) {
		if (Files.exists(file)) {
			return load(file);
		}
		try {
			StreamingAeadConfig.register();
			KeysetHandle keyset = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_4KB);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path partial = file.resolveSibling(file.getFileName() + ".new");
			Files.writeString(partial,
					TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
			ownerOnly(partial);
			Files.move(partial, file);
			log.warn("""

					*****************************************************************************
					  A new backup key was created: {}
					  Backups cannot be restored without it, and it is NOT inside them.
					  Copy it now to a safe place away from this server (a password manager,
					  a USB stick in a drawer); whoever has it and a backup can read the data.
					*****************************************************************************""", file);
			return new BackupKey(file, keyset.getPrimitive(RegistryConfiguration.get(), StreamingAead.class));
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new BackupRefused("Could not create the backup key " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** The key in {@code file}, which must exist. */
	static BackupKey load(Path file) {
		if (!Files.exists(file)) {
			throw new BackupRefused("There is no backup key at " + file
					+ ". Put the key the backups were made with there, or name it with --key.");
		}
		try {
			StreamingAeadConfig.register();
			KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file),
					InsecureSecretKeyAccess.get());
			return new BackupKey(file, keyset.getPrimitive(RegistryConfiguration.get(), StreamingAead.class));
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new BackupRefused("The backup key " + file + " cannot be read (" + ex.getMessage()
					+ "); it must be the key file SafePassage created.", ex);
		}
	}

	Path file() {
		return this.file;
	}

	/**
	 * Writes the header to {@code out} and returns the stream to write the archive to.
	 */
	OutputStream encrypting(OutputStream out) throws IOException {
		out.write(HEADER);
		try {
			return this.aead.newEncryptingStream(out, HEADER);
		}
		catch (GeneralSecurityException ex) {
			throw new IOException(ex);
		}
	}

	/**
	 * The archive inside {@code in}; reading it throws {@link BackupRefused} as soon as a
	 * segment fails to authenticate.
	 */
	InputStream decrypting(InputStream in, Path source) throws IOException {
		byte[] header = in.readNBytes(HEADER.length);
		if (!Arrays.equals(header, HEADER)) {
			throw new BackupRefused(source + " is not a SafePassage backup.");
		}
		try {
			return new Authenticated(this.aead.newDecryptingStream(in, HEADER), source, this.file);
		}
		catch (GeneralSecurityException ex) {
			throw new IOException(ex);
		}
	}

	private static void ownerOnly(Path path) throws IOException {
		if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
		}
	}

	/** Turns Tink's failures to authenticate into a message an operator can act on. */
	private static final class Authenticated extends FilterInputStream {

		private final Path source;

		private final Path key;

		Authenticated(InputStream in, Path source, Path key) {
			super(in);
			this.source = source;
			this.key = key;
		}

		@Override
		public int read() throws IOException {
			try {
				return super.read();
			}
			catch (IOException ex) {
				throw refused(ex);
			}
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			try {
				return super.read(buffer, offset, length);
			}
			catch (IOException ex) {
				throw refused(ex);
			}
		}

		private BackupRefused refused(IOException cause) {
			return new BackupRefused(this.source + " cannot be decrypted with the key " + this.key
					+ ": either it was made with another key, or the file was changed, cut short or damaged."
					+ " Nothing was restored.", cause);
		}

	}

}
