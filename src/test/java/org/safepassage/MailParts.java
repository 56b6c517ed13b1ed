package org.safepassage;

import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads the decoded text and HTML parts of a received mail. */
public final class MailParts {

	private MailParts() {
	}

	public static String text(Part mail) throws Exception {
		return find(mail, "text/plain").orElseThrow(() -> new AssertionError("no text/plain part"));
	}

	public static String html(Part mail) throws Exception {
		return find(mail, "text/html").orElseThrow(() -> new AssertionError("no text/html part"));
	}

	private static Optional<String> find(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return Optional.of((String) part.getContent());
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				Optional<String> found = find(child, type);
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

}
