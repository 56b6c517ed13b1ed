package org.safepassage.system.mail.bounces;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMultipart;
import org.safepassage.system.mail.Suppressions;

/**
 * Reads the two machine-readable reports a mailbox receives about our mail: delivery
 * status notifications (RFC 3464; a recipient whose {@code Action} is {@code failed} with
 * a permanent {@code 5.x.x} status bounced hard, while {@code delayed} and {@code 4.x.x}
 * are passing trouble) and abuse feedback reports (RFC 5965; the person called our mail
 * spam). Anything else is not a report.
 */
final class DeliveryReports {

	/** One address to suppress, and why. */
	record Finding(String address, Suppressions.Reason reason, String detail) {
	}

	/** The most of one report part read; a real one is a few hundred bytes. */
	static final int MAX_PART_BYTES = 64 * 1024;

	private static final byte[] BLANK_LINE = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

	private DeliveryReports() {
	}

	/**
	 * The addresses the message reports as failed for good or complained about (possibly
	 * none: a delay notice), or empty when the message is no report we can read.
	 */
	static Optional<List<Finding>> read(Message message) throws MessagingException, IOException {
		if (!message.isMimeType("multipart/report")) {
			return Optional.empty();
		}
		String reportType = new ContentType(message.getContentType()).getParameter("report-type");
		if (!(message.getContent() instanceof MimeMultipart parts)) {
			return Optional.empty();
		}
		if ("delivery-status".equalsIgnoreCase(reportType)) {
			return deliveryStatus(parts);
		}
		if ("feedback-report".equalsIgnoreCase(reportType)) {
			return feedback(parts);
		}
		return Optional.empty();
	}

	private static Optional<List<Finding>> deliveryStatus(MimeMultipart parts) throws MessagingException, IOException {
		BodyPart status = partOfType(parts, "message/delivery-status", "message/global-delivery-status");
		if (status == null) {
			return Optional.empty();
		}
		List<InternetHeaders> blocks = headerBlocks(status);
		if (blocks.size() < 2) {
			return Optional.empty();
		}
		List<Finding> hardBounces = new ArrayList<>();
		// The first block is about the message; each further one about one recipient.
		for (InternetHeaders recipient : blocks.subList(1, blocks.size())) {
			String action = field(recipient, "Action").toLowerCase(Locale.ROOT);
			String code = field(recipient, "Status");
			String address = address(field(recipient, "Original-Recipient"));
			if (address == null) {
				address = address(field(recipient, "Final-Recipient"));
			}
			if (address != null && action.equals("failed") && code.startsWith("5.")) {
				String diagnostic = field(recipient, "Diagnostic-Code");
				hardBounces
					.add(new Finding(address, Suppressions.Reason.HARD_BOUNCE, (code + " " + diagnostic).strip()));
			}
		}
		return Optional.of(hardBounces);
	}

	private static Optional<List<Finding>> feedback(MimeMultipart parts) throws MessagingException, IOException {
		BodyPart report = partOfType(parts, "message/feedback-report");
		if (report == null) {
			return Optional.empty();
		}
		List<InternetHeaders> blocks = headerBlocks(report);
		if (blocks.isEmpty()) {
			return Optional.empty();
		}
		InternetHeaders fields = blocks.getFirst();
		String type = field(fields, "Feedback-Type");
		String address = address(field(fields, "Original-Rcpt-To"));
		if (address == null) {
			address = originalRecipient(parts);
		}
		if (address == null) {
			return Optional.empty();
		}
		String detail = ("feedback " + type + " " + field(fields, "User-Agent")).strip();
		return Optional.of(List.of(new Finding(address, Suppressions.Reason.COMPLAINT, detail)));
	}

	/** The {@code To} of the enclosed original message, or of its enclosed headers. */
	private static String originalRecipient(MimeMultipart parts) throws MessagingException, IOException {
		BodyPart original = partOfType(parts, "message/rfc822", "text/rfc822-headers");
		if (original == null) {
			return null;
		}
		List<InternetHeaders> blocks = headerBlocks(original);
		return blocks.isEmpty() ? null : address(field(blocks.getFirst(), "To"));
	}

	private static BodyPart partOfType(MimeMultipart parts, String... types) throws MessagingException {
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			for (String type : types) {
				if (part.isMimeType(type)) {
					return part;
				}
			}
		}
		return null;
	}

	/**
	 * The part's header blocks, separated by blank lines, read from at most
	 * {@link #MAX_PART_BYTES} of it.
	 */
	private static List<InternetHeaders> headerBlocks(Part part) throws MessagingException, IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (InputStream in = part.getInputStream()) {
			bytes.write(in.readNBytes(MAX_PART_BYTES));
		}
		// A blank line at the end, so the last block ends even if the sender left it out.
		bytes.write(BLANK_LINE);
		ByteArrayInputStream text = new ByteArrayInputStream(bytes.toByteArray());
		List<InternetHeaders> blocks = new ArrayList<>();
		while (text.available() > 0) {
			InternetHeaders block = new InternetHeaders(text);
			if (block.getAllHeaderLines().hasMoreElements()) {
				blocks.add(block);
			}
		}
		return blocks;
	}

	private static String field(InternetHeaders headers, String name) {
		String value = headers.getHeader(name, ",");
		return value == null ? "" : value.replaceAll("\\s+", " ").strip();
	}

	/**
	 * The mailbox of a field such as {@code rfc822; name@example.org} or
	 * {@code Name <name@example.org>}; null when there is none.
	 */
	static String address(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		int semicolon = text.indexOf(';');
		if (semicolon >= 0) {
			if (!text.substring(0, semicolon).strip().equalsIgnoreCase("rfc822")) {
				return null;
			}
			text = text.substring(semicolon + 1).strip();
		}
		try {
			InternetAddress[] addresses = InternetAddress.parseHeader(text, false);
			if (addresses.length == 0 || addresses[0].getAddress() == null
					|| !addresses[0].getAddress().contains("@")) {
				return null;
			}
			return addresses[0].getAddress();
		}
		catch (AddressException e) {
			return null;
		}
	}

}
