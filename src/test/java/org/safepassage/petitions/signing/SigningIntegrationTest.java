package org.safepassage.petitions.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.petitions.PetitionState;
import org.safepassage.petitions.domain.Petition;
import org.safepassage.petitions.domain.PetitionAdministration;
import org.safepassage.petitions.domain.PetitionContent;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Sign → mail over real SMTP → confirm → count, on the real database. */
class SigningIntegrationTest extends IntegrationTest {

	static final Pattern CONFIRM_LINK = Pattern.compile("http://\\S+/signatures/confirm\\?token=([A-Za-z0-9_-]{32})");

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository repository;

	@Autowired
	PetitionsProperties properties;

	MockHttpServletRequestBuilder sign(long petitionId, String name, String email, String country) {
		return post("/petitions/{id}/signatures", petitionId).with(csrf())
			.param("name", name)
			.param("email", email)
			.param("country", country)
			.param("postcode", "")
			.param("keepUpdated", "false");
	}

	MimeMessage awaitMailTo(String address, int count) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Arrays.stream(MAIL.getReceivedMessages())
				.filter(m -> GreenMailUtil.getAddressList(uncheck(m)).contains(address))
				.count() >= count);
		return Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> GreenMailUtil.getAddressList(uncheck(m)).contains(address))
			.reduce((a, b) -> b)
			.orElseThrow();
	}

	static Address[] uncheck(MimeMessage m) {
		try {
			return m.getAllRecipients();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static String confirmToken(MimeMessage message) throws Exception {
		Matcher matcher = CONFIRM_LINK.matcher(MailParts.text(message));
		assertThat(matcher.find()).as("confirmation link in mail").isTrue();
		return matcher.group(1);
	}

	/**
	 * Confirmations counted or queued to be counted: what the public count will reach.
	 */
	long countedOrQueued(long petitionId) {
		return jdbc.sql("""
				select (select coalesce(sum(delta), 0) from signature_count_pending where petition_id = :id)
				     + (select coalesce(sum(confirmed), 0) from signature_count where petition_id = :id)""")
			.param("id", petitionId)
			.query(Long.class)
			.single();
	}

	String confirmedAt(String email) {
		return jdbc.sql("select cast(confirmed_at as text) from signature where email = ?")
			.param(email)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	long publicCount(long petitionId) throws Exception {
		String json = mvc.perform(get("/api/petitions/{id}/count", petitionId))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Long.parseLong(json.replaceAll(".*\"signatureCount\":(\\d+).*", "$1"));
	}

	@Test
	void aSignatureCountsOnlyAfterItsConfirmationIsPosted() throws Exception {
		long id = Petitions.openPetition(repository, "Confirm flow");
		mvc.perform(sign(id, "김민준", "minjun@example.org", "KR"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/petitions/" + id + "/check-your-email"));

		MimeMessage mail = awaitMailTo("minjun@example.org", 1);
		assertThat(mail.getSubject()).contains("Confirm flow");
		assertThat(mail.getContentType()).startsWith("multipart/alternative");
		assertThat(MailParts.text(mail)).contains("Confirm flow");
		assertThat(MailParts.html(mail)).contains("<strong>Confirm flow</strong>");
		String token = confirmToken(mail);

		// A mail scanner fetching the link confirms nothing.
		mvc.perform(get("/signatures/confirm").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Confirm my signature")));
		assertThat(jdbc.sql("select confirmed_at is null from signature where email = 'minjun@example.org'")
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(countedOrQueued(id)).isZero();
		assertThat(publicCount(id)).isZero();

		mvc.perform(post("/signatures/confirm").with(csrf()).param("token", token))
			.andExpect(redirectedUrl("/petitions/" + id + "?confirmed"));
		long confirmedAt = System.nanoTime();
		await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> publicCount(id) == 1);
		assertThat(Duration.ofNanos(System.nanoTime() - confirmedAt)).isLessThan(Duration.ofSeconds(2));
		String firstConfirmation = confirmedAt("minjun@example.org");
		assertThat(firstConfirmation).isNotNull();

		mvc.perform(get("/api/petitions/{id}", id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.signatureCount").value(1))
			.andExpect(jsonPath("$.signaturesByCountry.KR").value(1))
			.andExpect(jsonPath("$.demands.length()").value(3))
			.andExpect(header().string("Cache-Control", Matchers.containsString("max-age=1")));

		// The link is single use: a second POST changes nothing and says it is already
		// confirmed.
		mvc.perform(post("/signatures/confirm").with(csrf()).param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("already confirmed")));
		assertThat(confirmedAt("minjun@example.org")).isEqualTo(firstConfirmation);
		assertThat(countedOrQueued(id)).isEqualTo(1);
		assertThat(publicCount(id)).isEqualTo(1);
	}

	@Test
	void signingAgainRevealsNothingAndMailsTheAddressAtMostThreeTimes() throws Exception {
		long id = Petitions.openPetition(repository, "Duplicates");
		mvc.perform(sign(id, "Ann", "ann.lee@gmail.com", "GB"))
			.andExpect(redirectedUrl("/petitions/" + id + "/check-your-email"));
		String token = confirmToken(awaitMailTo("ann.lee@gmail.com", 1));
		mvc.perform(post("/signatures/confirm").with(csrf()).param("token", token))
			.andExpect(status().is3xxRedirection());

		// Same mailbox, written differently: same answer as a first signature.
		mvc.perform(sign(id, "Ann", "AnnLee+again@googlemail.com", "GB"))
			.andExpect(redirectedUrl("/petitions/" + id + "/check-your-email"));
		MimeMessage already = awaitMailTo("ann.lee@gmail.com", 2);
		assertThat(already.getSubject()).startsWith("You have already signed");

		mvc.perform(sign(id, "Ann", "ann.lee@gmail.com", "GB"))
			.andExpect(redirectedUrl("/petitions/" + id + "/check-your-email"));
		mvc.perform(sign(id, "Ann", "ann.lee@gmail.com", "GB"))
			.andExpect(redirectedUrl("/petitions/" + id + "/check-your-email"));
		// Mails are queued with their signature, so the outbox is final once signing
		// answered; once all of them are sent, none can follow.
		String outbox = "select count(*) from mail_outbox where recipient = 'ann.lee@gmail.com'";
		assertThat(jdbc.sql(outbox).query(Long.class).single()).isEqualTo(3);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql(outbox + " and status = 'sent'").query(Long.class).single() == 3);
		long mails = Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> GreenMailUtil.getAddressList(uncheck(m)).contains("ann.lee@gmail.com"))
			.count();
		assertThat(mails).isEqualTo(3);
		assertThat(
				jdbc.sql("select count(*) from signature where petition_id = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void anUnconfirmedRepeatGetsAFreshWorkingLink() throws Exception {
		long id = Petitions.openPetition(repository, "Lost mail");
		mvc.perform(sign(id, "Bo", "bo@example.org", "CN"));
		String first = confirmToken(awaitMailTo("bo@example.org", 1));
		mvc.perform(sign(id, "Bo", "bo@example.org", "CN"));
		String second = confirmToken(awaitMailTo("bo@example.org", 2));
		assertThat(second).isNotEqualTo(first);
		mvc.perform(post("/signatures/confirm").with(csrf()).param("token", second))
			.andExpect(redirectedUrl("/petitions/" + id + "?confirmed"));
	}

	/**
	 * Anyone may type someone's address again: that must not take away the link the owner
	 * already has.
	 */
	@Test
	void aRepeatLeavesTheEarlierLinkWorking() throws Exception {
		long id = Petitions.openPetition(repository, "Earlier link");
		mvc.perform(sign(id, "Dee", "dee@example.org", "GB"));
		String first = confirmToken(awaitMailTo("dee@example.org", 1));
		mvc.perform(sign(id, "Someone else", "dee@example.org", "GB"));
		String second = confirmToken(awaitMailTo("dee@example.org", 2));
		assertThat(second).isNotEqualTo(first);
		mvc.perform(get("/signatures/confirm").param("token", first))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Confirm my signature")));
		mvc.perform(post("/signatures/confirm").with(csrf()).param("token", first))
			.andExpect(redirectedUrl("/petitions/" + id + "?confirmed"));
		mvc.perform(post("/signatures/confirm").with(csrf()).param("token", second))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("already confirmed")));
		assertThat(countedOrQueued(id)).isEqualTo(1);
	}

	@Test
	void eachLinkKeepsItsOwnExpiry() throws Exception {
		long id = Petitions.openPetition(repository, "Two expiries");
		mvc.perform(sign(id, "Eli", "eli@example.org", "GB"));
		String first = confirmToken(awaitMailTo("eli@example.org", 1));
		clock.advance(Duration.ofDays(10));
		mvc.perform(sign(id, "Eli", "eli@example.org", "GB"));
		String second = confirmToken(awaitMailTo("eli@example.org", 2));
		clock.advance(properties.confirmationTtl().minus(Duration.ofDays(10)).plusSeconds(1));
		mvc.perform(get("/signatures/confirm").param("token", first)).andExpect(status().isGone());
		mvc.perform(post("/signatures/confirm").with(csrf()).param("token", first)).andExpect(status().isGone());
		mvc.perform(get("/signatures/confirm").param("token", second)).andExpect(status().isOk());
		mvc.perform(post("/signatures/confirm").with(csrf()).param("token", second))
			.andExpect(redirectedUrl("/petitions/" + id + "?confirmed"));
	}

	@Test
	void anExpiredLinkGetsAClearPageAndConfirmsNothing() throws Exception {
		long id = Petitions.openPetition(repository, "Expiry");
		mvc.perform(sign(id, "Chen", "chen@example.org", "TW"));
		String token = confirmToken(awaitMailTo("chen@example.org", 1));
		clock.advance(properties.confirmationTtl().plusSeconds(1));
		mvc.perform(get("/signatures/confirm").param("token", token))
			.andExpect(status().isGone())
			.andExpect(content().string(Matchers.containsString("This link has expired")));
		mvc.perform(post("/signatures/confirm").with(csrf()).param("token", token)).andExpect(status().isGone());
		assertThat(jdbc.sql("select confirmed_at is null from signature where email = 'chen@example.org'")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void badTokensGetAClearNotFoundPage() throws Exception {
		mvc.perform(get("/signatures/confirm").param("token", "<script>alert(1)</script>"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(Matchers.containsString("We do not recognise this link")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert"))));
		mvc.perform(get("/signatures/confirm")).andExpect(status().isNotFound());
		mvc.perform(post("/signatures/confirm").with(csrf()).param("token", "A".repeat(32)))
			.andExpect(status().isNotFound());
	}

	@Test
	void invalidInputIsAnsweredOnTheSameFormWithValuesKept() throws Exception {
		long id = Petitions.openPetition(repository, "Validation");
		mvc.perform(sign(id, "<b>Lee</b>", "not-an-email", "XX"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("valid email address")))
			.andExpect(content().string(Matchers.containsString("choose a country")))
			.andExpect(content().string(Matchers.containsString("value=\"&lt;b&gt;Lee&lt;/b&gt;\"")))
			.andExpect(content().string(Matchers.containsString("value=\"not-an-email\"")));
		mvc.perform(sign(id, "x".repeat(10_000), "a@example.org", "GB"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("at most 100 characters")));
		mvc.perform(sign(id, "Nul\u0000byte", "a@example.org", "GB")).andExpect(status().isBadRequest());
		mvc.perform(sign(id, "", "", "")).andExpect(status().isBadRequest());
		assertThat(
				jdbc.sql("select count(*) from signature where petition_id = ?").param(id).query(Long.class).single())
			.isZero();
	}

	@Test
	void aNameCarryingALinkIsRefusedOnItsFieldAndMailsNobody() throws Exception {
		long id = Petitions.openPetition(repository, "Names");
		mvc.perform(sign(id, "Alice visit http://evil.example/", "target@example.org", "GB"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("without web or email addresses")))
			.andExpect(content().string(Matchers.containsString("value=\"Alice visit http://evil.example/\"")));
		mvc.perform(sign(id, "Alice www.evil.example", "target@example.org", "GB")).andExpect(status().isBadRequest());
		mvc.perform(sign(id, "write to bob@evil.example", "target@example.org", "GB"))
			.andExpect(status().isBadRequest());
		assertThat(
				jdbc.sql("select count(*) from signature where petition_id = ?").param(id).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = 'target@example.org'")
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * Public forms need no CSRF cookie; what a browser says about where the form was sent
	 * from stands in for it. Sent from another site, the form comes back with what was
	 * typed, for the person to send from here.
	 */
	@Test
	void aSignatureSentFromAnotherSiteComesBackAsTheFormWithItsValues() throws Exception {
		long id = Petitions.openPetition(repository, "Cross-site");
		for (String[] header : new String[][] { { "Sec-Fetch-Site", "cross-site" }, { "Sec-Fetch-Site", "same-site" },
				{ "Origin", "https://evil.example" }, { "Origin", "null" } }) {
			mvc.perform(sign(id, "Cora", "cora@example.org", "GB").header(header[0], header[1]))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(Matchers.containsString("please check it and send it again")))
				.andExpect(content().string(Matchers.containsString("value=\"Cora\"")))
				.andExpect(content().string(Matchers.containsString("value=\"cora@example.org\"")));
		}
		assertThat(
				jdbc.sql("select count(*) from signature where petition_id = ?").param(id).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = 'cora@example.org'")
			.query(Long.class)
			.single()).isZero();

		mvc.perform(sign(id, "Cora", "cora@example.org", "GB").header("Sec-Fetch-Site", "same-origin")
			.header("Origin", "http://localhost")).andExpect(redirectedUrl("/petitions/" + id + "/check-your-email"));
		mvc.perform(sign(id, "Cora", "cora@example.org", "GB").header("Origin", "http://localhost"))
			.andExpect(redirectedUrl("/petitions/" + id + "/check-your-email"));
	}

	@Test
	void htmlTypedIntoANameIsStoredAndMailedAsText() throws Exception {
		long id = Petitions.openPetition(repository, "Escaping");
		mvc.perform(sign(id, "<img src=x onerror=alert(1)>", "xss@example.org", "GB"))
			.andExpect(status().is3xxRedirection());
		MimeMessage mail = awaitMailTo("xss@example.org", 1);
		assertThat(MailParts.html(mail)).doesNotContain("<img src=x").contains("&lt;img src=x");
		assertThat(MailParts.text(mail)).contains("<img src=x onerror=alert(1)>");
	}

	@Test
	void unknownPetitionsAndIdsAreClearFourHundreds() throws Exception {
		mvc.perform(get("/petitions/999999")).andExpect(status().isNotFound());
		mvc.perform(get("/petitions/not-a-number")).andExpect(status().isNotFound());
		mvc.perform(sign(999999, "A", "a@example.org", "GB")).andExpect(status().isNotFound());
		mvc.perform(get("/api/petitions/999999"))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", "application/problem+json"));
		mvc.perform(get("/api/petitions/abc"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.status").value(400));
	}

	@Test
	void aClosedPetitionRefusesSignaturesWithAClearMessage() throws Exception {
		long id = Petitions.openPetition(repository, "Closing");
		Petition petition = repository.find(id).orElseThrow();
		petition.close(clock.instant());
		repository.save(petition);
		mvc.perform(sign(id, "Late", "late@example.org", "GB"))
			.andExpect(status().isConflict())
			.andExpect(content().string(Matchers.containsString("closed")));
		assertThat(
				jdbc.sql("select count(*) from signature where petition_id = ?").param(id).query(Long.class).single())
			.isZero();
	}

	@Test
	void aPetitionClosesByItselfAtItsClosingDate(@Autowired PetitionAdministration administration) throws Exception {
		long id = Petitions.openPetition(repository, "Deadline", clock.instant().plus(Duration.ofHours(1)));
		clock.advance(Duration.ofHours(1));
		mvc.perform(sign(id, "Late", "late2@example.org", "GB")).andExpect(status().isConflict());
		administration.closePetitionsPastTheirDate();
		assertThat(repository.find(id).orElseThrow().state()).isEqualTo(PetitionState.CLOSED);
	}

	@Test
	void draftsAreNotPublic() throws Exception {
		long id = repository.save(Petition
			.draft(new PetitionContent("Secret draft", "b", List.of("d"), "t", null, null), "test", clock.instant()));
		mvc.perform(get("/petitions/{id}", id)).andExpect(status().isNotFound());
		mvc.perform(get("/api/petitions/{id}", id)).andExpect(status().isNotFound());
		mvc.perform(sign(id, "A", "a@example.org", "GB")).andExpect(status().isNotFound());
	}

}
