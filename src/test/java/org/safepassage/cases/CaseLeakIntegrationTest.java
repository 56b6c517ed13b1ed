package org.safepassage.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.safepassage.cases.CaseFixtures.ADMIN;
import static org.safepassage.cases.CaseFixtures.CASEWORKER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.PetitionDirectory;
import org.safepassage.system.SafePassageProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 14's promise: a real name stored in a case is nowhere but behind an audited,
 * reasoned reveal. A distinctive name goes in through the staff form (and an attachment's
 * name and bytes); the test then reads every page, the JSON, the CSV, the Atom feed, the
 * mail, the application's log, every table of the database and every file of the
 * database's data directory (pages and write-ahead log) and finds it in none.
 * <p>
 * {@code pg_dump}: the client installed here is PostgreSQL 15, which refuses to dump a
 * PostgreSQL 18 server, so the test runs {@code COPY table TO STDOUT} for every table
 * instead (what a plain dump holds), and also scans the raw files, which a dump would not
 * show.
 */
@ExtendWith(OutputCaptureExtension.class)
class CaseLeakIntegrationTest extends IntegrationTest {

	static final String REAL_NAME = "Quorvanne Zeltrashky";

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionDirectory petitions;

	@Autowired
	DataSource dataSource;

	@Autowired
	SafePassageProperties site;

	@Test
	void aRealNameIsNowhereButBehindAnAuditedReveal(CapturedOutput output) throws Exception {
		long petition = this.petitions.demoCampaign().orElseThrow().id();
		long id = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Ms Q.", REAL_NAME, "petitionIds",
				String.valueOf(petition), "story", "Held since the autumn. Pray for Ms Q."));
		this.mvc.perform(
				multipart("/admin/cases/{id}/attachments", id)
					.file(new MockMultipartFile("file", REAL_NAME + " passport.txt", "text/plain",
							("Passport of " + REAL_NAME).getBytes(StandardCharsets.UTF_8)))
					.with(CASEWORKER)
					.with(csrf()));
		CaseFixtures.publish(this.mvc, id);
		String slug = CaseFixtures.slug(this.jdbc, id);

		// The pseudonym is public, on the case's page and on the petition it speaks for.
		this.mvc.perform(get("/cases/{slug}", slug))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ms Q.")));
		// The public petition page is served from a copy up to half a second old
		// (PublicPageCache), which an earlier test may have just made.
		await().atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> this.mvc.perform(get("/petitions/{id}", petition))
				.andExpect(content().string(containsString("Speaks for:")))
				.andExpect(content().string(containsString("/cases/" + slug))));

		List<String> seen = new ArrayList<>();
		for (String path : List.of("/cases", "/cases/" + slug, "/cases?q=pray", "/cases.csv", "/cases/feed.atom",
				"/api/cases", "/api/cases/" + slug, "/petitions/" + petition)) {
			seen.add(read(path, null));
		}
		for (String path : List.of("/admin/cases", "/admin/cases?q=Ms+Q", "/admin/cases/" + id,
				"/admin/cases/" + id + "/edit", "/admin/cases/" + id + "/protected", "/admin/cases/new", "/admin/audit",
				"/admin")) {
			seen.add(read(path, path.startsWith("/admin/audit") ? ADMIN : CASEWORKER));
		}
		assertThat(seen).hasSize(16).allSatisfy(body -> assertThat(body).doesNotContain(REAL_NAME));
		// Searching for the real name finds nothing, in public or on the staff list (the
		// pages show the query typed, so only the results are checked).
		assertThat(read("/api/cases?q=Zeltrashky", null)).contains("\"total\":0").doesNotContain("Ms Q.");
		assertThat(read("/cases?q=Zeltrashky", null)).doesNotContain("Ms Q.");
		assertThat(read("/admin/cases?q=Zeltrashky", CASEWORKER)).doesNotContain("Ms Q.");
		assertThat(read("/cases?q=pray", null)).contains("Ms Q.");

		// A rejected form does not show the typed protected values back.
		String rejected = this.mvc.perform(CaseFixtures.newCase("", REAL_NAME))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rejected).doesNotContain(REAL_NAME).contains("type them once more");

		for (MimeMessage mail : MAIL.getReceivedMessages()) {
			ByteArrayOutputStream raw = new ByteArrayOutputStream();
			mail.writeTo(raw);
			assertThat(raw.toString(StandardCharsets.UTF_8)).doesNotContain(REAL_NAME);
		}
		assertThat(output.getAll()).doesNotContain(REAL_NAME).doesNotContain("Zeltrashky");
		assertThat(dumpEveryTable()).contains("Ms Q.").doesNotContain(REAL_NAME).doesNotContain("Zeltrashky");
		// The scan finds what is stored in plain text (the public story), so finding
		// nothing else means something.
		assertThat(filesContaining("Held since the autumn")).isNotEmpty();
		assertThat(filesContaining("Zeltrashky")).isEmpty();
	}

	private String read(String path, RequestPostProcessor who) throws Exception {
		var request = get(path);
		if (who != null) {
			request.with(who);
		}
		var response = this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		return response.getContentAsString();
	}

	/** What a plain dump holds: every table's rows as COPY writes them. */
	private String dumpEveryTable() throws Exception {
		StringBuilder dump = new StringBuilder();
		List<String> tables = this.jdbc
			.sql("select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables "
					+ "where schemaname not in ('pg_catalog', 'information_schema')")
			.query(String.class)
			.list();
		try (Connection connection = this.dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (String table : tables) {
				ByteArrayOutputStream rows = new ByteArrayOutputStream();
				copy.copyOut("COPY " + table + " TO STDOUT", rows);
				dump.append(table).append('\n').append(rows.toString(StandardCharsets.UTF_8));
			}
		}
		assertThat(tables).contains("public.case_file", "public.case_attachment", "public.staff_audit");
		return dump.toString();
	}

	/**
	 * The files of the data directory (tables, indexes, write-ahead log) holding the
	 * text.
	 */
	private List<Path> filesContaining(String text) throws IOException {
		this.jdbc.sql("checkpoint").update();
		byte[] needle = text.getBytes(StandardCharsets.UTF_8);
		Path dataDir = this.site.embeddedDb().dataDir();
		assertThat(dataDir).isDirectory();
		List<Path> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(dataDir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				byte[] bytes;
				try {
					bytes = Files.readAllBytes(file);
				}
				catch (IOException ex) {
					continue; // a file the server removed meanwhile
				}
				if (indexOf(bytes, needle) >= 0) {
					found.add(file);
				}
			}
		}
		return found;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
