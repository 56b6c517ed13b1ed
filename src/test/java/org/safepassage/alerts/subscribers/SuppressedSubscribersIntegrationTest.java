package org.safepassage.alerts.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.system.mail.Suppressions;
import org.springframework.beans.factory.annotation.Autowired;

/** An address on the suppression list marks its confirmed subscriber bouncing. */
class SuppressedSubscribersIntegrationTest extends IntegrationTest {

	@Autowired
	Suppressions suppressions;

	String subscribe(String email) {
		jdbc.sql("""
				insert into alert_subscriber (email, email_key, language, state, source, confirmed_at)
				values (:email, lower(:email), 'en', 'CONFIRMED', 'test', now())""").param("email", email).update();
		return email;
	}

	String stateOf(String email) {
		return jdbc.sql("select state || ': ' || coalesce(bounce_reason, '') from alert_subscriber where email = :e")
			.param("e", email)
			.query(String.class)
			.single();
	}

	@Test
	void aComplaintMarksTheSubscriberBouncingWithItsReason() {
		String email = subscribe("Complainer@Example.net");
		String other = subscribe("stays@example.net");

		suppressions.suppress("complainer@example.net", Suppressions.Reason.COMPLAINT, "webhook:postmark", null);

		assertThat(stateOf(email)).isEqualTo("BOUNCING: suppressed: complaint (marked as spam)");
		assertThat(stateOf(other)).isEqualTo("CONFIRMED: ");
	}

}
