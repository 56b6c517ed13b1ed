package org.safepassage.letters.writing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.letters.LetterFixtures;
import org.safepassage.letters.LetterMailbox;
import org.safepassage.letters.campaign.CampaignAdministration;
import org.safepassage.letters.campaign.CampaignRepository;
import org.safepassage.letters.directory.Directory;
import org.safepassage.letters.directory.DirectoryWriter;
import org.safepassage.letters.directory.Representative;
import org.safepassage.letters.sending.LetterRelease;
import org.safepassage.letters.sending.Review;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A supporter writes to their Scottish Parliament member through the real pages, confirms
 * by mail, and the letter reaches the member's mailbox at the SMTP server; what the pages
 * refuse, they refuse with the values kept and nothing stored.
 */
class LetterWritingIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	LetterRelease release;

	@Autowired
	CampaignRepository campaigns;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	DirectoryWriter directoryWriter;

	@Autowired
	Writing writing;

	@Autowired
	Confirmation confirmation;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Review review;

	LetterFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new LetterFixtures(campaigns, administration, directoryWriter, writing, confirmation, transactions,
				jdbc);
	}

	Representative msp() {
		return directory.forPostcode("EH99 1SP", List.of("scottish-parliament")).getFirst();
	}

	MockHttpServletRequestBuilder letter(long campaign, long representative, String letter, String email) {
		return post("/letters/{id}/write", campaign).param("postcode", "eh99 1sp")
			.param("representatives", String.valueOf(representative))
			.param("letter", letter)
			.param("name", "Ji-woo Example")
			.param("address", "2 Example Row")
			.param("town", "Edinburgh")
			.param("email", email);
	}

	long lettersFrom(String email) {
		return jdbc.sql("select count(*) from letters_letter where email = :e")
			.param("e", email)
			.query(Long.class)
			.single();
	}

	@AfterEach
	void outboxDelivered() {
		LetterFixtures.awaitOutboxDelivered(jdbc);
	}

	@Test
	void aLetterReachesTheMembersMailboxWithReplyToTheConstituentAndARepeatSendsNothing() throws Exception {
		long campaign = fixtures.demoCampaign();
		Representative msp = msp();
		mvc.perform(get("/letters/{id}", campaign))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Motion tabled")));
		mvc.perform(get("/letters/{id}/write", campaign).param("postcode", "EH99 1SP"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(msp.name())))
			.andExpect(content().string(Matchers.containsString("Robin Example MP (demo)")));

		String email = "jiwoo.writer@example.org";
		mvc.perform(letter(campaign, msp.id(), "Dear {representative},\nPlease raise the returns.\n{name}", email))
			.andExpect(redirectedUrl("/letters/" + campaign + "/check-your-email"));
		MimeMessage confirm = LetterMailbox.awaitMail(MAIL, email, 1);
		String path = LetterMailbox.path(confirm, LetterMailbox.CONFIRM_LINK);
		String token = LetterMailbox.token(path);

		mvc.perform(get("/letters/confirm").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Send my letter")));
		assertThat(jdbc.sql("select status from letters_letter where email = :e")
			.param("e", email)
			.query(String.class)
			.single()).isEqualTo("UNCONFIRMED");
		mvc.perform(post("/letters/confirm").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("is on its way")));
		mvc.perform(post("/letters/confirm").param("token", token))
			.andExpect(content().string(Matchers.containsString("already confirmed")));

		// Letters of earlier tests to this member went out within the hour: step past it.
		int received = LetterMailbox.to(MAIL, msp.email()).size();
		fixtures.stepPastLettersTo(clock, msp.id());
		release.release();
		MimeMessage sent = LetterMailbox.awaitMail(MAIL, msp.email(), received + 1);
		assertThat(((InternetAddress) sent.getReplyTo()[0]).getAddress()).isEqualTo(email);
		assertThat(((InternetAddress) sent.getReplyTo()[0]).getPersonal()).isEqualTo("Ji-woo Example");
		assertThat(sent.getHeader("Auto-Submitted")).containsExactly("no");
		String text = MailParts.text(sent).replace("\r\n", "\n");
		assertThat(text).startsWith("Ji-woo Example\n2 Example Row\nEdinburgh\nEH99 1SP\n" + email)
			.contains("Dear " + msp.name() + ",\nPlease raise the returns.\nJi-woo Example")
			.contains("sent at their request through the SafePassage letter campaign");

		int before = LetterMailbox.to(MAIL, msp.email()).size();
		String again = "JiWoo.Writer+again@example.org";
		mvc.perform(letter(campaign, msp.id(), "A second letter, to the same member.", again))
			.andExpect(status().is3xxRedirection());
		String mail = jdbc
			.sql("select text_body from mail_outbox where recipient = :r and category = 'letters/confirm-letters'")
			.param("r", again)
			.query(String.class)
			.single();
		Matcher link = LetterMailbox.CONFIRM_LINK.matcher(mail);
		assertThat(link.find()).isTrue();
		String second = LetterMailbox.token(link.group(1));
		mvc.perform(post("/letters/confirm").param("token", second))
			.andExpect(content().string(Matchers.containsString("You have already written to " + msp.name())));
		release.release();
		assertThat(jdbc.sql("select status from letters_letter where email = :e")
			.param("e", again)
			.query(String.class)
			.single()).isEqualTo("REPEAT");
		assertThat(
				jdbc.sql("select count(*) from mail_outbox where recipient = :r and text_body like '%second letter%'")
					.param("r", msp.email())
					.query(Long.class)
					.single())
			.isZero();
		assertThat(LetterMailbox.to(MAIL, msp.email())).hasSize(before);
	}

	@Test
	void badInputIsRefusedWithAMessageTheValuesKeptAndNothingStored() throws Exception {
		long campaign = fixtures.demoCampaign();
		long msp = msp().id();
		mvc.perform(get("/letters/{id}/write", campaign).param("postcode", "ZZ99 9ZZ"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("We do not know this postcode")))
			.andExpect(content().string(Matchers.containsString("value=\"ZZ99 9ZZ\"")));
		long holyroodOnly = fixtures.openCampaign("Holyrood only", "scottish-parliament");
		mvc.perform(get("/letters/{id}/write", holyroodOnly).param("postcode", "SW1A 1AA"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("has no representative in the bodies")));

		String email = "refused.writer@example.org";
		mvc.perform(letter(campaign, msp, "   ", email))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("Please write your letter.")));
		mvc.perform(letter(campaign, msp, "x".repeat(6001), email))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("Please shorten your letter to 6,000")));
		mvc.perform(letter(campaign, msp, "Dear member, <script>alert(1)</script> please act.", email))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("Please write plain text")))
			.andExpect(content().string(Matchers.containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert(1)"))));
		long westminster = directory.forPostcode("SW1A 1AA", List.of("uk-commons")).getFirst().id();
		mvc.perform(letter(campaign, westminster, "Please act on the returns.", email))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("does not represent this postcode")))
			.andExpect(content().string(Matchers.containsString("Please act on the returns.")))
			.andExpect(content().string(Matchers.containsString("value=\"Ji-woo Example\"")));
		assertThat(lettersFrom(email)).isZero();
		assertThat(LetterMailbox.to(MAIL, email)).isEmpty();
	}

	@Test
	void lettersNearlyIdenticalToManyOthersAreHeldForReviewNotDropped() {
		long campaign = fixtures.openCampaign("Near copies", "uk-commons");
		long msp = fixtures.newRepresentative("COPIES", "ZZ1 1CP");
		String copy = "Dear member, I ask you to raise the forced return of North Korean refugees from China in "
				+ "Parliament and to press the Government to act on their behalf without delay. Yours sincerely";
		for (int i = 0; i < 20; i++) {
			Confirmation.Link link = fixtures.writeAndConfirm(campaign, msp, "ZZ1 1CP", "copy" + i + "@example.org",
					copy);
			assertThat(link.letters()).extracting(Confirmation.LetterOutcome::status).containsExactly("QUEUED");
		}
		Confirmation.Link held = fixtures.writeAndConfirm(campaign, msp, "ZZ1 1CP", "copy20@example.org",
				copy + " from Edinburgh");
		assertThat(held.letters()).extracting(Confirmation.LetterOutcome::status).containsExactly("HELD");
		List<Review.HeldLetter> waiting = review.held(campaign);
		assertThat(waiting).singleElement().satisfies(h -> assertThat(h.text()).endsWith("from Edinburgh"));
		review.release(campaign, waiting.getFirst().id());
		assertThat(review.held(campaign)).isEmpty();
		assertThat(jdbc.sql("select status from letters_letter where id = :id")
			.param("id", waiting.getFirst().id())
			.query(String.class)
			.single()).isEqualTo("QUEUED");
		Confirmation.Link own = fixtures.writeAndConfirm(campaign, msp, "ZZ1 1CP", "own@example.org",
				"I have family who fled across that border and I think of them every day; please speak for the "
						+ "people China sends back, and ask ministers what they have said to Beijing.");
		assertThat(own.letters()).extracting(Confirmation.LetterOutcome::status).containsExactly("QUEUED");
		// Nothing of this test may reach the SMTP server during a later test that counts
		// its mails.
		jdbc.sql("update letters_letter set status = 'REJECTED' where campaign_id = :c and status = 'QUEUED'")
			.param("c", campaign)
			.update();
	}

}
