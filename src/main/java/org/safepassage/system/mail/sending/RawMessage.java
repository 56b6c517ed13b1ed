package org.safepassage.system.mail.sending;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A message whose bytes are already written; the SMTP transport asks it only for its
 * sender and bytes.
 */
final class RawMessage extends MimeMessage {

	private final Address[] sender;

	private final byte[] raw;

	RawMessage(Session session, InternetAddress from, byte[] raw) {
		super(session);
		this.sender = new Address[] { from };
		this.raw = raw;
	}

	@Override
	public Address[] getFrom() {
		return sender;
	}

	@Override
	public void writeTo(OutputStream out) throws IOException {
		out.write(raw);
	}

	@Override
	public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
		out.write(raw);
	}

	@Override
	public void saveChanges() throws MessagingException {
		// nothing to update: the bytes are final
	}

}
