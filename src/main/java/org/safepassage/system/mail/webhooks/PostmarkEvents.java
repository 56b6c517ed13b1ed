package org.safepassage.system.mail.webhooks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.system.mail.Suppressions;

/**
 * Postmark's bounce and spam complaint webhooks: {@code RecordType} {@code Bounce} with
 * {@code Type} {@code HardBounce} (or {@code SpamComplaint}, as older hooks send it), and
 * {@code RecordType} {@code SpamComplaint}. Soft bounces, delays and every other record
 * type are ignored.
 */
final class PostmarkEvents {

	private PostmarkEvents() {
	}

	record Event(@JsonProperty("RecordType") @NotBlank @Size(max = 100) String recordType,
			@JsonProperty("Type") @Size(max = 100) String type,
			@JsonProperty("Email") @Email @Size(max = 254) String email,
			@JsonProperty("Description") @Size(max = 2000) String description,
			@JsonProperty("Details") @Size(max = 2000) String details) {
	}

	static List<Finding> findings(Event event) throws MalformedEvent {
		Suppressions.Reason reason = reason(event);
		if (reason == null) {
			return List.of();
		}
		if (event.email() == null || event.email().isBlank()) {
			throw new MalformedEvent("Email: a " + event.recordType() + " record names the address");
		}
		String detail = (event.type() == null ? event.recordType() : event.type())
				+ (event.details() == null ? "" : " " + event.details());
		return List.of(new Finding(event.email(), reason, detail));
	}

	private static Suppressions.Reason reason(Event event) {
		if ("SpamComplaint".equals(event.recordType())) {
			return Suppressions.Reason.COMPLAINT;
		}
		if (!"Bounce".equals(event.recordType())) {
			return null;
		}
		if ("HardBounce".equals(event.type())) {
			return Suppressions.Reason.HARD_BOUNCE;
		}
		return "SpamComplaint".equals(event.type()) ? Suppressions.Reason.COMPLAINT : null;
	}

}
