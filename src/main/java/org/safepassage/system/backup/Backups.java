package org.safepassage.system.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Making, pruning and restoring encrypted backups of the embedded database's data
 * directory. Used by the daily job and by the {@code backup} and {@code restore}
 * commands.
 */
class Backups {

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	static final String PREFIX = "safepassage-";

	static final String SUFFIX = ".backup";

	/** Opens a new session to the server whose data directory is backed up. */
	@FunctionalInterface
	interface Sessions {

		Connection open() throws SQLException;

	}

	private final Path dataDir;

	private final Path keyFile;

	private final int keep;

	private final Clock clock;

	Backups(Path dataDir, Path keyFile, int keep, Clock clock) {
		this.dataDir = dataDir.toAbsolutePath().normalize();
		this.keyFile = keyFile.toAbsolutePath().normalize();
		this.keep = keep;
		this.clock = clock;
		checkKeyOutside(this.keyFile, this.dataDir);
	}

	/** Refuses a key file that would be copied into every backup. */
	static void checkKeyOutside(Path keyFile, Path dataDir) {
		if (keyFile.toAbsolutePath().normalize().startsWith(dataDir.toAbsolutePath().normalize())) {
			throw new BackupRefused("The backup key " + keyFile
					+ " is inside the data directory and would be copied into every backup; keep it elsewhere"
					+ " (safepassage.backup.key-file).");
		}
	}

	/**
	 * Writes a new backup to {@code directory} and deletes the oldest beyond the number
	 * kept.
	 * @return the new backup file
	 */
	Path backUp(Sessions sessions, Path directory) throws IOException, SQLException {
		BackupKey key = BackupKey.loadOrCreate(this.keyFile);
		Files.createDirectories(directory);
		String stamp = STAMP.format(this.clock.instant());
		Path target = directory.resolve(PREFIX + stamp + SUFFIX);
		Path partial = directory.resolve(PREFIX + stamp + SUFFIX + ".partial");
		long started = System.nanoTime();
		try (Connection connection = sessions.open();
				OutputStream file = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW,
						StandardOpenOption.WRITE);
				OutputStream encrypted = key.encrypting(new BufferedOutputStream(file, 1 << 16));
				ZipOutputStream zip = new ZipOutputStream(encrypted)) {
			zip.setLevel(Deflater.BEST_SPEED);
			DataDirectoryArchive.write(connection, this.dataDir, PREFIX + stamp, zip);
		}
		catch (IOException | SQLException | RuntimeException ex) {
			Files.deleteIfExists(partial);
			throw ex;
		}
		// on disk before it has its final name, so a backup that is listed is whole
		try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
			written.force(true);
		}
		ownerOnly(partial, "rw-------");
		Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		log.info("Backup written to {} ({} bytes, {} ms), encrypted with the key {}", target, Files.size(target),
				(System.nanoTime() - started) / 1_000_000, key.file());
		prune(directory);
		return target;
	}

	/** Deletes all but the newest {@code keep} backups in {@code directory}. */
	void prune(Path directory) throws IOException {
		List<Path> backups;
		try (Stream<Path> files = Files.list(directory)) {
			backups = files.filter((path) -> isBackup(path.getFileName().toString()))
				.sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()))
				.toList();
		}
		for (Path old : backups.subList(Math.min(this.keep, backups.size()), backups.size())) {
			Files.deleteIfExists(old);
			log.info("Deleted old backup {} (keeping the newest {})", old, this.keep);
		}
	}

	/**
	 * Brings {@code backup} back as the data directory {@code target}, which must be
	 * empty or missing unless {@code force}, in which case the old one is moved aside.
	 */
	void restore(Path backup, Path target, boolean force) throws IOException {
		Path to = target.toAbsolutePath().normalize();
		if (!Files.isRegularFile(backup)) {
			throw new BackupRefused("There is no backup file " + backup + ".");
		}
		BackupKey key = BackupKey.load(this.keyFile);
		if (!isEmptyOrMissing(to)) {
			if (!force) {
				throw new BackupRefused(to + " is not empty. Restore into a new directory (--data-dir), or add"
						+ " --force to move the current one aside first.");
			}
			if (Files.exists(to.resolve("postmaster.pid"))) {
				throw new BackupRefused("PostgreSQL may still be running in " + to + " (postmaster.pid exists);"
						+ " stop SafePassage first.");
			}
			Path aside = to.resolveSibling(to.getFileName() + "-before-restore-" + STAMP.format(this.clock.instant()));
			Files.move(to, aside);
			log.warn("Moved the current data directory aside to {}", aside);
		}
		Path unpacking = to.resolveSibling("." + to.getFileName() + ".restoring");
		deleteRecursively(unpacking);
		Files.createDirectories(unpacking);
		try (InputStream file = new BufferedInputStream(Files.newInputStream(backup), 1 << 16);
				InputStream decrypted = key.decrypting(file, backup)) {
			DataDirectoryArchive.extract(new ZipInputStream(decrypted), unpacking, backup);
			// The zip's directory at its end is not needed to unpack, but decrypting to
			// the
			// end authenticates the last segments too: a cut or changed end is refused.
			decrypted.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException | RuntimeException ex) {
			deleteRecursively(unpacking);
			throw ex;
		}
		// PostgreSQL refuses a data directory others can read
		ownerOnly(unpacking, "rwx------");
		Files.deleteIfExists(to);
		Files.move(unpacking, to, StandardCopyOption.ATOMIC_MOVE);
		log.info("Restored {} into {}; start SafePassage with this data directory", backup, to);
	}

	private static void ownerOnly(Path path, String permissions) throws IOException {
		if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
	}

	static boolean isBackup(String fileName) {
		return fileName.startsWith(PREFIX) && fileName.endsWith(SUFFIX);
	}

	private static boolean isEmptyOrMissing(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return true;
		}
		if (!Files.isDirectory(directory)) {
			return false;
		}
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		Files.walkFileTree(directory, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException ex) throws IOException {
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}

		});
	}

}
