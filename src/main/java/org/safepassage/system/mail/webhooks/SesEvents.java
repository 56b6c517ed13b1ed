package org.safepassage.system.mail.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.safepassage.system.mail.Suppressions;

/**
 * Amazon SES notifications, delivered by SNS (wrapped in an SNS message, or raw): a
 * {@code Bounce} whose {@code bounceType} is {@code Permanent}, and a {@code Complaint}.
 * Transient and undetermined bounces, deliveries and other events are ignored. Both the
 * notification format ({@code notificationType}) and the event publishing format
 * ({@code eventType}) are read.
 */
final class SesEvents {

	private SesEvents() {
	}

	/** The SNS message around a notification, or a subscription to confirm. */
	record SnsMessage(@JsonProperty("Type") @NotBlank @Size(max = 100) String type,
			@JsonProperty("Message") @Size(max = 262_144) String message,
			@JsonProperty("SubscribeURL") @Size(max = 2000) String subscribeUrl,
			@JsonProperty("TopicArn") @Size(max = 500) String topicArn) {
	}

	record Notification(@Size(max = 100) String notificationType, @Size(max = 100) String eventType,
			@Valid Bounce bounce, @Valid Complaint complaint) {
	}

	record Bounce(@NotBlank @Size(max = 100) String bounceType, @Size(max = 100) String bounceSubType,
			@NotNull @Size(max = 1000) List<@Valid Recipient> bouncedRecipients) {
	}

	record Complaint(@NotNull @Size(max = 1000) List<@Valid Recipient> complainedRecipients,
			@Size(max = 100) String complaintFeedbackType) {
	}

	record Recipient(@NotBlank @Email @Size(max = 254) String emailAddress, @Size(max = 100) String status,
			@Size(max = 2000) String diagnosticCode) {
	}

	static List<Finding> findings(Notification notification) throws MalformedEvent {
		String type = notification.notificationType() != null ? notification.notificationType()
				: notification.eventType();
		if ("Bounce".equals(type)) {
			if (notification.bounce() == null) {
				throw new MalformedEvent("bounce: a Bounce notification describes the bounce");
			}
			if (!"Permanent".equals(notification.bounce().bounceType())) {
				return List.of();
			}
			List<Finding> findings = new ArrayList<>();
			for (Recipient recipient : notification.bounce().bouncedRecipients()) {
				String detail = "Permanent/" + Objects.toString(notification.bounce().bounceSubType(), "") + " "
						+ (recipient.status() == null ? "" : recipient.status() + " ")
						+ (recipient.diagnosticCode() == null ? "" : recipient.diagnosticCode());
				findings.add(new Finding(recipient.emailAddress(), Suppressions.Reason.HARD_BOUNCE, detail.strip()));
			}
			return findings;
		}
		if ("Complaint".equals(type)) {
			if (notification.complaint() == null) {
				throw new MalformedEvent("complaint: a Complaint notification describes the complaint");
			}
			String detail = "complaint " + (notification.complaint().complaintFeedbackType() == null ? ""
					: notification.complaint().complaintFeedbackType());
			return notification.complaint()
				.complainedRecipients()
				.stream()
				.map(r -> new Finding(r.emailAddress(), Suppressions.Reason.COMPLAINT, detail.strip()))
				.toList();
		}
		return List.of();
	}

}
