package org.safepassage.booklets.ordering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.safepassage.booklets.domain.Booklet;
import org.safepassage.booklets.domain.BookletsProperties;
import org.safepassage.booklets.store.BookletQueries;
import org.safepassage.shared.CanonicalEmail;
import org.safepassage.shared.RuleViolation;
import org.safepassage.shared.Tokens;
import org.safepassage.system.SafePassageProperties;
import org.safepassage.system.mail.MailComposer;
import org.safepassage.system.mail.MailboxCap;
import org.safepassage.system.mail.Outbox;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supporter orders copies of a booklet: the order waits, unconfirmed and taking no
 * stock, until the link mailed to them is used ({@link OrderConfirmation}). The page
 * answers the same whether the address has ordered before or not (a state that wants to
 * know who reads about North Korean refugees must not learn it from our form): a mailbox
 * that already has a confirmed order of this booklet within {@code duplicate-window} is
 * told so by mail instead of getting a link.
 */
@Service
public class Ordering {

	private final JdbcClient jdbc;

	private final MailComposer mails;

	private final Outbox outbox;

	private final MailboxCap mailboxCap;

	private final OrderAttempts attempts;

	private final BookletsProperties properties;

	private final SafePassageProperties site;

	private final MessageSource messages;

	private final Clock clock;

	Ordering(JdbcClient jdbc, MailComposer mails, Outbox outbox, MailboxCap mailboxCap, OrderAttempts attempts,
			BookletsProperties properties, SafePassageProperties site, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.mails = mails;
		this.outbox = outbox;
		this.mailboxCap = mailboxCap;
		this.attempts = attempts;
		this.properties = properties;
		this.site = site;
		this.messages = messages;
		this.clock = clock;
	}

	/** A field the supporter must change, and why (a message key and its arguments). */
	public record Problem(String field, String messageKey, Object... arguments) {
	}

	/**
	 * What in a well-formed order does not suit this booklet as it is now: a language it
	 * is not printed in, a country it is not posted to, more copies than one order may
	 * have, or than are in hand (said without telling how many are).
	 */
	public List<Problem> check(Booklet booklet, OrderForm form) {
		List<Problem> problems = new ArrayList<>();
		if (form.language() != null && !booklet.content().languages().contains(form.language())) {
			problems.add(new Problem("language", "booklets.language.notOffered"));
		}
		if (form.countryCode() != null && !booklet.content().countries().contains(form.countryCode())) {
			problems.add(new Problem("country", "booklets.country.notOffered"));
		}
		if (form.quantity() != null) {
			if (form.quantity() > booklet.content().perOrderLimit()) {
				problems.add(new Problem("quantity", "booklets.quantity.overLimit", booklet.content().perOrderLimit()));
			}
			else if (!booklet.inStock()) {
				problems.add(new Problem("quantity", "booklets.outOfStock"));
			}
			else if (form.quantity() > booklet.stock()) {
				problems.add(new Problem("quantity", "booklets.quantity.notEnough"));
			}
		}
		return problems;
	}

	/**
	 * Stores an unconfirmed order and mails its link (or, to a mailbox with a recent
	 * confirmed order of the booklet, a note saying so). Over the per-address limits
	 * nothing is stored or mailed; over the {@link MailboxCap} nothing is mailed. The
	 * answer is the same in every case.
	 * @return the problems that must be corrected, storing nothing
	 */
	@Transactional
	public List<Problem> order(Booklet booklet, OrderForm form, Locale locale, String clientAddress) {
		if (!booklet.isPublished()) {
			throw new RuleViolation("booklets.notOffered", "This booklet is not offered");
		}
		List<Problem> problems = check(booklet, form);
		if (!problems.isEmpty() || attempts.overLimits(clientAddress)) {
			return problems;
		}
		Instant now = clock.instant();
		String email = form.email().strip();
		String name = form.name().strip();
		byte[] mailbox = Tokens.hash(CanonicalEmail.of(email));
		Optional<Instant> earlier = jdbc.sql(BookletQueries.CONFIRMED_SINCE)
			.param("mailboxHash", mailbox)
			.param("bookletId", booklet.id())
			.param("since", Timestamp.from(now.minus(properties.duplicateWindow())))
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
		if (earlier.isPresent()) {
			if (mailboxCap.allows(email)) {
				Map<String, Object> model = Map.of("name", name, "title", booklet.content().title(), "orderedOn",
						LocalDate.ofInstant(earlier.get(), ZoneOffset.UTC), "windowDays",
						properties.duplicateWindow().toDays());
				outbox.enqueue(mails.compose(email, "booklets/already-ordered", model, locale,
						new Object[] { booklet.content().title() }, Map.of()));
			}
			return List.of();
		}
		String token = Tokens.newToken();
		jdbc.sql(BookletQueries.INSERT_ORDER)
			.param("bookletId", booklet.id())
			.param("quantity", form.quantity())
			.param("language", form.language())
			.param("country", form.countryCode())
			.param("name", name)
			.param("line1", form.line1().strip())
			.param("line2", blankToNull(form.line2()))
			.param("town", form.town().strip())
			.param("region", blankToNull(form.region()))
			.param("postcode", blankToNull(form.postcode()))
			.param("email", email)
			.param("mailboxHash", mailbox)
			.param("locale", locale.toLanguageTag())
			.param("tokenHash", Tokens.hash(token))
			.param("expiresAt", Timestamp.from(now.plus(properties.confirmationTtl())))
			.param("now", Timestamp.from(now))
			.update();
		if (mailboxCap.allows(email)) {
			Map<String, Object> model = Map.of("name", name, "title", booklet.content().title(), "quantity",
					form.quantity(), "language", languageName(form.language(), locale), "confirmUrl",
					site.link("/resources/confirm?token=" + token, locale), "ttlDays",
					properties.confirmationTtl().toDays());
			outbox.enqueue(mails.compose(email, "booklets/confirm-order", model, locale,
					new Object[] { booklet.content().title() }, Map.of()));
		}
		return List.of();
	}

	private String languageName(String tag, Locale locale) {
		return messages.getMessage("booklets.language." + tag, null, tag, locale);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
