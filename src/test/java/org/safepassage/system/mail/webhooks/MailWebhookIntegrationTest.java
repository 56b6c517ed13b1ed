package org.safepassage.system.mail.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.system.mail.Suppressions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.util.unit.DataSize;

/**
 * Amazon SES (through SNS) and Postmark post bounces and complaints; the secret is
 * checked, malformed notifications are refused with a message, and nothing is fetched.
 */
class MailWebhookIntegrationTest extends IntegrationTest {

	static final String SECRET = "webhook-secret-for-tests";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonEvents events;

	@Autowired
	Suppressions suppressions;

	ResultActions postAs(String provider, String password, String body) throws Exception {
		String basic = Base64.getEncoder().encodeToString(("hooks:" + password).getBytes(StandardCharsets.UTF_8));
		return mvc
			.perform(post("/webhooks/mail/{provider}", provider).header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	String suppression(String address) {
		return jdbc.sql("select reason || ' ' || source from mail_suppression where address = :a")
			.param("a", address)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	static String sns(String type, String message) {
		return """
				{"Type": "%s", "MessageId": "m-1", "TopicArn": "arn:aws:sns:eu-west-1:123456789012:ses-bounces",
				 "Message": %s, "SubscribeURL": "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=t"}
				"""
			.formatted(type,
					message == null ? "null" : "\"" + message.replace("\"", "\\\"").replace("\n", "\\n") + "\"");
	}

	@Test
	void sesPermanentBouncesAndComplaintsThroughSnsSuppress() throws Exception {
		String bounce = """
				{"notificationType": "Bounce", "bounce": {"bounceType": "Permanent", "bounceSubType": "General",
				 "bouncedRecipients": [{"emailAddress": "ses.gone@example.net", "status": "5.1.1",
				 "diagnosticCode": "smtp; 550 5.1.1 user unknown"}]}, "mail": {"messageId": "x"}}""";
		postAs("ses", SECRET, sns("Notification", bounce)).andExpect(status().isOk())
			.andExpect(content().string(containsString("\"newlySuppressed\":1")));
		assertThat(suppression("ses.gone@example.net")).isEqualTo("HARD_BOUNCE webhook:ses");

		String complaint = """
				{"eventType": "Complaint", "complaint": {"complainedRecipients": [{"emailAddress": "ses.spam@example.net"}],
				 "complaintFeedbackType": "abuse"}}""";
		postAs("ses", SECRET, complaint).andExpect(status().isOk());
		assertThat(suppression("ses.spam@example.net")).isEqualTo("COMPLAINT webhook:ses");
	}

	@Test
	void sesTransientBouncesAndConfirmationsSuppressNothing() throws Exception {
		String transientBounce = """
				{"notificationType": "Bounce", "bounce": {"bounceType": "Transient", "bounceSubType": "MailboxFull",
				 "bouncedRecipients": [{"emailAddress": "ses.full@example.net"}]}}""";
		postAs("ses", SECRET, sns("Notification", transientBounce)).andExpect(status().isOk());
		postAs("ses", SECRET, sns("SubscriptionConfirmation", "You have chosen to subscribe"))
			.andExpect(status().isOk());
		assertThat(suppression("ses.full@example.net")).isNull();
	}

	@Test
	void postmarkHardBouncesAndSpamComplaintsSuppressSoftBouncesDoNot() throws Exception {
		postAs("postmark", SECRET, """
				{"RecordType": "Bounce", "Type": "HardBounce", "TypeCode": 1, "Email": "pm.gone@example.net",
				 "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist."}""")
			.andExpect(status().isOk());
		postAs("postmark", SECRET, """
				{"RecordType": "SpamComplaint", "Type": "SpamComplaint", "Email": "pm.spam@example.net"}""")
			.andExpect(status().isOk());
		postAs("postmark", SECRET, """
				{"RecordType": "Bounce", "Type": "SoftBounce", "Email": "pm.soft@example.net"}""")
			.andExpect(status().isOk());
		assertThat(suppression("pm.gone@example.net")).isEqualTo("HARD_BOUNCE webhook:postmark");
		assertThat(suppression("pm.spam@example.net")).isEqualTo("COMPLAINT webhook:postmark");
		assertThat(suppression("pm.soft@example.net")).isNull();
	}

	@Test
	void malformedNotificationsAreRefusedWithAMessage() throws Exception {
		postAs("postmark", SECRET, "{not json").andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("not a notification")));
		postAs("postmark", SECRET, """
				{"RecordType": "Bounce", "Type": "HardBounce", "Email": "not an address"}""")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("email")));
		postAs("ses", SECRET, """
				{"notificationType": "Bounce", "bounce": {"bounceType": "Permanent", "bouncedRecipients": [{}]}}""")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("emailAddress")));
		postAs("ses", SECRET, "[1, 2]").andExpect(status().isBadRequest());
		postAs("postmark", SECRET, "").andExpect(status().isBadRequest());
	}

	@Test
	void aWrongOrMissingSecretIsRefused() throws Exception {
		String body = """
				{"RecordType": "Bounce", "Type": "HardBounce", "Email": "pm.forged@example.net"}""";
		postAs("postmark", "wrong-secret-of-some-length", body).andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic")));
		mvc.perform(post("/webhooks/mail/postmark").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
		postAs("mailchimp", SECRET, body).andExpect(status().isNotFound());
		assertThat(suppression("pm.forged@example.net")).isNull();
	}

	@Test
	void withoutASecretTheWebhooksAreNotThere() throws Exception {
		var unconfigured = new MailWebhookController(new WebhookProperties(null, DataSize.ofKilobytes(256)), events,
				suppressions);
		var request = new MockHttpServletRequest("POST", "/webhooks/mail/postmark");
		request.setContent("{}".getBytes(StandardCharsets.UTF_8));
		assertThat(unconfigured.receive("postmark", request).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

}
