package org.safepassage.letters;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import org.awaitility.Awaitility;
import org.safepassage.TestClock;
import org.safepassage.letters.campaign.CampaignAdministration;
import org.safepassage.letters.campaign.CampaignContent;
import org.safepassage.letters.campaign.CampaignRepository;
import org.safepassage.letters.campaign.CampaignState;
import org.safepassage.letters.campaign.LetterCampaign;
import org.safepassage.letters.directory.DirectoryWriter;
import org.safepassage.letters.writing.Confirmation;
import org.safepassage.letters.writing.WriteForm;
import org.safepassage.letters.writing.Writing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns, representatives and letters for tests, made through the module's own
 * services.
 */
public record LetterFixtures(CampaignRepository campaigns, CampaignAdministration administration,
		DirectoryWriter directoryWriter, Writing writing, Confirmation confirmation, TransactionTemplate transactions,
		JdbcClient jdbc) {

	public static final String DEMO_TITLE = "Ask your representatives to raise the forced returns";

	public long demoCampaign() {
		return campaigns.inStates(CampaignState.OPEN)
			.stream()
			.filter(c -> c.content().title().equals(DEMO_TITLE))
			.findFirst()
			.orElseThrow()
			.id();
	}

	public long openCampaign(String title, String... bodies) {
		long id = administration.create(
				new CampaignContent(title, List.of(bodies), "Subject: " + title,
						"Dear {representative},\n\nPlease act.\n\n{name}, {town}", "", List.of(), List.of(), List.of()),
				"test");
		administration.open(id);
		return id;
	}

	/**
	 * A new Commons member of their own made-up area and postcode, so a test counts only
	 * its own letters to them.
	 */
	public long newRepresentative(String key, String postcode) {
		return transactions.execute(status -> {
			long area = directoryWriter.area("uk-commons", "TEST-" + key, "Test area " + key, null);
			directoryWriter.postcode(postcode, area);
			return directoryWriter.representative(new DirectoryWriter.NewRepresentative(area, "test-" + key,
					"Test Member " + key, "Test Party", "member." + key.toLowerCase(Locale.ROOT) + "@example.org",
					"House of Commons", LocalDate.of(2024, 1, 1), null, false));
		});
	}

	/**
	 * Waits until the outbox has handed every mail to the SMTP server, so that a later
	 * test that counts the mails it receives gets none of this test's.
	 */
	public static void awaitOutboxDelivered(JdbcClient jdbc) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select count(*) from mail_outbox where status in ('pending', 'sending')")
				.query(Long.class)
				.single() == 0);
	}

	/**
	 * Moves the clock past the hour after the last letter sent to a representative, so
	 * that earlier tests' letters to a shared demo member do not hold up this test's.
	 */
	public void stepPastLettersTo(TestClock clock, long representativeId) {
		Instant last = jdbc.sql("select max(sent_at) from letters_letter where representative_id = :r")
			.param("r", representativeId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(clock.instant());
		Instant after = last.plus(Duration.ofHours(1)).plusSeconds(1);
		clock.set(after.isAfter(clock.instant()) ? after : clock.instant().plus(Duration.ofHours(1)));
	}

	/**
	 * Writes a letter as the form would and confirms it with the link from the mail the
	 * outbox holds for the writer; returns what became of it.
	 */
	public Confirmation.Link writeAndConfirm(long campaignId, long representativeId, String postcode, String email,
			String text) {
		LetterCampaign campaign = campaigns.find(campaignId).orElseThrow();
		List<Writing.Problem> problems = writing.write(campaign, new WriteForm(postcode, List.of(representativeId),
				text, "Sam Writer", "1 Test Street", "Testtown", email), Locale.ENGLISH);
		if (!problems.isEmpty()) {
			throw new AssertionError(problems.toString());
		}
		String mail = jdbc.sql("select text_body from mail_outbox where recipient = :r order by id desc limit 1")
			.param("r", email)
			.query(String.class)
			.single();
		Matcher link = LetterMailbox.CONFIRM_LINK.matcher(mail);
		if (!link.find()) {
			throw new AssertionError("No confirmation link in " + mail);
		}
		return confirmation.confirm(LetterMailbox.token(link.group(1)));
	}

}
