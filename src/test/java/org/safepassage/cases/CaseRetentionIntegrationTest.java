package org.safepassage.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.safepassage.cases.CaseFixtures.CASEWORKER;
import static org.safepassage.cases.CaseFixtures.SECOND_CASEWORKER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.cases.domain.CaseContent;
import org.safepassage.cases.domain.CaseField;
import org.safepassage.cases.domain.Situation;
import org.safepassage.cases.store.CaseFiles;
import org.safepassage.cases.store.CaseRetentions;
import org.safepassage.system.sealing.Sealing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A case no longer at risk falls due for review after the period; keeping it starts the
 * period again (audited); the daily job erases what nobody reviewed a grace period later
 * by destroying the case's key, emptying the sealed columns and deleting the attachments,
 * once, even with two instances running it; the approved public page stays.
 */
class CaseRetentionIntegrationTest extends IntegrationTest {

	static final String REAL_NAME = "Oskarine Vandelbrook";

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFiles files;

	@Autowired
	CaseRetentions retentions;

	@Autowired
	Sealing sealing;

	@Test
	void aSafeCaseFallsDueAfterThePeriodAndKeepingItMovesTheDateWithAReasonInTheAudit() throws Exception {
		long id = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Ms S.", REAL_NAME, "situation", "SAFE"));
		String number = this.files.find(id).number();

		advanceMonths(24, -1);
		assertThat(this.retentions.due(this.files.find(id))).isEmpty();
		this.clock.advance(Duration.ofDays(2));
		assertThat(this.retentions.due(this.files.find(id))).isPresent();
		this.mvc.perform(get("/admin/cases/review").with(CASEWORKER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("The person is safe")));
		this.mvc.perform(get("/admin/cases/{id}", id).with(CASEWORKER))
			.andExpect(content().string(containsString("This file is due for review")));
		this.mvc.perform(get("/ko/admin/cases/review").with(CASEWORKER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("검토할 사건 파일")))
			.andExpect(content().string(containsString("당사자가 안전하며")));
		this.mvc.perform(get("/zh-Hant/admin/cases/review").with(CASEWORKER))
			.andExpect(content().string(containsString("待審查的個案檔案")));

		// Without a reason nothing is kept, and the page says why.
		this.mvc
			.perform(post("/admin/cases/{id}/retention/keep", id).with(CASEWORKER).with(csrf()).param("reason", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Please give a reason of 10 to 500 characters")));
		assertThat(this.retentions.due(this.files.find(id))).isPresent();

		String reason = "Her asylum hearing is still pending, we may need the contacts";
		this.mvc
			.perform(post("/admin/cases/{id}/retention/keep", id).with(CASEWORKER).with(csrf()).param("reason", reason))
			.andExpect(redirectedUrl("/admin/cases/review"))
			.andExpect(flash().attribute("done", true));
		assertThat(this.retentions.due(this.files.find(id))).isEmpty();
		assertThat(this.files.find(id).retention().keptBy()).isEqualTo("caseworker@example.org");
		List<Map<String, Object>> kept = this.jdbc
			.sql("select actor, record, outcome from staff_audit where action = 'case.retention.kept' and record = :r")
			.param("r", "case:" + id + " " + number)
			.query()
			.listOfRows();
		assertThat(kept).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("actor", "caseworker@example.org")
				.containsEntry("outcome", reason));

		// Kept for another period: due again only once that period is over.
		advanceMonths(24, -1);
		assertThat(this.retentions.due(this.files.find(id))).isEmpty();
		this.clock.advance(Duration.ofDays(2));
		assertThat(this.retentions.due(this.files.find(id))).isPresent();
		// A case that is not due cannot be "kept".
		long fresh = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Ms F.", REAL_NAME, "situation", "SAFE"));
		this.mvc.perform(
				post("/admin/cases/{id}/retention/keep", fresh).with(CASEWORKER).with(csrf()).param("reason", reason))
			.andExpect(flash().attribute("ruleError", "cases.retention.notDue"));
	}

	@Test
	void aPersonDetainedOrAtRiskIsNeverDueEvenWithdrawnAndUntouchedForYears() throws Exception {
		long detained = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Mr D.", REAL_NAME));
		long atRisk = CaseFixtures.create(this.mvc,
				CaseFixtures.newCase("Ms R.", REAL_NAME, "situation", "AT_RISK_OF_RETURN"));
		CaseFixtures.publish(this.mvc, atRisk);
		this.mvc.perform(post("/admin/cases/{id}/withdraw", atRisk).with(CASEWORKER).with(csrf()));
		long atRiskKey = this.files.find(atRisk).dataKeyId();

		advanceMonths(120, 0);
		this.retentions.run();
		advanceMonths(12, 0);
		this.retentions.run();

		for (long id : List.of(detained, atRisk)) {
			assertThat(this.retentions.due(this.files.find(id))).isEmpty();
			assertThat(this.files.find(id).erased()).isFalse();
		}
		assertThat(this.sealing.unsealText(atRiskKey, sealed(atRisk, CaseField.REAL_NAME),
				CaseField.REAL_NAME.context(atRisk)))
			.isEqualTo(REAL_NAME);
	}

	@Test
	void aCaseDueButDetainedAgainBeforeTheGraceEndsIsNotErased() throws Exception {
		long id = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Ms G.", REAL_NAME, "situation", "SAFE"));
		advanceMonths(24, 1);
		this.retentions.run();
		assertThat(this.files.find(id).retention().dueSince()).isNotNull();

		var content = this.files.find(id).content();
		this.files.revise(id,
				new CaseContent(content.pseudonym(), content.ageBand(), content.gender(), Situation.DETAINED,
						content.situationSince(), content.lastHeardOn(), content.story(), content.storyTranslations(),
						content.links()));
		advanceMonths(36, 0);
		this.retentions.run();

		assertThat(this.files.find(id).erased()).isFalse();
		assertThat(this.files.find(id).retention().dueSince()).isNull();
		assertThat(sealed(id, CaseField.REAL_NAME)).isNotNull();
	}

	@Test
	void theJobErasesAnUnreviewedCaseAfterTheGracePeriodAndThePublicPageStays() throws Exception {
		long id = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Mr E.", REAL_NAME, "situation", "SAFE"));
		this.mvc.perform(
				multipart("/admin/cases/{id}/attachments", id)
					.file(new MockMultipartFile("file", "passport.txt", "text/plain",
							("Passport of " + REAL_NAME).getBytes(StandardCharsets.UTF_8)))
					.with(CASEWORKER)
					.with(csrf()));
		CaseFixtures.publish(this.mvc, id);
		String slug = CaseFixtures.slug(this.jdbc, id);
		this.mvc.perform(post("/admin/cases/{id}/exports", id).with(CASEWORKER)
			.with(csrf())
			.param("reason", "For the lawyer preparing the appeal"));
		long export = this.jdbc.sql("select id from case_export where case_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		this.mvc
			.perform(post("/admin/cases/{id}/exports/{e}/approve", id, export).with(SECOND_CASEWORKER).with(csrf()));
		long key = this.files.find(id).dataKeyId();
		byte[] sealedName = sealed(id, CaseField.REAL_NAME);

		advanceMonths(24, 1);
		this.retentions.run();
		Instant dueSince = this.files.find(id).retention().dueSince();
		assertThat(dueSince).isNotNull();
		advanceMonths(3, -1);
		this.retentions.run();
		assertThat(this.files.find(id).erased()).isFalse();

		this.clock.advance(Duration.ofDays(2));
		this.retentions.run();

		assertThat(this.files.find(id).erased()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from sealing_data_key where id = ?")
			.param(key)
			.query(Long.class)
			.single()).isZero();
		assertThatThrownBy(() -> this.sealing.unsealText(key, sealedName, CaseField.REAL_NAME.context(id)))
			.isInstanceOf(IllegalStateException.class);
		for (CaseField field : CaseField.protectedFields()) {
			assertThat(sealed(id, field)).as(field.column()).isNull();
		}
		assertThat(this.jdbc.sql("select data_key_id from case_file where id = ?")
			.param(id)
			.query((rs, n) -> rs.getObject(1))
			.list()
			.getFirst()).isNull();
		assertThat(this.jdbc.sql("select count(*) from case_attachment where case_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		this.mvc.perform(get("/cases/{slug}", slug))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mr E.")));
		assertThat(this.jdbc
			.sql("select count(*) from staff_audit where action = 'case.protected.erased' and actor = 'retention job' "
					+ "and record like :r")
			.param("r", "case:" + id + " %")
			.query(Long.class)
			.single()).isOne();

		// An export approved before the erasure no longer downloads; nothing more can be
		// read or written.
		this.mvc.perform(post("/admin/cases/{id}/exports/{e}/download", id, export).with(CASEWORKER).with(csrf()))
			.andExpect(flash().attribute("ruleError", "cases.export.erased"));
		this.mvc
			.perform(post("/admin/cases/{id}/reveal", id).with(CASEWORKER)
				.with(csrf())
				.param("fields", "REAL_NAME")
				.param("reason", "Checking whether anything is left"))
			.andExpect(status().is4xxClientError());
		this.mvc.perform(get("/admin/cases/{id}", id).with(CASEWORKER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The protected part was erased")));
	}

	@Test
	void staffEraseAnUnpublishedCaseWithTheNumberTypedAgainAndOnlyNumberSituationAndDatesStay() throws Exception {
		long id = CaseFixtures.create(this.mvc, CaseFixtures.newCase("Ms U.", REAL_NAME, "situation", "SAFE"));
		String number = this.files.find(id).number();
		String reason = "She asked us to forget her details now that she is settled";
		this.mvc
			.perform(post("/admin/cases/{id}/retention/erase", id).with(CASEWORKER)
				.with(csrf())
				.param("reason", reason)
				.param("confirm", "C-0000-0000"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Type the case number exactly")))
			.andExpect(content().string(containsString(reason)));
		assertThat(this.files.find(id).erased()).isFalse();

		this.mvc
			.perform(post("/admin/cases/{id}/retention/erase", id).with(CASEWORKER)
				.with(csrf())
				.param("reason", reason)
				.param("confirm", number))
			.andExpect(redirectedUrl("/admin/cases/" + id));
		var file = this.files.find(id);
		assertThat(file.erased()).isTrue();
		assertThat(file.retention().erasedBy()).isEqualTo("caseworker@example.org");
		assertThat(file.content().pseudonym()).isEmpty();
		assertThat(file.content().story()).isEmpty();
		assertThat(file.content().situation().name()).isEqualTo("SAFE");
		assertThat(file.content().situationSince()).hasToString("2023-10-01");
		assertThat(
				this.jdbc.sql("select outcome from staff_audit where action = 'case.protected.erased' and record = ?")
					.param("case:" + id + " " + number)
					.query(String.class)
					.single())
			.isEqualTo(reason);
		this.mvc.perform(post("/admin/cases/{id}/request-publication", id).with(CASEWORKER).with(csrf()))
			.andExpect(flash().attribute("ruleError", "cases.retention.erasedNoChange"));
	}

	@Test
	void twoInstancesRunningTheJobAtOnceEraseEachCaseOnce() throws Exception {
		List<Long> ids = List.of(
				CaseFixtures.create(this.mvc, CaseFixtures.newCase("Mr A.", REAL_NAME, "situation", "SAFE")),
				CaseFixtures.create(this.mvc, CaseFixtures.newCase("Mr B.", REAL_NAME, "situation", "SAFE")),
				CaseFixtures.create(this.mvc, CaseFixtures.newCase("Mr C.", REAL_NAME, "situation", "SAFE")));
		advanceMonths(24, 1);
		this.retentions.run();
		advanceMonths(3, 1);

		CyclicBarrier start = new CyclicBarrier(2);
		List<CompletableFuture<CaseRetentions.Outcome>> runs = List.of(1, 2)
			.stream()
			.map(n -> CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return this.retentions.run();
			}))
			.toList();
		int erased = runs.stream().mapToInt(run -> run.join().erased()).sum();

		assertThat(erased).isGreaterThanOrEqualTo(ids.size());
		for (long id : ids) {
			assertThat(this.files.find(id).erased()).isTrue();
			assertThat(this.jdbc
				.sql("select count(*) from staff_audit where action = 'case.protected.erased' and record like :r")
				.param("r", "case:" + id + " %")
				.query(Long.class)
				.single()).isOne();
		}
		assertThat(this.retentions.run().erased()).isZero();
	}

	private byte[] sealed(long id, CaseField field) {
		return this.jdbc.sql("select " + field.column() + " from case_file where id = ?")
			.param(id)
			.query((rs, n) -> rs.getBytes(1))
			.list()
			.getFirst();
	}

	/** Moves the clock by calendar months (as the rule counts them) and some days. */
	private void advanceMonths(int months, int days) {
		Instant now = this.clock.instant();
		this.clock.advance(Duration.between(now, now.atZone(ZoneOffset.UTC).plusMonths(months).plusDays(days)));
	}

}
