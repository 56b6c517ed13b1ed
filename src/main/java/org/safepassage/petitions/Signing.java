package org.safepassage.petitions;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import org.safepassage.petitions.PetitionEvents.SignatureConfirmed;
import org.safepassage.shared.Countries;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.RuleViolation;
import org.safepassage.shared.Tokens;
import org.safepassage.system.SafePassageProperties;
import org.safepassage.system.mail.MailComposer;
import org.safepassage.system.mail.Outbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signing and confirming. Every mail it causes is written to the outbox in the same transaction. */
@Service
class Signing {

	private final JdbcClient jdbc;

	private final PetitionRepository petitions;

	private final Outbox outbox;

	private final MailComposer mails;

	private final PetitionsProperties properties;

	private final SafePassageProperties site;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Signing(JdbcClient jdbc, PetitionRepository petitions, Outbox outbox, MailComposer mails,
			PetitionsProperties properties, SafePassageProperties site, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.petitions = petitions;
		this.outbox = outbox;
		this.mails = mails;
		this.properties = properties;
		this.site = site;
		this.events = events;
		this.clock = clock;
	}

	/** A valid signature as submitted, with where it came from. */
	record Submission(long petitionId, SignatureForm form, Locale locale, String ip) {
	}

	/**
	 * Records a signature and mails its confirmation link. A repeat mails the address instead (a fresh link
	 * if still unconfirmed, "already signed" otherwise) and looks exactly the same to whoever submitted it.
	 */
	@Transactional
	void sign(Submission submission) {
		Petition petition = petitions.find(submission.petitionId())
			.filter(p -> p.state().isPublic())
			.orElseThrow(() -> new NotFoundException("No petition " + submission.petitionId()));
		if (!petition.acceptsSignatures(clock.instant())) {
			throw new RuleViolation("sign.closed", "This petition is closed");
		}
		SignatureForm form = submission.form();
		if (!Countries.isKnown(form.country())) {
			throw new IllegalArgumentException("Unknown country " + form.country());
		}
		String token = Tokens.newToken();
		Instant expiresAt = clock.instant().plus(properties.confirmationTtl());
		jdbc.sql(PetitionQueries.SIGN)
			.param("petitionId", submission.petitionId())
			.param("name", form.name().strip())
			.param("email", form.email().strip())
			.param("canonical", CanonicalEmail.of(form.email()))
			.param("country", form.country())
			.param("postcode", blankToNull(form.postcode()))
			.param("keepUpdated", form.keepUpdated())
			.param("locale", submission.locale().toLanguageTag())
			.param("ip", submission.ip())
			.param("tokenHash", Tokens.hash(token))
			.param("expiresAt", OffsetDateTime.ofInstant(expiresAt, java.time.ZoneOffset.UTC))
			.param("flagged", false)
			.param("flagReason", null)
			.param("maxMails", properties.mailsPerSignature())
			.query((rs, n) -> new Stored(rs.getString("email"), rs.getString("name"),
					Locale.forLanguageTag(rs.getString("locale")), rs.getBoolean("confirmed")))
			.optional()
			.ifPresent(stored -> mailSigner(stored, petition, token));
	}

	private record Stored(String email, String name, Locale locale, boolean confirmed) {
	}

	private void mailSigner(Stored stored, Petition petition, String token) {
		Map<String, Object> model = Map.of("name", stored.name(), "petitionTitle", petition.content().title(),
				"petitionUrl", site.link("/petitions/" + petition.id()), "confirmUrl",
				site.link("/signatures/confirm?token=" + token), "ttlDays", properties.confirmationTtl().toDays());
		String template = stored.confirmed() ? "petitions/already-signed" : "petitions/confirm-signature";
		outbox.enqueue(mails.compose(stored.email(), template, model, stored.locale(),
				new Object[] { petition.content().title() }, Map.of()));
	}

	enum LinkStatus {

		VALID, JUST_CONFIRMED, CONFIRMED, EXPIRED, PETITION_CLOSED, UNKNOWN

	}

	record Link(LinkStatus status, Long petitionId) {
	}

	/** What a confirmation link leads to, without changing anything (GET may be a mail scanner). */
	@Transactional(readOnly = true)
	Link inspect(String token) {
		if (!Tokens.looksValid(token)) {
			return new Link(LinkStatus.UNKNOWN, null);
		}
		return jdbc.sql(PetitionQueries.FIND_BY_TOKEN)
			.param("tokenHash", Tokens.hash(token))
			.query((rs, n) -> {
				long petitionId = rs.getLong("petition_id");
				Instant now = clock.instant();
				boolean open = petitions.find(petitionId).map(p -> p.acceptsSignatures(now)).orElse(false);
				java.sql.Timestamp confirmedAt = rs.getTimestamp("confirmed_at");
				return new Link(statusOf(confirmedAt == null ? null : confirmedAt.toInstant(),
						rs.getTimestamp("token_expires_at").toInstant(), open, now), petitionId);
			})
			.optional()
			.orElse(new Link(LinkStatus.UNKNOWN, null));
	}

	static LinkStatus statusOf(Instant confirmedAt, Instant expiresAt, boolean petitionOpen, Instant now) {
		if (confirmedAt != null) {
			return LinkStatus.CONFIRMED;
		}
		if (!expiresAt.isAfter(now)) {
			return LinkStatus.EXPIRED;
		}
		return petitionOpen ? LinkStatus.VALID : LinkStatus.PETITION_CLOSED;
	}

	/** Confirms once; any later or invalid attempt reports what the link's state is instead. */
	@Transactional
	Link confirm(String token) {
		if (!Tokens.looksValid(token)) {
			return new Link(LinkStatus.UNKNOWN, null);
		}
		return jdbc.sql(PetitionQueries.CONFIRM)
			.param("tokenHash", Tokens.hash(token))
			.query((rs, n) -> {
				long petitionId = rs.getLong("petition_id");
				if (!rs.getBoolean("flagged")) {
					jdbc.sql(PetitionQueries.QUEUE_COUNT)
						.param("petitionId", petitionId)
						.param("country", rs.getString("country"))
						.update();
				}
				events.publishEvent(new SignatureConfirmed(petitionId, rs.getLong("id"), rs.getString("email"),
						rs.getString("name"), rs.getString("locale"), rs.getBoolean("keep_updated"),
						rs.getTimestamp("confirmed_at").toInstant()));
				return new Link(LinkStatus.JUST_CONFIRMED, petitionId);
			})
			.optional()
			.orElseGet(() -> inspect(token));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
