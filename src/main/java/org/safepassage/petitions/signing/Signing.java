package org.safepassage.petitions.signing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.safepassage.petitions.PetitionEvents.SignatureConfirmed;
import org.safepassage.petitions.domain.Petition;
import org.safepassage.petitions.domain.PetitionContent;
import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.petitions.fraud.SigningRules;
import org.safepassage.shared.CanonicalEmail;
import org.safepassage.shared.ClientAddress;
import org.safepassage.shared.Countries;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.RuleViolation;
import org.safepassage.shared.Tokens;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.system.SafePassageProperties;
import org.safepassage.system.mail.MailComposer;
import org.safepassage.system.mail.OutgoingMail;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing and confirming. Every mail it causes is written to the outbox in the same
 * transaction.
 */
@Service
public class Signing {

	private final JdbcClient jdbc;

	private final PetitionRepository petitions;

	private final MailComposer mails;

	private final PetitionsProperties properties;

	private final SafePassageProperties site;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SignatureBatcher batcher;

	private final SigningRules rules;

	private final ContentTranslations translations;

	private final TransactionTemplate transactions;

	private final ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor();

	private final Counter accepted;

	private final Counter confirmed;

	Signing(JdbcClient jdbc, PetitionRepository petitions, SignatureBatcher batcher, MailComposer mails,
			PetitionsProperties properties, SafePassageProperties site, ApplicationEventPublisher events, Clock clock,
			TransactionTemplate transactions, MeterRegistry meters, SigningRules rules,
			ContentTranslations translations) {
		this.rules = rules;
		this.translations = translations;
		this.accepted = Counter.builder("safepassage.signatures.accepted")
			.description("Signatures stored and acknowledged to the signer (repeats included)")
			.register(meters);
		this.confirmed = Counter.builder("safepassage.signatures.confirmed")
			.description("Signatures confirmed through their mailed link")
			.register(meters);
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.petitions = petitions;
		this.batcher = batcher;
		this.mails = mails;
		this.properties = properties;
		this.site = site;
		this.events = events;
		this.clock = clock;
	}

	/** A valid signature as submitted, with where it came from. */
	public record Submission(long petitionId, SignatureForm form, Locale locale, String ip) {
	}

	/**
	 * Records a signature and mails its confirmation link; returns once the signature is
	 * durable. A repeat mails the address instead (a new link if still unconfirmed, while
	 * the links mailed before keep working until they expire; "already signed" otherwise)
	 * and looks exactly the same to whoever submitted it.
	 */
	public void sign(Submission submission) {
		Petition petition = petitions.findRecent(submission.petitionId())
			.filter(p -> p.state().isPublic())
			.orElseThrow(() -> new NotFoundException("No petition " + submission.petitionId()));
		if (petition.isPaused()) {
			throw new RuleViolation("sign.paused", "Signing this petition is paused");
		}
		if (!petition.acceptsSignatures(clock.instant())) {
			throw new RuleViolation("sign.closed", "This petition is closed");
		}
		SignatureForm form = submission.form();
		String country = FormValues.countryCode(form.country());
		if (!Countries.isKnown(country)) {
			throw new IllegalArgumentException("Unknown country " + form.country());
		}
		String email = form.email().strip();
		String canonical = CanonicalEmail.of(email);
		String ip = ClientAddress.orNull(submission.ip());
		if (rules.refuses(ip, canonical, petition.id())) {
			throw new RuleViolation("sign.refused", "A blocked address range or email domain");
		}
		String token = Tokens.newToken();
		String name = form.name().strip();
		OutgoingMail confirmation = mail(email, name, submission.locale(), petition, token, false);
		SignatureBatcher.RepeatMail repeat = (storedEmail, storedName, storedLocale, confirmed) -> mail(storedEmail,
				storedName, storedLocale, petition, token, confirmed);
		SignatureBatcher.Outcome outcome = batcher.submit(new SignatureBatcher.PendingSignature(submission.petitionId(),
				name, email, canonical, country, FormValues.text(form.postcode()), form.wantsUpdates(),
				submission.locale(), ip, Tokens.hash(token), confirmation, repeat, new CompletableFuture<>()));
		if (outcome == SignatureBatcher.Outcome.PETITION_CLOSED) {
			boolean paused = petitions.find(petition.id()).map(Petition::isPaused).orElse(false);
			throw paused ? new RuleViolation("sign.paused", "Signing this petition is paused")
					: new RuleViolation("sign.closed", "This petition is closed");
		}
		accepted.increment();
	}

	private OutgoingMail mail(String email, String name, Locale locale, Petition petition, String token,
			boolean alreadyConfirmed) {
		// The title in the signer's language when staff translated it.
		String title = translations.of(PetitionContent.TRANSLATION_KIND, petition.id(), locale)
			.getOrDefault("title", petition.content().title());
		Map<String, Object> model = Map.of("name", name, "petitionTitle", title, "petitionUrl",
				site.link("/petitions/" + petition.id(), locale), "confirmUrl",
				site.link("/signatures/confirm?token=" + token, locale), "ttlDays",
				properties.confirmationTtl().toDays(), "removeUrl",
				site.link("/signatures/remove?token=" + token, locale));
		String template = alreadyConfirmed ? "petitions/already-signed" : "petitions/confirm-signature";
		return mails.compose(email, template, model, locale, new Object[] { title }, Map.of());
	}

	public enum LinkStatus {

		VALID, JUST_CONFIRMED, CONFIRMED, EXPIRED, PETITION_CLOSED, PAUSED, UNKNOWN

	}

	public record Link(LinkStatus status, Long petitionId) {
	}

	/**
	 * What a confirmation link leads to, without changing anything (GET may be a mail
	 * scanner).
	 */
	@Transactional(readOnly = true)
	public Link inspect(String token) {
		if (!Tokens.looksValid(token)) {
			return new Link(LinkStatus.UNKNOWN, null);
		}
		return jdbc.sql(PetitionQueries.FIND_BY_TOKEN).param("tokenHash", Tokens.hash(token)).query((rs, n) -> {
			long petitionId = rs.getLong("petition_id");
			Instant now = clock.instant();
			Petition petition = petitions.findRecent(petitionId).orElse(null);
			boolean open = petition != null && petition.acceptsSignatures(now);
			Timestamp confirmedAt = rs.getTimestamp("confirmed_at");
			LinkStatus status = statusOf(confirmedAt == null ? null : confirmedAt.toInstant(),
					rs.getTimestamp("token_expires_at").toInstant(), open, now);
			if (status == LinkStatus.PETITION_CLOSED && petition != null && petition.isPaused()) {
				status = LinkStatus.PAUSED;
			}
			return new Link(status, petitionId);
		}).optional().orElse(new Link(LinkStatus.UNKNOWN, null));
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

	/**
	 * Confirms once; any later or invalid attempt reports what the link's state is
	 * instead. Waits at most {@code batching.max-wait} for the database, so a hung
	 * database gives the signer a clear 503, not a hang.
	 */
	public Link confirm(String token) {
		if (!Tokens.looksValid(token)) {
			return new Link(LinkStatus.UNKNOWN, null);
		}
		CompletableFuture<Link> result = CompletableFuture
			.supplyAsync(() -> transactions.execute(status -> confirmNow(token)), waiting);
		try {
			Link link = result.get(properties.batching().maxWait().toMillis(), TimeUnit.MILLISECONDS);
			if (link.status() == LinkStatus.JUST_CONFIRMED) {
				confirmed.increment();
			}
			return link;
		}
		catch (TimeoutException | InterruptedException e) {
			throw new SignatureBatcher.SigningOverloaded();
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
		}
	}

	private Link confirmNow(String token) {
		return jdbc.sql(PetitionQueries.CONFIRM)
			.param("tokenHash", Tokens.hash(token))
			.param("now", PetitionQueries.at(clock.instant()))
			.query((rs, n) -> {
				long petitionId = rs.getLong("petition_id");
				// Invalidated by staff before it was confirmed: confirmed, never counted.
				if (!rs.getBoolean("flagged") && !rs.getBoolean("invalidated")) {
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

}
