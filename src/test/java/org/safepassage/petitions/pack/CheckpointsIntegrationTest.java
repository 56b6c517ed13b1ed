package org.safepassage.petitions.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A petition collecting signatures gets one checkpoint a day, each chained to the day
 * before; changing a past signature afterwards shows as the first checkpoint that no
 * longer matches.
 */
class CheckpointsIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository repository;

	@Autowired
	Checkpoints checkpoints;

	@Test
	void checkpointsChainDayByDayAndShowALaterChange() throws Exception {
		Instant opened = clock.instant();
		LocalDate day1 = LocalDate.ofInstant(opened, ZoneOffset.UTC);
		long petition = Petitions.openPetition(repository, "Checkpointed " + System.nanoTime(),
				opened.plus(Duration.ofDays(60)));
		long first = PackSignatures.sign(jdbc, petition, "김민준", "kim@example.org", "KR", opened);
		PackSignatures.sign(jdbc, petition, "Ana Silva", "ana@example.org", "BR", noon(day1.plusDays(1)));
		PackSignatures.sign(jdbc, petition, "王秀英", "wang@example.org", "CN", noon(day1.plusDays(1)).plusSeconds(5));
		PackSignatures.sign(jdbc, petition, "Late Signer", "late@example.org", "GB", noon(day1.plusDays(2)));

		// Before 00:15 UTC on the next day, nothing is due for today.
		clock.set(day1.plusDays(1).atTime(0, 10).toInstant(ZoneOffset.UTC));
		checkpoints.recordDue();
		assertThat(checkpoints.list(petition)).isEmpty();
		for (int d = 1; d <= 3; d++) {
			clock.set(day1.plusDays(d).atTime(0, 30).toInstant(ZoneOffset.UTC));
			checkpoints.recordDue();
			checkpoints.recordDue();
		}
		List<Checkpoint> recorded = checkpoints.list(petition);
		assertThat(recorded).extracting(Checkpoint::day).containsExactly(day1, day1.plusDays(1), day1.plusDays(2));
		assertThat(recorded).extracting(Checkpoint::signatures).containsExactly(1L, 3L, 4L);
		assertThat(recorded.get(0).digest()).isEqualTo(sha256("김민준\tKR\t" + day1 + "\n"));
		assertThat(recorded.get(1).digest()).isEqualTo(sha256(
				"김민준\tKR\t" + day1 + "\nAna Silva\tBR\t" + day1.plusDays(1) + "\n王秀英\tCN\t" + day1.plusDays(1) + "\n"));
		String previous = "0".repeat(64);
		for (Checkpoint c : recorded) {
			assertThat(c.chain())
				.isEqualTo(sha256(previous + "\t" + c.day() + "\t" + c.signatures() + "\t" + c.digest() + "\n"));
			previous = c.chain();
		}
		assertThat(checkpoints.check(petition).holds()).isTrue();

		mvc.perform(get("/petitions/{id}/checkpoints", petition))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(recorded.get(2).chain())));
		mvc.perform(get("/api/petitions/{id}/checkpoints", petition))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[1].signatures").value(3))
			.andExpect(jsonPath("$[1].digest").value(recorded.get(1).digest()));
		// The digest of a checkpoint is recognised on the verify page.
		mvc.perform(post("/petitions/{id}/verify", petition).param("digest", recorded.get(1).digest()))
			.andExpect(content().string(containsString("It matches the checkpoint of " + day1.plusDays(1))));

		var staff = user("campaigner@example.org").roles("CAMPAIGNER");
		mvc.perform(post("/admin/petitions/{id}/checkpoints/check", petition).with(staff).with(csrf()))
			.andExpect(flash().attribute("chain", checkpoints.check(petition)));

		// A name of the first day changed behind everyone's back: the first checkpoint no
		// longer matches.
		jdbc.sql("update signature set name = '김민수' where id = :id").param("id", first).update();
		Checkpoints.ChainCheck check = checkpoints.check(petition);
		assertThat(check.holds()).isFalse();
		assertThat(check.firstBroken()).isEqualTo(day1);
		assertThat(check.problem()).isEqualTo("pack.chain.listChanged");
		jdbc.sql("update signature set name = '김민준' where id = :id").param("id", first).update();
		assertThat(checkpoints.check(petition).holds()).isTrue();

		// A signature of the second day invalidated: the second checkpoint is the first
		// to
		// break, and the page says so.
		jdbc.sql("update signature set invalidated_at = now() where petition_id = :p and name = 'Ana Silva'")
			.param("p", petition)
			.update();
		check = checkpoints.check(petition);
		assertThat(check.firstBroken()).isEqualTo(day1.plusDays(1));
		assertThat(check.recordedCount()).isEqualTo(3);
		assertThat(check.countNow()).isEqualTo(2);
		String page = mvc.perform(post("/admin/petitions/{id}/checkpoints/check", petition).with(staff).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(page).isEqualTo("/admin/petitions/" + petition + "/pack");
		jdbc.sql("update signature set invalidated_at = null where petition_id = :p").param("p", petition).update();

		// A stored chain value altered: that link is reported.
		jdbc.sql("update signature_checkpoint set chain = :c where petition_id = :p and day = :d")
			.param("c", "f".repeat(64))
			.param("p", petition)
			.param("d", day1.plusDays(1))
			.update();
		check = checkpoints.check(petition);
		assertThat(check.firstBroken()).isEqualTo(day1.plusDays(1));
		assertThat(check.problem()).isEqualTo("pack.chain.linkBroken");
	}

	@Test
	void theStaffPageShowsTheBrokenCheckpoint() throws Exception {
		Instant opened = clock.instant();
		LocalDate day1 = LocalDate.ofInstant(opened, ZoneOffset.UTC);
		long petition = Petitions.openPetition(repository, "Checked by staff " + System.nanoTime(),
				opened.plus(Duration.ofDays(60)));
		long signature = PackSignatures.sign(jdbc, petition, "Ana Silva", "ana@example.org", "BR", opened);
		clock.set(day1.plusDays(1).atTime(1, 0).toInstant(ZoneOffset.UTC));
		checkpoints.recordDue();
		jdbc.sql("update signature set invalidated_at = now() where id = :id").param("id", signature).update();
		var staff = user("campaigner@example.org").roles("CAMPAIGNER");
		// The check's outcome travels in the session's flash to the pack page.
		MockHttpServletResponse checked = mvc
			.perform(post("/admin/petitions/{id}/checkpoints/check", petition).with(staff).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(checked.getCookies()).isNotEmpty();
		mvc.perform(get(checked.getRedirectedUrl()).with(staff).cookie(checked.getCookies()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The checkpoint of " + day1
					+ " no longer matches: it recorded 1 signatures, the signatures now give 0")));
	}

	private static Instant noon(LocalDate day) {
		return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
	}

	static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
