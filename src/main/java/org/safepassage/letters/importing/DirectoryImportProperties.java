package org.safepassage.letters.importing;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Importing the representatives directory. A file of representatives or areas may be as
 * large as {@code maxRepresentativeFile}; a postcode file as large as the upload limit
 * ({@code spring.servlet.multipart.max-file-size}). A dry run lists at most
 * {@code listedProblems} bad rows and counts the rest. Checked files wait in
 * {@code uploadDir} (the system's temporary folder when empty) to be imported.
 */
@ConfigurationProperties("safepassage.letters.import")
public record DirectoryImportProperties(@DefaultValue("5MB") DataSize maxRepresentativeFile,
		@DefaultValue("1000") int listedProblems, Path uploadDir) {

	public Path uploads() {
		return uploadDir != null ? uploadDir : Path.of(System.getProperty("java.io.tmpdir"), "safepassage-letters");
	}

}
