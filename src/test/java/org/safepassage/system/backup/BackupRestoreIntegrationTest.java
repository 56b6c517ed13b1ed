package org.safepassage.system.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safepassage.SafePassageApplication;
import org.safepassage.evidence.store.EvidenceEditing;
import org.safepassage.evidence.store.ProtectedNotes;
import org.safepassage.evidence.store.ReportRepository;
import org.safepassage.system.sealing.SealingKeyRefused;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole round trip on a database of its own (the shared test database is untouched):
 * the application runs with demo data and a new signature and subscriber, the
 * {@code backup} command copies it while it runs, the data directory is wiped, and
 * {@code restore} brings back every row into a fresh directory that the application then
 * starts on. A backup that was changed, cut short or made with another key is refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class BackupRestoreIntegrationTest {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** What must come back, row for row. */
	static final List<String> TABLES = List.of("petition", "signature", "alert", "alert_subscriber", "incident",
			"source_report", "estimate", "staff_account", "mail_outbox");

	static Path root;

	static Path backup;

	static Path key;

	static Map<String, String> before;

	/**
	 * A protected note, sealed: neither it nor the key that opens it may be in a backup.
	 */
	static final String SEALED_NOTE = "Witness Backup-Sealtest-4821 met in Shenyang";

	static long notedReport;

	@BeforeAll
	static void runBackUpAndWipe() throws Exception {
		root = Path.of("target", "backup-test", UUID.randomUUID().toString()).toAbsolutePath();
		key = root.resolve("keys").resolve("backup.key");
		Path data = root.resolve("data");
		Path jobBackups = Files.createDirectories(root.resolve("job-backups"));
		Path older = Files.writeString(jobBackups.resolve("safepassage-20200101-000000.backup"), "an older one");
		try (ConfigurableApplicationContext app = start(data, "safepassage.backup.directory", jobBackups.toString(),
				"safepassage.backup.key-file", key.toString(), "safepassage.backup.keep", "1")) {
			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			long petition = jdbc.sql("select id from petition where state = 'OPEN' order by id limit 1")
				.query(Long.class)
				.single();
			notedReport = jdbc.sql("select id from source_report order by id limit 1").query(Long.class).single();
			app.getBean(EvidenceEditing.class)
				.updateReport(notedReport,
						app.getBean(ReportRepository.class).find(notedReport).orElseThrow().content(), SEALED_NOTE,
						false);
			HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			assertThat(
					post(client, base, "/petitions/" + petition, "name=Kept+Safe&country=GB&email=kept%40example.org",
							"/petitions/" + petition + "/signatures")
						.statusCode())
				.isEqualTo(302);
			assertThat(post(client, base, "/alerts/subscribe",
					"email=praying%40example.org&name=Praying&language=en&topics=PRAYER", "/alerts/subscribe")
				.statusCode()).isEqualTo(302);
			before = snapshot(jdbc);
			// The demo petition comes with made-up signatures; this one is the test's.
			assertThat(before.get("signature")).doesNotStartWith("0 ");
			assertThat(jdbc.sql("select count(*) from signature where email = 'kept@example.org'")
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(before.get("alert_subscriber")).startsWith("1 ");
			assertThat(before.get("alert")).doesNotStartWith("0 ");

			// taken from the running server, as an operator's cron job would
			assertThat(command("backup", "--data-dir", data.toString(), "--to", root.resolve("backups").toString(),
					"--key", key.toString()))
				.contains("Backup written");

			// the daily job writes one too, and keeps only the newest
			app.getBean(BackupJobs.class).backUp();
			try (Stream<Path> files = Files.list(jobBackups)) {
				assertThat(files.toList()).singleElement()
					.satisfies((path) -> assertThat(path.getFileName().toString()).startsWith("safepassage-")
						.endsWith(".backup")
						.isNotEqualTo(older.getFileName().toString()));
			}
		}
		// with SafePassage stopped the command starts PostgreSQL on the data directory
		// for
		// the copy
		String cold = command("backup", "--data-dir", data.toString(), "--to", root.resolve("cold").toString(), "--key",
				key.toString());
		assertThat(cold).contains("Backup written");
		assertThat(data.resolve("postmaster.pid")).doesNotExist();
		try (Stream<Path> files = Files.list(root.resolve("backups"))) {
			backup = files.filter((path) -> Backups.isBackup(path.getFileName().toString())).findFirst().orElseThrow();
		}
		assertThat(Files.readString(key)).contains("AesGcmHkdfStreamingKey");
		deleteRecursively(data);
	}

	@AfterAll
	static void cleanUp() throws Exception {
		deleteRecursively(root);
	}

	@Test
	void restoredDatabaseHasEveryRowBack() throws Exception {
		Path restored = root.resolve("restored");
		assertThat(command("restore", backup.toString(), "--data-dir", restored.toString(), "--key", key.toString()))
			.contains("Restored into");
		try (ConfigurableApplicationContext app = start(restored)) {
			assertThat(snapshot(app.getBean(JdbcClient.class))).isEqualTo(before);
			// with the sealing key beside it, the sealed note opens again
			assertThat(app.getBean(ProtectedNotes.class)
				.reveal(notedReport, "admin@example.org", "Checking the restore", "127.0.0.1")).contains(SEALED_NOTE);
		}
	}

	@Test
	void backupHoldsNeitherTheSealingKeyNorAnyProtectedValue() throws Exception {
		Path sealingKey = root.resolve("safepassage-sealing.key");
		assertThat(sealingKey).exists();
		Matcher value = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(sealingKey));
		assertThat(value.find()).isTrue();
		String keyValue = value.group(1);
		Path unpacked = root.resolve("inspected");
		assertThat(command("restore", backup.toString(), "--data-dir", unpacked.toString(), "--key", key.toString()))
			.contains("Restored into");
		byte[] note = SEALED_NOTE.getBytes(StandardCharsets.UTF_8);
		byte[] keyText = keyValue.getBytes(StandardCharsets.UTF_8);
		byte[] keyBytes = Base64.getDecoder().decode(keyValue);
		long files = 0;
		try (Stream<Path> paths = Files.walk(unpacked)) {
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				assertThat(path.getFileName().toString()).doesNotContain("sealing");
				byte[] content = Files.readAllBytes(path);
				assertThat(indexOf(content, note)).as(path.toString()).isNegative();
				assertThat(indexOf(content, keyText)).as(path.toString()).isNegative();
				assertThat(indexOf(content, keyBytes)).as(path.toString()).isNegative();
				files++;
			}
		}
		assertThat(files).isGreaterThan(100);
	}

	@Test
	void restoredDatabaseWithoutItsSealingKeyDoesNotStart(CapturedOutput output) throws Exception {
		Path restored = root.resolve("keyless");
		assertThat(command("restore", backup.toString(), "--data-dir", restored.toString(), "--key", key.toString()))
			.contains("Restored into");

		assertThatThrownBy(() -> start(restored, "safepassage.sealing.key-file",
				root.resolve("nowhere").resolve("missing.key").toString()))
			.hasRootCauseInstanceOf(SealingKeyRefused.class)
			.rootCause()
			.hasMessageContaining("there is no sealing key");
		assertThat(root.resolve("nowhere")).doesNotExist();

		Path otherKey = root.resolve("other-sealing").resolve("other.key");
		Files.createDirectories(otherKey.getParent());
		Files.writeString(otherKey, TinkJsonProtoKeysetFormat.serializeKeyset(
				KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get()));
		assertThat(refusal(catchThrowable(() -> start(restored, "safepassage.sealing.key-file", otherKey.toString()))))
			.hasMessageContaining("is not the key this database was sealed with");
		// Spring Boot's failure report, not a stack trace, is what the operator reads.
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "is not the key this database",
				"SAFEPASSAGE_SEALING_KEY");
	}

	static SealingKeyRefused refusal(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SealingKeyRefused refused) {
				return refused;
			}
		}
		throw new AssertionError("The start did not fail on the sealing key", failure);
	}

	static int indexOf(byte[] haystack, byte[] needle) {
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

	@Test
	void nonEmptyDirectoryIsRefusedUnlessForced() throws Exception {
		Path occupied = root.resolve("occupied");
		Files.createDirectories(occupied);
		Files.writeString(occupied.resolve("something"), "kept");
		assertThat(command("restore", backup.toString(), "--data-dir", occupied.toString(), "--key", key.toString()))
			.contains("is not empty");
		assertThat(occupied.resolve("something")).hasContent("kept");
		assertThat(command("restore", backup.toString(), "--data-dir", occupied.toString(), "--key", key.toString(),
				"--force"))
			.contains("Restored into");
		assertThat(occupied.resolve("PG_VERSION")).exists();
		assertThat(occupied.resolve("backup_label")).exists();
		try (Stream<Path> siblings = Files.list(root)) {
			assertThat(siblings.map((path) -> path.getFileName().toString()))
				.anyMatch((name) -> name.startsWith("occupied-before-restore-"));
		}
	}

	@Test
	void changedOrCutBackupIsRefusedAndNothingIsRestored() throws Exception {
		byte[] bytes = Files.readAllBytes(backup);
		byte[] changed = bytes.clone();
		changed[bytes.length / 2] ^= 0x01;
		Path tampered = Files.write(root.resolve("tampered.backup"), changed);
		Path cut = Files.write(root.resolve("cut.backup"), Arrays.copyOf(bytes, bytes.length - 100));
		for (Path file : List.of(tampered, cut)) {
			Path target = root.resolve("from-" + file.getFileName());
			assertThatThrownBy(() -> new Backups(target, key, 1, Clock.systemUTC()).restore(file, target, false))
				.isInstanceOf(BackupRefused.class)
				.hasMessageContaining("cannot be decrypted with the key")
				.hasMessageContaining("changed, cut short or damaged");
			assertThat(target).doesNotExist();
		}
	}

	@Test
	void backupWithAnotherKeyIsRefused() throws Exception {
		Path otherKey = root.resolve("other").resolve("other.key");
		BackupKey.loadOrCreate(otherKey);
		Path target = root.resolve("from-other-key");
		String answer = command("restore", backup.toString(), "--data-dir", target.toString(), "--key",
				otherKey.toString());
		assertThat(answer).contains("cannot be decrypted with the key " + otherKey.toAbsolutePath())
			.contains("made with another key");
		assertThat(target).doesNotExist();
		assertThat(command("restore", backup.toString(), "--data-dir", target.toString(), "--key",
				root.resolve("missing.key").toString()))
			.contains("There is no backup key at");
		Path notABackup = Files.writeString(root.resolve("notes.txt"), "hello");
		assertThat(command("restore", notABackup.toString(), "--data-dir", target.toString(), "--key", key.toString()))
			.contains("is not a SafePassage backup");
	}

	static ConfigurableApplicationContext start(Path data, String... settings) {
		Map<String, Object> properties = new LinkedHashMap<>(Map.of("server.port", "0",
				"safepassage.embedded-db.data-dir", data.toString(), "safepassage.admin.email", "admin@example.org",
				"safepassage.admin.password", "correct horse battery", "safepassage.backup.directory",
				root.resolve("unused").toString(), "safepassage.petitions.limits.enabled", "false",
				"safepassage.alerts.limits.allow-list", "127.0.0.1"));
		for (int i = 0; i < settings.length; i += 2) {
			properties.put(settings[i], settings[i + 1]);
		}
		return new SpringApplicationBuilder(SafePassageApplication.class).properties(properties).run();
	}

	static String command(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		BackupCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}

	/** Row count and a digest of every row, per table. */
	static Map<String, String> snapshot(JdbcClient jdbc) {
		Map<String, String> tables = new LinkedHashMap<>();
		for (String table : TABLES) {
			tables.put(table, jdbc
				.sql("select count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
						+ table + " t")
				.query(String.class)
				.single());
		}
		return tables;
	}

	static HttpResponse<String> post(HttpClient client, String base, String formPage, String form, String action)
			throws Exception {
		String page = client
			.send(HttpRequest.newBuilder(URI.create(base + formPage)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(page);
		assertThat(csrf.find()).isTrue();
		return client.send(HttpRequest.newBuilder(URI.create(base + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(form + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static void deleteRecursively(Path directory) throws Exception {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
				Files.delete(path);
			}
		}
	}

}
