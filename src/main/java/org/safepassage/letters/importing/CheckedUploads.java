package org.safepassage.letters.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.safepassage.shared.Tokens;
import org.springframework.stereotype.Component;

/**
 * Uploaded files on disk between the dry run and the import, under a random name: a file
 * of 2.7 million postcodes is not kept in memory nor in the database. Files older than a
 * day are removed at the next upload.
 */
@Component
public class CheckedUploads {

	static final Duration KEPT = Duration.ofDays(1);

	private final DirectoryImportProperties properties;

	CheckedUploads(DirectoryImportProperties properties) {
		this.properties = properties;
	}

	/** Streams the upload to disk and returns its name. */
	public String save(InputStream content) {
		try {
			Path dir = Files.createDirectories(properties.uploads());
			removeOld(dir);
			String name = Tokens.newToken();
			Files.copy(content, dir.resolve(name + ".csv"), StandardCopyOption.REPLACE_EXISTING);
			return name;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Optional<Path> find(String name) {
		if (!Tokens.looksValid(name)) {
			return Optional.empty();
		}
		Path file = properties.uploads().resolve(name + ".csv");
		return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
	}

	public void delete(String name) {
		find(name).ifPresent(file -> {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	/** File times are the file system's, so this compares with the system's clock. */
	private static void removeOld(Path dir) throws IOException {
		Instant before = Instant.ofEpochMilli(System.currentTimeMillis()).minus(KEPT);
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.toList()) {
				if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

}
