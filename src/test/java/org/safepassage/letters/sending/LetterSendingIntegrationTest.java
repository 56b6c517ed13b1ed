package org.safepassage.letters.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;

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
import org.safepassage.letters.campaign.LettersProperties;
import org.safepassage.letters.directory.DirectoryWriter;
import org.safepassage.letters.writing.Confirmation;
import org.safepassage.letters.writing.Writing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queued letters reach each representative spread out and capped per hour; after two
 * weeks the writer is asked about a reply, after four the letter's text and the writer's
 * details are gone while the counts stay.
 */
class LetterSendingIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	LetterRelease release;

	@Autowired
	FollowUps followUps;

	@Autowired
	LetterCounts counts;

	@Autowired
	LettersProperties properties;

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

	LetterFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new LetterFixtures(campaigns, administration, directoryWriter, writing, confirmation, transactions,
				jdbc);
	}

	long sentTo(long representative) {
		return jdbc.sql("select count(*) from letters_letter where representative_id = :r and status = 'SENT'")
			.param("r", representative)
			.query(Long.class)
			.single();
	}

	long sentInTheLastHour(long representative) {
		return jdbc.sql("""
				select count(*) from letters_letter where representative_id = :r and sent_at > :hourAgo""")
			.param("r", representative)
			.param("hourAgo", Timestamp.from(clock.instant().minus(Duration.ofHours(1))))
			.query(Long.class)
			.single();
	}

	@AfterEach
	void outboxDelivered() {
		LetterFixtures.awaitOutboxDelivered(jdbc);
	}

	@Test
	void aRepresentativeGetsAtMostTheHourlyCapSpreadOverTheHour() {
		assertThat(properties.perRepresentativePerHour()).isEqualTo(10);
		long campaign = fixtures.openCampaign("Capped", "uk-commons");
		long member = fixtures.newRepresentative("CAP", "ZZ1 1CA");
		long other = fixtures.newRepresentative("CAPOTHER", "ZZ1 1CB");
		// Eleven letters: all of them go within this test, so none reaches the SMTP
		// server
		// during a later test that counts its mails.
		for (int i = 0; i < 11; i++) {
			fixtures.writeAndConfirm(campaign, member, "ZZ1 1CA", "cap" + i + "@example.org", "Letter number " + i);
		}
		fixtures.writeAndConfirm(campaign, other, "ZZ1 1CB", "capother@example.org", "To another member");

		release.release();
		release.release();
		assertThat(sentTo(member)).isEqualTo(1);
		assertThat(sentTo(other)).as("another member is not held up").isEqualTo(1);

		for (int minutes = 6; minutes <= 60; minutes += 6) {
			clock.advance(properties.spacing());
			release.release();
			release.release();
			assertThat(sentInTheLastHour(member)).isLessThanOrEqualTo(10);
		}
		// 11 spacings: the first letter is now an hour old; never more than 10 in an
		// hour.
		assertThat(sentTo(member)).isEqualTo(11);
		assertThat(jdbc.sql("select count(*) from letters_letter where representative_id = :r and status = 'QUEUED'")
			.param("r", member)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = 'member.cap@example.org'")
			.query(Long.class)
			.single()).isEqualTo(11);
	}

	@Test
	void theWriterIsAskedAboutAReplyAndTheirDetailsAreRemovedAfter28Days() throws Exception {
		long campaign = fixtures.openCampaign("Follow-up", "uk-commons");
		long member = fixtures.newRepresentative("FOLLOW", "ZZ1 1FU");
		String email = "follow.up@example.org";
		fixtures.writeAndConfirm(campaign, member, "ZZ1 1FU", email, "Please raise the returns, {representative}.");
		release.release();
		assertThat(sentTo(member)).isEqualTo(1);

		clock.advance(Duration.ofDays(13));
		followUps.askAboutReplies();
		assertThat(replyQuestions(email)).isZero();
		clock.advance(Duration.ofDays(1).plusMinutes(1));
		followUps.askAboutReplies();
		followUps.askAboutReplies();
		assertThat(replyQuestions(email)).isEqualTo(1);
		String token = LetterMailbox.token(replyQuestionLink(email));
		mvc.perform(get("/letters/reply").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Yes, I got a reply")));
		assertThat(replied(email)).isNull();
		mvc.perform(post("/letters/reply").param("token", token).param("replied", "yes"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("your answer is counted")));
		assertThat(replied(email)).isTrue();

		clock.advance(Duration.ofDays(13));
		followUps.scrub();
		assertThat(letterText(member)).isNotNull();
		clock.advance(Duration.ofDays(1));
		followUps.scrub();
		Map<String, Object> row = jdbc
			.sql("select name, email, postal_address, town, postcode, letter_text, status, replied from letters_letter"
					+ " where representative_id = :r")
			.param("r", member)
			.query()
			.singleRow();
		assertThat(row).containsEntry("name", null)
			.containsEntry("email", null)
			.containsEntry("postal_address", null)
			.containsEntry("town", null)
			.containsEntry("postcode", null)
			.containsEntry("letter_text", null)
			.containsEntry("status", "SENT")
			.containsEntry("replied", true);
		LetterCounts.BodyCount commons = counts.of(campaigns.find(campaign).orElseThrow()).getFirst();
		assertThat(commons.sent()).isEqualTo(1);
		assertThat(commons.replyRatePercent()).isEqualTo(100);
		// A reply link still works for counting, and shows nobody's details.
		mvc.perform(get("/letters/reply").param("token", token)).andExpect(status().isOk());
	}

	private long replyQuestions(String email) {
		return jdbc.sql("select count(*) from mail_outbox where recipient = :r and category = 'letters/reply-question'")
			.param("r", email)
			.query(Long.class)
			.single();
	}

	/**
	 * The reply link from the mail as received: the outbox erases a mail's text once it
	 * is sent, which may be before the test looks.
	 */
	private String replyQuestionLink(String email) {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> LetterMailbox.to(MAIL, email)
				.stream()
				.anyMatch(m -> text(m).contains("/letters/reply?token=")));
		return LetterMailbox.to(MAIL, email)
			.stream()
			.map(LetterSendingIntegrationTest::text)
			.map(LetterMailbox.REPLY_LINK::matcher)
			.filter(Matcher::find)
			.map(m -> m.group(1))
			.findFirst()
			.orElseThrow();
	}

	private static String text(MimeMessage message) {
		try {
			return MailParts.text(message);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Boolean replied(String email) {
		return jdbc.sql("select replied from letters_letter where email = :e")
			.param("e", email)
			.query(Boolean.class)
			.optional()
			.orElse(null);
	}

	private String letterText(long member) {
		return jdbc.sql("select letter_text from letters_letter where representative_id = :r")
			.param("r", member)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
