package org.safepassage.system.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.IntegrationTest;
import org.safepassage.system.SafePassageProperties;
import org.springframework.beans.factory.annotation.Autowired;

class SealingIntegrationTest extends IntegrationTest {

	@Autowired
	Sealing sealing;

	@Autowired
	SafePassageProperties application;

	@TempDir
	Path elsewhere;

	@Test
	void sealedTextOpensOnlyUnderItsKeyAndContext() {
		long key = this.sealing.newDataKey();
		byte[] sealed = this.sealing.sealText(key, "Kim Sealed-Testname", "case 1 real_name");

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Sealed-Testname");
		assertThat(this.sealing.unsealText(key, sealed, "case 1 real_name")).isEqualTo("Kim Sealed-Testname");
		assertThatThrownBy(() -> this.sealing.unsealText(key, sealed, "case 2 real_name"))
			.isInstanceOf(IllegalStateException.class);
		long other = this.sealing.newDataKey();
		assertThatThrownBy(() -> this.sealing.unsealText(other, sealed, "case 1 real_name"))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void anotherKeyIsRefusedWithAClearMessage() {
		Path wrongKey = this.elsewhere.resolve("wrong.key");
		KeyEncryptionKey.create(wrongKey);

		assertThatThrownBy(() -> new Sealing(this.jdbc, this.clock,
				new SealingProperties(null, wrongKey, 10, Duration.ofMinutes(1), Duration.ofMinutes(1), 500),
				this.application))
			.isInstanceOf(SealingKeyRefused.class)
			.hasMessageContaining("not the key this database was sealed with");
	}

	@Test
	void noKeyAtAllIsRefusedOnceDataIsSealed() {
		this.sealing.newDataKey();
		Path missing = this.elsewhere.resolve("missing.key");

		assertThatThrownBy(() -> new Sealing(this.jdbc, this.clock,
				new SealingProperties(null, missing, 10, Duration.ofMinutes(1), Duration.ofMinutes(1), 500),
				this.application))
			.isInstanceOf(SealingKeyRefused.class)
			.hasMessageContaining("no sealing key");
		assertThat(Files.exists(missing)).isFalse();
	}

	@Test
	void aKeyFileInsideTheDataDirectoryIsRefusedBecauseBackupsWouldCarryIt() {
		Path inside = this.application.embeddedDb().dataDir().resolve("sealing.key");

		assertThatThrownBy(() -> new Sealing(this.jdbc, this.clock,
				new SealingProperties(null, inside, 10, Duration.ofMinutes(1), Duration.ofMinutes(1), 500),
				this.application))
			.isInstanceOf(SealingKeyRefused.class)
			.hasMessageContaining("inside the data directory");
		assertThat(Files.exists(inside)).isFalse();
	}

}
