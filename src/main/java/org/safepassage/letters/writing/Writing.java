package org.safepassage.letters.writing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.safepassage.letters.campaign.LetterCampaign;
import org.safepassage.letters.campaign.LettersProperties;
import org.safepassage.letters.directory.Directory;
import org.safepassage.letters.directory.Postcodes;
import org.safepassage.letters.directory.Representative;
import org.safepassage.letters.store.LettersQueries;
import org.safepassage.shared.CanonicalEmail;
import org.safepassage.shared.RuleViolation;
import org.safepassage.shared.Tokens;
import org.safepassage.system.SafePassageProperties;
import org.safepassage.system.mail.MailComposer;
import org.safepassage.system.mail.MailboxCap;
import org.safepassage.system.mail.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supporter writes to their own representatives: the letters wait, unconfirmed, until
 * the link mailed to the supporter is used; only then are they queued for sending.
 */
@Service
public class Writing {

	private final JdbcClient jdbc;

	private final Directory directory;

	private final MailComposer mails;

	private final Outbox outbox;

	private final MailboxCap mailboxCap;

	private final LettersProperties properties;

	private final SafePassageProperties site;

	private final Clock clock;

	Writing(JdbcClient jdbc, Directory directory, MailComposer mails, Outbox outbox, MailboxCap mailboxCap,
			LettersProperties properties, SafePassageProperties site, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.mails = mails;
		this.outbox = outbox;
		this.mailboxCap = mailboxCap;
		this.properties = properties;
		this.site = site;
		this.clock = clock;
	}

	/** A field the supporter must change, and why (a message key). */
	public record Problem(String field, String messageKey) {
	}

	/**
	 * The campaign's representatives for a typed postcode; a problem when the postcode is
	 * not one, is not in the directory, or has nobody in the campaign's bodies.
	 */
	public Lookup lookUp(LetterCampaign campaign, String postcode) {
		if (Postcodes.key(postcode).isEmpty()) {
			return new Lookup(List.of(), Optional.of(new Problem("postcode", "letters.postcode.invalid")));
		}
		if (!directory.knows(postcode)) {
			return new Lookup(List.of(), Optional.of(new Problem("postcode", "letters.postcode.unknown")));
		}
		List<Representative> found = directory.forPostcode(postcode, campaign.content().bodies());
		if (found.isEmpty()) {
			return new Lookup(found, Optional.of(new Problem("postcode", "letters.postcode.nobody")));
		}
		return new Lookup(found, Optional.empty());
	}

	public record Lookup(List<Representative> representatives, Optional<Problem> problem) {
	}

	/**
	 * Stores one unconfirmed letter per chosen representative and mails the supporter one
	 * link that confirms them all (unless their mailbox had its share of such mails
	 * today). Returns the problems instead, storing nothing, when a chosen representative
	 * does not answer for the postcode.
	 */
	@Transactional
	public List<Problem> write(LetterCampaign campaign, WriteForm form, Locale locale) {
		if (!campaign.acceptsLetters()) {
			throw new RuleViolation("letters.closed", "This letter campaign is closed");
		}
		Lookup lookup = lookUp(campaign, form.postcode());
		if (lookup.problem().isPresent()) {
			return List.of(lookup.problem().get());
		}
		List<Representative> chosen = new ArrayList<>();
		for (long id : form.representatives().stream().distinct().toList()) {
			Optional<Representative> representative = lookup.representatives()
				.stream()
				.filter(r -> r.id() == id)
				.findFirst();
			if (representative.isEmpty() || !directory.represents(id, form.postcode())) {
				return List.of(new Problem("representatives", "letters.representative.notYours"));
			}
			if (representative.get().email() == null || representative.get().email().isBlank()) {
				return List.of(new Problem("representatives", "letters.representative.noEmail"));
			}
			chosen.add(representative.get());
		}
		String token = Tokens.newToken();
		Instant now = clock.instant();
		String email = form.email().strip();
		String name = form.name().strip();
		String town = form.town().strip();
		String postcode = Postcodes.display(Postcodes.key(form.postcode()).orElseThrow());
		for (Representative representative : chosen) {
			jdbc.sql(LettersQueries.INSERT_LETTER)
				.param("campaignId", campaign.id())
				.param("representativeId", representative.id())
				.param("bodyCode", representative.bodyCode())
				.param("mailboxHash", Tokens.hash(CanonicalEmail.of(email)))
				.param("name", name)
				.param("email", email)
				.param("postalAddress", form.address().strip().replace("\r\n", "\n"))
				.param("town", town)
				.param("postcode", postcode)
				.param("letterText",
						LetterText.fill(form.letter().strip().replace("\r\n", "\n"), representative.name(), name, town))
				.param("locale", locale.toLanguageTag())
				.param("tokenHash", Tokens.hash(token))
				.param("expiresAt", Timestamp.from(now.plus(properties.confirmationTtl())))
				.param("now", Timestamp.from(now))
				.update();
		}
		if (mailboxCap.allows(email)) {
			Map<String, Object> model = Map.of("name", name, "campaignTitle", campaign.content().title(),
					"representatives", chosen.stream().map(Representative::name).toList(), "confirmUrl",
					site.link("/letters/confirm?token=" + token, locale), "ttlDays",
					properties.confirmationTtl().toDays());
			outbox.enqueue(mails.compose(email, "letters/confirm-letters", model, locale,
					new Object[] { campaign.content().title() }, Map.of()));
		}
		return List.of();
	}

}
