package org.safepassage.letters.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.IntegrationTest;
import org.safepassage.letters.directory.Directory;
import org.safepassage.letters.directory.DirectoryAdmin;
import org.safepassage.letters.directory.Representative;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A postcode file of 200,000 generated rows goes through the same streaming import as the
 * UK's 2.7 million; and the directory says when it is older than the date staff set.
 */
class LargePostcodeImportIntegrationTest extends IntegrationTest {

	static final int ROWS = 200_000;

	@Autowired
	DirectoryImport imports;

	@Autowired
	Directory directory;

	@Autowired
	DirectoryAdmin admin;

	@Autowired
	MockMvc mvc;

	@TempDir
	Path dir;

	/** Postcodes ZY00 0AA … in 20 generated constituencies, written as a stream. */
	static Path generate(Path file, int rows) throws IOException {
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
			out.write("pcds,doterm,pcon\n");
			for (int i = 0; i < rows; i++) {
				int unit = i % 676;
				int rest = i / 676;
				String postcode = "ZY%02d %d%c%c".formatted(rest / 10, rest % 10, (char) ('A' + unit / 26),
						(char) ('A' + unit % 26));
				out.write("%s,,E140988%02d\n".formatted(postcode, i % 20));
			}
		}
		return file;
	}

	@Test
	void twoHundredThousandPostcodesImportAsAStream() throws Exception {
		Path file = generate(dir.resolve("postcodes.csv"), ROWS);
		ImportCheck dryRun = imports.check(file, Locale.UK);
		assertThat(dryRun.problems()).isEmpty();
		assertThat(dryRun.importable()).isEqualTo(ROWS);

		Instant start = Instant.now();
		ImportCheck imported = imports.importFile(file, Locale.UK, "test");
		Duration took = Duration.between(start, Instant.now());
		assertThat(imported.ok()).isTrue();
		assertThat(imported.importable()).isEqualTo(ROWS);
		assertThat(jdbc.sql("""
				select count(*) from letters_postcode_area p join letters_area a on a.id = p.area_id
				where a.code like 'E140988%'""").query(Long.class).single()).isEqualTo(ROWS);
		assertThat(took).as("a stream through COPY, not row by row").isLessThan(Duration.ofSeconds(60));
		assertThat(directory.knows("ZY29 5WH")).isTrue();
		assertThat(directory.forPostcode("EH99 1SP", List.of("uk-commons", "scottish-parliament")))
			.extracting(Representative::bodyCode)
			.contains("uk-commons", "scottish-parliament");
	}

	/**
	 * Dates around today, not a moved clock: background jobs of the shared context
	 * (closing petitions) read the same clock.
	 */
	@Test
	void theDirectoryIsStaleOnceTheDateStaffSetHasPassedWithoutAnImport() throws Exception {
		LocalDate today = LocalDate.now(clock);
		try {
			admin.refreshAfter(today.plusDays(10));
			assertThat(directory.staleSince()).as("the date has not come yet").isEmpty();
			admin.refreshAfter(today);
			// The last import, as far as the directory knows, was three days ago.
			jdbc.sql("update letters_directory_state set updated_at = :before")
				.param("before", OffsetDateTime.now(clock).minusDays(3))
				.update();
			assertThat(directory.staleSince()).contains(today);
			mvc.perform(get("/admin/letters/directory").with(DirectoryImportIntegrationTest.CAMPAIGNER))
				.andExpect(content().string(containsString("The directory is older than "
						+ today.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)))));

			Path file = dir.resolve("one.csv");
			Files.writeString(file, "pcds,pcon\nZY99 9ZZ,E14098899\n");
			assertThat(imports.importFile(file, Locale.UK, "test").ok()).isTrue();
			assertThat(directory.staleSince()).isEmpty();
		}
		finally {
			admin.refreshAfter(null);
		}
	}

}
