package org.safepassage.petitions.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The canonical list and the pack CSV agree, byte for byte, on what is hashed. */
class PackCsvTest {

	static final List<PackRow> ROWS = List.of(PackRow.of("김민준", "KR", Instant.parse("2026-03-01T23:59:59Z")),
			PackRow.of("Cafe\u0301 Tab\there", "FR", Instant.parse("2026-03-02T00:00:00Z")),
			PackRow.of("=HYPERLINK(1)", "GB", Instant.parse("2026-03-02T10:00:00Z")),
			PackRow.of("王秀英, \"Wang\"", "CN", Instant.parse("2026-03-03T10:00:00Z")));

	@Test
	void rowsAreCanonical() {
		assertThat(ROWS.get(0).signedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(ROWS.get(1).name()).isEqualTo("Café Tab here").hasSize(13);
		assertThat(ROWS.get(2).name()).isEqualTo("'=HYPERLINK(1)");
		assertThat(ROWS.get(3).line()).isEqualTo("王秀英, \"Wang\"\tCN\t2026-03-03\n");
	}

	@Test
	void theCsvGivesTheDigestOfTheList() throws Exception {
		CanonicalList list = new CanonicalList();
		ROWS.forEach(list::add);
		String expected = sha256("김민준\tKR\t2026-03-01\nCafé Tab here\tFR\t2026-03-02\n'=HYPERLINK(1)\tGB\t2026-03-02\n"
				+ "王秀英, \"Wang\"\tCN\t2026-03-03\n");
		assertThat(list.digest()).isEqualTo(expected);
		assertThat(list.byCountry()).containsEntry("KR", 1L).hasSize(4);

		byte[] csv = csv(ROWS);
		assertThat(new String(csv, StandardCharsets.UTF_8))
			.startsWith("name,country,signed_on\r\n김민준,KR,2026-03-01\r\n")
			.contains("\"王秀英, \"\"Wang\"\"\",CN,2026-03-03");
		PackCsv.Reading reading = PackCsv.digest(new ByteArrayInputStream(csv), 1 << 20);
		assertThat(reading.rows()).isEqualTo(4);
		assertThat(reading.digest()).isEqualTo(expected);

		// A spreadsheet that saved it decomposed and with a byte-order mark still
		// matches.
		String decomposed = "\uFEFF" + new String(csv, StandardCharsets.UTF_8).replace("é", "e\u0301");
		assertThat(
				PackCsv.digest(new ByteArrayInputStream(decomposed.getBytes(StandardCharsets.UTF_8)), 1 << 20).digest())
			.isEqualTo(expected);
	}

	@Test
	void anythingElseIsRefusedWithAReason() throws Exception {
		assertRefused("hello,world\r\n".getBytes(StandardCharsets.UTF_8), "verify.error.header");
		assertRefused("name,country,signed_on\r\na,b\r\n".getBytes(StandardCharsets.UTF_8), "verify.error.columns");
		assertRefused(new byte[0], "verify.error.empty");
		assertRefused("name,country,signed_on\r\n\"open,KR,2026-01-01\r\n".getBytes(StandardCharsets.UTF_8),
				"verify.error.malformed");
		assertRefused(new byte[] { 'n', 'a', (byte) 0xC3, (byte) 0x28, '\n' }, "verify.error.encoding");
		byte[] big = csv(ROWS);
		assertThatThrownBy(() -> PackCsv.digest(new ByteArrayInputStream(big), 40)).isInstanceOfSatisfying(
				PackCsv.NotAPackCsv.class, e -> assertThat(e.messageKey()).isEqualTo("verify.error.tooLarge"));
	}

	@Test
	void chainsLinkEachCheckpointToTheOneBefore() throws Exception {
		String first = CanonicalList.chain(CanonicalList.CHAIN_START, LocalDate.of(2026, 3, 1), 2, "ab".repeat(32));
		assertThat(first).isEqualTo(sha256("0".repeat(64) + "\t2026-03-01\t2\t" + "ab".repeat(32) + "\n"));
		assertThat(CanonicalList.normaliseDigest("  " + "AB".repeat(32) + " ")).isEqualTo("ab".repeat(32));
		assertThat(CanonicalList.normaliseDigest("xyz")).isNull();
	}

	private static void assertRefused(byte[] content, String key) {
		assertThatThrownBy(() -> PackCsv.digest(new ByteArrayInputStream(content), 1 << 20))
			.isInstanceOfSatisfying(PackCsv.NotAPackCsv.class, e -> assertThat(e.messageKey()).isEqualTo(key));
	}

	static byte[] csv(List<PackRow> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		PackCsv csv = new PackCsv(writer);
		for (PackRow row : rows) {
			csv.write(row);
		}
		csv.finish();
		return out.toByteArray();
	}

	static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
