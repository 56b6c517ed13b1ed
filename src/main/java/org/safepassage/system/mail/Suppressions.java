package org.safepassage.system.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safepassage.shared.CanonicalEmail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one list of mailboxes nothing is sent to: every mail of every module passes it on
 * its way out. Matched by canonical address, so {@code Name+x@Example.org} is caught when
 * {@code name@example.org} bounced.
 */
@Service
public class Suppressions {

	public enum Reason {

		/** The receiving server said the mailbox does not exist or refuses mail. */
		HARD_BOUNCE,
		/** The person marked our mail as spam (a feedback report). */
		COMPLAINT,
		/** Staff added it, for example at the person's request. */
		ADDED_BY_STAFF

	}

	public record Suppression(String mailbox, String address, Reason reason, String source, String detail,
			Instant createdAt) {
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Suppressions(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Adds the address; {@code source} says who reported it ({@code smtp}, {@code dsn},
	 * {@code webhook:<provider>}, {@code staff:<name>}). An address already on the list
	 * keeps its first reason.
	 * @return whether the address was new to the list
	 */
	@Transactional
	public boolean suppress(String address, Reason reason, String source, String detail) {
		int added = jdbc.sql(MailQueries.SUPPRESS)
			.param("mailbox", CanonicalEmail.of(address))
			.param("address", address.strip())
			.param("reason", reason.name())
			.param("source", source)
			.param("detail", detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000)))
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		if (added > 0) {
			events.publishEvent(new AddressSuppressed(address.strip(), reason));
		}
		return added > 0;
	}

	public boolean isSuppressed(String address) {
		return !suppressedAmong(List.of(address)).isEmpty();
	}

	/** Of these addresses, as given, those whose mailbox is on the list; one query. */
	public Set<String> suppressedAmong(Collection<String> addresses) {
		if (addresses.isEmpty()) {
			return Set.of();
		}
		Map<String, List<String>> spellings = new LinkedHashMap<>();
		for (String address : addresses) {
			String mailbox = CanonicalEmail.of(address);
			spellings.computeIfAbsent(mailbox, m -> new ArrayList<>()).add(address);
		}
		Set<String> suppressed = new HashSet<>();
		jdbc.sql(MailQueries.SUPPRESSED_AMONG)
			.param("mailboxes", spellings.keySet().toArray(String[]::new))
			.query(String.class)
			.list()
			.forEach(mailbox -> suppressed.addAll(spellings.get(mailbox)));
		return suppressed;
	}

	/** Takes the address off the list (staff only; audited by the caller's request). */
	@Transactional
	public boolean lift(String address) {
		return jdbc.sql(MailQueries.LIFT_SUPPRESSION).param("mailbox", CanonicalEmail.of(address)).update() > 0;
	}

	/** How many mailboxes are on the list for each reason, every reason given. */
	public Map<Reason, Long> countsByReason() {
		Map<Reason, Long> counts = new EnumMap<>(Reason.class);
		for (Reason reason : Reason.values()) {
			counts.put(reason, 0L);
		}
		jdbc.sql(MailQueries.SUPPRESSIONS_BY_REASON)
			.query((rs, n) -> counts.put(Reason.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/** Newest first; {@code search} matches part of the canonical address. */
	public List<Suppression> page(String search, int limit) {
		return jdbc.sql(MailQueries.SUPPRESSION_PAGE)
			.param("search", search == null ? "" : CanonicalEmail.of(search))
			.param("limit", limit)
			.query((rs, n) -> new Suppression(rs.getString("mailbox"), rs.getString("address"),
					Reason.valueOf(rs.getString("reason")), rs.getString("source"), rs.getString("detail"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

}
