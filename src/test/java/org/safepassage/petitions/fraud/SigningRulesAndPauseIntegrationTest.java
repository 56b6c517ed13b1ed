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

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.safepassage.MailParts;
import org.safepassage.alerts.AlertMailbox;
import org.safepassage.petitions.domain.Petitions;

/**
 * Staff's allow and block lists on the signing path, the switch that stops a petition
 * collecting, and who may use the fraud tools.
 */
class SigningRulesAndPauseIntegrationTest extends FraudTestSupport {

	@Test
	void theBlockListRefusesWithoutSayingWhyAndTheAllowListSkipsTheLimits() throws Exception {
		long id = Petitions.openPetition(repository, "Lists");
		mvc.perform(post("/admin/petitions/rules").with(MODERATOR)
			.with(csrf())
			.param("kind", "BLOCK")
			.param("subject", "RANGE")
			.param("value", "198.18.5.9/24")
			.param("note", "A bot farm")).andExpect(redirectedUrl("/admin/petitions/rules"));
		mvc.perform(post("/admin/petitions/rules").with(MODERATOR)
			.with(csrf())
			.param("kind", "BLOCK")
			.param("subject", "DOMAIN")
			.param("value", "blocked.example")).andExpect(redirectedUrl("/admin/petitions/rules"));
		mvc.perform(post("/admin/petitions/rules").with(MODERATOR)
			.with(csrf())
			.param("kind", "ALLOW")
			.param("subject", "RANGE")
			.param("value", "198.18.7.0/24")
			.param("note", "University")).andExpect(redirectedUrl("/admin/petitions/rules"));
		mvc.perform(post("/admin/petitions/rules").with(MODERATOR)
			.with(csrf())
			.param("kind", "ALLOW")
			.param("subject", "RANGE")
			.param("value", "198.18.5.0/24"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("already on a list")));
		mvc.perform(get("/admin/petitions/rules").with(MODERATOR))
			.andExpect(content().string(containsString("198.18.5.0/24")))
			.andExpect(content().string(containsString("A bot farm")));

		mvc.perform(signFrom(id, "198.18.5.77", "farm@example.org"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("We could not accept this signature.")))
			.andExpect(content().string(not(containsString("198.18"))))
			.andExpect(content().string(containsString("farm@example.org")));
		mvc.perform(signFrom(id, "198.51.100.77", "someone@mail.blocked.example")).andExpect(status().isForbidden());
		assertThat(
				jdbc.sql("select count(*) from signature where petition_id = ?").param(id).query(Long.class).single())
			.isZero();
		assertThat(audited("signature.refused", "% RANGE 198.18.5.0/24 petition=" + id)).isEqualTo(1);
		assertThat(audited("signature.refused", "% DOMAIN blocked.example petition=" + id)).isEqualTo(1);
		assertThat(audited("signing-rule.added", "BLOCK RANGE 198.18.5.0/24")).isEqualTo(1);

		for (int i = 1; i <= 5; i++) {
			mvc.perform(signFrom(id, "198.18.7.20", "campus" + i + "@example.org"))
				.andExpect(redirectedUrl("/petitions/" + id + "/check-your-email"));
			mvc.perform(signFrom(id, "198.18.9.20", "cafe" + i + "@example.org"))
				.andExpect(redirectedUrl("/petitions/" + id + "/check-your-email"));
		}
		assertThat(jdbc.sql("select count(*) from signature where petition_id = ? and flagged and email like 'campus%'")
			.param(id)
			.query(Long.class)
			.single()).as("allow-listed").isZero();
		assertThat(jdbc.sql("select count(*) from signature where petition_id = ? and flagged and email like 'cafe%'")
			.param(id)
			.query(Long.class)
			.single()).as("limited as usual").isEqualTo(2);

		// Removing a rule applies at once on this instance.
		for (SigningRules.Rule rule : rulesOn("198.18.", "blocked.example")) {
			mvc.perform(post("/admin/petitions/rules/{rule}/delete", rule.id()).with(MODERATOR).with(csrf()))
				.andExpect(flash().attribute("done", true));
		}
		mvc.perform(signFrom(id, "198.18.5.77", "farm@example.org"))
			.andExpect(redirectedUrl("/petitions/" + id + "/check-your-email"));
	}

	@Test
	void stoppingCollectionHidesTheFormRefusesSigningAndConfirmingAndIsReversible() throws Exception {
		long id = Petitions.openPetition(repository, "Paused");
		mvc.perform(signFrom(id, "198.51.100.1", "before@example.org"))
			.andExpect(redirectedUrl("/petitions/" + id + "/check-your-email"));
		mvc.perform(post("/admin/petitions/{id}/pause", id).with(CAMPAIGNER).with(csrf()))
			.andExpect(flash().attribute("done", true));
		mvc.perform(get("/petitions/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Signing this petition is paused")))
			.andExpect(content().string(not(containsString("id=\"sign\""))));
		mvc.perform(signFrom(id, "198.51.100.2", "during@example.org"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Signing this petition is paused")));
		String text = MailParts.text(AlertMailbox.await(MAIL, "before@example.org", 1));
		Matcher link = Pattern.compile("confirm\\?token=([A-Za-z0-9_-]{32})").matcher(text);
		assertThat(link.find()).isTrue();
		mvc.perform(post("/signatures/confirm").with(csrf()).param("token", link.group(1)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Signing is paused for a while")));
		mvc.perform(post("/admin/petitions/{id}/pause", id).with(CAMPAIGNER).with(csrf()))
			.andExpect(flash().attribute("ruleError", "petition.rule.alreadyPaused"));
		assertThat(audited("POST /admin/petitions/{id}/pause", "id=" + id)).isEqualTo(2);

		mvc.perform(post("/admin/petitions/{id}/resume", id).with(CAMPAIGNER).with(csrf()))
			.andExpect(flash().attribute("done", true));
		mvc.perform(post("/signatures/confirm").with(csrf()).param("token", link.group(1)))
			.andExpect(redirectedUrl("/petitions/" + id + "?confirmed"));
		mvc.perform(signFrom(id, "198.51.100.2", "during@example.org"))
			.andExpect(redirectedUrl("/petitions/" + id + "/check-your-email"));
		awaitPublicCount(id, 1);
	}

	@Test
	void onlyPetitionStaffSeeTheToolsAndOnlyModeratorsChangeSignatures() throws Exception {
		long id = Petitions.openPetition(repository, "Roles");
		seed(id, 3, "x", "198.51.100", "example.org", "GB", true);
		mvc.perform(get("/admin/petitions/{id}/fraud", id).with(RESEARCHER)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/petitions/{id}/fraud", id)).andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/petitions/{id}/fraud/invalidate", id).with(CAMPAIGNER)
			.with(csrf())
			.param("country", "GB")
			.param("reason", "No")).andExpect(status().isForbidden());
		mvc.perform(
				post("/admin/petitions/{id}/fraud/preview", id).with(CAMPAIGNER).with(csrf()).param("country", "GB"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/petitions/{id}/pause", id).with(RESEARCHER).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/petitions/rules").with(CAMPAIGNER)).andExpect(status().isForbidden());
		mvc.perform(post("/admin/petitions/rules").with(CAMPAIGNER)
			.with(csrf())
			.param("kind", "BLOCK")
			.param("subject", "DOMAIN")
			.param("value", "example.org")).andExpect(status().isForbidden());
		assertThat(trueCount(id)).isEqualTo(3);
		assertThat(rules.list()).noneMatch(r -> r.value().equals("example.org"));
	}

}
