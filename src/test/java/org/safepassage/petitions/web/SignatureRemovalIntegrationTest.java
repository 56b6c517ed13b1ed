package org.safepassage.petitions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A signer removes their signature from the link in a mail they received; staff do the
 * same on request. The count follows, the personal data is gone, the audit log names the
 * signature and never the address.
 */
class SignatureRemovalIntegrationTest extends IntegrationTest {

	static final Pattern CONFIRM_LINK = Pattern.compile("/signatures/confirm\\?token=([A-Za-z0-9_-]{32})");

	static final Pattern REMOVE_LINK = Pattern.compile("http://\\S+/signatures/remove\\?token=([A-Za-z0-9_-]{32})");

	static final RequestPostProcessor MODERATOR = user("moderator@example.org").roles("MODERATOR");

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository repository;

	MimeMessage awaitMail(String address, int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address).size() >= count);
		return mailsTo(address).get(count - 1);
	}

	static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	static String token(Pattern link, MimeMessage mail) throws Exception {
		Matcher matcher = link.matcher(MailParts.text(mail));
		assertThat(matcher.find()).as("link " + link + " in the mail").isTrue();
		return matcher.group(1);
	}

	long publicCount(long petitionId) throws Exception {
		String json = mvc.perform(get("/api/petitions/{id}/count", petitionId))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Long.parseLong(json.replaceAll(".*\"signatureCount\":(\\d+).*", "$1"));
	}

	/**
	 * Signs and confirms through the pages and mails, as a supporter does; waits until it
	 * counts.
	 */
	MimeMessage signAndConfirm(long petitionId, String name, String email, long countAfter) throws Exception {
		mvc.perform(post("/petitions/{id}/signatures", petitionId).with(csrf())
			.param("name", name)
			.param("email", email)
			.param("country", "KR")
			.param("postcode", "04524")
			.param("keepUpdated", "true")).andExpect(status().is3xxRedirection());
		MimeMessage confirmation = awaitMail(email, 1);
		mvc.perform(post("/signatures/confirm").with(csrf()).param("token", token(CONFIRM_LINK, confirmation)))
			.andExpect(redirectedUrl("/petitions/" + petitionId + "?confirmed"));
		await().atMost(Duration.ofSeconds(5)).until(() -> publicCount(petitionId) == countAfter);
		return confirmation;
	}

	@Test
	void aSignerRemovesTheirSignatureFromTheLinkInTheirConfirmationMail() throws Exception {
		long id = Petitions.openPetition(repository, "Removable signatures");
		signAndConfirm(id, "이서연", "seoyeon@example.org", 1);
		MimeMessage confirmation = signAndConfirm(id, "Kim Jiho", "jiho@example.org", 2);
		String token = token(REMOVE_LINK, confirmation);
		assertThat(MailParts.html(confirmation)).contains("/signatures/remove?token=" + token);

		// Opening the link (or a mail scanner doing so) only asks.
		mvc.perform(get("/signatures/remove").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Remove my signature")))
			.andExpect(content().string(containsString("Removable signatures")));
		assertThat(jdbc.sql("select removed_at is null from signature where email = 'jiho@example.org'")
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(publicCount(id)).isEqualTo(2);

		mvc.perform(post("/signatures/remove").with(csrf()).param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your signature has been removed")));
		await().atMost(Duration.ofSeconds(3)).until(() -> publicCount(id) == 1);

		Map<String, Object> removed = jdbc
			.sql("select * from signature where petition_id = ? and removed_at is not null")
			.param(id)
			.query()
			.singleRow();
		assertThat(removed).containsEntry("name", "")
			.containsEntry("email", "")
			.containsEntry("postcode", null)
			.containsEntry("ip", null)
			.containsEntry("keep_updated", false)
			.containsEntry("removed_by", "signer")
			.containsEntry("country", "KR");
		assertThat(removed.get("confirmed_at")).isNotNull();
		assertThat(jdbc.sql("select count(*) from signature where email like '%jiho%' or name like '%Jiho%'")
			.query(Long.class)
			.single()).isZero();

		// A second use says so, and changes nothing.
		mvc.perform(post("/signatures/remove").with(csrf()).param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("already removed")));
		mvc.perform(get("/signatures/remove").param("token", token))
			.andExpect(content().string(containsString("already removed")));
		mvc.perform(get("/signatures/remove").param("token", "x".repeat(32))).andExpect(status().isNotFound());

		// The recount agrees: a removed signature never counts again.
		assertThat(jdbc.sql("""
				select count(*) from signature where petition_id = ? and confirmed_at is not null and not flagged
				and invalidated_at is null""").param(id).query(Long.class).single()).isEqualTo(1);

		long signatureId = (Long) removed.get("id");
		List<Map<String, Object>> audit = jdbc.sql("select * from staff_audit where record like ?")
			.param("signature=" + signatureId + " %")
			.query()
			.listOfRows();
		assertThat(audit).hasSize(1);
		assertThat(audit.getFirst()).containsEntry("action", "remove signature by its signer");
		assertThat(jdbc.sql("select count(*) from staff_audit where record like '%jiho%' or outcome like '%jiho%'")
			.query(Long.class)
			.single()).isZero();

		// The same person may sign again.
		mvc.perform(post("/petitions/{id}/signatures", id).with(csrf())
			.param("name", "Kim Jiho")
			.param("email", "jiho@example.org")
			.param("country", "KR")
			.param("postcode", "")
			.param("keepUpdated", "false")).andExpect(status().is3xxRedirection());
		MimeMessage again = awaitMail("jiho@example.org", 2);
		assertThat(again.getSubject()).startsWith("Please confirm your signature");
	}

	@Test
	void theAlreadySignedMailCarriesAWorkingRemovalLinkToo() throws Exception {
		long id = Petitions.openPetition(repository, "Signed twice");
		signAndConfirm(id, "Park Minho", "minho@example.org", 1);
		mvc.perform(post("/petitions/{id}/signatures", id).with(csrf())
			.param("name", "Park Minho")
			.param("email", "minho@example.org")
			.param("country", "KR")
			.param("postcode", "")
			.param("keepUpdated", "false")).andExpect(status().is3xxRedirection());
		MimeMessage already = awaitMail("minho@example.org", 2);
		assertThat(already.getSubject()).startsWith("You have already signed");
		mvc.perform(post("/signatures/remove").with(csrf()).param("token", token(REMOVE_LINK, already)))
			.andExpect(content().string(containsString("Your signature has been removed")));
		await().atMost(Duration.ofSeconds(3)).until(() -> publicCount(id) == 0);
	}

	@Test
	void staffRemoveASignatureOnRequestAndTheAuditLogNamesItById() throws Exception {
		long id = Petitions.openPetition(repository, "Removed on request");
		signAndConfirm(id, "Choi Yuna", "Yuna.Choi@example.org", 1);
		long signatureId = jdbc.sql("select id from signature where petition_id = ?")
			.param(id)
			.query(Long.class)
			.single();

		mvc.perform(get("/admin/signatures").with(user("campaigner@example.org").roles("CAMPAIGNER")))
			.andExpect(status().isForbidden());
		mvc.perform(
				post("/admin/signatures/lookup").with(MODERATOR).with(csrf()).param("email", "yuna.choi@EXAMPLE.org"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Removed on request")))
			.andExpect(content().string(containsString("/admin/signatures/" + signatureId + "/remove")));

		mvc.perform(post("/admin/signatures/{sid}/remove", signatureId).with(MODERATOR)
			.with(csrf())
			.param("email", "yuna.choi@example.org")
			.param("reason", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Please say why")));
		assertThat(publicCount(id)).isEqualTo(1);

		mvc.perform(post("/admin/signatures/{sid}/remove", signatureId).with(MODERATOR)
			.with(csrf())
			.param("email", "yuna.choi@example.org")
			.param("reason", "Asked by phone on 3 March")).andExpect(flash().attribute("done", true));
		await().atMost(Duration.ofSeconds(3)).until(() -> publicCount(id) == 0);
		assertThat(jdbc.sql("select removed_by || ': ' || removed_reason from signature where id = ?")
			.param(signatureId)
			.query(String.class)
			.single()).isEqualTo("staff: Asked by phone on 3 March");

		List<Map<String, Object>> audit = jdbc.sql("select * from staff_audit where record like ? or record like ?")
			.param("signature=" + signatureId)
			.param("signatureId=" + signatureId)
			.query()
			.listOfRows();
		assertThat(audit).extracting(r -> r.get("actor")).containsOnly("moderator@example.org");
		assertThat(audit).extracting(r -> r.get("action"))
			.contains("remove signature on request", "POST /admin/signatures/{signatureId}/remove");
		assertThat(
				jdbc.sql("select count(*) from staff_audit where lower(concat(action, record, outcome)) like '%yuna%'")
					.query(Long.class)
					.single())
			.isZero();

		// The mailed link now says it was removed.
		String token = token(REMOVE_LINK, awaitMail("Yuna.Choi@example.org", 1));
		mvc.perform(get("/signatures/remove").param("token", token))
			.andExpect(content().string(containsString("already removed")));
		mvc.perform(
				post("/admin/signatures/lookup").with(MODERATOR).with(csrf()).param("email", "yuna.choi@example.org"))
			.andExpect(content().string(containsString("No signature has this email address.")));
	}

}
