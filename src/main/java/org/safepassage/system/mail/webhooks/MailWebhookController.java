package org.safepassage.system.mail.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.safepassage.system.mail.Suppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mail providers post bounces and complaints here. Authenticated by the shared secret
 * (HTTP Basic password, compared in constant time), not by the CSRF token; a handled or
 * ignored notification gets 200, a malformed one 400 with what is wrong. SNS subscription
 * confirmations are only logged: a URL from a request is never fetched, the operator
 * opens it (docs/security.md).
 */
@RestController
class MailWebhookController {

	static final String PATH = "/webhooks/mail/{provider}";

	private static final Logger log = LoggerFactory.getLogger(MailWebhookController.class);

	private final WebhookProperties properties;

	private final JsonEvents events;

	private final Suppressions suppressions;

	MailWebhookController(WebhookProperties properties, JsonEvents events, Suppressions suppressions) {
		this.properties = properties;
		this.events = events;
		this.suppressions = suppressions;
	}

	@PostMapping(PATH)
	ResponseEntity<?> receive(@PathVariable String provider, HttpServletRequest request) throws IOException {
		if (!properties.enabled() || !List.of("ses", "postmark").contains(provider)) {
			return problem(HttpStatus.NOT_FOUND, "No such webhook.");
		}
		if (!authenticated(request.getHeader(HttpHeaders.AUTHORIZATION))) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"mail-webhooks\"")
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
						"The webhook's secret is missing or wrong."));
		}
		long max = properties.maxBodySize().toBytes();
		byte[] bytes;
		try (InputStream in = request.getInputStream()) {
			bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, max + 1));
		}
		if (bytes.length > max) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "The notification is larger than " + max + " bytes.");
		}
		String body = new String(bytes, StandardCharsets.UTF_8);
		List<Finding> findings;
		try {
			findings = provider.equals("ses") ? ses(body)
					: PostmarkEvents.findings(events.read(body, PostmarkEvents.Event.class));
		}
		catch (MalformedEvent e) {
			return problem(HttpStatus.BAD_REQUEST, e.getMessage());
		}
		int suppressed = 0;
		for (Finding finding : findings) {
			if (suppressions.suppress(finding.address(), finding.reason(), "webhook:" + provider, finding.detail())) {
				suppressed++;
			}
		}
		return ResponseEntity.ok(Map.of("reported", findings.size(), "newlySuppressed", suppressed));
	}

	private List<Finding> ses(String body) throws MalformedEvent {
		if (!events.hasField(body, "Type")) {
			// Raw message delivery: the SES notification itself.
			return SesEvents.findings(events.read(body, SesEvents.Notification.class));
		}
		SesEvents.SnsMessage message = events.read(body, SesEvents.SnsMessage.class);
		switch (message.type()) {
			case "Notification" -> {
				if (message.message() == null) {
					throw new MalformedEvent("Message: a notification carries a message");
				}
				return SesEvents.findings(events.read(message.message(), SesEvents.Notification.class));
			}
			case "SubscriptionConfirmation", "UnsubscribeConfirmation" -> {
				// Never fetched from here (that would let anyone make this server
				// request any address): the operator opens it.
				log.warn(
						"Amazon SNS asks to confirm the subscription of topic {} to the SES webhook: "
								+ "if you set that up, open this address once: {}",
						printable(message.topicArn()), printable(message.subscribeUrl()));
				return List.of();
			}
			default -> {
				return List.of();
			}
		}
	}

	private boolean authenticated(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		String credentials;
		try {
			credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException notBase64) {
			return false;
		}
		int colon = credentials.indexOf(':');
		String password = colon < 0 ? "" : credentials.substring(colon + 1);
		return MessageDigest.isEqual(sha256(password), sha256(properties.secret()));
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** No line breaks or control characters from a request reach the log. */
	private static String printable(String text) {
		if (text == null) {
			return "(none)";
		}
		String clean = text.replaceAll("\\p{Cntrl}", "?");
		return clean.length() > 500 ? clean.substring(0, 500) + "…" : clean;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
