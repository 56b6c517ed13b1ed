package org.safepassage.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.alerts.AlertMailbox;
import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.alerts.domain.AlertLifecycle;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.safepassage.system.mail.Suppressions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sending: exactly once across a crash, pause and resume, signers who asked for news, the
 * outbox path.
 */
class AlertSendingIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AlertSender sender;

	@Autowired
	AlertLifecycle lifecycle;

	@Autowired
	PetitionRepository petitionRepository;

	@Autowired
	Suppressions suppressions;

	final SenderControl control = new SenderControl();

	@BeforeEach
	void steerTheSender() {
		sender.hooks(control);
	}

	@AfterEach
	void senderRunsAgain() {
		sender.hooks(SenderHooks.NONE);
	}

	/**
	 * Confirmed subscribers with addresses unique to this test, who want the given kind.
	 */
	List<String> subscribers(String prefix, int count, String topic) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> emails = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String email = prefix + "-" + run + "-" + i + "@example.org";
			jdbc.sql("""
					insert into alert_subscriber (email, email_key, name, language, topics, state, source, confirmed_at)
					values (?, ?, ?, 'en', array[?], 'CONFIRMED', 'test', now())""")
				.param(email)
				.param(email)
				.param("Reader " + i)
				.param(topic)
				.update();
			emails.add(email);
		}
		return emails;
	}

	long alert(AlertKind kind, String title, List<Long> petitionIds) {
		return lifecycle.create(new AlertContent(kind, title, LocalDate.now(clock), "en", null, null,
				"Body of " + title, List.of("Point one"), petitionIds, List.of()), "test");
	}

	String state(long alertId) {
		return jdbc.sql("select state from alert where id = ?").param(alertId).query(String.class).single();
	}

	Map<String, Long> deliveries(long alertId) {
		return jdbc.sql("select status, count(*) from alert_delivery where alert_id = ? group by status")
			.param(alertId)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Mails of this alert received by GreenMail, by the Message-IDs its deliveries were
	 * given.
	 */
	List<MimeMessage> received(long alertId) {
		Set<String> ids = new HashSet<>(jdbc.sql("select message_id from alert_delivery where alert_id = ?")
			.param(alertId)
			.query(String.class)
			.list());
		return Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> ids.contains(AlertMailbox.header(m, "Message-ID")))
			.toList();
	}

	@Test
	void aSendKilledHalfWayAndRestartedDeliversEachMailExactlyOnce() throws Exception {
		control.stop();
		List<String> emails = subscribers("crash", 40, "ACTION");
		long alertId = alert(AlertKind.ACTION, "Write to your MP today", List.of());
		lifecycle.schedule(alertId, clock.instant());

		control.crashAfter(12);
		control.start();
		await().atMost(Duration.ofSeconds(20)).until(control::stopped);
		control.stop(); // the dead sender's round ends

		Map<String, Long> afterCrash = deliveries(alertId);
		long recipients = afterCrash.values().stream().mapToLong(Long::longValue).sum();
		assertThat(recipients).isGreaterThanOrEqualTo(40);
		assertThat(afterCrash.getOrDefault("SENT", 0L)).as("stopped half-way").isBetween(1L, recipients - 1);
		assertThat(afterCrash.getOrDefault("SENDING", 0L)).as("claims left leased by the dead sender").isPositive();
		assertThat(state(alertId)).isEqualTo("SENDING");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> received(alertId).size() == deliveries(alertId).getOrDefault("SENT", 0L));

		// Restart: the dead sender's leases run out, and a new one takes over.
		jdbc.sql(
				"update alert_delivery set lease_until = now() - interval '1 second' where alert_id = ? and status = 'SENDING'")
			.param(alertId)
			.update();
		control.crashAfter(0);
		control.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(state(alertId)));

		assertThat(deliveries(alertId)).containsOnlyKeys("SENT").containsEntry("SENT", recipients);
		await().atMost(Duration.ofSeconds(5)).until(() -> received(alertId).size() >= recipients);
		// Every delivery is marked sent, so none can go out again once the round has
		// ended.
		control.stop();
		List<MimeMessage> mails = received(alertId);
		Set<String> messageIds = mails.stream()
			.map(m -> AlertMailbox.header(m, "Message-ID"))
			.collect(Collectors.toSet());
		assertThat(mails).hasSize((int) recipients);
		assertThat(messageIds).hasSize((int) recipients);
		Map<String, Long> perRecipient = mails.stream()
			.flatMap(m -> AlertMailbox.recipients(m).stream())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		for (String email : emails) {
			assertThat(perRecipient.get(email)).as(email).isEqualTo(1L);
		}
	}

	@Test
	void staffPauseAndResumeASendAndSeeItsProgress() throws Exception {
		control.stop();
		List<String> emails = subscribers("pause", 10, "NEWS");
		long alertId = alert(AlertKind.NEWS, "News to pause", List.of());
		lifecycle.schedule(alertId, clock.instant());
		lifecycle.startDue();
		var staff = user("campaigner").roles("CAMPAIGNER");
		mvc.perform(post("/admin/alerts/{id}/pause", alertId).with(csrf()).with(staff));
		assertThat(state(alertId)).isEqualTo("PAUSED");
		int rounds = control.rounds();
		control.start();
		// A whole round of the running sender passes the paused alert by.
		await().atMost(Duration.ofSeconds(10)).until(() -> control.rounds() > rounds);
		assertThat(deliveries(alertId)).doesNotContainKey("SENT").containsOnlyKeys("PENDING");
		mvc.perform(get("/admin/alerts/{id}", alertId).with(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("<progress")))
			.andExpect(content().string(Matchers.containsString("Resume sending")))
			.andExpect(content().string(Matchers.containsString("0 sent")));
		// A moderator or researcher has no business here.
		mvc.perform(get("/admin/alerts/{id}", alertId).with(user("mod").roles("MODERATOR")))
			.andExpect(status().isForbidden());

		mvc.perform(post("/admin/alerts/{id}/resume", alertId).with(csrf()).with(staff));
		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(state(alertId)));
		for (String email : emails) {
			assertThat(AlertMailbox.to(MAIL, email)).hasSize(1);
		}
		mvc.perform(get("/admin/alerts/{id}/progress", alertId).with(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("0 remaining")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("hx-get"))));
		mvc.perform(post("/admin/alerts/{id}/pause", alertId).with(csrf()).with(staff))
			.andExpect(status().is3xxRedirection());
		assertThat(state(alertId)).isEqualTo("SENT");
	}

	@Test
	void aSignerWhoAskedForUpdatesGetsThatCampaignsNewsWithoutASecondOptIn() throws Exception {
		// A petition of its own: a test that moves the shared clock years ahead lets the
		// closing job close the demo petition.
		long petitionId = Petitions.openPetition(petitionRepository, "Recognise escapees as refugees");
		String email = "signer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		mvc.perform(post("/petitions/{id}/signatures", petitionId).with(csrf()).with(r -> {
			r.setRemoteAddr("192.0.2.77");
			return r;
		})
			.param("name", "Sam Signer")
			.param("email", email)
			.param("country", "GB")
			.param("postcode", "")
			.param("keepUpdated", "true")).andExpect(status().is3xxRedirection());
		MimeMessage confirmation = AlertMailbox.await(MAIL, email, 1);
		String token = MailParts.text(confirmation)
			.replaceAll("(?s).*/signatures/confirm\\?token=([A-Za-z0-9_-]{32}).*", "$1");
		assertThat(jdbc.sql("select count(*) from alert_subscriber where email_key = ?")
			.param(email)
			.query(Long.class)
			.single()).isZero();
		mvc.perform(post("/signatures/confirm").with(csrf()).param("token", token))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc
			.sql("select state || ':' || array_to_string(campaigns, ',') from alert_subscriber where email_key = ?")
			.param(email)
			.query(String.class)
			.single()).isEqualTo("CONFIRMED:" + petitionId);

		long other = alert(AlertKind.NEWS, "News of another campaign", List.of());
		long news = alert(AlertKind.NEWS, "News of the embassy petition", List.of(petitionId));
		long prayer = alert(AlertKind.PRAYER, "A prayer alert", List.of(petitionId));
		for (long id : List.of(other, news, prayer)) {
			lifecycle.schedule(id, clock.instant());
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> List.of(other, news, prayer).stream().allMatch(id -> "SENT".equals(state(id))));
		// Exactly two mails ever leave for this address: the signature's confirmation and
		// one alert.
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ?")
			.param(email)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select d.alert_id from alert_delivery d join alert_subscriber s on s.id = d.subscriber_id
				where s.email_key = ? and d.alert_id in (?, ?, ?)""")
			.param(email)
			.param(other)
			.param(news)
			.param(prayer)
			.query(Long.class)
			.list()).containsExactly(news);
		AlertMailbox.await(MAIL, email, 2);
		List<MimeMessage> mails = AlertMailbox.to(MAIL, email);
		assertThat(mails).hasSize(2);
		assertThat(mails.get(1).getSubject()).isEqualTo("News: News of the embassy petition");
		assertThat(MailParts.text(mails.get(1))).contains("Dear Sam Signer,");
	}

	@Test
	void withoutAnSmtpServerEachDeliveryBecomesOneOutboxMail() throws Exception {
		control.stop();
		List<String> emails = subscribers("outbox", 3, "PRAYER");
		jdbc.sql("update alert_subscriber set state = 'UNSUBSCRIBED' where email_key = ?")
			.param(emails.get(2))
			.update();
		long alertId = alert(AlertKind.PRAYER, "Kept in the outbox", List.of());
		lifecycle.schedule(alertId, clock.instant());
		lifecycle.startDue();
		sender.drainToOutbox();
		sender.drainToOutbox();
		lifecycle.finishDone();
		assertThat(state(alertId)).isEqualTo("SENT");
		assertThat(deliveries(alertId)).doesNotContainKeys("PENDING", "SENDING");
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ? and category = 'alerts'")
			.param(emails.get(0))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ?")
			.param(emails.get(2))
			.query(Long.class)
			.single()).isZero();
		// The system outbox delivers them like any other mail, headers included.
		MimeMessage mail = AlertMailbox.await(MAIL, emails.get(1), 1);
		assertThat(AlertMailbox.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(AlertMailbox.header(AlertMailbox.await(MAIL, emails.get(0), 1), "List-Unsubscribe"))
			.contains("/alerts/unsubscribe/");
		assertThat(new HashSet<>(List.of(mail.getSubject()))).containsExactly("Prayer alert: Kept in the outbox");
	}

	@Test
	void aSuppressedAddressGetsNoAlert() throws Exception {
		control.stop();
		List<String> emails = subscribers("suppressed", 2, "PRAYER");
		// Another spelling of the first subscriber's mailbox: the subscriber stays
		// confirmed (alerts match exact addresses), so only the engine's suppression
		// check,
		// which matches mailboxes, stands between the alert and that mailbox.
		String[] parts = emails.get(0).split("@");
		suppressions.suppress(parts[0] + "+bounced@" + parts[1], Suppressions.Reason.HARD_BOUNCE, "test",
				"550 no such user");
		long alertId = alert(AlertKind.PRAYER, "Not for suppressed mailboxes", List.of());
		lifecycle.schedule(alertId, clock.instant());
		control.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(state(alertId)));

		// Other tests' prayer subscribers get this alert too: only these two are
		// asserted.
		assertThat(jdbc.sql("""
				select s.email, d.status from alert_delivery d join alert_subscriber s on s.id = d.subscriber_id
				where d.alert_id = ? and s.email in (?, ?)""")
			.param(alertId)
			.param(emails.get(0))
			.param(emails.get(1))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list())
			.containsExactlyInAnyOrder(Map.entry(emails.get(0), "SUPPRESSED"), Map.entry(emails.get(1), "SENT"));
		assertThat(deliveries(alertId)).containsEntry("SUPPRESSED", 1L).doesNotContainKeys("PENDING", "SENDING");
		assertThat(AlertMailbox.await(MAIL, emails.get(1), 1)).isNotNull();
		assertThat(AlertMailbox.to(MAIL, emails.get(0))).isEmpty();
		// Each delivery went under its own Message-ID, random and in the sender's domain.
		assertThat(AlertMailbox.header(AlertMailbox.to(MAIL, emails.get(1)).getFirst(), "Message-ID"))
			.matches("<[0-9a-f]{32}@safepassage\\.localhost>");
		assertThat(AlertMailbox.header(AlertMailbox.to(MAIL, emails.get(1)).getFirst(), "Auto-Submitted"))
			.isEqualTo("auto-generated");
	}

}
