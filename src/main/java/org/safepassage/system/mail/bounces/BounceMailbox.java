package org.safepassage.system.mail.bounces;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.safepassage.system.mail.Suppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads new bounce and complaint reports from the bounce mailbox and suppresses the
 * addresses they name. A report read is deleted (IMAP: flagged \Deleted and expunged;
 * POP3: deleted), so nothing is read twice. A message that is no report we can read stays
 * in the mailbox for a person to look at: logged once, then skipped (IMAP: flagged \Seen,
 * and only unseen messages are read; POP3: its UIDL remembered).
 */
class BounceMailbox {

	private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

	/** POP3 UIDLs of messages left in the mailbox, so each is logged once. */
	private static final int REMEMBERED_LEFT = 10_000;

	/** What one reading did. */
	record Reading(int suppressed, int reports, int left) {
	}

	private final BounceMailboxProperties properties;

	private final Suppressions suppressions;

	private final Set<String> left = Collections.newSetFromMap(new LinkedHashMap<String, Boolean>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > REMEMBERED_LEFT;
		}
	});

	BounceMailbox(BounceMailboxProperties properties, Suppressions suppressions) {
		this.properties = properties;
		this.suppressions = suppressions;
	}

	/**
	 * One reading: connects, takes up to {@code maxMessages} new messages, disconnects.
	 */
	synchronized Reading read() throws MessagingException {
		BounceMailboxProperties.Protocol protocol = properties.protocol();
		Store store = session().getStore(protocol.storeName());
		store.connect(properties.host(), properties.port() == 0 ? -1 : properties.port(), properties.username(),
				properties.password());
		try {
			Folder folder = store.getFolder(protocol.imap() ? properties.folder() : "INBOX");
			folder.open(Folder.READ_WRITE);
			Reading reading;
			try {
				reading = readMessages(folder, protocol);
			}
			finally {
				// Expunges (IMAP) or deletes (POP3) what was flagged \Deleted.
				folder.close(true);
			}
			return reading;
		}
		finally {
			store.close();
		}
	}

	private Reading readMessages(Folder folder, BounceMailboxProperties.Protocol protocol) throws MessagingException {
		Message[] candidates = protocol.imap() ? folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))
				: folder.getMessages();
		int suppressed = 0;
		int reports = 0;
		int leftNow = 0;
		int taken = 0;
		for (Message message : candidates) {
			if (taken == properties.maxMessages()) {
				break;
			}
			String uid = protocol.imap() ? null : ((POP3Folder) folder).getUID(message);
			if (uid != null && left.contains(uid)) {
				continue;
			}
			taken++;
			Optional<List<DeliveryReports.Finding>> findings = findings(message);
			if (findings.isEmpty()) {
				leave(message, uid);
				leftNow++;
				continue;
			}
			for (DeliveryReports.Finding finding : findings.get()) {
				if (suppressions.suppress(finding.address(), finding.reason(), protocol.source(), finding.detail())) {
					suppressed++;
				}
			}
			reports++;
			message.setFlag(Flags.Flag.DELETED, true);
		}
		if (reports + leftNow > 0) {
			log.info("Bounce mailbox: {} reports read, {} new addresses suppressed, {} other messages left", reports,
					suppressed, leftNow);
		}
		return new Reading(suppressed, reports, leftNow);
	}

	private Optional<List<DeliveryReports.Finding>> findings(Message message) throws MessagingException {
		int size = message.getSize();
		if (size > properties.maxMessageSize().toBytes()) {
			return Optional.empty();
		}
		try {
			return DeliveryReports.read(message);
		}
		catch (IOException | MessagingException | RuntimeException e) {
			log.debug("Bounce mailbox: unreadable message", e);
			return Optional.empty();
		}
	}

	private void leave(Message message, String uid) throws MessagingException {
		log.warn("Bounce mailbox: a message of {} bytes that is no delivery or feedback report we can read is "
				+ "left for a person to look at", message.getSize());
		if (uid != null) {
			left.add(uid);
		}
		else {
			message.setFlag(Flags.Flag.SEEN, true);
		}
	}

	private Session session() {
		String name = properties.protocol().storeName();
		String timeout = String.valueOf(properties.timeout().toMillis());
		Properties settings = new Properties();
		settings.put("mail." + name + ".connectiontimeout", timeout);
		settings.put("mail." + name + ".timeout", timeout);
		settings.put("mail." + name + ".writetimeout", timeout);
		// A message's parts are fetched as a whole, and no message is larger than this.
		settings.put("mail." + name + ".partialfetch", "false");
		return Session.getInstance(settings);
	}

}
