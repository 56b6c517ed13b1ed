package org.safepassage.petitions.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.domain.PetitionAdministration;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The delivery pack benchmark (bench/pack/run.sh), not part of the test suite (its name
 * does not end in Test): 100,000 signatures in several scripts, then a pack is generated
 * and its PDF and CSV written to files, timing each step and reading the JVM's peak heap;
 * the ceiling is psql copying the same rows to /dev/null.
 */
class DeliveryPackBench extends IntegrationTest {

	static final PackDownloads.Downloader BENCH = new PackDownloads.Downloader("bench@example.org", "127.0.0.1");

	@Autowired
	PetitionRepository repository;

	@Autowired
	PetitionAdministration administration;

	@Autowired
	DeliveryPacks packs;

	@Autowired
	DataSource dataSource;

	@Test
	void packOfOneHundredThousandSignatures() throws Exception {
		int signatures = Integer.getInteger("bench.signatures", 100_000);
		Path out = Path.of(System.getProperty("bench.out", "target/bench-pack"));
		Files.createDirectories(out);
		long petition = Petitions.openPetition(repository, "Bench pack " + System.nanoTime(),
				Instant.now().plus(Duration.ofDays(30)));
		long loadStart = System.nanoTime();
		// Names in Korean, simplified and traditional Chinese, Cyrillic and Latin
		// scripts, and one in 25 (4 %) in Arabic, Hebrew, Thai or Devanagari, which
		// the PDF shapes in the Noto fonts.
		jdbc.sql(
				"""
						insert into signature (petition_id, name, email, email_canonical, country, postcode, locale,
						                       created_at, confirmed_at, token_hash, token_expires_at)
						select :p,
						       case when g % 25 = 0
						            then (array['مريم حداد ', 'דוד כהן ', 'สมชาย ใจดี ', 'अनीता शर्मा '])[1 + (g / 25) % 4]
						            else (array['김민준 ', '王秀英 ', '陳美玲 ', 'Анна Иванова ', 'Zoë O''Brien ', 'Ana Silva '])[1 + g % 6]
						       end || g,
						       'signer' || g || '@example.org', 'signer' || g || '@example.org',
						       (array['KR', 'CN', 'TW', 'UA', 'GB', 'BR', 'US', 'DE'])[1 + g % 8], 'SW1A 1AA', 'en',
						       now() - interval '20 days' + g * interval '10 seconds',
						       now() - interval '20 days' + g * interval '10 seconds',
						       sha256(int8send(g)), now()
						from generate_series(1, :n) g""")
			.param("p", petition)
			.param("n", signatures)
			.update();
		double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
		administration.close(petition);
		jdbc.sql("analyze signature").update();

		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
		long before = heapPeak();

		long t0 = System.nanoTime();
		DeliveryPack pack = packs.generate(petition, "bench@example.org");
		long t1 = System.nanoTime();
		Path pdf = out.resolve("pack.pdf");
		try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(pdf))) {
			packs.write(petition, pack.id(), DeliveryPacks.Format.PDF, Locale.ENGLISH, BENCH, () -> file);
		}
		long t2 = System.nanoTime();
		Path csv = out.resolve("pack.csv");
		try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(csv))) {
			packs.write(petition, pack.id(), DeliveryPacks.Format.CSV, Locale.ENGLISH, BENCH, () -> file);
		}
		long t3 = System.nanoTime();
		long peak = heapPeak();

		int pages;
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			pages = document.getNumberOfPages();
		}
		String ceiling = psqlCopySeconds(petition);
		String report = String.format(Locale.ROOT, """
				signatures            %d (loaded in %.1f s)
				generate (digest)     %.2f s
				PDF download          %.2f s  (%d pages, %.1f MB)
				CSV download          %.2f s  (%.1f MB)
				total                 %.2f s
				heap after GC / peak  %d MB / %d MB (sum of heap pools' peaks; max heap %d MB)
				ceiling: psql \\copy   %s s (the same rows, in the same order, to /dev/null)
				""", pack.signatures(), loadSeconds, (t1 - t0) / 1e9, (t2 - t1) / 1e9, pages, Files.size(pdf) / 1e6,
				(t3 - t2) / 1e9, Files.size(csv) / 1e6, (t3 - t0) / 1e9, before >> 20, peak >> 20,
				Runtime.getRuntime().maxMemory() >> 20, ceiling);
		System.out.println("\n=== delivery pack bench ===\n" + report);
		Files.writeString(out.resolve("report.txt"), report);
		assertThat(pack.signatures()).isEqualTo(signatures);
	}

	private static long heapPeak() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}

	/** How long psql takes to copy the same rows out, the floor for any pack. */
	private String psqlCopySeconds(long petition) throws Exception {
		String url;
		try (Connection connection = dataSource.getConnection()) {
			url = connection.getMetaData().getURL();
		}
		// jdbc:postgresql://localhost:PORT/postgres?...
		String rest = url.substring("jdbc:postgresql://".length());
		String hostPort = rest.substring(0, rest.indexOf('/'));
		String database = rest.substring(rest.indexOf('/') + 1).split("\\?")[0];
		String copy = "\\copy (select name, country, confirmed_at from signature where petition_id = " + petition
				+ " and confirmed_at is not null and not flagged and invalidated_at is null"
				+ " order by confirmed_at, id) to '/dev/null'";
		long start = System.nanoTime();
		Process psql = new ProcessBuilder("psql", "-X", "-q", "-h", hostPort.split(":")[0], "-p",
				hostPort.split(":")[1], "-U", "postgres", "-d", database, "-c", copy)
			.redirectErrorStream(true)
			.start();
		String output = new String(psql.getInputStream().readAllBytes());
		if (psql.waitFor() != 0) {
			return "n/a (" + output.strip() + ")";
		}
		return String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9);
	}

}
