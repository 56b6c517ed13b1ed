package org.safepassage.petitions.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.safepassage.MailParts;
import org.safepassage.alerts.AlertMailbox;
import org.safepassage.petitions.domain.Delivery;
import org.safepassage.petitions.domain.PetitionAdministration;
import org.safepassage.petitions.domain.Petitions;
import org.safepassage.petitions.removal.SignatureRemoval;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The fraud tools of issue 13 through the staff pages: where signatures come from, and
 * bulk invalidation and restore with the public count following.
 */
class FraudToolsIntegrationTest extends FraudTestSupport {

	@Test
	void statsGroupTheLastHourAndHighlightGroupsAboveTheShare() throws Exception {
		long id = Petitions.openPetition(repository, "Watched");
		seed(id, 30, "bot", "198.51.100", "spam.example", "GB", true);
		seed(id, 6, "a", "203.0.113", "example.org", "KR", true);
		seed(id, 4, "b", "192.0.2", "example.net", "US", false);
		clock.advance(Duration.ofHours(2));
		seed(id, 5, "late", "100.64.0", "example.com", "FR", true);

		SignatureWatch.Stats hour = watch.stats(id, SignatureWatch.Window.HOUR);
		assertThat(hour.total()).isEqualTo(5);
		assertThat(hour.blocks()).singleElement()
			.satisfies(g -> assertThat(g.highlighted()).as("below the minimum of 10").isFalse());

		SignatureWatch.Stats day = watch.stats(id, SignatureWatch.Window.DAY);
		assertThat(day.total()).isEqualTo(45);
		assertThat(day.blocks()).extracting(SignatureWatch.Group::value)
			.startsWith("198.51.100.0/24", "203.0.113.0/24");
		assertThat(day.blocks().get(0).signatures()).isEqualTo(30);
		assertThat(day.blocks().get(0).highlighted()).isTrue();
		assertThat(day.blocks().get(1).highlighted()).as("6 of 45 is under 20%").isFalse();
		assertThat(day.domains().get(0).value()).isEqualTo("spam.example");
		assertThat(day.domains().get(0).highlighted()).isTrue();
		assertThat(day.countries().get(0).value()).isEqualTo("GB");
		assertThat(watch.suspects(id, day, 0).total()).isEqualTo(30);

		// The page says it in words, and lists the suspect signatures masked, 50 a page.
		mvc.perform(get("/admin/petitions/{id}/fraud", id).param("window", "day").with(CAMPAIGNER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Above 20%")))
			.andExpect(content().string(containsString("b***@spam.example")))
			.andExpect(content().string(containsString("Address block 198.51.100.0/24 is highlighted")))
			.andExpect(content().string(not(containsString("bot1@spam.example"))));

		// A higher share for this petition: GB (30 of 45, 67%) stays, the rest goes.
		mvc.perform(post("/admin/petitions/{id}/fraud/highlight", id).with(MODERATOR).with(csrf()).param("share", "70"))
			.andExpect(flash().attribute("done", true));
		SignatureWatch.Stats higher = watch.stats(id, SignatureWatch.Window.DAY);
		assertThat(higher.highlightShare()).isEqualTo(70);
		assertThat(higher.blocks()).noneMatch(SignatureWatch.Group::highlighted);
		mvc.perform(post("/admin/petitions/{id}/fraud/highlight", id).with(MODERATOR).with(csrf()).param("share", "0"))
			.andExpect(flash().attribute("ruleError", "fraud.invalid.share"));
	}

	@Autowired
	SignatureRemoval removal;

	@Test
	void previewCountsWhatTheActionInvalidatesAndTheCountFollowsBothWays() throws Exception {
		long id = Petitions.openPetition(repository, "Invalidate");
		seed(id, 40, "bot", "198.51.100", "spam.example", "GB", true);
		seed(id, 10, "wait", "198.51.100", "spam.example", "GB", false);
		seed(id, 25, "real", "203.0.113", "example.org", "KR", true);
		awaitPublicCount(id, 65);

		MvcResult preview = mvc
			.perform(post("/admin/petitions/{id}/fraud/preview", id).with(MODERATOR)
				.with(csrf())
				.param("range", "198.51.100.7/24")
				.param("domain", "SPAM.example"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("50 signatures match; 40 of them count now.")))
			.andReturn();
		BulkInvalidation.Preview shown = (BulkInvalidation.Preview) preview.getModelAndView().getModel().get("preview");
		assertThat(shown.sample()).hasSize(20).allMatch(s -> s.maskedEmail().endsWith("***@spam.example"));

		MockHttpServletRequestBuilder invalidate = post("/admin/petitions/{id}/fraud/invalidate", id).with(MODERATOR)
			.with(csrf())
			.param("range", "198.51.100.7/24")
			.param("domain", "SPAM.example");
		mvc.perform(invalidate)
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Please give a reason.")));
		MvcResult done = mvc.perform(invalidate.param("reason", "One bot, one range"))
			.andExpect(redirectedUrl("/admin/petitions/" + id + "/fraud"))
			.andReturn();
		BulkInvalidation.Result result = (BulkInvalidation.Result) done.getFlashMap().get("invalidated");
		assertThat(result.signatures()).isEqualTo(shown.signatures()).isEqualTo(50);
		assertThat(result.counting()).isEqualTo(shown.counting()).isEqualTo(40);
		awaitPublicCount(id, 25);
		assertThat(audited("signatures.invalidated",
				"petition=" + id + " batch=" + result.batch() + " range=198.51.100.0/24 domain=spam.example%"))
			.isEqualTo(1);
		assertThat(jdbc.sql("select outcome from staff_audit where action = 'signatures.invalidated' and record like ?")
			.param("petition=" + id + " %")
			.query(String.class)
			.single()).isEqualTo("50 invalidated, 40 stopped counting");

		// The same criteria again, or wider ones, never subtract a signature twice.
		mvc.perform(post("/admin/petitions/{id}/fraud/preview", id).with(MODERATOR)
			.with(csrf())
			.param("range", "198.51.100.0/24")).andExpect(content().string(containsString("No signature matches")));
		BulkInvalidation.Result wider = (BulkInvalidation.Result) mvc
			.perform(post("/admin/petitions/{id}/fraud/invalidate", id).with(MODERATOR)
				.with(csrf())
				.param("country", "gb")
				.param("reason", "Everything from GB"))
			.andReturn()
			.getFlashMap()
			.get("invalidated");
		assertThat(wider.signatures()).isZero();
		BulkInvalidation.Result kr = (BulkInvalidation.Result) mvc
			.perform(post("/admin/petitions/{id}/fraud/invalidate", id).with(MODERATOR)
				.with(csrf())
				.param("address", "203.0.113.5")
				.param("reason", "One address"))
			.andReturn()
			.getFlashMap()
			.get("invalidated");
		assertThat(kr.signatures()).isEqualTo(1);
		assertThat(audited("signatures.invalidated", "petition=" + id + " % address=one in 203.0.113.0/24"))
			.isEqualTo(1);
		awaitPublicCount(id, 24);
		assertThat(trueCount(id)).isEqualTo(24);

		// A signer in the batch asks to be removed meanwhile: they stay erased and
		// uncounted.
		long removed = jdbc.sql("select min(id) from signature where invalidation_id = ? and confirmed_at is not null")
			.param(result.batch())
			.query(Long.class)
			.single();
		assertThat(removal.removeByStaff(removed, "asked by e-mail", "moderator@example.org")).isTrue();

		// Restoring the first batch is one action; its signatures count again, once.
		mvc.perform(post("/admin/petitions/{id}/fraud/batches/{batch}/restore", id, result.batch()).with(MODERATOR)
			.with(csrf())).andExpect(flash().attribute("done", true));
		awaitPublicCount(id, 63);
		mvc.perform(post("/admin/petitions/{id}/fraud/batches/{batch}/restore", id, result.batch()).with(MODERATOR)
			.with(csrf())).andExpect(flash().attribute("ruleError", "fraud.rule.restoreOnce"));
		awaitPublicCount(id, 63);
		assertThat(trueCount(id)).isEqualTo(63);
		assertThat(jdbc.sql("select removed_at is not null and invalidated_at is not null from signature where id = ?")
			.param(removed)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(audited("signatures.restored", "petition=" + id + " batch=" + result.batch())).isEqualTo(1);
		mvc.perform(get("/admin/petitions/{id}/fraud", id).with(CAMPAIGNER))
			.andExpect(content().string(containsString("One bot, one range")))
			.andExpect(content().string(containsString("range=198.51.100.0/24 domain=spam.example")));
	}

	@Test
	void aSignatureInvalidatedBeforeItsConfirmationNeverCounts() throws Exception {
		long id = Petitions.openPetition(repository, "Early");
		mvc.perform(post("/petitions/{id}/signatures", id).with(csrf())
			.param("name", "Early Bird")
			.param("email", "early@example.org")
			.param("country", "GB")).andExpect(redirectedUrl("/petitions/" + id + "/check-your-email"));
		mvc.perform(post("/admin/petitions/{id}/fraud/invalidate", id).with(MODERATOR)
			.with(csrf())
			.param("email", "Early@Example.org")
			.param("reason", "Test")).andExpect(status().is3xxRedirection());
		// The criteria are kept for good, so a signer's email is kept masked.
		assertThat(audited("signatures.invalidated", "petition=" + id + " % email=e***@example.org")).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from staff_audit where record like '%early@%'").query(Long.class).single())
			.isZero();
		String text = MailParts.text(AlertMailbox.await(MAIL, "early@example.org", 1));
		Matcher link = Pattern.compile("confirm\\?token=([A-Za-z0-9_-]{32})").matcher(text);
		assertThat(link.find()).isTrue();
		mvc.perform(post("/signatures/confirm").with(csrf()).param("token", link.group(1)))
			.andExpect(redirectedUrl("/petitions/" + id + "?confirmed"));
		assertThat(jdbc.sql("select count(*) from signature_count_pending where petition_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		awaitPublicCount(id, 0);
	}

	@Test
	void theCountOfADeliveredPetitionNoLongerChanges(@Autowired PetitionAdministration administration)
			throws Exception {
		long id = Petitions.openPetition(repository, "Delivered");
		seed(id, 5, "d", "198.51.100", "example.org", "GB", true);
		BulkInvalidation.Result batch = (BulkInvalidation.Result) mvc
			.perform(post("/admin/petitions/{id}/fraud/invalidate", id).with(MODERATOR)
				.with(csrf())
				.param("address", "198.51.100.2")
				.param("reason", "Before delivery"))
			.andReturn()
			.getFlashMap()
			.get("invalidated");
		administration.close(id);
		administration.deliver(id, new Delivery(LocalDate.now(clock), "The duty officer", "Embassy",
				Delivery.Method.IN_PERSON, "Handed in"));
		mvc.perform(post("/admin/petitions/{id}/fraud/invalidate", id).with(MODERATOR)
			.with(csrf())
			.param("country", "GB")
			.param("reason", "After delivery")).andExpect(flash().attribute("ruleError", "fraud.rule.countFixed"));
		mvc.perform(post("/admin/petitions/{id}/fraud/batches/{batch}/restore", id, batch.batch()).with(MODERATOR)
			.with(csrf())).andExpect(flash().attribute("ruleError", "fraud.rule.countFixed"));
		awaitPublicCount(id, 4);
		assertThat(trueCount(id)).isEqualTo(4);
	}

	@Test
	void invalidationNeedsACriterionAndValidValuesKeptOnTheForm() throws Exception {
		long id = Petitions.openPetition(repository, "Bad input");
		mvc.perform(post("/admin/petitions/{id}/fraud/preview", id).with(MODERATOR).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Fill in at least one of these fields.")));
		mvc.perform(post("/admin/petitions/{id}/fraud/preview", id).with(MODERATOR)
			.with(csrf())
			.param("range", "<b>10.0.0.0/99</b>")
			.param("from", "2026-12-02T10:00")
			.param("until", "2026-12-01T10:00"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Please enter an address range like")))
			.andExpect(content().string(containsString("&lt;b&gt;10.0.0.0/99&lt;/b&gt;")))
			.andExpect(content().string(containsString("This must be after the start.")));
	}

}
