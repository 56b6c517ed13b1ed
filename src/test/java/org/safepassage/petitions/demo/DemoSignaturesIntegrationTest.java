package org.safepassage.petitions.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.PetitionDirectory;
import org.safepassage.petitions.signing.SignatureCounts;
import org.springframework.beans.factory.annotation.Autowired;

class DemoSignaturesIntegrationTest extends IntegrationTest {

	@Autowired
	PetitionDirectory petitions;

	@Autowired
	SignatureCounts counts;

	@Autowired
	DemoSignatures demo;

	@Test
	void theDemoPetitionHasMadeUpSignaturesInSeveralScriptsOnceAndCountsThem() throws Exception {
		long id = this.petitions.demoCampaign().orElseThrow().id();
		List<String> names = this.jdbc
			.sql("select name from signature where petition_id = ? and email like 'demo-signer-%'")
			.param(id)
			.query(String.class)
			.list();
		assertThat(names).hasSize(DemoSignatures.SIGNERS.size()).contains("김민준", "陳美玲", "王芳", "Ольга Иванова");
		assertThat(
				this.jdbc.sql("select count(*) from signature where petition_id = ? and email not like '%@example.org'")
					.param(id)
					.query(Long.class)
					.single())
			.isZero();

		this.demo.run(null);
		assertThat(this.jdbc.sql("select count(*) from signature where petition_id = ? and email like 'demo-signer-%'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(DemoSignatures.SIGNERS.size());
		await().atMost(Duration.ofSeconds(5)).until(() -> this.counts.of(id).total() >= DemoSignatures.SIGNERS.size());
	}

}
