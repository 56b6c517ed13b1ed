package org.safepassage.system.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.IntegrationTest;
import org.safepassage.system.SafePassageProperties;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operator's rotation, as docs/operations.md describes it: {@code sealing rotate},
 * restart, the re-wrap job, {@code sealing status}, {@code sealing retire-old-keys}. Each
 * "restart" is a new {@link Sealing} on the same database with the rotated key file. At
 * the end the database is moved back to the application's own key, so the other tests of
 * the shared context keep working.
 */
class SealingRotationIntegrationTest extends IntegrationTest {

	@Autowired
	Sealing sealing;

	@Autowired
	SafePassageProperties application;

	@Autowired
	SealingProperties properties;

	@TempDir
	Path directory;

	@Test
	void rotationKeepsEverySealedValueReadableAndRetiresOldKeysOnlyOnceNothingNeedsThem() throws Exception {
		Path applicationKey = this.properties.keyFile(this.application.embeddedDb().dataDir());
		Path keyFile = this.directory.resolve("sealing.key");
		Files.copy(applicationKey, keyFile);
		Map<Long, byte[]> sealed = new LinkedHashMap<>();
		for (int i = 0; i < 7; i++) {
			long dataKey = this.sealing.newDataKey();
			sealed.put(dataKey, this.sealing.sealText(dataKey, "Witness Rotation-" + dataKey, context(dataKey)));
		}

		Result nothingToRetire = command("retire-old-keys", "--key-file", keyFile.toString());
		assertThat(nothingToRetire.code()).isZero();
		assertThat(nothingToRetire.output()).contains("nothing to retire");

		Result rotate = command("rotate", "--key-file", keyFile.toString());
		assertThat(rotate.code()).isZero();
		KeyEncryptionKey rotated = KeyEncryptionKey.load(null, keyFile);
		assertThat(rotated.keyIds()).hasSize(2);
		assertThat(rotate.output()).contains("Added key " + rotated.primaryId()).doesNotContain("primaryKeyId");

		Result tooSoon = command("retire-old-keys", "--key-file", keyFile.toString());
		assertThat(tooSoon.code()).isEqualTo(1);
		assertThat(tooSoon.output()).contains("has not started with the primary key");

		Sealing restarted = restartWith(keyFile);
		long fresh = restarted.newDataKey();
		sealed.put(fresh, restarted.sealText(fresh, "Witness Rotation-" + fresh, context(fresh)));
		assertThat(this.jdbc.sql("select kek_key_id from sealing_data_key where id = :id")
			.param("id", fresh)
			.query(Long.class)
			.single()).isEqualTo(rotated.primaryId());
		long stale = restarted.staleDataKeys();
		assertThat(stale).isGreaterThanOrEqualTo(7);

		Result status = command("status", "--key-file", keyFile.toString());
		assertThat(status.code()).isZero();
		assertThat(status.output()).contains(stale + " data keys still wrapped by an old key");
		Result early = command("retire-old-keys", "--key-file", keyFile.toString());
		assertThat(early.code()).isEqualTo(1);
		assertThat(early.output()).contains("still wrapped by an old key");
		assertThat(KeyEncryptionKey.load(null, keyFile).keyIds()).hasSize(2);

		SealingProperties small = settings(keyFile, 3);
		assertThat(new SealingJobs(restarted, small).rewrap()).isEqualTo((int) stale);
		assertThat(restarted.staleDataKeys()).isZero();
		assertEveryValueOpens(restartWith(keyFile), sealed);
		assertThat(command("status", "--key-file", keyFile.toString()).output())
			.contains("0 data keys still wrapped by an old key", "may be retired");

		Result retire = command("retire-old-keys", "--key-file", keyFile.toString(), "--print-env");
		assertThat(retire.code()).isZero();
		KeyEncryptionKey retired = KeyEncryptionKey.load(null, keyFile);
		assertThat(retired.keyIds()).containsExactly(rotated.primaryId());
		assertThat(retire.output()).contains(KeyEncryptionKey.environmentValue(retired.keyset()));
		assertEveryValueOpens(restartWith(keyFile), sealed);
		// The same key given as the environment value opens everything too.
		assertEveryValueOpens(new Sealing(this.jdbc, this.clock,
				new SealingProperties(KeyEncryptionKey.environmentValue(retired.keyset()),
						this.directory.resolve("unused.key"), 10, Duration.ofMinutes(1), Duration.ofMinutes(1), 500),
				this.application), sealed);

		moveBackToTheApplicationKey(applicationKey, retired);
		assertEveryValueOpens(restartWith(applicationKey), sealed);
	}

	@Test
	void aKeyFromTheEnvironmentIsRotatedByPrintingItsNewValue() throws Exception {
		KeysetHandle original = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
		Path file = this.directory.resolve("env.key");
		KeyEncryptionKey.write(original, file);
		KeyEncryptionKey key = KeyEncryptionKey.load(null, file);
		KeySourceOutput output = new KeySourceOutput();
		int code = new SealingCommand.Operation(
				new SealingCommand.KeySource(null, KeyEncryptionKey.environmentValue(key.keyset())), output.stream(),
				false)
			.rotate();

		assertThat(code).isZero();
		String[] lines = output.text().strip().split("\n");
		KeyEncryptionKey rotated = KeyEncryptionKey.load(lines[2].strip(), this.directory.resolve("none"));
		assertThat(rotated.keyIds()).hasSize(2).containsAll(key.keyIds());
		assertThat(rotated.primaryId()).isNotEqualTo(key.primaryId());
	}

	@Test
	void unknownArgumentsShowTheUsage() {
		Result result = command("spin");
		assertThat(result.code()).isEqualTo(2);
		assertThat(result.output()).contains("sealing rotate");
	}

	private void moveBackToTheApplicationKey(Path applicationKey, KeyEncryptionKey current) throws Exception {
		KeyEncryptionKey original = KeyEncryptionKey.load(null, applicationKey);
		KeysetHandle both = KeysetHandle.newBuilder(current.keyset())
			.addEntry(KeysetHandle.importKey(original.keyset().getPrimary().getKey())
				.withFixedId(original.keyset().getPrimary().getId())
				.makePrimary())
			.build();
		Path bothFile = this.directory.resolve("both.key");
		KeyEncryptionKey.write(both, bothFile);
		Sealing back = restartWith(bothFile);
		new SealingJobs(back, settings(bothFile, 500)).rewrap();
		assertThat(back.staleDataKeys()).isZero();
	}

	private void assertEveryValueOpens(Sealing instance, Map<Long, byte[]> sealed) {
		sealed.forEach((dataKey, value) -> assertThat(instance.unsealText(dataKey, value, context(dataKey)))
			.isEqualTo("Witness Rotation-" + dataKey));
	}

	private Sealing restartWith(Path keyFile) {
		return new Sealing(this.jdbc, this.clock, settings(keyFile, 500), this.application);
	}

	private static SealingProperties settings(Path keyFile, int batch) {
		return new SealingProperties(null, keyFile, 10, Duration.ofMinutes(1), Duration.ofMinutes(1), batch);
	}

	private static String context(long dataKey) {
		return "rotation " + dataKey + " note";
	}

	private Result command(String... arguments) {
		String[] args = new String[arguments.length + 3];
		args[0] = "sealing";
		System.arraycopy(arguments, 0, args, 1, arguments.length);
		args[arguments.length + 1] = "--data-dir";
		args[arguments.length + 2] = this.application.embeddedDb().dataDir().toString();
		KeySourceOutput output = new KeySourceOutput();
		int code = SealingCommand.run(args, output.stream());
		return new Result(code, output.text());
	}

	private record Result(int code, String output) {
	}

	private static final class KeySourceOutput {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final PrintStream stream = new PrintStream(this.bytes, true, StandardCharsets.UTF_8);

		PrintStream stream() {
			return this.stream;
		}

		String text() {
			return this.bytes.toString(StandardCharsets.UTF_8);
		}

	}

}
