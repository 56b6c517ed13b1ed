package org.safepassage.petitions.fraud;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.shared.RuleViolation;
import org.safepassage.system.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's allow and block lists of address ranges and email domains. Signing reads them
 * on every signature, so each instance keeps them in memory for {@code rules-ttl}
 * (re-read in the background; a change made here applies at once on this instance).
 * <p>
 * A blocked signature is <b>refused</b>, not stored flagged: nothing of it is kept, and a
 * real person caught by a wide block is told to get in touch instead of waiting for a
 * mail that never comes. The refusal does not say what matched; the audit log does (once
 * per rule per {@code refusal-audit-interval}, with the number refused).
 */
@Service
public class SigningRules {

	public enum Kind {

		ALLOW, BLOCK

	}

	public enum Subject {

		RANGE, DOMAIN

	}

	public record Rule(long id, Kind kind, Subject subject, String value, String note, String createdBy,
			Instant createdAt) {
	}

	private record Compiled(List<Rule> rules, Map<Rule, AddressRange> ranges) {

		Rule match(Kind kind, byte[] address, String domain) {
			for (Rule rule : rules) {
				if (rule.kind() != kind) {
					continue;
				}
				if (rule.subject() == Subject.RANGE ? ranges.get(rule).contains(address)
						: domain != null && (domain.equals(rule.value()) || domain.endsWith("." + rule.value()))) {
					return rule;
				}
			}
			return null;
		}

	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final FraudProperties properties;

	private final Clock clock;

	private final LoadingCache<Boolean, Compiled> cache;

	private final Map<Long, Refusals> refusals = new ConcurrentHashMap<>();

	private static final class Refusals {

		final AtomicLong count = new AtomicLong();

		volatile Instant lastWritten;

	}

	SigningRules(JdbcClient jdbc, AuditLog audit, FraudProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.cache = Caffeine.newBuilder().refreshAfterWrite(properties.rulesTtl()).build(key -> load());
	}

	/**
	 * Whether a new signature from this address and canonical email is refused; records
	 * the refusal.
	 */
	public boolean refuses(String ip, String canonicalEmail, long petitionId) {
		Compiled compiled = cache.get(Boolean.TRUE);
		if (compiled.rules().isEmpty()) {
			return false;
		}
		Rule rule = compiled.match(Kind.BLOCK, ip == null ? null : AddressRange.bytes(ip), domainOf(canonicalEmail));
		if (rule == null) {
			return false;
		}
		noteRefusal(rule, petitionId);
		return true;
	}

	/** Whether an allow-list entry of staff covers this address or email's domain. */
	public boolean allows(String ip, String canonicalEmail) {
		Compiled compiled = cache.get(Boolean.TRUE);
		return !compiled.rules().isEmpty() && compiled.match(Kind.ALLOW, ip == null ? null : AddressRange.bytes(ip),
				domainOf(canonicalEmail)) != null;
	}

	public List<Rule> list() {
		return load().rules();
	}

	/**
	 * Adds a rule; a range or domain already on either list is refused (it would be both
	 * allowed and blocked).
	 * @param value a range or address when {@code subject} is RANGE, a domain otherwise,
	 * already validated
	 */
	@Transactional
	public void add(Kind kind, Subject subject, String value, String note, String actor) {
		String stored = subject == Subject.RANGE ? AddressRange.parse(value).toString()
				: value.strip().toLowerCase(Locale.ROOT);
		boolean added = !jdbc.sql(PetitionQueries.INSERT_SIGNING_RULE)
			.param("kind", kind.name())
			.param("subject", subject.name())
			.param("value", stored)
			.param("note", note)
			.param("actor", actor)
			.param("now", PetitionQueries.at(clock.instant()))
			.query(Long.class)
			.list()
			.isEmpty();
		if (!added) {
			throw new RuleViolation("fraud.rules.duplicate", "Already listed: " + stored);
		}
		audit.record(actor, "signing-rule.added", kind + " " + subject + " " + stored, "ok", null);
		cache.invalidateAll();
	}

	@Transactional
	public void remove(long id, String actor) {
		jdbc.sql(PetitionQueries.DELETE_SIGNING_RULE).param("id", id).query(rs -> {
			audit.record(actor, "signing-rule.removed",
					rs.getString("kind") + " " + rs.getString("subject") + " " + rs.getString("value"), "ok", null);
		});
		cache.invalidateAll();
	}

	private void noteRefusal(Rule rule, long petitionId) {
		Refusals r = refusals.computeIfAbsent(rule.id(), id -> new Refusals());
		r.count.incrementAndGet();
		Instant now = clock.instant();
		Instant last = r.lastWritten;
		if (last != null && now.isBefore(last.plus(properties.refusalAuditInterval()))) {
			return;
		}
		synchronized (r) {
			if (r.lastWritten != last) {
				return;
			}
			r.lastWritten = now;
		}
		long n = r.count.getAndSet(0);
		audit.record(null, "signature.refused",
				"rule " + rule.id() + " " + rule.subject() + " " + rule.value() + " petition=" + petitionId,
				n + " refused", null);
	}

	static String domainOf(String canonicalEmail) {
		if (canonicalEmail == null) {
			return null;
		}
		int at = canonicalEmail.lastIndexOf('@');
		return at < 0 ? null : canonicalEmail.substring(at + 1);
	}

	private Compiled load() {
		List<Rule> rules = new ArrayList<>();
		Map<Rule, AddressRange> ranges = new HashMap<>();
		jdbc.sql(PetitionQueries.SIGNING_RULES).query(rs -> {
			Timestamp at = rs.getTimestamp("created_at");
			Rule rule = new Rule(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
					Subject.valueOf(rs.getString("subject")), rs.getString("value"), rs.getString("note"),
					rs.getString("created_by"), at.toInstant());
			if (rule.subject() == Subject.RANGE) {
				AddressRange range = AddressRange.parse(rule.value());
				if (range == null) {
					return;
				}
				ranges.put(rule, range);
			}
			rules.add(rule);
		});
		return new Compiled(List.copyOf(rules), ranges);
	}

}
