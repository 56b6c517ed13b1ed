package org.safepassage.petitions.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.domain.PetitionAdministration;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Staff make a pack of a closed petition; its PDF and CSV list the valid signatures and
 * nothing private; the digest on the cover is the one anyone recomputes from the CSV; the
 * public verify page tells a matching CSV or digest from anything else.
 */
class DeliveryPackIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor CAMPAIGNER = user("campaigner@example.org").roles("CAMPAIGNER");

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository repository;

	@Autowired
	PetitionAdministration administration;

	long petition;

	long invalidated;

	@BeforeEach
	void closedPetitionWithSignatures() {
		petition = Petitions.openPetition(repository, "Let them reach safety " + System.nanoTime());
		Instant t = Instant.now().minus(Duration.ofDays(3));
		PackSignatures.sign(jdbc, petition, "김민준", "kim@example.org", "KR", t);
		PackSignatures.sign(jdbc, petition, "王秀英", "wang@example.org", "CN", t.plusSeconds(60));
		PackSignatures.sign(jdbc, petition, "陳美玲", "chen@example.org", "TW", t.plusSeconds(120));
		PackSignatures.sign(jdbc, petition, "Анна Иванова", "anna@example.org", "UA", t.plusSeconds(180));
		PackSignatures.sign(jdbc, petition, "=SUM(A1)", "formula@example.org", "GB", t.plusSeconds(240));
		PackSignatures.sign(jdbc, petition, "Zoë O'Brien, \"Jr\"", "zoe@example.org", "GB", t.plus(Duration.ofDays(1)));
		long flagged = PackSignatures.sign(jdbc, petition, "Flagged Person", "flagged@example.org", "GB", t);
		jdbc.sql("update signature set flagged = true where id = :id").param("id", flagged).update();
		long unconfirmed = PackSignatures.sign(jdbc, petition, "Not Confirmed", "late@example.org", "GB", t);
		PackSignatures.unconfirm(jdbc, unconfirmed);
		invalidated = PackSignatures.sign(jdbc, petition, "Invalid Person", "bot@example.org", "GB", t);
		jdbc.sql("update signature set invalidated_at = now() where id = :id").param("id", invalidated).update();
	}

	@Test
	void anOpenPetitionHasNoPack() throws Exception {
		mvc.perform(post("/admin/petitions/{id}/packs", petition).with(CAMPAIGNER).with(csrf()))
			.andExpect(flash().attribute("ruleError", "pack.rule.onlyClosed"));
		mvc.perform(get("/admin/petitions/{id}/pack", petition).with(CAMPAIGNER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Packs can be made once the petition has closed.")));
		assertThat(packCount()).isZero();
	}

	@Test
	void aPackListsTheValidSignaturesAndAnyoneCanRecomputeItsDigest(@TempDir Path dir) throws Exception {
		administration.close(petition);
		mvc.perform(post("/admin/petitions/{id}/packs", petition).with(CAMPAIGNER).with(csrf()))
			.andExpect(flash().attribute("done", true));
		long packId = jdbc.sql("select id from delivery_pack where petition_id = :p")
			.param("p", petition)
			.query(Long.class)
			.single();
		String digest = jdbc.sql("select digest from delivery_pack where id = :id")
			.param("id", packId)
			.query(String.class)
			.single();
		assertThat(jdbc.sql("select generated_by from delivery_pack where id = :id")
			.param("id", packId)
			.query(String.class)
			.single()).isEqualTo("campaigner@example.org");
		assertThat(jdbc
			.sql("select count(*) from staff_audit where action = 'POST /admin/petitions/{id}/packs'"
					+ " and record = :record")
			.param("record", "id=" + petition)
			.query(Long.class)
			.single()).isPositive();

		// The CSV: a header, the six valid signatures in order, nothing private.
		byte[] csvBytes = mvc.perform(get("/admin/petitions/{id}/packs/{p}.csv", petition, packId).with(CAMPAIGNER))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("petition-" + petition)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String csv = new String(csvBytes, StandardCharsets.UTF_8);
		assertThat(csv).doesNotContain("@").doesNotContain("SW1A").doesNotContain("198.51.100");
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
		assertThat(records).hasSize(7);
		assertThat(records.get(0).toList()).containsExactly("name", "country", "signed_on");
		assertThat(records.stream().skip(1).map(r -> r.get(0)).toList()).containsExactly("김민준", "王秀英", "陳美玲",
				"Анна Иванова", "'=SUM(A1)", "Zoë O'Brien, \"Jr\"");
		assertThat(records.get(1).get(1)).isEqualTo("KR");

		// The documented procedure, step by step, gives the recorded digest.
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		for (CSVRecord record : records.subList(1, records.size())) {
			String line = Normalizer.normalize(String.join("\t", record.toList()) + "\n", Normalizer.Form.NFC);
			sha256.update(line.getBytes(StandardCharsets.UTF_8));
		}
		assertThat(HexFormat.of().formatHex(sha256.digest())).isEqualTo(digest);
		// And so does the one-liner in docs/delivery-pack.md, where python3 is installed.
		Path file = dir.resolve("pack.csv");
		Files.write(file, csvBytes);
		String printed = runDocumentedOneLiner(dir);
		if (printed != null) {
			assertThat(printed.strip()).isEqualTo("6 " + digest);
		}

		// The PDF: cover and list, searchable, nothing private.
		byte[] pdf = mvc.perform(get("/admin/petitions/{id}/packs/{p}.pdf", petition, packId).with(CAMPAIGNER))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/pdf")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(repository.find(petition).orElseThrow().content().title())
				.contains("Grant refugee status", "Allow safe passage", "Stop forced returns")
				.contains("Confirmed valid signatures: 6")
				.contains(digest)
				.contains("김민준", "王秀英", "陳美玲", "Анна Иванова", "Zoë O'Brien")
				.contains("South Korea", "Taiwan")
				.contains("Page 1 of " + document.getNumberOfPages())
				.contains("Page " + document.getNumberOfPages() + " of " + document.getNumberOfPages())
				.doesNotContain("@")
				.doesNotContain("Flagged Person", "Not Confirmed", "Invalid Person", "SW1A");
		}

		// Published on the petition page, checked on the verify page.
		await().atMost(5, TimeUnit.SECONDS)
			.untilAsserted(() -> mvc.perform(get("/petitions/{id}", petition))
				.andExpect(content().string(containsString(digest))));
		mvc.perform(multipart("/petitions/{id}/verify", petition)
			.file(new MockMultipartFile("csv", "pack.csv", "text/csv", csvBytes)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("It matches the delivered list: 6 signatures.")));
		byte[] tampered = csv.replace("王秀英", "王秀").getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/petitions/{id}/verify", petition)
			.file(new MockMultipartFile("csv", "pack.csv", "text/csv", tampered)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("It matches neither the delivered list")));
		mvc.perform(post("/petitions/{id}/verify", petition).param("digest", " " + digest.toUpperCase() + " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("It matches the delivered list")));
		mvc.perform(post("/petitions/{id}/verify", petition).param("digest", "<script>not-a-digest"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("A digest is 64 characters")))
			.andExpect(content().string(containsString("value=\"&lt;script&gt;not-a-digest\"")));
		mvc.perform(post("/petitions/{id}/verify", petition))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Please choose the CSV file")));
		mvc.perform(multipart("/petitions/{id}/verify", petition)
			.file(new MockMultipartFile("csv", "photo.jpg", "image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8 })))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("not UTF-8")));
		mvc.perform(multipart("/petitions/{id}/verify", petition)
			.file(new MockMultipartFile("csv", "other.csv", "text/csv", "a,b,c\n1,2,3\n".getBytes())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This is not a pack CSV")));

		// Once a listed signature stops counting, the pack can no longer be downloaded as
		// it was; a new pack lists one fewer, and the old CSV still matches the old pack.
		jdbc.sql("update signature set invalidated_at = now() where petition_id = :p and name = '陳美玲'")
			.param("p", petition)
			.update();
		mvc.perform(get("/admin/petitions/{id}/packs/{p}.csv", petition, packId).with(CAMPAIGNER))
			.andExpect(redirectedUrl("/admin/petitions/" + petition + "/pack"))
			.andExpect(flash().attribute("ruleError", "pack.rule.changed"));
		mvc.perform(post("/admin/petitions/{id}/packs", petition).with(CAMPAIGNER).with(csrf()));
		assertThat(jdbc.sql("select signatures from delivery_pack where petition_id = :p order by id desc limit 1")
			.param("p", petition)
			.query(Long.class)
			.single()).isEqualTo(5);
		mvc.perform(post("/admin/petitions/{id}/packs/{p}/choose", petition, packId).with(CAMPAIGNER).with(csrf()))
			.andExpect(flash().attribute("done", true));
		await().atMost(5, TimeUnit.SECONDS)
			.untilAsserted(() -> mvc
				.perform(multipart("/petitions/{id}/verify", petition)
					.file(new MockMultipartFile("csv", "pack.csv", "text/csv", csvBytes)))
				.andExpect(content().string(containsString("It matches the delivered list: 6 signatures."))));
	}

	/**
	 * Each file of a pack holds every signer's name: every download is listed on the pack
	 * page and in the audit log (who, which file of which pack, when, from where), and a
	 * refused one is in the audit log.
	 */
	@Test
	void everyDownloadOfAPackIsRecordedAndShownWhereStaffSeeThePack() throws Exception {
		administration.close(petition);
		mvc.perform(post("/admin/petitions/{id}/packs", petition).with(CAMPAIGNER).with(csrf()));
		long packId = jdbc.sql("select id from delivery_pack where petition_id = :p")
			.param("p", petition)
			.query(Long.class)
			.single();
		mvc.perform(get("/admin/petitions/{id}/pack", petition).with(CAMPAIGNER))
			.andExpect(content().string(containsString("No file of these packs has been downloaded yet.")));

		mvc.perform(get("/admin/petitions/{id}/packs/{p}.pdf", petition, packId)
			.with(user("organiser@example.org").roles("CAMPAIGNER"))
			.with(r -> {
				r.setRemoteAddr("203.0.113.9");
				return r;
			})).andExpect(status().isOk());
		mvc.perform(get("/admin/petitions/{id}/packs/{p}.csv", petition, packId).with(CAMPAIGNER))
			.andExpect(status().isOk());

		assertThat(jdbc.sql("""
				select format || ' ' || downloaded_by || ' ' || coalesce(address, '-') from delivery_pack_download
				where pack_id = :p order by id""").param("p", packId).query(String.class).list())
			.containsExactly("PDF organiser@example.org 203.0.113.9", "CSV campaigner@example.org 127.0.0.1");
		assertThat(jdbc.sql("""
				select actor || ' ' || record || ' ' || outcome || ' ' || address from staff_audit
				where action = 'petitions.pack.downloaded' and record like :r order by id""")
			.param("r", "petition:" + petition + " %")
			.query(String.class)
			.list()).containsExactly(
					"organiser@example.org petition:" + petition + " pack:" + packId + " file:pdf ok 203.0.113.9",
					"campaigner@example.org petition:" + petition + " pack:" + packId + " file:csv ok 127.0.0.1");
		String page = mvc.perform(get("/admin/petitions/{id}/pack", petition).with(CAMPAIGNER))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Downloads", "organiser@example.org", "203.0.113.9", "<td>PDF</td>", "<td>CSV</td>");

		// Refused once the signatures no longer give the pack's digest: nothing listed,
		// the attempt audited.
		jdbc.sql("update signature set invalidated_at = now() where petition_id = :p and name = '王秀英'")
			.param("p", petition)
			.update();
		mvc.perform(get("/admin/petitions/{id}/packs/{p}.csv", petition, packId).with(CAMPAIGNER))
			.andExpect(flash().attribute("ruleError", "pack.rule.changed"));
		assertThat(jdbc.sql("select count(*) from delivery_pack_download where pack_id = :p")
			.param("p", packId)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("""
				select count(*) from staff_audit where action = 'petitions.pack.downloaded' and record = :r
				and outcome = 'refused: pack.rule.changed'""")
			.param("r", "petition:" + petition + " pack:" + packId + " file:csv")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from staff_audit where action like 'GET /admin/petitions/{id}/packs/%'")
			.query(Long.class)
			.single()).as("no generic entry beside the download's own").isZero();
	}

	@Test
	void theVerifyPageWorksForAnyoneWithoutAPack() throws Exception {
		mvc.perform(get("/petitions/{id}/verify", petition))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No list has been prepared for delivery yet.")))
			.andExpect(content().string(not(containsString("@example.org"))));
		mvc.perform(get("/petitions/{id}/verify", 999_999_999L)).andExpect(status().isNotFound());
		mvc.perform(post("/petitions/{id}/verify", petition).param("digest", "ab".repeat(32)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("It matches neither")));
	}

	/** Runs the block the docs give for recomputing the digest; null without python3. */
	private static String runDocumentedOneLiner(Path dir) throws Exception {
		String doc = Files.readString(Path.of("docs", "delivery-pack.md"));
		Matcher block = Pattern.compile("<!-- recompute-from-csv[^>]*-->\\s*```sh\\n(.*?)```", Pattern.DOTALL)
			.matcher(doc);
		assertThat(block.find()).as("the documented procedure").isTrue();
		Process process;
		try {
			process = new ProcessBuilder("bash", "-c", block.group(1)).directory(dir.toFile())
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException noBash) {
			return null;
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0 && output.contains("python3: command not found")) {
			return null;
		}
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private long packCount() {
		return jdbc.sql("select count(*) from delivery_pack where petition_id = :p")
			.param("p", petition)
			.query(Long.class)
			.single();
	}

}
